import datetime

from reports.models import SummaryReport
from reports.selectors import content_for_rendering, report_content, reports_visible_to
from reports.services import sign_report
from reports.signing import CODES

from .builders import add_registration, make_many


def _row(rows, name):
    return next(row for row in rows if row["name"] == name)


def test_figures_by_unit_count_sent_registrations_and_submitted_final_reports(report, populated):
    content = report_content(report)
    ka_do = _row(content["units"], "Xã Ka Đô")
    assert ka_do == {
        "name": "Xã Ka Đô",
        "registered": 3,
        "models": 2,
        "exemplars": 1,
        "accepted": 3,
        "recognised": 2,
        "reports": 2,
        "households": 150,
        "funds_vnd": 1_684_500_000,
        "socialised_funds_vnd": 300_000_000,
        "workdays": 1000,
    }
    thanh_my = _row(content["units"], "Thị trấn Thạnh Mỹ")
    assert (thanh_my["registered"], thanh_my["accepted"], thanh_my["reports"]) == (1, 0, 0)
    totals = content["unit_totals"]
    assert (totals["registered"], totals["models"], totals["exemplars"], totals["units_registered"]) == (4, 3, 1, 2)
    assert [s["status"] for s in content["statuses"]] == ["submitted", "accepted", "recognised"]
    assert content["areas"] == {"ethnic_minority": 1, "religious": 1}


def test_towns_come_before_communes_in_the_unit_table(report, populated):
    assert [row["name"] for row in report_content(report)["units"]] == ["Thị trấn Thạnh Mỹ", "Xã Ka Đô"]


def test_interim_report_counts_interim_progress_reports(campaign, populated):
    interim = SummaryReport.objects.create(
        campaign=campaign, kind=SummaryReport.Kind.INTERIM, date=datetime.date(2020, 6, 30), subject="Sơ kết"
    )
    content = report_content(interim)
    ka_do = _row(content["units"], "Xã Ka Đô")
    assert (ka_do["reports"], ka_do["households"]) == (1, 45)
    # Only the periods begun by the report's date.
    assert [period["name"] for period in content["plan"]] == ["Quý I và quý II"]


def test_figures_by_field_cover_every_field(report, populated):
    fields = report_content(report)["fields"]
    assert [row["name"] for row in fields] == [
        "Kinh tế",
        "Văn hóa – xã hội",
        "Quốc phòng – an ninh",
        "Xây dựng hệ thống chính trị",
        "Xây dựng nông thôn mới",
    ]
    assert (_row(fields, "Kinh tế")["registered"], _row(fields, "Kinh tế")["recognised"]) == (2, 1)
    assert _row(fields, "Văn hóa – xã hội")["exemplars"] == 1


def test_recognised_models_carry_counted_score_and_classification(report, populated):
    content = report_content(report)
    assert [(r["rank"], r["score"], r["classification"]) for r in content["recognised"]] == [
        (1, "92.50", "Xuất sắc"),
        (2, "81.00", "Tốt"),
    ]
    assert [(c["label"], c["count"]) for c in content["classifications"]] == [("Xuất sắc", 1), ("Tốt", 1)]


def test_plan_counts_done_items_per_period_without_cancelled_ones(report, populated):
    plan = report_content(report)["plan"]
    assert [(p["name"], p["done"], p["total"]) for p in plan] == [("Quý I và quý II", 1, 2), ("Quý IV", 1, 1)]
    assert plan[0]["items"][0]["completed_on"] == "27/03/2020"


def test_awards_leave_out_draft_proposals_and_rejected_medals(report, populated):
    content = report_content(report)
    assert [(p["level_label"], p["decision_number"]) for p in content["proposals"]] == [("Bằng khen (cấp tỉnh)", "123/QĐ-UBND")]
    assert [m["full_name"] for m in content["medals"]] == ["Ya Tuấn"]


def test_campaign_reference_names_the_author_as_the_body_does(report):
    reference = report_content(report)["campaign"]
    assert reference["author"] == "Ban Dân vận Huyện ủy"
    assert reference["number_line"] == "Số 12-KH/BDVHU"
    assert reference["issued_on"] == "10/03/2020"


def test_content_query_count_does_not_grow_with_registrations(
    report, campaign, district, staff_user, django_assert_max_num_queries
):
    make_many(campaign, district, 3, by=staff_user)
    with django_assert_max_num_queries(8) as few:
        small = report_content(report)
    make_many(campaign, district, 30, by=staff_user)
    with django_assert_max_num_queries(8) as many:
        large = report_content(report)
    assert len(many.captured_queries) == len(few.captured_queries)
    assert (small["unit_totals"]["registered"], large["unit_totals"]["registered"]) == (3, 33)
    assert len(large["proposals"]) == 33


def test_signed_report_keeps_the_figures_of_the_moment_it_was_signed(report, campaign, unit, board_head):
    add_registration(campaign, unit)
    sign_report(report, by=board_head, confirmed=CODES)
    add_registration(campaign, unit)
    report.refresh_from_db()
    assert content_for_rendering(report)["unit_totals"]["registered"] == 1
    assert report_content(report)["unit_totals"]["registered"] == 2


def test_reports_are_visible_to_staff_and_viewers_of_the_district_only(
    report, staff_user, viewer_user, focal_user, other_district_staff
):
    assert list(reports_visible_to(staff_user)) == [report]
    assert list(reports_visible_to(viewer_user)) == [report]
    assert list(reports_visible_to(focal_user)) == []
    assert list(reports_visible_to(other_district_staff)) == []

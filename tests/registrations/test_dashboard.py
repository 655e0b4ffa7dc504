"""What registrations adds to the district dashboard and to the unit home page."""

from campaign import dashboard as registry
from registrations import dashboard
from registrations.models import Status
from tests.factories import DvkModelFactory, ProgressReportFactory, RegistrationFactory, UnitFactory


def test_the_three_columns_are_registered_with_the_campaign_dashboard():
    keys = [column.key for column in registry.columns()]
    assert {"registrations", "interim_reports", "final_reports"} <= set(keys)
    labels = {column.key: str(column.label) for column in registry.columns()}
    assert (labels["registrations"], labels["interim_reports"], labels["final_reports"]) == ("Đăng ký", "Sơ kết", "Tự đánh giá")


def test_registration_column_counts_each_unit_by_status(campaign, unit, other_unit, registration_deadline):
    for status in (Status.ACCEPTED, Status.ACCEPTED, Status.RETURNED):
        RegistrationFactory(campaign=campaign, model=DvkModelFactory(unit=unit), status=status)
    cells = dashboard.compute_registrations(campaign, [unit, other_unit])
    assert cells[unit.pk].text == "3 (2 tiếp nhận)"
    assert cells[unit.pk].level == "warning"
    assert cells[unit.pk].title == "Trả lại để bổ sung: 1; Đã tiếp nhận: 2"
    assert (cells[other_unit.pk].text, cells[other_unit.pk].level) == ("0", "danger")


def test_report_columns_count_submitted_reports_of_accepted_registrations(campaign, unit, other_unit, registration_deadline):
    first = RegistrationFactory(campaign=campaign, model=DvkModelFactory(unit=unit), status=Status.ACCEPTED)
    RegistrationFactory(campaign=campaign, model=DvkModelFactory(unit=unit), status=Status.ACCEPTED)
    ProgressReportFactory(registration=first, kind="interim", status="submitted")
    ProgressReportFactory(registration=first, kind="final", status="draft")
    interim = dict(
        zip(["registrations", "interim_reports", "final_reports"], [c.compute for c in dashboard.COLUMNS], strict=True)
    )
    cells = interim["interim_reports"](campaign, [unit, other_unit])
    assert (cells[unit.pk].text, cells[unit.pk].level) == ("1/2", "warning")
    assert cells[other_unit.pk].text == "—"
    final = interim["final_reports"](campaign, [unit])
    assert (final[unit.pk].text, final[unit.pk].level) == ("0/2", "danger")


def test_columns_run_a_constant_number_of_queries(campaign, district, django_assert_num_queries, registration_deadline):
    def units(count):
        made = [UnitFactory(parent=district) for _ in range(count)]
        for made_unit in made:
            registration = RegistrationFactory(campaign=campaign, model=DvkModelFactory(unit=made_unit), status=Status.ACCEPTED)
            ProgressReportFactory(registration=registration, kind="interim", status="submitted")
        return made

    for count in (2, 12):
        few = units(count)
        for column, queries in zip(dashboard.COLUMNS, (1, 2, 2), strict=True):
            with django_assert_num_queries(queries):
                column.compute(campaign, few)


def test_obligations_put_returned_registrations_and_due_reports_before_the_unit(
    campaign, focal_user, model, unit, registration_deadline, report_deadlines
):
    returned = RegistrationFactory(campaign=campaign, model=model, status=Status.RETURNED, return_reason="Thiếu biên bản.")
    accepted = RegistrationFactory(campaign=campaign, model=DvkModelFactory(unit=unit, name="Đường làng"), status=Status.ACCEPTED)
    ProgressReportFactory(registration=accepted, kind="interim", status="submitted")
    found = registry.ordered(dashboard.obligations(focal_user, campaign))
    outstanding = [(str(o.title), o.done) for o in found if not o.done]
    assert outstanding == [
        (f"Bổ sung đăng ký bị trả lại: {returned.model.name}", False),
        ("Báo cáo tự đánh giá cuối năm: Đường làng", False),
    ]
    assert [str(o.title) for o in found if o.done] == [
        "Đăng ký mô hình, điển hình “Dân vận khéo” (Xã Ka Đô)",
        "Báo cáo sơ kết 6 tháng: Đường làng",
    ]
    assert found[0].detail == "Thiếu biên bản."
    assert found[1].due.due_date == report_deadlines[1].due_date


def test_obligations_are_empty_for_staff_and_without_campaign(campaign, staff_user, focal_user):
    assert dashboard.obligations(staff_user, campaign) == []
    assert dashboard.obligations(focal_user, None) == []


def test_obligations_query_count_does_not_grow_with_registrations(
    campaign, focal_user, unit, registration_deadline, report_deadlines, django_assert_max_num_queries
):
    focal_user.unit_ids()  # the memberships, read once per request, before either count
    counts = []
    for size in (2, 20):
        for _ in range(size):
            registration = RegistrationFactory(campaign=campaign, model=DvkModelFactory(unit=unit), status=Status.ACCEPTED)
            ProgressReportFactory(registration=registration, kind="interim")
        with django_assert_max_num_queries(10) as queries:
            dashboard.obligations(focal_user, campaign)
        counts.append(len(queries.captured_queries))
    assert counts[0] == counts[1]

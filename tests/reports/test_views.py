import pytest
from django.urls import reverse
from django.utils import timezone

from reports.models import ReportFile, SummaryReport
from reports.services import request_file, sign_report
from reports.signing import CODES
from tests.factories import CampaignFactory

from .builders import make_many


def _urls(report):
    return [
        ("get", reverse("reports:index"), None),
        ("post", reverse("reports:index"), {"campaign": report.campaign_id, "kind": "interim"}),
        ("get", reverse("reports:edit", args=[report.pk]), None),
        ("post", reverse("reports:edit", args=[report.pk]), {"number": "1-BC/X"}),
        ("post", reverse("reports:sign", args=[report.pk]), None),
        ("post", reverse("reports:render", args=[report.pk, "pdf"]), None),
        ("get", reverse("reports:files", args=[report.pk]), None),
        ("get", reverse("reports:download", args=[report.pk, "pdf"]), None),
        ("get", reverse("reports:preview", args=[report.pk]), None),
    ]


@pytest.fixture
def ready_pdf(report, staff_user, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        request_file(report, "pdf", by=staff_user)
    return ReportFile.objects.get(report=report, format="pdf")


def _form_data(report, **changes):
    data = {
        "superior_name": report.superior_name,
        "issuer_name": report.issuer_name,
        "number": report.number,
        "place": report.place,
        "date": report.date.isoformat(),
        "subject": report.subject,
        "assessment": report.assessment,
        "direction": report.direction,
        "recipients": "\n".join(report.recipients),
        "signer_capacity": report.signer_capacity,
        "signer_title": report.signer_title,
        "signer_name": report.signer_name,
        "version": report.version,
    }
    data.update(changes)
    return data


def test_focal_point_gets_404_on_every_report_url(focal_client, report, ready_pdf):
    for method, url, data in _urls(report):
        response = getattr(focal_client, method)(url, data or {})
        assert response.status_code == 404, (method, url)
    report.refresh_from_db()
    assert (report.number, report.status) == ("45-BC/BDVHU", SummaryReport.Status.DRAFT)
    assert SummaryReport.objects.count() == 1


def test_staff_of_another_district_gets_404_on_the_report(client, other_district_staff, report, ready_pdf):
    client.force_login(other_district_staff)
    for method, url, data in _urls(report)[2:]:
        assert getattr(client, method)(url, data or {}).status_code == 404, (method, url)


def test_anonymous_user_is_sent_to_login(client, report):
    response = client.get(reverse("reports:edit", args=[report.pk]))
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_index_lists_the_districts_reports_and_offers_creation_to_staff(staff_client, report):
    response = staff_client.get(reverse("reports:index"))
    content = response.content.decode()
    assert response.status_code == 200
    assert reverse("reports:edit", args=[report.pk]) in content
    assert 'id="new-report-form"' in content


def test_viewer_reads_the_index_without_the_creation_form(viewer_client, report):
    content = viewer_client.get(reverse("reports:index")).content.decode()
    assert reverse("reports:edit", args=[report.pk]) in content
    assert 'id="new-report-form"' not in content


def test_index_query_count_does_not_grow_with_reports(staff_client, district, django_assert_max_num_queries):
    def add_campaigns(count, first_year):
        for year in range(first_year, first_year + count):
            campaign = CampaignFactory(owner=district, year=year)
            for kind in SummaryReport.Kind.values:
                SummaryReport.objects.create(campaign=campaign, kind=kind, date=f"{year}-12-15", subject="Tổng kết")

    add_campaigns(1, 2000)
    with django_assert_max_num_queries(10) as small:
        staff_client.get(reverse("reports:index"))
    add_campaigns(10, 2001)
    with django_assert_max_num_queries(10) as large:
        response = staff_client.get(reverse("reports:index"))
    assert len(large.captured_queries) == len(small.captured_queries)
    assert response.content.decode().count("Báo cáo sơ kết 6 tháng") >= 11


def test_staff_creates_a_draft_and_lands_on_its_page(staff_client, campaign):
    response = staff_client.post(reverse("reports:index"), {"campaign": campaign.pk, "kind": "interim"})
    report = SummaryReport.objects.get(campaign=campaign, kind="interim")
    assert response.url == reverse("reports:edit", args=[report.pk])


def test_creating_a_second_report_of_a_kind_is_refused_with_a_message(staff_client, campaign, report):
    response = staff_client.post(reverse("reports:index"), {"campaign": campaign.pk, "kind": "summary"})
    assert response.status_code == 400
    assert "Kế hoạch năm 2020 đã có báo cáo tổng kết năm" in response.content.decode()
    assert SummaryReport.objects.count() == 1


def test_staff_cannot_create_a_report_for_another_districts_campaign(staff_client, other_district):
    foreign = CampaignFactory(owner=other_district)
    response = staff_client.post(reverse("reports:index"), {"campaign": foreign.pk, "kind": "summary"})
    assert response.status_code == 400
    assert not SummaryReport.objects.exists()


def test_staff_saves_the_report(staff_client, report):
    response = staff_client.post(
        reverse("reports:edit", args=[report.pk]),
        _form_data(report, assessment="Đánh giá mới.\nĐoạn thứ hai.", recipients="Thường trực Huyện ủy (b/c)\n\n Lưu BDVHU. "),
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.assessment == "Đánh giá mới.\nĐoạn thứ hai."
    assert report.recipients == ["Thường trực Huyện ủy (b/c)", "Lưu BDVHU."]
    assert report.version == 2


def test_bad_date_keeps_what_was_typed_and_says_why(staff_client, report):
    response = staff_client.post(
        reverse("reports:edit", args=[report.pk]), _form_data(report, date="2031-01-01", assessment="Nội dung đang gõ dở")
    )
    content = response.content.decode()
    assert response.status_code == 400
    assert "Ngày báo cáo phải trong năm 2020 hoặc năm liền kề." in content
    assert "Nội dung đang gõ dở" in content
    report.refresh_from_db()
    assert report.assessment.startswith("Phong trào được cấp ủy")


def test_saving_over_someone_elses_save_is_refused(staff_client, report):
    stale = _form_data(report, number="99-BC/BDVHU")
    staff_client.post(reverse("reports:edit", args=[report.pk]), _form_data(report, number="46-BC/BDVHU"))
    response = staff_client.post(reverse("reports:edit", args=[report.pk]), stale)
    assert response.status_code == 400
    assert "vừa được người khác lưu" in response.content.decode()
    report.refresh_from_db()
    assert report.number == "46-BC/BDVHU"


def test_viewer_reads_the_report_but_cannot_edit_render_or_sign(viewer_client, report):
    page = viewer_client.get(reverse("reports:edit", args=[report.pk]))
    assert page.status_code == 200
    assert 'id="report-form"' not in page.content.decode()
    assert viewer_client.post(reverse("reports:edit", args=[report.pk]), _form_data(report, number="1")).status_code == 403
    assert viewer_client.post(reverse("reports:render", args=[report.pk, "pdf"])).status_code == 403
    assert viewer_client.post(reverse("reports:sign", args=[report.pk])).status_code == 403
    report.refresh_from_db()
    assert (report.number, report.status) == ("45-BC/BDVHU", SummaryReport.Status.DRAFT)


def test_signing_by_staff_who_is_not_board_head_is_refused(staff_client, report):
    assert staff_client.post(reverse("reports:sign", args=[report.pk])).status_code == 403
    report.refresh_from_db()
    assert report.status == SummaryReport.Status.DRAFT


def test_board_head_signs_from_the_report_page_after_confirming_each_point(client, board_head, report):
    client.force_login(board_head)
    page = client.get(reverse("reports:edit", args=[report.pk])).content.decode()
    # Nothing appraised or proposed yet: the page asks to confirm each point by name.
    assert 'id="confirm-results_not_finalised"' in page
    assert 'id="confirm-empty_sections"' in page
    response = client.post(reverse("reports:sign", args=[report.pk]), {"confirm": ["results_not_finalised", "empty_sections"]})
    assert response.url == reverse("reports:edit", args=[report.pk])
    report.refresh_from_db()
    assert (report.status, report.signed_by) == (SummaryReport.Status.SIGNED, board_head)


def test_signing_from_the_page_without_confirming_is_refused_and_says_what_is_missing(client, board_head, report):
    client.force_login(board_head)
    response = client.post(reverse("reports:sign", args=[report.pk]), {"confirm": ["empty_sections"]}, follow=True)
    assert "Chưa ký: cần xác nhận từng điểm chưa hoàn thành – Hội đồng thẩm định chưa chốt kết quả." in response.content.decode()
    report.refresh_from_db()
    assert report.status == SummaryReport.Status.DRAFT


def test_signed_report_page_has_no_form_and_refuses_a_save(staff_client, board_head, report):
    sign_report(report, by=board_head, confirmed=CODES)
    page = staff_client.get(reverse("reports:edit", args=[report.pk])).content.decode()
    assert 'id="report-form"' not in page
    assert 'id="sign-report"' not in page
    response = staff_client.post(reverse("reports:edit", args=[report.pk]), _form_data(report, number="99-BC/BDVHU"), follow=True)
    assert "Báo cáo đã ký ban hành, không thể sửa." in response.content.decode()
    report.refresh_from_db()
    assert report.number == "45-BC/BDVHU"


@pytest.mark.django_db(transaction=True)
def test_make_pdf_produces_the_file_at_once_without_a_broker(staff_client, report):
    # Real commits, as in the demo: the eager task runs when the request's transaction commits.
    response = staff_client.post(reverse("reports:render", args=[report.pk, "pdf"]), follow=True)
    content = response.content.decode()
    assert "Đã tạo tệp PDF." in content
    assert reverse("reports:download", args=[report.pk, "pdf"]) in content


def test_unknown_format_is_a_404(staff_client, report):
    assert staff_client.post(reverse("reports:render", args=[report.pk, "exe"])).status_code == 404
    assert staff_client.get(reverse("reports:download", args=[report.pk, "exe"])).status_code == 404


def test_download_is_an_attachment_with_nosniff(viewer_client, report, ready_pdf):
    response = viewer_client.get(reverse("reports:download", args=[report.pk, "pdf"]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="bao-cao-tong-ket-2020.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_download_before_the_file_exists_is_a_404(staff_client, report):
    assert staff_client.get(reverse("reports:download", args=[report.pk, "docx"])).status_code == 404


def test_files_panel_polls_while_a_file_is_being_made(staff_client, report, staff_user):
    request_file(report, "pdf", by=staff_user)  # no commit in this test: the task never runs
    content = staff_client.get(reverse("reports:files", args=[report.pk])).content.decode()
    assert 'hx-trigger="load delay:3s"' in content
    assert "Đang chờ máy chủ xử lý nhận yêu cầu" in content  # not yet handed to the worker
    ReportFile.objects.filter(report=report).update(queued_at=timezone.now())
    content = staff_client.get(reverse("reports:files", args=[report.pk])).content.decode()
    assert "Đang tạo tệp" in content
    assert 'id="render-pdf"' not in content


def test_preview_shows_the_document_in_html(viewer_client, report):
    content = viewer_client.get(reverse("reports:preview", args=[report.pk])).content.decode()
    for expected in ("HUYỆN ỦY ĐƠN DƯƠNG", "ĐẢNG CỘNG SẢN VIỆT NAM", "Đơn Dương, ngày 15 tháng 12 năm 2020", "Số 45-BC/BDVHU"):
        assert expected in content
    assert "css/report-pdf.css" in content


def test_preview_query_count_does_not_grow_with_registrations(
    staff_client, report, campaign, district, staff_user, django_assert_max_num_queries
):
    make_many(campaign, district, 3, by=staff_user)
    with django_assert_max_num_queries(14) as small:
        staff_client.get(reverse("reports:preview", args=[report.pk]))
    make_many(campaign, district, 30, by=staff_user)
    with django_assert_max_num_queries(14) as large:
        response = staff_client.get(reverse("reports:preview", args=[report.pk]))
    assert len(large.captured_queries) == len(small.captured_queries)
    assert "Xã số 029" in response.content.decode()


def test_staff_enter_recommendations_one_per_line_and_they_are_stored_by_addressee(staff_client, report):
    data = _form_data(
        report,
        recommendations="Ban Thường vụ Huyện ủy: bố trí kinh phí nhân rộng mô hình.\n\nTăng cường tuyên truyền trên báo, đài.",
    )
    response = staff_client.post(reverse("reports:edit", args=[report.pk]), data)
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.recommendations == [
        {"addressee": "Ban Thường vụ Huyện ủy", "content": "bố trí kinh phí nhân rộng mô hình."},
        {"addressee": "", "content": "Tăng cường tuyên truyền trên báo, đài."},
    ]
    page = staff_client.get(reverse("reports:edit", args=[report.pk])).content.decode()
    assert "Ban Thường vụ Huyện ủy: bố trí kinh phí nhân rộng mô hình." in page


def test_minutes_and_submission_pages_open_with_the_fields_each_needs(staff_client, campaign, staff_user):
    from reports.services import create_report

    minutes = create_report(campaign, SummaryReport.Kind.MINUTES, by=staff_user)
    submission = create_report(campaign, SummaryReport.Kind.SUBMISSION, by=staff_user)
    minutes_page = staff_client.get(reverse("reports:edit", args=[minutes.pk])).content.decode()
    submission_page = staff_client.get(reverse("reports:edit", args=[submission.pk])).content.decode()
    assert "Ý kiến thảo luận, kết luận của Hội đồng" in minutes_page
    assert 'type="hidden" name="addressee"' in minutes_page
    assert 'type="text" name="addressee"' in submission_page
    assert 'value="Hội đồng Thi đua – Khen thưởng Đơn Dương"' in submission_page

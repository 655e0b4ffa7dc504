import datetime

import pytest

from audit.models import AuditEntry
from reports import services
from reports.exceptions import IncompleteReport, NotAllowed, ReportExists, ReportSigned, StaleEdit
from reports.models import ReportFile, SummaryReport
from reports.services import create_report, request_file, sign_report, update_report
from reports.signing import CODES


def test_new_report_is_prefilled_from_the_campaign(campaign, staff_user):
    report = create_report(campaign, SummaryReport.Kind.SUMMARY, by=staff_user)
    assert (report.superior_name, report.issuer_name, report.place) == ("HUYỆN ỦY ĐƠN DƯƠNG", "BAN DÂN VẬN", "Đơn Dương")
    assert (report.signer_capacity, report.signer_title, report.signer_name) == ("T/M BAN DÂN VẬN", "TRƯỞNG BAN", "Lê Đình Thủy")
    assert report.date == datetime.date(2020, 12, 15)
    assert report.subject == "Tổng kết phong trào thi đua “Dân vận khéo” năm 2020, phương hướng, nhiệm vụ năm 2021"
    assert report.recipients[-1] == "Lưu BDVHU."
    assert AuditEntry.objects.filter(action="report.created", object_id=str(report.pk), actor=staff_user).count() == 1


def test_a_campaign_has_one_report_of_each_kind(campaign, staff_user, report):
    with pytest.raises(ReportExists):
        create_report(campaign, SummaryReport.Kind.SUMMARY, by=staff_user)
    interim = create_report(campaign, SummaryReport.Kind.INTERIM, by=staff_user)
    assert interim.date == datetime.date(2020, 6, 30)


def test_staff_of_another_district_cannot_create_a_report(campaign, other_district_staff):
    with pytest.raises(NotAllowed):
        create_report(campaign, SummaryReport.Kind.SUMMARY, by=other_district_staff)
    assert not SummaryReport.objects.exists()


def test_update_saves_changes_bumps_version_and_audits(report, staff_user):
    update_report(report, by=staff_user, version=1, number="46-BC/BDVHU", direction="Nhân rộng mô hình.")
    report.refresh_from_db()
    assert (report.number, report.direction, report.version) == ("46-BC/BDVHU", "Nhân rộng mô hình.", 2)
    entry = AuditEntry.objects.get(action="report.updated")
    assert entry.before == {"number": "45-BC/BDVHU", "direction": "Tiếp tục nhân rộng các mô hình đã được công nhận."}
    assert entry.after == {"number": "46-BC/BDVHU", "direction": "Nhân rộng mô hình."}


def test_update_from_a_stale_form_is_refused(report, staff_user):
    update_report(report, by=staff_user, version=1, number="46-BC/BDVHU")
    with pytest.raises(StaleEdit):
        update_report(report, by=staff_user, version=1, number="47-BC/BDVHU")
    report.refresh_from_db()
    assert report.number == "46-BC/BDVHU"


def test_signing_by_district_staff_who_is_not_board_head_is_refused(report, staff_user):
    with pytest.raises(NotAllowed):
        sign_report(report, by=staff_user)
    report.refresh_from_db()
    assert (report.status, report.signed_at, report.content_snapshot) == (SummaryReport.Status.DRAFT, None, None)
    assert not AuditEntry.objects.filter(action="report.signed").exists()


def test_signing_by_the_board_head_of_another_district_is_refused(report, other_board_head):
    with pytest.raises(NotAllowed):
        sign_report(report, by=other_board_head)
    report.refresh_from_db()
    assert report.status == SummaryReport.Status.DRAFT


def test_board_head_signs_and_the_signature_is_audited(report, board_head, populated):
    sign_report(report, by=board_head, confirmed=CODES)
    report.refresh_from_db()
    assert (report.status, report.signed_by) == (SummaryReport.Status.SIGNED, board_head)
    assert report.content_snapshot["unit_totals"]["registered"] == 4
    entry = AuditEntry.objects.get(action="report.signed")
    assert (entry.actor, entry.object_id) == (board_head, str(report.pk))
    assert entry.before == {"status": "draft"}
    assert entry.after == {
        "status": "signed",
        "number": "45-BC/BDVHU",
        "date": "2020-12-15",
        "confirmed": [
            {"code": "results_not_finalised", "text": "Hội đồng thẩm định chưa chốt kết quả."},
            {"code": "empty_sections", "text": "Các mục chưa có nội dung: đề xuất, kiến nghị."},
        ],
    }
    # The ledger head printed on the signed file is the hash of this signing entry.
    assert report.ledger_head == entry.hash


def test_signing_twice_is_refused(report, board_head):
    sign_report(report, by=board_head, confirmed=CODES)
    with pytest.raises(ReportSigned):
        sign_report(report, by=board_head, confirmed=CODES)
    assert AuditEntry.objects.filter(action="report.signed").count() == 1


def test_signing_an_incomplete_report_names_what_is_missing(report, board_head):
    SummaryReport.objects.filter(pk=report.pk).update(number="", assessment="  ")
    with pytest.raises(IncompleteReport) as error:
        sign_report(report, by=board_head, confirmed=CODES)
    assert error.value.message == "Chưa thể ký: báo cáo còn thiếu số, ký hiệu, đánh giá chung."
    report.refresh_from_db()
    assert report.status == SummaryReport.Status.DRAFT


def test_signed_report_is_read_only(report, board_head, staff_user):
    sign_report(report, by=board_head, confirmed=CODES)
    report.refresh_from_db()
    with pytest.raises(ReportSigned):
        update_report(report, by=staff_user, version=report.version, assessment="Sửa sau khi ký")
    report.refresh_from_db()
    assert report.assessment.startswith("Phong trào được cấp ủy")


def test_signing_remakes_both_files_after_commit(report, board_head, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        sign_report(report, by=board_head, confirmed=CODES)
    files = {f.format: f for f in ReportFile.objects.filter(report=report)}
    assert set(files) == {"pdf", "docx"}
    assert all(f.status == ReportFile.Status.READY and f.report_version == 2 for f in files.values())
    assert files["pdf"].file.open("rb").read(4) == b"%PDF"


def test_requested_file_is_made_and_stored_privately(report, staff_user, django_capture_on_commit_callbacks, settings):
    with django_capture_on_commit_callbacks(execute=True):
        request_file(report, "docx", by=staff_user)
    row = ReportFile.objects.get(report=report, format="docx")
    assert (row.status, row.report_version, row.error) == (ReportFile.Status.READY, 1, "")
    assert row.file.name.startswith("reports/") and row.file.name.endswith(".docx")
    assert row.size == row.file.size > 0
    assert str(settings.MEDIA_ROOT) in row.file.path


def test_making_a_file_again_replaces_the_old_one(report, staff_user, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        request_file(report, "docx", by=staff_user)
    first = ReportFile.objects.get(report=report, format="docx").file
    first_path = first.path
    with django_capture_on_commit_callbacks(execute=True):
        request_file(report, "docx", by=staff_user)
    row = ReportFile.objects.get(report=report, format="docx")
    assert row.file.name != first.name
    assert not first.storage.exists(first.name), first_path


def test_a_request_while_the_file_is_being_made_is_not_queued_again(report, staff_user, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        request_file(report, "pdf", by=staff_user)
        request_file(report, "pdf", by=staff_user)
    assert len(callbacks) == 1


def test_a_rendering_failure_is_recorded_and_stores_nothing(report, staff_user, monkeypatch, django_capture_on_commit_callbacks):
    def broken(*args, **kwargs):
        raise RuntimeError("font missing")

    monkeypatch.setattr(services, "render_bytes", broken)
    with django_capture_on_commit_callbacks(execute=True):
        request_file(report, "pdf", by=staff_user)
    row = ReportFile.objects.get(report=report, format="pdf")
    assert (row.status, row.error, bool(row.file)) == (ReportFile.Status.FAILED, "RuntimeError: font missing", False)

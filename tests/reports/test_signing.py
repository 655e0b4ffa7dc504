"""Drafts and signing: an unsigned file says "DỰ THẢO"; the head confirms each point that
is not ready, and the confirmations are audited; the signed file is sealed (its SHA-256
in the ledger and on the report page) and prints the ledger head of the signing."""

import hashlib

import pytest
from django.urls import reverse

from audit.models import AuditEntry
from campaign.models import PlanItem
from notifications.models import Notification
from reports.document import build_document
from reports.exceptions import NeedsConfirmation
from reports.models import ReportFile, SummaryReport
from reports.pdf import render_pdf
from reports.selectors import content_for_rendering
from reports.services import sign_report
from reports.signing import CODES, checklist, ledger_head

from .builders import add_plan, page_texts


def _pdf(report) -> bytes:
    return render_pdf(build_document(report, content_for_rendering(report)))


def test_draft_pdf_says_du_thao_on_every_page_and_the_signed_one_does_not(report, populated, board_head):
    report.assessment = "\n".join(f"Đoạn đánh giá số {i}." for i in range(60))
    report.save()
    draft = page_texts(_pdf(report))
    assert len(draft) >= 3
    assert all("DỰ THẢO" in text for text in draft)

    sign_report(report, by=board_head, confirmed=CODES)
    report.refresh_from_db()
    signed = page_texts(_pdf(report))
    assert not any("DỰ THẢO" in text for text in signed)
    # The ledger head of the signing is printed under the signature.
    assert report.ledger_head in "".join(signed[-1].split())


def test_signing_with_unfinalised_results_needs_the_confirmation_and_changes_nothing_without_it(report, populated, board_head):
    with pytest.raises(NeedsConfirmation) as error:
        sign_report(report, by=board_head, confirmed=["empty_sections"])
    assert [item.code for item in error.value.items] == ["results_not_finalised"]
    report.refresh_from_db()
    assert (report.status, report.ledger_head, report.content_snapshot) == (SummaryReport.Status.DRAFT, "", None)
    assert not AuditEntry.objects.filter(action="report.signed").exists()

    sign_report(report, by=board_head, confirmed=["results_not_finalised", "empty_sections"])
    entry = AuditEntry.objects.get(action="report.signed")
    assert entry.after["confirmed"][0] == {"code": "results_not_finalised", "text": "Hội đồng thẩm định chưa chốt kết quả."}


def test_checklist_names_plan_tasks_still_not_done_and_the_empty_sections(report, campaign):
    first, fourth = add_plan(campaign)
    PlanItem.objects.create(period=fourth, order=3, title="Hội nghị tổng kết phong trào", status=PlanItem.Status.PLANNED)
    items = {item.code: item.text for item in checklist(report, content_for_rendering(report))}
    assert items == {
        "results_not_finalised": "Hội đồng thẩm định chưa chốt kết quả.",
        "plan_tasks_open": "1 nhiệm vụ của kế hoạch còn “chưa thực hiện”: Hội nghị tổng kết phong trào.",
        "empty_sections": "Các mục chưa có nội dung: kết quả đăng ký, nguồn lực huy động, mô hình, điển hình được công nhận, "
        "đề nghị khen thưởng, đề nghị tặng Kỷ niệm chương, đề xuất, kiến nghị.",
    }


def test_a_ready_report_signs_without_any_confirmation(report, populated, appraised, board_head):
    report.recommendations = [{"addressee": "Ban Thường vụ Huyện ủy", "content": "Bố trí kinh phí nhân rộng mô hình."}]
    report.save()
    assert checklist(report, content_for_rendering(report)) == []
    sign_report(report, by=board_head)
    assert AuditEntry.objects.get(action="report.signed").after["confirmed"] == []


def test_signed_pdf_is_sealed_in_the_ledger_and_its_digest_shown_on_the_report_page(
    report, board_head, staff_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        sign_report(report, by=board_head, confirmed=CODES)
    report.refresh_from_db()
    pdf = ReportFile.objects.get(report=report, format="pdf")
    digest = hashlib.sha256(pdf.file.open("rb").read()).hexdigest()
    assert pdf.sha256 == digest
    seal = AuditEntry.objects.get(action="report.sealed", after__format="pdf")
    assert seal.after == {"format": "pdf", "sha256": digest, "ledger_head": report.ledger_head}
    page = staff_client.get(reverse("reports:edit", args=[report.pk])).content.decode()
    assert f'<code class="d-block text-break" id="sealed-sha256">{digest}</code>' in page
    assert report.ledger_head in page


def test_ledger_head_is_the_hash_of_the_latest_audit_entry_of_the_organisers_chain(report, board_head):
    sign_report(report, by=board_head, confirmed=CODES)
    latest = AuditEntry.objects.filter(chain=f"organiser:{report.campaign.owner_id}").order_by("-position").first()
    assert ledger_head(report) == latest.hash


def test_signing_tells_the_boards_staff_but_not_the_signer(report, populated, board_head, staff_user, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        sign_report(report, by=board_head, confirmed=CODES)
    told = list(Notification.objects.values_list("user__username", "url"))
    assert told == [(staff_user.username, reverse("reports:edit", args=[report.pk]))]
    assert Notification.objects.get().title == f"Báo cáo “{report}” đã được ký ban hành"

"""What the board head is asked before signing, and the seal of a signed document.

``checklist`` reads the content about to be frozen and names what is not ready: results
not finalised, plan tasks still "chưa thực hiện", sections with nothing in them. Each
point must be confirmed to sign, and the confirmations go into the signing's audit
entry. ``ledger_head`` is the one place that says which hash of the audit ledger a
signed document prints."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from audit.chains import chain_for
from audit.services import head_of

from .models import SummaryReport

PLANNED = "planned"
# Every point the checklist can raise.
CODES = ("results_not_finalised", "plan_tasks_open", "empty_sections")
LISTED_TASKS = 5


@dataclass(frozen=True)
class ChecklistItem:
    code: str
    text: str


def ledger_head(report: SummaryReport) -> str:
    """The hash at the head of the organiser's chain of the audit ledger: its last entry's."""
    return head_of(chain_for(report, None))


def _open_tasks(content: dict) -> list[str]:
    return [item["title"] for period in content.get("plan", []) for item in period["items"] if item["status"] == PLANNED]


def _report_items(report: SummaryReport, content: dict) -> list[ChecklistItem]:
    items = []
    if not report.is_interim and not content.get("results_finalised", bool(content.get("classifications"))):
        items.append(ChecklistItem("results_not_finalised", _("Hội đồng thẩm định chưa chốt kết quả.")))
    tasks = _open_tasks(content)
    if tasks:
        listed = "; ".join(tasks[:LISTED_TASKS]) + ("…" if len(tasks) > LISTED_TASKS else "")
        items.append(
            ChecklistItem(
                "plan_tasks_open",
                _("%(count)s nhiệm vụ của kế hoạch còn “chưa thực hiện”: %(tasks)s.") % {"count": len(tasks), "tasks": listed},
            )
        )
    empty = []
    if not content["unit_totals"]["registered"]:
        empty.append(_("kết quả đăng ký"))
    if not content["unit_totals"]["reports"]:
        empty.append(_("nguồn lực huy động"))
    if not report.is_interim:
        if not content["recognised"]:
            empty.append(_("mô hình, điển hình được công nhận"))
        if not content["proposals"]:
            empty.append(_("đề nghị khen thưởng"))
        if not content["medals"]:
            empty.append(_("đề nghị tặng Kỷ niệm chương"))
    if not any(str(item.get("content", "")).strip() for item in report.recommendations or []):
        empty.append(_("đề xuất, kiến nghị"))
    if empty:
        items.append(ChecklistItem("empty_sections", _("Các mục chưa có nội dung: %(sections)s.") % {"sections": ", ".join(empty)}))
    return items


def _appraisal_items(report: SummaryReport, content: dict) -> list[ChecklistItem]:
    council = content.get("council")
    if not council or not council["finalised"]:
        return [ChecklistItem("results_not_finalised", _("Hội đồng thẩm định chưa chốt kết quả."))]
    empty = []
    if report.kind == SummaryReport.Kind.MINUTES:
        if not content["results"]:
            empty.append(_("kết quả chấm điểm"))
        if not content["votes"]:
            empty.append(_("biểu quyết đề nghị khen thưởng"))
    else:
        if not content["collectives"] and not content["individuals"]:
            empty.append(_("tập thể, cá nhân đề nghị khen thưởng"))
        if not content["medals"]:
            empty.append(_("đề nghị tặng Kỷ niệm chương"))
    if empty:
        return [ChecklistItem("empty_sections", _("Các mục chưa có nội dung: %(sections)s.") % {"sections": ", ".join(empty)})]
    return []


def checklist(report: SummaryReport, content: dict) -> list[ChecklistItem]:
    """What is not ready in ``content`` (the document's figures), each to be confirmed."""
    if report.is_report:
        return _report_items(report, content)
    return _appraisal_items(report, content)

"""The text of a report as a list of blocks (headings, paragraphs, tables), written
once here and laid out twice: by the HTML template that WeasyPrint turns into the PDF
(and that the preview shows) and by the DOCX builder. Both therefore say exactly the
same thing."""

from dataclasses import dataclass, field
from typing import ClassVar

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from accounts.formatting import vn_decimal, vn_int, vn_millions

from .formatting import date_line, paragraphs, position_with_unit
from .models import SummaryReport

ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII")
DRAFT_MARK = "DỰ THẢO"


@dataclass
class Heading:
    text: str
    level: int = 1
    kind: ClassVar[str] = "heading"


@dataclass
class Paragraph:
    text: str
    italic: bool = False
    # A lead-in ("… cho 3 cá nhân:") stays on the page of what it introduces.
    keep_with_next: bool = False
    kind: ClassVar[str] = "paragraph"


@dataclass
class Column:
    label: str
    width: int  # percent of the text width
    numeric: bool = False


@dataclass
class Table:
    """A bordered table. ``title`` is what it shows; its number ("Bảng 3.") is given when
    the whole document is assembled, so the numbers run on whatever sections are empty."""

    title: str
    columns: list[Column]
    rows: list[list[str]]
    total: list[str] | None = None
    number: int = 0
    kind: ClassVar[str] = "table"

    @property
    def caption(self) -> str:
        return _("Bảng %(number)s. %(title)s") % {"number": self.number, "title": self.title} if self.number else self.title

    @property
    def numeric_indexes(self) -> set[int]:
        return {index for index, column in enumerate(self.columns) if column.numeric}


@dataclass
class Signature:
    capacity: str = ""
    title: str = ""
    name: str = ""


@dataclass
class ReportDocument:
    superior: str
    issuer: str
    number_line: str
    date_line: str
    party_name: str
    title: str
    subject: str
    blocks: list = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    recipients_label: str = ""
    signer_capacity: str = ""
    signer_title: str = ""
    signer_name: str = ""
    filename_stem: str = "bao-cao"
    # A draft carries "DỰ THẢO" on every page; a signed document carries its seal instead.
    is_draft: bool = True
    seal_lines: list[str] = field(default_factory=list)
    # "Kính gửi: …" under the subject of a submission.
    addressee: str = ""
    addressee_label: str = "Kính gửi:"
    # Minutes are signed by two: the secretary (left, in place of "Nơi nhận") and the chair.
    second_signature: Signature | None = None

    @property
    def draft_mark(self) -> str:
        return DRAFT_MARK if self.is_draft else ""

    @property
    def tables(self) -> list["Table"]:
        return [block for block in self.blocks if isinstance(block, Table)]


def number_tables(blocks: list) -> list:
    """Number the tables 1, 2, 3… in the order they appear."""
    for number, table in enumerate((b for b in blocks if isinstance(b, Table)), 1):
        table.number = number
    return blocks


def numbered_table(title: str, columns: list[Column], rows, total: list[str] | None = None) -> Table:
    """A table whose first column numbers the rows (STT), as every table of the report has."""
    return Table(
        title=title,
        columns=[Column(_("STT"), 7, True), *columns],
        rows=[[str(i), *row] for i, row in enumerate(rows, 1)],
        total=["", *total] if total is not None else None,
    )


def _intro(report: SummaryReport, content: dict, issuer: str) -> str:
    campaign = content["campaign"]
    plan = _("Kế hoạch")
    if campaign["number_line"]:
        plan = f"{plan} {campaign['number_line'][0].lower()}{campaign['number_line'][1:]}"
    if campaign["issued_on"]:
        plan = _("%(plan)s ngày %(date)s") % {"plan": plan, "date": campaign["issued_on"]}
    if report.is_interim:
        scope = _("sơ kết 6 tháng đầu năm %(year)s") % {"year": content["year"]}
    else:
        scope = _("kết quả thực hiện năm %(year)s") % {"year": content["year"]}
    return _(
        "Thực hiện %(plan)s của %(issuer)s về thực hiện phong trào thi đua “Dân vận khéo” năm %(year)s, "
        "%(issuer)s báo cáo %(scope)s như sau:"
    ) % {"plan": plan, "issuer": issuer, "year": content["year"], "scope": scope}


def _plan_blocks(content: dict, issuer: str) -> list:
    plan = content["plan"]
    if not plan:
        return [Paragraph(_("Kế hoạch chưa chia nhiệm vụ theo giai đoạn."), italic=True)]
    totals = content["plan_totals"]
    blocks = [
        Paragraph(
            _("%(issuer)s đã hoàn thành %(done)s/%(total)s nhiệm vụ theo kế hoạch, cụ thể:")
            % {"issuer": issuer, "done": totals["done"], "total": totals["total"]}
        )
    ]
    for index, period in enumerate(plan):
        letter = "abcdefghijklmnopqrstuvwxyz"[index % 26]
        blocks.append(
            Paragraph(
                _("%(letter)s) %(period)s: hoàn thành %(done)s/%(total)s nhiệm vụ.")
                % {"letter": letter, "period": period["name"], "done": period["done"], "total": period["total"]}
            )
        )
        for item in period["items"]:
            outcome = item["status_label"]
            if item["is_done"] and item["completed_on"]:
                outcome = _("%(status)s ngày %(date)s") % {"status": outcome, "date": item["completed_on"]}
            blocks.append(Paragraph(f"- {item['title']}: {outcome.lower()}."))
    return blocks


def _registration_blocks(content: dict, issuer: str) -> list:
    totals = content["unit_totals"]
    areas = content["areas"]
    blocks = [
        Paragraph(
            _(
                "Có %(units)s/%(all_units)s đơn vị đăng ký %(registered)s mô hình, điển hình “Dân vận khéo” "
                "(%(models)s mô hình tập thể, %(exemplars)s điển hình cá nhân); trong đó %(ethnic)s ở vùng đồng bào "
                "dân tộc thiểu số, %(religious)s ở vùng đồng bào có đạo. %(issuer)s đã tiếp nhận %(accepted)s hồ sơ."
            )
            % {
                "units": totals["units_registered"],
                "all_units": len(content["units"]),
                "registered": totals["registered"],
                "models": totals["models"],
                "exemplars": totals["exemplars"],
                "ethnic": areas["ethnic_minority"],
                "religious": areas["religious"],
                "issuer": issuer,
                "accepted": totals["accepted"],
            }
        )
    ]
    if content["statuses"]:
        statuses = "; ".join(f"{s['label']}: {s['count']}" for s in content["statuses"])
        blocks.append(Paragraph(_("Tình trạng hồ sơ: %(statuses)s.") % {"statuses": statuses}))
    count_columns = [
        Column(_("Đăng ký"), 11, True),
        Column(_("Mô hình"), 11, True),
        Column(_("Điển hình"), 11, True),
        Column(_("Tiếp nhận"), 11, True),
        Column(_("Công nhận"), 11, True),
    ]
    keys = ("registered", "models", "exemplars", "accepted", "recognised")
    blocks.append(
        numbered_table(
            title=_("Kết quả đăng ký theo đơn vị"),
            columns=[Column(_("Đơn vị"), 38), *count_columns],
            rows=[[row["name"], *(vn_int(row[k]) for k in keys)] for row in content["units"]],
            total=[_("Tổng cộng"), *(vn_int(totals[k]) for k in keys)],
        )
    )
    field_totals = content["field_totals"]
    blocks.append(
        numbered_table(
            title=_("Kết quả đăng ký theo lĩnh vực"),
            columns=[Column(_("Lĩnh vực"), 38), *count_columns],
            rows=[[row["name"], *(vn_int(row[k]) for k in keys)] for row in content["fields"]],
            total=[_("Tổng cộng"), *(vn_int(field_totals[k]) for k in keys)],
        )
    )
    return blocks


def _resource_blocks(content: dict) -> list:
    totals = content["unit_totals"]
    reporting = [row for row in content["units"] if row["reports"]]
    if not reporting:
        return [Paragraph(_("Chưa có đơn vị gửi %(report)s.") % {"report": content["progress_kind"].lower()}, italic=True)]
    return [
        Paragraph(
            _(
                "Theo %(count)s %(report)s của các đơn vị, các mô hình, điển hình đã thu hút %(households)s hộ tham gia, "
                "huy động %(funds)s triệu đồng (trong đó xã hội hóa %(socialised)s triệu đồng) và %(workdays)s ngày công."
            )
            % {
                "count": vn_int(totals["reports"]),
                "report": content["progress_kind"].lower(),
                "households": vn_int(totals["households"]),
                "funds": vn_millions(totals["funds_vnd"]),
                "socialised": vn_millions(totals["socialised_funds_vnd"]),
                "workdays": vn_int(totals["workdays"]),
            }
        ),
        numbered_table(
            title=_("Nguồn lực huy động theo đơn vị"),
            columns=[
                Column(_("Đơn vị"), 33),
                Column(_("Số hộ tham gia"), 14, True),
                Column(_("Kinh phí (triệu đồng)"), 17, True),
                Column(_("Xã hội hóa (triệu đồng)"), 16, True),
                Column(_("Ngày công"), 13, True),
            ],
            rows=[
                [
                    row["name"],
                    vn_int(row["households"]),
                    vn_millions(row["funds_vnd"]),
                    vn_millions(row["socialised_funds_vnd"]),
                    vn_int(row["workdays"]),
                ]
                for row in reporting
            ],
            total=[
                _("Tổng cộng"),
                vn_int(totals["households"]),
                vn_millions(totals["funds_vnd"]),
                vn_millions(totals["socialised_funds_vnd"]),
                vn_int(totals["workdays"]),
            ],
        ),
    ]


RESULT_GROUPS = (
    (False, _lazy("Mô hình tập thể được công nhận")),
    (True, _lazy("Điển hình cá nhân được công nhận")),
)


def result_table(title: str, rows: list[dict]) -> Table:
    """Recognised models or exemplars in their rank order, the rank in the first column."""
    lines = []
    for row in sorted(rows, key=lambda r: (r["rank"] is None, r["rank"] or 0)):
        name = f"{row['name']} ({row['person']})" if row["person"] else row["name"]
        rank = "" if row["rank"] is None else str(row["rank"])
        lines.append([rank, name, row["unit"], row["field"], vn_decimal(row["score"]), row["classification"]])
    return Table(
        title=title,
        columns=[
            Column(_("Hạng"), 8, True),
            Column(_("Mô hình, điển hình"), 33),
            Column(_("Đơn vị"), 18),
            Column(_("Lĩnh vực"), 16),
            Column(_("Điểm"), 11, True),
            Column(_("Xếp loại"), 14),
        ],
        rows=lines,
    )


def _result_blocks(content: dict) -> list:
    if not content["classifications"]:
        return [Paragraph(_("Hội đồng thẩm định chưa chốt kết quả."), italic=True)]
    appraised = sum(c["count"] for c in content["classifications"])
    counts = "; ".join(f"{c['label']}: {c['count']}" for c in content["classifications"])
    blocks = [
        Paragraph(
            _("Hội đồng thẩm định đã chấm điểm %(count)s mô hình, điển hình; kết quả xếp loại: %(counts)s.")
            % {"count": appraised, "counts": counts}
        )
    ]
    for is_exemplar, title in RESULT_GROUPS:
        rows = [row for row in content["recognised"] if row["is_exemplar"] == is_exemplar]
        if rows:
            blocks.append(result_table(str(title), rows))
    return blocks


def _award_blocks(content: dict) -> list:
    blocks = []
    proposals = content["proposals"]
    if proposals:
        rows = []
        for row in proposals:
            outcome = row["status_label"]
            if row["decision_number"]:
                outcome = _("Quyết định số %(number)s") % {"number": row["decision_number"]}
                if row["decision_date"]:
                    outcome = _("%(decision)s ngày %(date)s") % {"decision": outcome, "date": row["decision_date"]}
            rows.append([row["nominee"], row["unit"], row["level_label"], outcome])
        blocks.append(
            Paragraph(
                _("Đề nghị khen thưởng %(count)s tập thể, cá nhân có thành tích tiêu biểu:") % {"count": len(proposals)},
                keep_with_next=True,
            )
        )
        blocks.append(
            numbered_table(
                title=_("Đề nghị khen thưởng"),
                columns=[
                    Column(_("Tập thể, cá nhân"), 33),
                    Column(_("Đơn vị"), 20),
                    Column(_("Hình thức"), 18),
                    Column(_("Kết quả"), 22),
                ],
                rows=rows,
            )
        )
    else:
        blocks.append(Paragraph(_("Chưa có đề nghị khen thưởng."), italic=True))
    medals = content["medals"]
    if medals:
        blocks.append(
            Paragraph(
                _("Đề nghị tặng Kỷ niệm chương “Vì sự nghiệp Dân vận” cho %(count)s cá nhân:") % {"count": len(medals)},
                keep_with_next=True,
            )
        )
        blocks.append(
            numbered_table(
                title=_("Đề nghị tặng Kỷ niệm chương “Vì sự nghiệp Dân vận”"),
                columns=[
                    Column(_("Họ và tên"), 25),
                    Column(_("Năm sinh"), 11, True),
                    Column(_("Chức vụ, đơn vị"), 37),
                    Column(_("Kết quả"), 20),
                ],
                rows=[
                    [row["full_name"], str(row["birth_year"]), position_with_unit(row["position"], row["unit"]), row["status_label"]]
                    for row in medals
                ],
            )
        )
    return blocks


def _free_text(text: str, placeholder: str) -> list:
    lines = paragraphs(text)
    return [Paragraph(line) for line in lines] if lines else [Paragraph(placeholder, italic=True)]


def recommendation_blocks(recommendations: list[dict]) -> list:
    """ "Đề xuất, kiến nghị" as staff entered them: grouped by the body addressed, in order."""
    blocks, current, number = [], None, 0
    for item in recommendations or []:
        addressee = str(item.get("addressee", "")).strip()
        content = str(item.get("content", "")).strip()
        if not content:
            continue
        if addressee and addressee != current:
            number += 1
            blocks.append(Paragraph(_("%(number)s. Đối với %(addressee)s:") % {"number": number, "addressee": addressee}))
        current = addressee
        blocks.append(Paragraph(f"- {content}"))
    return blocks or [Paragraph(_("(Chưa nhập đề xuất, kiến nghị.)"), italic=True)]


def _blocks(report: SummaryReport, content: dict) -> list:
    issuer = content["campaign"]["author"]
    year = content["year"]
    show_results = not report.is_interim or content["classifications"]
    show_awards = not report.is_interim or content["proposals"] or content["medals"]
    parts = [
        (_("Công tác triển khai thực hiện kế hoạch"), _plan_blocks(content, issuer)),
        (_("Kết quả đăng ký xây dựng mô hình, điển hình"), _registration_blocks(content, issuer)),
        (_("Nguồn lực huy động"), _resource_blocks(content)),
    ]
    if show_results:
        parts.append((_("Kết quả thẩm định, công nhận"), _result_blocks(content)))
    if show_awards:
        parts.append((_("Công tác khen thưởng"), _award_blocks(content)))

    if report.is_interim:
        results_heading = _("KẾT QUẢ THỰC HIỆN 6 THÁNG ĐẦU NĂM %(year)s") % {"year": year}
        direction_heading = _("NHIỆM VỤ TRỌNG TÂM 6 THÁNG CUỐI NĂM %(year)s") % {"year": year}
    else:
        results_heading = _("KẾT QUẢ THỰC HIỆN NĂM %(year)s") % {"year": year}
        direction_heading = _("PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM %(year)s") % {"year": year + 1}
    sections = [
        (results_heading, None),
        (_("ĐÁNH GIÁ CHUNG"), _free_text(report.assessment, _("(Chưa nhập phần đánh giá chung.)"))),
        (direction_heading, _free_text(report.direction, _("(Chưa nhập phần phương hướng, nhiệm vụ.)"))),
        (_("ĐỀ XUẤT, KIẾN NGHỊ"), recommendation_blocks(report.recommendations)),
    ]
    blocks = [Paragraph(_intro(report, content, issuer))]
    for number, (heading, section_blocks) in zip(ROMAN, sections, strict=False):
        blocks.append(Heading(f"{number}. {heading}", level=1))
        if section_blocks is None:
            for index, (sub_heading, sub_blocks) in enumerate(parts, 1):
                blocks.append(Heading(f"{index}. {sub_heading}", level=2))
                blocks.extend(sub_blocks)
        else:
            blocks.extend(section_blocks)
    return number_tables(blocks)


def seal_lines(report: SummaryReport) -> list[str]:
    """What a signed document prints under its signature: when and by whom it was
    signed on the portal, and the head of the audit ledger at that moment."""
    if not report.is_signed:
        return []
    from django.utils import timezone

    signed_at = timezone.localtime(report.signed_at) if report.signed_at else None
    lines = [
        _("Ký ban hành trên Cổng Dân vận khéo lúc %(time)s ngày %(date)s.")
        % {"time": f"{signed_at:%H:%M}" if signed_at else "", "date": f"{signed_at:%d/%m/%Y}" if signed_at else ""}
    ]
    if report.ledger_head:
        lines.append(_("Mã sổ nhật ký khi ký: %(hash)s") % {"hash": report.ledger_head})
    return lines


def letterhead_fields(report: SummaryReport) -> dict:
    """The header, place-date line and signer of any document of a report row."""
    return {
        "superior": report.superior_name.strip().upper(),
        "issuer": report.issuer_name.strip().upper(),
        "date_line": date_line(report.place.strip(), report.date),
        "party_name": _("ĐẢNG CỘNG SẢN VIỆT NAM"),
        "recipients": report.recipient_lines,
        "recipients_label": _("Nơi nhận:"),
        "signer_capacity": report.signer_capacity.strip().upper(),
        "signer_title": report.signer_title.strip().upper(),
        "signer_name": report.signer_name.strip(),
        "is_draft": not report.is_signed,
        "seal_lines": seal_lines(report),
    }


def build_document(report: SummaryReport, content: dict) -> ReportDocument:
    """The document as blocks, always in the site's language (it is an official text)."""
    if report.kind in (SummaryReport.Kind.MINUTES, SummaryReport.Kind.SUBMISSION):
        from .appraisal_documents import build_appraisal_document

        return build_appraisal_document(report, content)
    with translation.override(settings.LANGUAGE_CODE):
        stem = "bao-cao-so-ket-6-thang" if report.is_interim else "bao-cao-tong-ket"
        return ReportDocument(
            **letterhead_fields(report),
            number_line=report.number_line or _("Số     -BC/…"),
            title=_("BÁO CÁO"),
            subject=report.subject.strip(),
            blocks=_blocks(report, content),
            filename_stem=f"{stem}-{content['year']}",
        )

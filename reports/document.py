"""The text of a report as a list of blocks (headings, paragraphs, tables), written
once here and laid out twice: by the HTML template that WeasyPrint turns into the PDF
(and that the preview shows) and by the DOCX builder. Both therefore say exactly the
same thing."""

from dataclasses import dataclass, field
from typing import ClassVar

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from .formatting import date_line, paragraphs, vn_decimal, vn_int, vn_millions
from .models import SummaryReport

ROMAN = ("I", "II", "III", "IV", "V", "VI")


@dataclass
class Heading:
    text: str
    level: int = 1
    kind: ClassVar[str] = "heading"


@dataclass
class Paragraph:
    text: str
    italic: bool = False
    kind: ClassVar[str] = "paragraph"


@dataclass
class Column:
    label: str
    width: int  # percent of the text width
    numeric: bool = False


@dataclass
class Table:
    caption: str
    columns: list[Column]
    rows: list[list[str]]
    total: list[str] | None = None
    kind: ClassVar[str] = "table"

    @property
    def numeric_indexes(self) -> set[int]:
        return {index for index, column in enumerate(self.columns) if column.numeric}


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


def _numbered_table(caption: str, columns: list[Column], rows, total: list[str] | None = None) -> Table:
    """A table whose first column numbers the rows (STT), as every table of the report has."""
    return Table(
        caption=caption,
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
        _numbered_table(
            caption=_("Bảng 1. Kết quả đăng ký theo đơn vị"),
            columns=[Column(_("Đơn vị"), 38), *count_columns],
            rows=[[row["name"], *(vn_int(row[k]) for k in keys)] for row in content["units"]],
            total=[_("Tổng cộng"), *(vn_int(totals[k]) for k in keys)],
        )
    )
    field_totals = content["field_totals"]
    blocks.append(
        _numbered_table(
            caption=_("Bảng 2. Kết quả đăng ký theo lĩnh vực"),
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
        _numbered_table(
            caption=_("Bảng 3. Nguồn lực huy động theo đơn vị"),
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
    if content["recognised"]:
        rows = []
        for row in content["recognised"]:
            name = f"{row['name']} ({row['person']})" if row["person"] else row["name"]
            rows.append([name, row["unit"], row["field"], vn_decimal(row["score"]), row["classification"]])
        blocks.append(
            _numbered_table(
                caption=_("Bảng 4. Mô hình, điển hình được công nhận"),
                columns=[
                    Column(_("Mô hình, điển hình"), 35),
                    Column(_("Đơn vị"), 18),
                    Column(_("Lĩnh vực"), 16),
                    Column(_("Điểm"), 10, True),
                    Column(_("Xếp loại"), 14),
                ],
                rows=rows,
            )
        )
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
            Paragraph(_("Đề nghị khen thưởng %(count)s tập thể, cá nhân có thành tích tiêu biểu:") % {"count": len(proposals)})
        )
        blocks.append(
            _numbered_table(
                caption=_("Bảng 5. Đề nghị khen thưởng"),
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
            Paragraph(_("Đề nghị tặng Kỷ niệm chương “Vì sự nghiệp Dân vận” cho %(count)s cá nhân:") % {"count": len(medals)})
        )
        blocks.append(
            _numbered_table(
                caption=_("Bảng 6. Đề nghị tặng Kỷ niệm chương “Vì sự nghiệp Dân vận”"),
                columns=[
                    Column(_("Họ và tên"), 25),
                    Column(_("Năm sinh"), 11, True),
                    Column(_("Chức vụ, đơn vị"), 37),
                    Column(_("Kết quả"), 20),
                ],
                rows=[
                    [row["full_name"], str(row["birth_year"]), f"{row['position']}, {row['unit']}", row["status_label"]]
                    for row in medals
                ],
            )
        )
    return blocks


def _free_text(text: str, placeholder: str) -> list:
    lines = paragraphs(text)
    return [Paragraph(line) for line in lines] if lines else [Paragraph(placeholder, italic=True)]


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
    return blocks


def build_document(report: SummaryReport, content: dict) -> ReportDocument:
    """The report as blocks, always in the site's language (it is an official text)."""
    with translation.override(settings.LANGUAGE_CODE):
        stem = "bao-cao-so-ket-6-thang" if report.is_interim else "bao-cao-tong-ket"
        return ReportDocument(
            superior=report.superior_name.strip().upper(),
            issuer=report.issuer_name.strip().upper(),
            number_line=report.number_line or _("Số     -BC/…"),
            date_line=date_line(report.place.strip(), report.date),
            party_name=_("ĐẢNG CỘNG SẢN VIỆT NAM"),
            title=_("BÁO CÁO"),
            subject=report.subject.strip(),
            blocks=_blocks(report, content),
            recipients=report.recipient_lines,
            recipients_label=_("Nơi nhận:"),
            signer_capacity=report.signer_capacity.strip().upper(),
            signer_title=report.signer_title.strip().upper(),
            signer_name=report.signer_name.strip(),
            filename_stem=f"{stem}-{content['year']}",
        )

"""The minutes of the appraisal council's meeting (biên bản) and the submission of award
proposals (tờ trình) as blocks, laid out by the same PDF template and DOCX builder as
the reports, with the letterhead of the organising body."""

from decimal import Decimal
from fractions import Fraction

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from accounts.formatting import vn_decimal, vn_int

from .document import (
    ROMAN,
    Column,
    Heading,
    Paragraph,
    ReportDocument,
    Signature,
    Table,
    letterhead_fields,
    number_tables,
    numbered_table,
)
from .formatting import paragraphs, position_with_unit
from .models import SummaryReport


def _percent(fraction: str) -> str:
    """A council share as a percentage: "2/3" (and "0.667" in documents signed before
    shares were kept as fractions) → 66,7%."""
    share = Fraction(fraction)
    return vn_decimal(Decimal(share.numerator) * 100 / Decimal(share.denominator), 1).removesuffix(",0") + "%"


def _plan_reference(content: dict) -> str:
    campaign = content["campaign"]
    plan = _("Kế hoạch")
    if campaign["number_line"]:
        plan = f"{plan} {campaign['number_line'][0].lower()}{campaign['number_line'][1:]}"
    if campaign["issued_on"]:
        plan = _("%(plan)s ngày %(date)s") % {"plan": plan, "date": campaign["issued_on"]}
    return plan


def _free_text(text: str) -> list:
    return [Paragraph(line) for line in paragraphs(text)]


# ---------------------------------------------------------------------------
# Biên bản họp hội đồng thẩm định


def _member_blocks(content: dict) -> list:
    members = content["members"]
    blocks = [Paragraph(_("Thành viên Hội đồng: %(count)s người, gồm:") % {"count": len(members)})]
    for number, member in enumerate(members, 1):
        line = f"{number}. {member['name']} – {member['position_label']}"
        if member["represents"]:
            line = f"{line}, {member['represents']}"
        blocks.append(Paragraph(line + ";"))
    recusals = content["recusals"]
    if recusals:
        blocks.append(Paragraph(_("Thành viên tránh chấm (không chấm hồ sơ của đơn vị mình hoặc có xung đột lợi ích):")))
        for row in recusals:
            blocks.append(
                Paragraph(f"- {row['member']}: {row['registration']} ({row['unit']}) – {row['reason']}.")
            )
    else:
        blocks.append(Paragraph(_("Không có thành viên nào phải tránh chấm.")))
    return blocks


def _method_blocks(content: dict) -> list:
    council = content["council"]
    thresholds = council["thresholds"]
    return [
        Paragraph(_("Cách tính điểm: %(method)s.") % {"method": council["method_label"].lower()}),
        Paragraph(
            _("Số phiếu tối thiểu để xét: %(quorum)s số thành viên không phải tránh chấm.")
            % {"quorum": _percent(council["quorum_fraction"])}
        ),
        Paragraph(
            _("Xếp loại: từ %(excellent)s điểm xuất sắc; từ %(good)s điểm tốt; từ %(fair)s điểm khá; dưới %(fair)s điểm không công nhận.")
            % {
                "excellent": vn_decimal(thresholds["excellent"], 0),
                "good": vn_decimal(thresholds["good"], 0),
                "fair": vn_decimal(thresholds["fair"], 0),
            }
        ),
        Paragraph(
            _(
                "Biểu quyết đề nghị khen thưởng: hợp lệ khi có ít nhất %(quorum)s thành viên biểu quyết; "
                "thông qua khi số phiếu tán thành lớn hơn %(share)s tổng số thành viên."
            )
            % {"quorum": _percent(council["vote_quorum_fraction"]), "share": _percent(council["vote_pass_fraction"])}
        ),
    ]


def _score_tables(content: dict) -> list:
    council = content["council"]
    if not council["finalised"]:
        return [Paragraph(_("Hội đồng thẩm định chưa chốt kết quả."), italic=True)]
    members = content["members"]
    blocks = [
        Paragraph(
            _("Hội đồng chốt kết quả ngày %(date)s. Tổng điểm của từng thành viên (cột TV theo số thứ tự ở mục I):")
            % {"date": council["finalised_on"]}
        )
    ]
    member_width = max(5, min(8, 40 // max(1, len(members))))
    for is_exemplar, title in ((False, _("Điểm thẩm định mô hình tập thể")), (True, _("Điểm thẩm định điển hình cá nhân"))):
        rows = [row for row in content["results"] if row["is_exemplar"] == is_exemplar]
        if not rows:
            continue
        lines = []
        for row in rows:
            name = f"{row['name']} ({row['person']})" if row["person"] else row["name"]
            totals = [vn_decimal(row["member_totals"].get(str(m["id"]), row["member_totals"].get(m["id"])), 1) for m in members]
            rank = "" if row["rank"] is None else str(row["rank"])
            lines.append([rank, f"{name} – {row['unit']}", *totals, vn_decimal(row["score"]), row["classification_label"]])
        name_width = max(20, 100 - 7 - 11 - 13 - member_width * len(members))
        blocks.append(
            Table(
                title=title,
                columns=[
                    Column(_("Hạng"), 7, True),
                    Column(_("Mô hình, điển hình – đơn vị"), name_width),
                    *(Column(_("TV%(n)s") % {"n": n}, member_width, True) for n in range(1, len(members) + 1)),
                    Column(_("Điểm xét"), 11, True),
                    Column(_("Xếp loại"), 13),
                ],
                rows=lines,
            )
        )
    counts = {}
    for row in content["results"]:
        counts[row["classification_label"]] = counts.get(row["classification_label"], 0) + 1
    if counts:
        summary = "; ".join(f"{label}: {count}" for label, count in counts.items())
        blocks.append(
            Paragraph(_("Tổng hợp: %(count)s hồ sơ; %(summary)s.") % {"count": len(content["results"]), "summary": summary})
        )
    return blocks


def _vote_blocks(content: dict) -> list:
    votes = content["votes"]
    if not votes:
        return [Paragraph(_("Chưa có đề nghị khen thưởng đưa ra biểu quyết."), italic=True)]
    return [
        numbered_table(
            _("Kết quả biểu quyết đề nghị khen thưởng"),
            columns=[
                Column(_("Tập thể, cá nhân"), 30),
                Column(_("Hình thức"), 13),
                Column(_("Tán thành"), 11, True),
                Column(_("Không tán thành"), 13, True),
                Column(_("Không biểu quyết"), 12, True),
                Column(_("Kết quả"), 14),
            ],
            rows=[
                [
                    position_with_unit(row["nominee"], row["unit"]),
                    row["form"],
                    vn_int(row["agree"]),
                    vn_int(row["disagree"]),
                    vn_int(row["abstain"]),
                    row["status_label"],
                ]
                for row in votes
            ],
        )
    ]


def _minutes_blocks(report: SummaryReport, content: dict) -> list:
    council = content["council"]
    issuer = content["campaign"]["author"]
    if council is None:
        return [Paragraph(_("Kế hoạch chưa lập Hội đồng thẩm định."), italic=True)]
    opening = _(
        "Thực hiện %(plan)s của %(issuer)s về phong trào thi đua “Dân vận khéo” năm %(year)s, %(council)s "
        "họp thẩm định các mô hình, điển hình “Dân vận khéo” do các đơn vị đăng ký."
    ) % {"plan": _plan_reference(content), "issuer": issuer, "year": content["year"], "council": council["name"]}
    sections = [
        (_("THÀNH PHẦN"), _member_blocks(content)),
        (_("PHƯƠNG PHÁP THẨM ĐỊNH"), _method_blocks(content)),
        (_("KẾT QUẢ CHẤM ĐIỂM, XẾP LOẠI"), _score_tables(content)),
        (_("BIỂU QUYẾT ĐỀ NGHỊ KHEN THƯỞNG"), _vote_blocks(content)),
    ]
    discussion = _free_text(report.assessment)
    if discussion:
        sections.append((_("Ý KIẾN THẢO LUẬN, KẾT LUẬN"), discussion))
    blocks = [Paragraph(opening)]
    for number, (heading, section_blocks) in enumerate(sections, 1):
        blocks.append(Heading(f"{ROMAN[number - 1]}. {heading}", level=1))
        blocks.extend(section_blocks)
    blocks.append(Paragraph(_("Biên bản đã được đọc lại và thông qua trước Hội đồng./.")))
    return blocks


def _secretary(content: dict) -> Signature | None:
    secretary = next((m for m in content.get("members", []) if m["position"] == "secretary"), None)
    return Signature(title=_("THƯ KÝ"), name=secretary["name"] if secretary else "")


# ---------------------------------------------------------------------------
# Tờ trình đề nghị khen thưởng


def _proposal_table(title: str, rows: list[dict], name_label: str) -> Table:
    return numbered_table(
        title,
        columns=[
            Column(name_label, 24),
            Column(_("Đơn vị"), 16),
            Column(_("Thành tích"), 28),
            Column(_("Xếp loại"), 11),
            Column(_("Hình thức đề nghị"), 14),
        ],
        rows=[[row["nominee"], row["unit"], row["achievement"], row["classification"], row["form"]] for row in rows],
    )


def _submission_blocks(report: SummaryReport, content: dict) -> list:
    issuer = content["campaign"]["author"]
    collectives, individuals, medals = content["collectives"], content["individuals"], content["medals"]
    blocks = [
        Paragraph(
            _(
                "Căn cứ %(plan)s của %(issuer)s về thực hiện phong trào thi đua “Dân vận khéo” năm %(year)s; "
                "căn cứ kết quả thẩm định và biểu quyết của Hội đồng thẩm định,"
            )
            % {"plan": _plan_reference(content), "issuer": issuer, "year": content["year"]}
        ),
        Paragraph(
            _(
                "%(issuer)s kính trình xem xét, khen thưởng %(collectives)s tập thể, %(individuals)s cá nhân có thành tích "
                "xuất sắc trong phong trào thi đua “Dân vận khéo” năm %(year)s và đề nghị tặng Kỷ niệm chương "
                "“Vì sự nghiệp Dân vận” cho %(medals)s cá nhân, cụ thể như sau:"
            )
            % {
                "issuer": issuer,
                "collectives": len(collectives),
                "individuals": len(individuals),
                "year": content["year"],
                "medals": len(medals),
            }
        ),
        *_free_text(report.assessment),
    ]
    sections = []
    award_blocks = []
    if collectives:
        award_blocks.append(_proposal_table(_("Danh sách tập thể đề nghị khen thưởng"), collectives, _("Tập thể")))
    if individuals:
        award_blocks.append(_proposal_table(_("Danh sách cá nhân đề nghị khen thưởng"), individuals, _("Cá nhân")))
    if not award_blocks:
        award_blocks.append(Paragraph(_("Hội đồng thẩm định chưa thông qua đề nghị khen thưởng nào."), italic=True))
    sections.append((_("ĐỀ NGHỊ KHEN THƯỞNG TẬP THỂ, CÁ NHÂN"), award_blocks))
    if medals:
        medal_blocks = [
            numbered_table(
                _("Danh sách đề nghị tặng Kỷ niệm chương “Vì sự nghiệp Dân vận”"),
                columns=[
                    Column(_("Họ và tên"), 19),
                    Column(_("Năm sinh"), 9, True),
                    Column(_("Giới tính"), 8),
                    Column(_("Chức vụ, đơn vị"), 26),
                    Column(_("Số năm công tác"), 9, True),
                    Column(_("Thành tích"), 22),
                ],
                rows=[
                    [
                        row["full_name"],
                        str(row["birth_year"]),
                        row["gender"],
                        position_with_unit(row["position"], row["unit"]),
                        str(row["years_in_work"]),
                        row["achievements"],
                    ]
                    for row in medals
                ],
            )
        ]
    else:
        medal_blocks = [Paragraph(_("Không có đề nghị tặng Kỷ niệm chương."), italic=True)]
    sections.append((_("ĐỀ NGHỊ TẶNG KỶ NIỆM CHƯƠNG “VÌ SỰ NGHIỆP DÂN VẬN”"), medal_blocks))
    for number, (heading, section_blocks) in enumerate(sections, 1):
        blocks.append(Heading(f"{ROMAN[number - 1]}. {heading}", level=1))
        blocks.extend(section_blocks)
    blocks.append(
        Paragraph(_("%(issuer)s kính trình xem xét, quyết định./.") % {"issuer": issuer})
    )
    return blocks



def build_appraisal_document(report: SummaryReport, content: dict) -> ReportDocument:
    with translation.override(settings.LANGUAGE_CODE):
        fields = letterhead_fields(report)
        if report.kind == SummaryReport.Kind.MINUTES:
            return ReportDocument(
                **{**fields, "recipients": [], "recipients_label": ""},
                number_line=report.number_line or _("Số     -BB/…"),
                title=_("BIÊN BẢN"),
                subject=report.subject.strip(),
                blocks=number_tables(_minutes_blocks(report, content)),
                second_signature=_secretary(content),
                filename_stem=f"bien-ban-tham-dinh-{content['year']}",
            )
        return ReportDocument(
            **fields,
            number_line=report.number_line or _("Số     -TTr/…"),
            title=_("TỜ TRÌNH"),
            subject=report.subject.strip(),
            addressee=report.addressee.strip(),
            blocks=number_tables(_submission_blocks(report, content)),
            filename_stem=f"to-trinh-khen-thuong-{content['year']}",
        )

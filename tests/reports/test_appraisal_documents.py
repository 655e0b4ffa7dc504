"""The minutes of the council's meeting and the submission of award proposals: what they
print comes from the appraisal's records, with the organiser's letterhead."""

import datetime
from io import BytesIO

from django.db import connection
from django.db.models import Sum
from django.test.utils import CaptureQueriesContext
from docx import Document

from evaluations.models import AwardProposal, MedalNomination, Scoresheet
from reports.document import build_document
from reports.models import SummaryReport
from reports.pdf import render_pdf
from reports.selectors import document_content
from reports.services import create_report
from reports.word import render_docx
from tests.factories import CampaignFactory, UnitFactory

from .builders import add_appraisal, add_registration, add_result, page_texts, pdftotext


def _document(report):
    return build_document(report, document_content(report))


def _tables(document):
    return {table.title: table for table in document.tables}


def test_new_minutes_and_submission_take_number_letterhead_and_signer_of_the_organiser(campaign, staff_user, appraised):
    minutes = create_report(campaign, SummaryReport.Kind.MINUTES, by=staff_user)
    submission = create_report(campaign, SummaryReport.Kind.SUBMISSION, by=staff_user)
    assert (minutes.superior_name, minutes.issuer_name, minutes.number) == ("HUYỆN ỦY ĐƠN DƯƠNG", "BAN DÂN VẬN", "-BB/BDVHU")
    assert (minutes.signer_title, minutes.signer_name) == ("CHỦ TỊCH HỘI ĐỒNG", "Phạm Văn Sơn")
    assert (submission.number, submission.addressee) == ("-TTr/BDVHU", "Hội đồng Thi đua – Khen thưởng Đơn Dương")
    assert (submission.signer_capacity, submission.signer_title) == ("T/M BAN DÂN VẬN", "TRƯỞNG BAN")


def test_minutes_print_members_recusal_method_each_members_total_and_the_tallies(campaign, staff_user, appraised):
    minutes = create_report(campaign, SummaryReport.Kind.MINUTES, by=staff_user)
    document = _document(minutes)
    assert (document.title, document.number_line) == ("BIÊN BẢN", "Số -BB/BDVHU")
    assert (document.second_signature.title, document.second_signature.name) == ("THƯ KÝ", "Bùi Thị Mai")
    assert (document.signer_title, document.signer_name) == ("CHỦ TỊCH HỘI ĐỒNG", "Phạm Văn Sơn")
    texts = [block.text for block in document.blocks if block.kind != "table"]
    assert "1. Phạm Văn Sơn – Chủ tịch, Ủy ban nhân dân huyện;" in texts
    assert "2. Bùi Thị Mai – Thư ký, Ban Dân vận Huyện ủy;" in texts
    assert "- Ưng Văn Tâm: Dân vận khéo giữ gìn an ninh thôn (Xã Ka Đô) – Là người thân của chủ nhiệm mô hình." in texts
    assert "Cách tính điểm: điểm trung bình." in texts
    tables = _tables(document)
    models = tables["Điểm thẩm định mô hình tập thể"]
    assert [c.label for c in models.columns] == ["Hạng", "Mô hình, điển hình – đơn vị", "TV1", "TV2", "TV3", "Điểm xét", "Xếp loại"]
    # Each member's total is the sum of the member's submitted sheet; the recused member has none.
    assert models.rows == [
        ["1", "Dân vận khéo giữ gìn an ninh thôn – Xã Ka Đô", "90,0", "80,0", "", "85,00", "Tốt"],
        ["2", "Ân tình xóm đạo – Thị trấn Thạnh Mỹ", "90,0", "80,0", "70,0", "80,00", "Tốt"],
    ]
    for registration, row in zip(appraised["registrations"][:2], models.rows, strict=True):
        totals = (
            Scoresheet.objects.filter(assignment__registration=registration, status="submitted")
            .values("assignment__member__position")
            .annotate(total=Sum("scores__points"))
        )
        assert sorted(f"{t['total']:.1f}".replace(".", ",") for t in totals) == sorted(c for c in row[2:5] if c)
    assert tables["Điểm thẩm định điển hình cá nhân"].rows == [
        ["1", "Già làng K'Brơi (K'Brơi) – Xã Ka Đô", "90,0", "80,0", "70,0", "80,00", "Tốt"]
    ]
    votes = tables["Kết quả biểu quyết đề nghị khen thưởng"]
    assert [row[3:] for row in votes.rows] == [["2", "0", "1", "Được thông qua"]] * 3
    # Tables are numbered in order.
    assert [t.caption.split(".")[0] for t in document.tables] == ["Bảng 1", "Bảng 2", "Bảng 3"]


def test_minutes_before_finalising_print_no_scores(campaign, staff_user, appraised):
    appraised["council"].__class__.objects.filter(pk=appraised["council"].pk).update(finalised_at=None)
    document = _document(create_report(campaign, SummaryReport.Kind.MINUTES, by=staff_user))
    assert "Hội đồng thẩm định chưa chốt kết quả." in [b.text for b in document.blocks if b.kind == "paragraph"]
    assert not any(t.title.startswith("Điểm thẩm định") for t in document.tables)


def test_submission_lists_passed_proposals_by_kind_with_classification_and_form_and_the_medals(campaign, staff_user, appraised):
    AwardProposal.objects.filter(registration=appraised["registrations"][1]).update(
        status=AwardProposal.Status.REJECTED, level=AwardProposal.Level.PROVINCE
    )
    document = _document(create_report(campaign, SummaryReport.Kind.SUBMISSION, by=staff_user))
    assert (document.title, document.addressee) == ("TỜ TRÌNH", "Hội đồng Thi đua – Khen thưởng Đơn Dương")
    tables = _tables(document)
    collectives = tables["Danh sách tập thể đề nghị khen thưởng"]
    # The rejected proposal is not put forward.
    assert [(row[1], row[4], row[5]) for row in collectives.rows] == [("Dân vận khéo giữ gìn an ninh thôn", "Tốt", "Giấy khen")]
    individuals = tables["Danh sách cá nhân đề nghị khen thưởng"]
    assert [(row[1], row[5]) for row in individuals.rows] == [("Già làng K'Brơi", "Giấy khen")]
    medals = tables["Danh sách đề nghị tặng Kỷ niệm chương “Vì sự nghiệp Dân vận”"]
    assert [row[1] for row in medals.rows] == list(
        MedalNomination.objects.exclude(status="rejected").values_list("full_name", flat=True)
    )
    # The position already names no unit here, so the unit follows it once.
    assert medals.rows[0][4] == "Bí thư Chi bộ thôn, Xã Ka Đô"


def test_minutes_and_submission_render_as_pdf_and_docx_with_the_letterhead(campaign, staff_user, appraised):
    for kind, title, number in ((SummaryReport.Kind.MINUTES, "BIÊN BẢN", "Số -BB/BDVHU"), (SummaryReport.Kind.SUBMISSION, "TỜ TRÌNH", "Số -TTr/BDVHU")):
        document = _document(create_report(campaign, kind, by=staff_user))
        pdf = render_pdf(document)
        text = pdftotext(pdf)
        for expected in ("HUYỆN ỦY ĐƠN DƯƠNG", "BAN DÂN VẬN", number, "ĐẢNG CỘNG SẢN VIỆT NAM", title):
            assert expected in text, (kind, expected)
        assert all("DỰ THẢO" in page for page in page_texts(pdf))
        docx = Document(BytesIO(render_docx(document)))
        left = docx.tables[0].rows[0].cells[0].text.splitlines()
        assert left == ["HUYỆN ỦY ĐƠN DƯƠNG", "BAN DÂN VẬN", "*", number]
        assert title in [p.text for p in docx.paragraphs]


def test_report_date_default_for_appraisal_documents_is_in_the_campaign_year(campaign, staff_user):
    minutes = create_report(campaign, SummaryReport.Kind.MINUTES, by=staff_user)
    assert minutes.date.year == 2020 or minutes.date == datetime.date.today()


def _appraised_campaign(district, staff_user, n, year):
    campaign = CampaignFactory(owner=district, year=year)
    registrations = [
        add_registration(campaign, UnitFactory(kind="commune", parent=district, name=f"Xã {year}-{i}"), exemplar=i % 2 == 1)
        for i in range(n)
    ]
    add_appraisal(campaign, registrations, by=staff_user, finalised_at=datetime.datetime(year, 11, 25, tzinfo=datetime.UTC))
    for rank, registration in enumerate(registrations, 1):
        add_result(registration, score="85.00", classification="good", rank=rank)
    return campaign


def test_minutes_and_submission_content_take_the_same_queries_for_2_and_12_registrations(district, staff_user):
    counts = {}
    for n, year in ((2, 2021), (12, 2022)):
        campaign = _appraised_campaign(district, staff_user, n, year)
        for kind in (SummaryReport.Kind.MINUTES, SummaryReport.Kind.SUBMISSION):
            report = create_report(campaign, kind, by=staff_user)
            report = SummaryReport.objects.select_related("campaign__owner").get(pk=report.pk)
            with CaptureQueriesContext(connection) as queries:
                document_content(report)
            counts[(kind, n)] = len(queries)
    assert counts[("minutes", 2)] == counts[("minutes", 12)] == 6
    assert counts[("submission", 2)] == counts[("submission", 12)] == 3

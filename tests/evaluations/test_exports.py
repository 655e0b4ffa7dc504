"""Excel exports: the score matrix (registration × member × criterion) and the results."""

from decimal import Decimal

from django.urls import reverse

from accounts.models import ExportFile
from evaluations import services
from tests.evaluations.conftest import FULL_MODEL, GOOD_MODEL, fill
from tests.exports import ask, exported, workbook_of


def test_score_matrix_has_a_row_per_registration_and_member_and_a_column_per_criterion(
    staff_client, campaign, council, chair, members, make_nominated, mttq
):
    from tests.evaluations.conftest import seat

    recused = seat(council, "thamdinh5", unit=mttq)
    registration = make_nominated(mttq)
    fill(members[0], registration, GOOD_MODEL)
    fill(members[1], registration, [10, None, None, None, None], submit=False)
    workbook = workbook_of(exported(staff_client, reverse("evaluations:export_matrix", args=[campaign.pk])))
    sheet = workbook["Mô hình (tập thể)"]
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows[0]) == 5 + 5 + 1
    assert rows[0][5].startswith("1. Phù hợp chủ trương")
    by_member = {row[2]: row for row in rows[1:]}
    assert len(by_member) == 6
    assert by_member["Thamdinh1"][4] == "Đã nộp"
    assert [Decimal(str(v)) for v in by_member["Thamdinh1"][5:10]] == [Decimal(str(v)) for v in GOOD_MODEL]
    assert Decimal(str(by_member["Thamdinh1"][10])) == Decimal(85)
    assert by_member["Thamdinh2"][4] == "Nháp" and by_member["Thamdinh2"][5] == 10
    assert by_member[recused.user.display_name][4] == "Tự động: thành viên thuộc đơn vị đăng ký"
    assert by_member["Chutich"][4] == "Chưa chấm"


def test_results_export_lists_ranked_results_per_kind(staff_client, campaign, council, chair, members, make_nominated):
    first, second = make_nominated(), make_nominated()
    for member in [chair, *members]:
        fill(member, first, GOOD_MODEL)
        fill(member, second, FULL_MODEL)
    services.finalise_results(council, by=chair.user)
    workbook = workbook_of(exported(staff_client, reverse("evaluations:export_results", args=[campaign.pk])))
    rows = list(workbook["Mô hình (tập thể)"].iter_rows(values_only=True))
    assert rows[0][0] == "Xếp hạng" and rows[0][10] == "Độ lệch chuẩn (tổng thể)"
    assert [(row[0], row[2], row[12]) for row in rows[1:]] == [
        (1, second.model.name, "Xuất sắc"),
        (2, first.model.name, "Tốt"),
    ]


def test_the_chair_exports_only_after_finalise(client, campaign, council, chair, members, make_nominated):
    registration = make_nominated()
    client.force_login(chair.user)
    url = reverse("evaluations:export_matrix", args=[campaign.pk])
    assert client.get(url).status_code == 404
    assert ask(client, url).status_code == 404
    assert not ExportFile.objects.exists()
    for member in [chair, *members]:
        fill(member, registration, GOOD_MODEL)
    services.finalise_results(council, by=chair.user)
    assert client.get(url).status_code == 200
    assert workbook_of(exported(client, url))["Mô hình (tập thể)"]["B2"].value == registration.model.name


def test_a_formula_typed_as_a_name_stays_inert_text(staff_client, campaign, council, chair, members, make_nominated):
    registration = make_nominated()
    registration.model.name = '=HYPERLINK("http://x")'
    registration.model.save(update_fields=["name"])
    workbook = workbook_of(exported(staff_client, reverse("evaluations:export_matrix", args=[campaign.pk])))
    cell = workbook["Mô hình (tập thể)"]["B2"]
    assert cell.data_type == "s"


def test_results_and_matrix_exports_write_a_model_name_holding_control_characters(
    staff_client, campaign, council, chair, members, make_nominated
):
    registration = make_nominated()
    registration.model.name = "Đường\x0b làng\x1b sáng"
    registration.model.save(update_fields=["name"])
    for member in [chair, *members]:
        fill(member, registration, GOOD_MODEL)
    services.finalise_results(council, by=chair.user)
    matrix = workbook_of(exported(staff_client, reverse("evaluations:export_matrix", args=[campaign.pk])))
    assert {row[1] for row in list(matrix["Mô hình (tập thể)"].iter_rows(values_only=True))[1:]} == {"Đường làng sáng"}
    results = workbook_of(exported(staff_client, reverse("evaluations:export_results", args=[campaign.pk])))
    assert [row[2] for row in list(results["Mô hình (tập thể)"].iter_rows(values_only=True))[1:]] == ["Đường làng sáng"]

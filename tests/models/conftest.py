import pytest

from tests.factories import DvkModelFactory, ExemplarFactory, MembershipFactory, UnitFactory, UserFactory


@pytest.fixture
def kado_model(unit):
    return DvkModelFactory(
        unit=unit,
        name="Chi hội phụ nữ giúp nhau phát triển kinh tế",
        field="economy",
        address="Thôn Ka Đô Cũ",
        is_ethnic_minority_area=True,
    )


@pytest.fixture
def kado_exemplar(unit):
    return ExemplarFactory(
        unit=unit,
        name="Người có uy tín tiêu biểu trong đồng bào K'Ho",
        person_name="K'Brơi",
        person_birth_year=1956,
        person_position="Người có uy tín thôn Ka Đô Cũ",
    )


@pytest.fixture
def thanhmy_model(other_unit):
    return DvkModelFactory(
        unit=other_unit,
        name="Tổ tự quản an ninh trật tự thôn",
        field="defence_security",
        address="Thôn Đường Mới",
    )


@pytest.fixture
def other_district_unit(other_district):
    return UnitFactory(kind="commune", name="Xã Đạ Sar", code="LDU-DASAR", parent=other_district)


@pytest.fixture
def other_district_model(other_district_unit):
    return DvkModelFactory(unit=other_district_unit, name="Mô hình của huyện Lạc Dương", field="economy")


@pytest.fixture
def other_district_staff(other_district):
    user = UserFactory(username="bdv_lacduong")
    MembershipFactory(user=user, unit=other_district, role="district_staff")
    return user

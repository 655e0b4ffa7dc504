"""Finding 9 of the outside attack: the medal-once-per-person rule sees through tone
placement, decomposed letters and invisible characters in a person's name."""

import unicodedata

import pytest

from accounts.text import person_name_key
from evaluations import awards
from evaluations.models import MedalNomination
from tests.evaluations.test_medals import (  # noqa: F401 - the shared fixture and helper
    _fast_password_hashing,  # noqa: F401
    campaign,
    nominate,
)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Nguyễn Thị Hòa", "Nguyễn Thị Hoà"),
        ("Lê Văn Thúy", "Lê Văn Thuý"),
        ("Trần Thị Hòe", "Trần Thị Hoè"),
        ("Nguyễn Thị Hòa", unicodedata.normalize("NFD", "Nguyễn Thị Hòa")),
        ("Nguyễn Thị Hòa", "Nguyễn\u200b Thị Hòa"),
        ("Nguyễn Thị Hòa", "Nguyễn Thị\ufeff Hòa\u2060"),
        ("Nguyễn Thị Hòa", "NGUYỄN\u00a0THỊ HOÀ"),
    ],
)
def test_spellings_of_one_name_are_one_person(campaign, staff_user, unit, first, second):  # noqa: F811
    assert person_name_key(first) == person_name_key(second)
    nominate(campaign, staff_user, unit, full_name=first)
    with pytest.raises(awards.DuplicateMedalNomination):
        nominate(campaign, staff_user, unit, full_name=second)
    assert MedalNomination.objects.count() == 1


@pytest.mark.parametrize(("first", "second"), [("Nguyễn Thị Hoa", "Nguyễn Thị Hòa"), ("Lê Văn Thủy", "Lê Văn Thúy"), ("Hà", "Hạ")])
def test_names_that_differ_in_a_letter_or_a_tone_are_different_people(first, second):
    assert person_name_key(first) != person_name_key(second)

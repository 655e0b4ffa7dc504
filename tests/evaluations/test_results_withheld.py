"""Finding 5 of the outside attack: a unit reads its results only once the council has
published them; before that its pages say "in appraisal", whatever it filters on."""

from django.urls import reverse

from evaluations import services
from registrations.models import Status
from tests.evaluations.conftest import FULL_MODEL, fill

RESULT_WORDS = ("Được công nhận", "Không được công nhận", "Đã thẩm định")


def badges(body: str) -> list[str]:
    """The status labels shown as badges (the filter's options list every status)."""
    return [word for word in (*RESULT_WORDS, "Đưa vào thẩm định") if f">{word}</span>" in body]


def finalised(council, chair, members, make_nominated):
    registration = make_nominated()
    for member in [chair, *members]:
        fill(member, registration, FULL_MODEL)
    services.finalise_results(council, by=chair.user)
    registration.refresh_from_db()
    assert registration.status == Status.RECOGNISED
    return registration


def test_a_unit_sees_in_appraisal_until_publication_then_its_result(
    focal_client, staff_client, council, chair, members, make_nominated, staff_user
):
    registration = finalised(council, chair, members, make_nominated)
    pages = {
        "list": reverse("registrations:list"),
        "detail": reverse("registrations:detail", args=[registration.pk]),
    }
    for name, url in pages.items():
        assert badges(focal_client.get(url).content.decode()) == ["Đưa vào thẩm định"], name
    assert registration.model.name not in focal_client.get(pages["list"], {"status": "recognised"}).content.decode()
    assert registration.model.name in focal_client.get(pages["list"], {"status": "nominated"}).content.decode()
    # The organiser's staff read the result at once.
    assert badges(staff_client.get(pages["detail"]).content.decode()) == ["Được công nhận"]

    services.publish_results(council, by=staff_user)
    assert badges(focal_client.get(pages["detail"]).content.decode()) == ["Được công nhận"]
    assert registration.model.name in focal_client.get(pages["list"], {"status": "recognised"}).content.decode()

"""Finding 3 of the outside attack: once a registration of a model is in appraisal (or
has results), the unit cannot switch the model between collective and exemplar."""

import pytest

from models import services
from models.exceptions import TransitionNotAllowed
from models.models import DvkModel
from registrations.models import Status
from tests.factories import CampaignFactory, RegistrationFactory

FROZEN = "Mô hình đã được đưa vào thẩm định hoặc đã có kết quả: không thể đổi giữa mô hình tập thể và điển hình cá nhân."


def to_exemplar(model, user):
    return services.update_model(model, by=user, kind=DvkModel.Kind.EXEMPLAR, person_name="K'Brơi", person_position="Già làng")


@pytest.mark.parametrize("status", list(Status.IN_APPRAISAL))
def test_the_kind_is_frozen_in_appraisal_and_after_results(kado_model, focal_user, district, status):
    RegistrationFactory(campaign=CampaignFactory(owner=district, status="published"), model=kado_model, status=status)
    with pytest.raises(TransitionNotAllowed) as refused:
        to_exemplar(kado_model, focal_user)
    assert refused.value.message == FROZEN
    kado_model.refresh_from_db()
    assert kado_model.kind == DvkModel.Kind.MODEL
    # What does not decide the appraisal can still be corrected.
    services.update_model(kado_model, by=focal_user, address="Thôn Ka Đô Mới")
    kado_model.refresh_from_db()
    assert kado_model.address == "Thôn Ka Đô Mới"


@pytest.mark.parametrize("status", [Status.DRAFT, Status.SUBMITTED, Status.ACCEPTED, Status.WITHDRAWN])
def test_the_kind_can_change_before_appraisal(kado_model, focal_user, district, status):
    RegistrationFactory(campaign=CampaignFactory(owner=district, status="published"), model=kado_model, status=status)
    assert to_exemplar(kado_model, focal_user).kind == DvkModel.Kind.EXEMPLAR

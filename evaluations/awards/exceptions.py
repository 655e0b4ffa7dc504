"""Why an award or medal step was refused; every message is shown as it is."""

from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.errors import DomainError

from ..models import MedalNomination


class AwardError(DomainError):
    """A refused award or medal operation; the message is shown to the person who tried."""


class TransitionNotAllowed(AwardError):
    pass


class ResultsNotFinalised(AwardError):
    pass


class NotACouncilMember(AwardError):
    pass


class VotingNotOpen(AwardError):
    pass


class StaleEdit(AwardError):
    pass


class DuplicateMedalNomination(AwardError):
    """The person already holds the medal or has a pending nomination."""

    def __init__(self, earlier: MedalNomination):
        self.earlier = earlier
        super().__init__(duplicate_medal_message(earlier))


def duplicate_medal_message(earlier: MedalNomination) -> str:
    values = {
        "title": _("Ông") if earlier.gender == MedalNomination.Gender.MALE else _("Bà"),
        "name": earlier.full_name,
        "birth_year": earlier.birth_year,
        "unit": earlier.unit.name,
        "year": earlier.campaign.year,
        "status": earlier.get_status_display(),
        "date": timezone.localtime(earlier.created_at).strftime("%d/%m/%Y") if earlier.created_at else "",
    }
    if earlier.status == MedalNomination.Status.AWARDED:
        return (
            _(
                "%(title)s %(name)s (sinh năm %(birth_year)s, %(unit)s) đã được tặng Kỷ niệm chương "
                "“Vì sự nghiệp Dân vận” trong đợt xét năm %(year)s (trạng thái: %(status)s). "
                "Kỷ niệm chương chỉ tặng một lần cho mỗi người."
            )
            % values
        )
    return (
        _(
            "%(title)s %(name)s (sinh năm %(birth_year)s, %(unit)s) đã có đề nghị tặng Kỷ niệm chương "
            "trong đợt xét năm %(year)s, lập ngày %(date)s (trạng thái: %(status)s). "
            "Kỷ niệm chương chỉ tặng một lần cho mỗi người, không lập đề nghị thứ hai."
        )
        % values
    )

"""Why a registration, report or evidence change was refused. Every message is a
Vietnamese sentence that the views show as it is."""

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts.errors import DomainError


class RegistrationError(DomainError):
    """Base of the registrations' refusals; ``message`` is ready to show to the user."""


class TransitionNotAllowed(RegistrationError):
    pass


class CampaignNotOpen(RegistrationError):
    def __init__(self, campaign):
        self.campaign = campaign
        super().__init__(
            _("Kế hoạch “%(title)s” chưa ban hành hoặc đã kết thúc nên không nhận đăng ký, báo cáo.") % {"title": campaign.title}
        )


class AlreadyRegistered(RegistrationError):
    def __init__(self, registration):
        self.registration = registration
        super().__init__(
            _("Mô hình “%(model)s” đã được đăng ký trong kế hoạch năm %(year)s.")
            % {"model": registration.model.name, "year": registration.campaign.year}
        )


class DeadlinePassed(RegistrationError):
    def __init__(self, due):
        self.due = due
        super().__init__(
            _("Đã quá hạn “%(deadline)s” (hết ngày %(date)s). Đề nghị liên hệ Ban Dân vận Huyện ủy nếu cần gia hạn.")
            % {"deadline": due.deadline, "date": formats.date_format(due.due_date, "d/m/Y")}
        )


class IncompleteRegistration(RegistrationError):
    """Required fields are empty; ``missing`` maps field name to its label."""

    def __init__(self, missing: dict[str, str]):
        self.missing = missing
        labels = ", ".join(str(label) for label in missing.values())
        super().__init__(
            ngettext(
                "Chưa thể gửi: còn thiếu mục %(labels)s.",
                "Chưa thể gửi: còn thiếu các mục %(labels)s.",
                len(missing),
            )
            % {"labels": labels}
        )


class StaleEdit(RegistrationError):
    """Someone saved the object after this form was opened."""


class ReasonRequired(RegistrationError):
    def __init__(self):
        super().__init__(_("Cần ghi lý do trả lại để đơn vị biết phải bổ sung gì."))


class EvidenceRejected(RegistrationError):
    """An uploaded file was refused; nothing of it was stored."""


class InvalidReport(RegistrationError):
    """Figures of a progress report that cannot be true together."""


class NotPermitted(RegistrationError):
    """The acting user may not take this step on this registration."""

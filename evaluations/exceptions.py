"""Why an appraisal step was refused. ``message`` is the Vietnamese sentence the views
show as it is."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts.errors import DomainError


class AppraisalError(DomainError):
    """A refused appraisal step; ``message`` is the sentence to show the user."""


class NotAllowed(AppraisalError):
    """The acting user may not take this step."""


class TransitionNotAllowed(AppraisalError):
    """The object is not in a state where this step makes sense."""


class CriteriaLocked(AppraisalError):
    def __init__(self):
        super().__init__(
            _(
                "Đã có thành viên Hội đồng chấm điểm trong kế hoạch này nên không thể sửa bộ tiêu chí nữa; "
                "sửa lúc này sẽ làm các phiếu đã chấm không còn so sánh được với nhau."
            )
        )


class ScoringClosed(AppraisalError):
    pass


class ResultsFinalised(AppraisalError):
    def __init__(self):
        super().__init__(_("Kết quả thẩm định đã được chốt; không thể chấm điểm hay thay đổi phiếu chấm nữa."))


class StaleScoresheet(AppraisalError):
    def __init__(self):
        super().__init__(
            _(
                "Phiếu chấm này vừa được lưu ở nơi khác (có thể ở một thẻ trình duyệt khác) sau khi bạn mở trang. "
                "Điểm bạn vừa nhập vẫn còn trên biểu mẫu nhưng CHƯA được lưu; hãy mở lại trang để xem bản mới nhất."
            )
        )


class InvalidScores(AppraisalError):
    """``errors`` maps criterion id to what is wrong with its points."""

    def __init__(self, errors: dict[int, str], message=None):
        self.errors = errors
        super().__init__(message or _("Điểm chấm chưa hợp lệ; hãy xem lại các tiêu chí được đánh dấu."))


class NotQuorate(AppraisalError):
    def __init__(self, names: list[str]):
        self.names = names
        super().__init__(
            ngettext(
                "Chưa thể chốt kết quả: hồ sơ sau chưa đủ số phiếu tối thiểu: %(names)s.",
                "Chưa thể chốt kết quả: các hồ sơ sau chưa đủ số phiếu tối thiểu: %(names)s.",
                len(names),
            )
            % {"names": "; ".join(names)}
        )

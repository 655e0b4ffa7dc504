"""The registration list as spreadsheet rows (one row per registration). Written with
accounts.xlsx, which keeps text that looks like a formula as plain text."""

from collections.abc import Iterable, Iterator

from django.http import QueryDict
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from accounts.exports import Workbook

from .models import CONTENT_FIELDS, Registration


def headers() -> list[str]:
    return [
        _("STT"),
        _("Đơn vị"),
        _("Tên mô hình, điển hình"),
        _("Loại"),
        _("Lĩnh vực"),
        _("Địa bàn thực hiện"),
        _("Vùng đồng bào DTTS"),
        _("Vùng đồng bào có đạo"),
        _("Họ tên cá nhân"),
        _("Năm sinh"),
        _("Chức vụ, nghề nghiệp"),
        _("Trạng thái"),
        _("Ngày gửi"),
        _("Lý do trả lại"),
        _("Số minh chứng"),
        _("Sơ kết 6 tháng"),
        _("Tự đánh giá cuối năm"),
        *[str(Registration._meta.get_field(name).verbose_name).capitalize() for name in CONTENT_FIELDS],
    ]


def _yes_no(value: bool) -> str:
    return _("Có") if value else _("Không")


def _date(value) -> str:
    return formats.date_format(timezone.localtime(value), "d/m/Y") if value else ""


def rows(registrations: Iterable[Registration]) -> Iterator[list]:
    """``registrations`` comes from selectors.registration_list (annotated)."""
    for number, registration in enumerate(registrations, start=1):
        model = registration.model
        yield [
            number,
            registration.unit.name,
            model.name,
            model.get_kind_display(),
            model.get_field_display(),
            model.address,
            _yes_no(model.is_ethnic_minority_area),
            _yes_no(model.is_religious_area),
            model.person_name,
            model.person_birth_year,
            model.person_position,
            registration.get_status_display(),
            _date(registration.submitted_at),
            registration.return_reason if registration.status == Registration.Status.RETURNED else "",
            getattr(registration, "evidence_count", None),
            _("Đã gửi") if getattr(registration, "interim_submitted", False) else _("Chưa gửi"),
            _("Đã gửi") if getattr(registration, "final_submitted", False) else _("Chưa gửi"),
            *[getattr(registration, name) for name in CONTENT_FIELDS],
        ]


KIND = "registrations"


def workbook_for(user, params: dict) -> Workbook:
    """The registrations list under the filters of ``params["query"]`` (the list's
    query string, as lists), as ``user`` may read it: the export's builder."""
    from .filters import filtered_registrations
    from .selectors import as_shown

    data = QueryDict(mutable=True)
    for key, values in (params.get("query") or {}).items():
        data.setlist(str(key), [str(value) for value in values])
    filterset = filtered_registrations(user, data)
    registrations = filterset.qs if filterset.is_valid() else Registration.objects.none()
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    return Workbook(f"dang-ky-thi-dua-{stamp}.xlsx", [(_("Đăng ký thi đua"), headers(), rows(as_shown(registrations)))])

from django import template
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts.formatting import vn_int
from registrations.models import Status

register = template.Library()

STATUS_CLASSES = {
    "draft": "secondary",
    "submitted": "info",
    "returned": "warning",
    "accepted": "success",
    "withdrawn": "dark",
    "nominated": "primary",
    "recognised": "success",
    "not_recognised": "danger",
}


@register.filter
def status_class(status: str) -> str:
    """The Bootstrap colour of a registration status badge."""
    return STATUS_CLASSES.get(str(status), "secondary")


# 12500000 → "12.500.000" (Vietnamese thousands separator).
register.filter("vnd", vn_int)


@register.simple_tag
def days_left(due, today=None) -> str:
    """ "còn 5 ngày", "hạn hôm nay", "quá hạn 3 ngày" for a campaign DueDate."""
    if due is None:
        return ""
    days = due.days_left(today)
    if days > 0:
        return ngettext("còn %(days)s ngày", "còn %(days)s ngày", days) % {"days": days}
    if days == 0:
        return _("hạn hôm nay")
    return ngettext("quá hạn %(days)s ngày", "quá hạn %(days)s ngày", -days) % {"days": -days}


@register.filter
def due_class(due) -> str:
    if due is None:
        return "secondary"
    days = due.days_left()
    if days < 0:
        return "danger"
    if days <= 7:
        return "warning"
    return "success"


@register.filter
def status_label(value) -> str:
    """The Vietnamese name of a registration status value kept in an audit entry."""
    try:
        return Status(value).label
    except ValueError:
        return str(value or "")

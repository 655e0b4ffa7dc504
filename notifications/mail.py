"""The e-mail of a notification: subject, sender, greeting and the link, built in one
place so that every header this app writes follows one rule."""

from email.utils import parseaddr
from urllib.parse import urljoin

from django.conf import settings
from django.core.mail import EmailMessage
from django.utils.translation import gettext as _

from accounts.text import header_text

SUBJECT_MAX = 200


def email_subject(title: str) -> str:
    return header_text(title, limit=SUBJECT_MAX) or _("Thông báo từ cổng Dân vận khéo")


def sender_address(organiser=None) -> str:
    """The organising body's name in front of the configured sending address."""
    default_name, address = parseaddr(settings.DEFAULT_FROM_EMAIL)
    name = header_text(getattr(organiser, "name", "") or default_name, limit=120)
    if not name:
        return address
    quoted = name.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{quoted}" <{address}>'


def absolute_url(url: str) -> str:
    if not url:
        return ""
    return urljoin(settings.SITE_URL.rstrip("/") + "/", url)


def email_body(notification) -> str:
    user = notification.user
    lines = [_("Kính gửi %(name)s,") % {"name": user.display_name}, "", notification.title]
    if notification.body:
        lines += ["", notification.body]
    link = absolute_url(notification.url)
    if link:
        lines += ["", _("Xem và thực hiện tại: %(link)s") % {"link": link}]
    lines += ["", "--", notification.organiser.name if notification.organiser_id else _("Cổng Dân vận khéo")]
    return "\n".join(lines)


def email_for(notification, *, connection=None) -> EmailMessage:
    return EmailMessage(
        subject=email_subject(notification.title),
        body=email_body(notification),
        from_email=sender_address(notification.organiser),
        to=[notification.user.email],
        connection=connection,
    )

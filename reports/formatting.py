"""How dates and texts are written in a Vietnamese administrative document: the
place-date line follows Hướng dẫn 36-HD/VPTW. Both the PDF template and the DOCX builder
use these, so the two documents print the same text whatever language the reader's
interface is in (figures: accounts.formatting)."""

import datetime

from django.utils.translation import gettext as _


def day_month(day: datetime.date) -> tuple[str, str]:
    """A day below 10 and the months January and February take a leading zero."""
    return (f"{day.day:02d}" if day.day < 10 else str(day.day), f"{day.month:02d}" if day.month < 3 else str(day.month))


def date_line(place: str, day: datetime.date | None) -> str:
    """ "Đơn Dương, ngày 15 tháng 12 năm 2020"."""
    if day is None:
        return _("%(place)s, ngày … tháng … năm …") % {"place": place}
    d, m = day_month(day)
    return _("%(place)s, ngày %(day)s tháng %(month)s năm %(year)s") % {"place": place, "day": d, "month": m, "year": day.year}


def short_date(day: datetime.date | None) -> str:
    """dd/mm/yyyy, the way the portal writes dates everywhere."""
    return f"{day:%d/%m/%Y}" if day else ""


def paragraphs(text: str) -> list[str]:
    """Free text typed by staff, one paragraph per non-empty line."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def position_with_unit(position: str, unit: str) -> str:
    """ "Chủ tịch Hội Nông dân, Xã Ka Đô", but only "Trưởng khối Dân vận xã Ka Đô" when the
    position already names the unit."""
    position, unit = (position or "").strip(), (unit or "").strip()
    if not unit or unit.casefold() in position.casefold():
        return position
    return f"{position}, {unit}" if position else unit

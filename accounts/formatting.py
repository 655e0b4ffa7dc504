"""How numbers and money are written, in one place for every app: in a Vietnamese
document (dots group thousands, a comma marks decimals, whatever language the reader's
interface is in) and in the interface (Django's number format for the active language).
The PDF templates, the DOCX builders, the registration pages and the appraisal's messages
all use these."""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.utils import formats

MISSING = "–"


def vn_int(value) -> str:
    """1234567 → "1.234.567"; empty for a missing value."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        return ""
    return f"{number:,}".replace(",", ".")


def vn_decimal(value, places: int = 2) -> str:
    """Decimal("92.5") → "92,50"; empty for a missing value."""
    if value is None or value == "":
        return ""
    try:
        number = Decimal(str(value)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    except (InvalidOperation, ValueError):
        return ""
    whole, _sep, fraction = f"{number:.{places}f}".partition(".")
    sign = "-" if whole.startswith("-") else ""
    grouped = vn_int(abs(int(whole)))
    return f"{sign}{grouped},{fraction}" if fraction else f"{sign}{grouped}"


def vn_millions(vnd) -> str:
    """An amount in đồng written in millions with at most one decimal: 1_234_500_000 →
    "1.234,5", 450_000_000 → "450"."""
    try:
        millions = (Decimal(int(vnd)) / Decimal(1_000_000)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    except (TypeError, ValueError, InvalidOperation):
        return ""
    text = vn_decimal(millions, 1)
    return text[:-2] if text.endswith(",0") else text


def vn_score(value) -> str:
    """A score in a Vietnamese sentence, to two decimals without trailing zeros:
    92.50 → "92,5", 95.00 → "95"; a dash for a missing score."""
    text = vn_decimal(value, 2)
    if not text:
        return MISSING
    return text.rstrip("0").rstrip(",") if "," in text else text


def points_text(value) -> str:
    """Points as people write them in the interface's language: 20, 12,5 (no trailing
    zeros)."""
    value = Decimal(value).normalize()
    return formats.number_format(value, decimal_pos=max(0, -value.as_tuple().exponent))

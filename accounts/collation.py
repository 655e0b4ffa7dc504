"""Vietnamese alphabetical order, the one way the portal orders names: units, models,
people, in lists, documents, exports and pickers.

The database collation does not know Vietnamese (by code point "Xã Đạ Ròn" sorts after
"Xã Yên"), so every ordering by a name goes through this module:

- ``by_name("unit__name")`` in ``order_by()``: the column under the collation
  ``vi_vn``, which a migration of this app creates on PostgreSQL (ICU, locale vi-VN)
  and which ``register_sqlite_collation`` defines on every SQLite connection from
  ``vietnamese_key``;
- ``sort_by_name(rows, key=...)`` for what is ordered in Python.

The order is that of the Vietnamese alphabet (a ă â b c d đ e ê g h i k l m n o ô ơ p q
r s t u ư v x y), then the tones (none, huyền, hỏi, ngã, sắc, nặng), then lower case
before upper case, as ICU's vi collation does; spaces come first, then punctuation,
symbols, digits and letters."""

import unicodedata
from collections.abc import Callable, Iterable
from typing import TypeVar

from django.db.models import F, OrderBy
from django.db.models.functions import Collate

VI_COLLATION = "vi_vn"

# Base letters in order; the Latin letters Vietnamese does not use take their usual places.
_ALPHABET = ["a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "ô", "ơ"]
_ALPHABET += ["p", "q", "r", "s", "t", "u", "ư", "v", "w", "x", "y", "z"]
_LETTER_RANK = {letter: rank for rank, letter in enumerate(_ALPHABET)}
# Combining marks that make another letter (ă â ê ô ơ ư) and the five tones, in order.
_LETTER_MARKS = {"\u0306", "\u0302", "\u031b"}
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}

_SPACE, _PUNCTUATION, _SYMBOL, _DIGIT, _LETTER, _OTHER = range(6)

T = TypeVar("T")


def _clusters(text: str):
    """(base character with its letter marks, tone) for each character of the text."""
    base, tone = None, 0
    for char in unicodedata.normalize("NFD", text):
        if unicodedata.combining(char) and base is not None:
            if char in _TONES:
                tone = _TONES[char]
            elif char in _LETTER_MARKS:
                base += char
            continue
        if base is not None:
            yield base, tone
        base, tone = char, 0
    if base is not None:
        yield base, tone


def vietnamese_key(text: str) -> tuple:
    """A sort key giving the Vietnamese alphabetical order of ``text``."""
    primary, secondary, tertiary = [], [], []
    for base, tone in _clusters(text or ""):
        letter = unicodedata.normalize("NFC", base)
        lower = letter.lower()
        if lower in _LETTER_RANK:
            primary.append((_LETTER, _LETTER_RANK[lower]))
        elif letter.isspace():
            primary.append((_SPACE, 0))
        elif letter.isdigit():
            primary.append((_DIGIT, unicodedata.digit(letter, 0)))
        elif letter.isalpha():
            primary.append((_OTHER, ord(lower)))
        elif unicodedata.category(letter).startswith("S"):
            primary.append((_SYMBOL, ord(letter)))
        else:
            primary.append((_PUNCTUATION, ord(letter)))
        secondary.append(tone)
        tertiary.append(0 if letter == lower else 1)
    return tuple(primary), tuple(secondary), tuple(tertiary)


def sort_by_name(items: Iterable[T], key: Callable[[T], str] = str) -> list[T]:
    """``items`` in Vietnamese alphabetical order of ``key(item)``."""
    return sorted(items, key=lambda item: vietnamese_key(key(item)))


def by_name(field: str = "name", *, descending: bool = False) -> OrderBy:
    """An ``order_by()`` term: ``field`` in Vietnamese alphabetical order."""
    expression = Collate(F(field), VI_COLLATION)
    return expression.desc() if descending else expression.asc()


def _compare(left: str, right: str) -> int:
    a, b = vietnamese_key(left), vietnamese_key(right)
    return (a > b) - (a < b)


def register_sqlite_collation(dbapi_connection) -> None:
    """Define ``vi_vn`` on a SQLite connection (PostgreSQL has it from the migration)."""
    dbapi_connection.create_collation(VI_COLLATION, _compare)


def on_connection_created(sender, connection, **kwargs) -> None:
    if connection.vendor == "sqlite":
        register_sqlite_collation(connection.connection)


CREATE_ON_POSTGRESQL = f"CREATE COLLATION IF NOT EXISTS {VI_COLLATION} (provider = icu, locale = 'vi-VN')"
DROP_ON_POSTGRESQL = f"DROP COLLATION IF EXISTS {VI_COLLATION}"

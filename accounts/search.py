"""Accent-insensitive search, so that "ka do" finds "Ka Đô": the column and the term are
both folded (lower case, tones and marks removed, đ as d) before ``contains``.

On PostgreSQL ``dvk_fold(text)`` is ``lower(unaccent(text))`` declared IMMUTABLE (a
migration of this app), so that trigram indexes on it (created by the apps whose
columns are searched) serve the ``LIKE '%term%'``; on SQLite the same name is a Python
function defined on every connection (``register_sqlite_fold``)."""

import unicodedata

from django.db.models import CharField, Func, Q

FOLD_FUNCTION = "dvk_fold"


class Folded(Func):
    """The column or expression folded as ``fold`` folds a search term."""

    function = FOLD_FUNCTION
    output_field = CharField()


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(char for char in decomposed if not unicodedata.combining(char)).lower()


MIN_TERM = 3  # a trigram index serves a LIKE of at least three characters


def search_terms(value: str) -> list[str]:
    """The folded words to find, a word shorter than three letters kept together with
    the next (or the last) one as a phrase: "ka do" is searched as "ka do", which the
    trigram index serves and which is what a person typing it means."""
    terms: list[str] = []
    pending = ""
    for word in fold(value).split():
        pending = f"{pending} {word}".strip()
        if len(pending) >= MIN_TERM:
            terms.append(pending)
            pending = ""
    if pending:
        if terms:
            terms[-1] = f"{terms[-1]} {pending}"
        else:
            terms.append(pending)
    return terms


def contains_term(term: str, fields) -> Q:
    """The folded ``term`` in at least one of ``fields`` (aliased with ``folded_aliases``)."""
    condition = Q()
    for field_name in fields:
        condition |= Q(**{f"{folded_alias(field_name)}__contains": term})
    return condition


def folded_alias(field_name: str) -> str:
    return f"folded_{field_name}"


def folded_aliases(fields) -> dict:
    """For ``queryset.alias(**folded_aliases(fields))`` before ``contains_term``."""
    return {folded_alias(field_name): Folded(field_name) for field_name in fields}


def register_sqlite_fold(dbapi_connection) -> None:
    dbapi_connection.create_function(FOLD_FUNCTION, 1, lambda text: None if text is None else fold(text), deterministic=True)


CREATE_ON_POSTGRESQL = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    # unaccent() is only STABLE (its dictionary could change); an index needs IMMUTABLE.
    # PL/pgSQL, so that it is not inlined: its cost (folding long texts) then tells the
    # planner that the trigram indexes are cheaper than folding every row.
    f"""CREATE OR REPLACE FUNCTION {FOLD_FUNCTION}(text) RETURNS text
        LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE STRICT COST 500
        AS $$ BEGIN RETURN lower(public.unaccent('public.unaccent'::regdictionary, $1)); END $$""",
]
DROP_ON_POSTGRESQL = [f"DROP FUNCTION IF EXISTS {FOLD_FUNCTION}(text)"]


def trigram_index_sql(table: str, column: str) -> str:
    return (
        f'CREATE INDEX IF NOT EXISTS {table}_{column}_fold_trgm ON "{table}" USING gin ({FOLD_FUNCTION}("{column}") gin_trgm_ops)'
    )


def drop_trigram_index_sql(table: str, column: str) -> str:
    return f"DROP INDEX IF EXISTS {table}_{column}_fold_trgm"

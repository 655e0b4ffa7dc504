"""Vietnamese alphabetical order, the same on PostgreSQL (ICU collation made by a
migration), on SQLite (the collation defined from Python on each connection) and in
Python (the sort key)."""

import random

import pytest
from django.db import connection
from django.db.backends.sqlite3.base import DatabaseWrapper

from accounts.collation import VI_COLLATION, by_name, sort_by_name, vietnamese_key
from accounts.models import Unit
from tests.factories import UnitFactory

EXPECTED = ["Ân", "Bảo", "Đạ Ròn", "Ơn", "Ưng", "Yến"]
# Letters with their marks, tones and case, in the order ICU's vi collation gives.
FINER = ["An", "Ăn", "Ân", "Ba", "bà", "Bà", "bả", "bã", "bá", "bạ", "Bảo", "Dung", "Đạ Ròn", "Ka", "Ka Đô", "Ka Đơn", "Ơn", "Tu Tra", "Ưng", "Yến"]


def _shuffled(names):
    names = list(names)
    random.Random(12).shuffle(names)
    return names


def test_python_key_sorts_vietnamese_names_in_alphabetical_order():
    assert sort_by_name(_shuffled(EXPECTED)) == EXPECTED
    assert sort_by_name(_shuffled(FINER)) == FINER
    # Code-point order would put Đ, Ơ and Ư after Y.
    assert sorted(EXPECTED) != EXPECTED


def test_key_tells_tone_and_case_apart_only_after_the_letters():
    assert vietnamese_key("bà") < vietnamese_key("Bà") < vietnamese_key("bả") < vietnamese_key("Bảo")
    assert vietnamese_key("Ka") < vietnamese_key("Ka Đô")


def test_database_orders_unit_names_in_vietnamese_order(db):
    for name in _shuffled(EXPECTED):
        UnitFactory(kind="commune", name=name)
    assert list(Unit.objects.filter(name__in=EXPECTED).order_by(by_name()).values_list("name", flat=True)) == EXPECTED
    # The default ordering of units (kind, then name) uses it too.
    assert [u.name for u in Unit.objects.filter(name__in=EXPECTED)] == EXPECTED


@pytest.mark.postgres
def test_postgresql_orders_with_the_icu_collation_of_the_migration(db):
    with connection.cursor() as cursor:
        cursor.execute("SELECT collprovider FROM pg_collation WHERE collname = %s", [VI_COLLATION])
        assert cursor.fetchone() == ("i",)
        cursor.execute(
            f'SELECT n FROM unnest(%s::text[]) AS n ORDER BY n COLLATE "{VI_COLLATION}"', [_shuffled(FINER)]
        )
        assert [row[0] for row in cursor.fetchall()] == FINER


def test_sqlite_orders_with_the_collation_defined_on_each_connection(django_db_blocker):
    sqlite = {**connection.settings_dict, "ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:", "OPTIONS": {}}
    wrapper = DatabaseWrapper(sqlite, alias="vi_sqlite")
    with django_db_blocker.unblock():
        try:
            with wrapper.cursor() as cursor:
                cursor.execute("CREATE TABLE t (name TEXT)")
                cursor.executemany("INSERT INTO t VALUES (%s)", [(name,) for name in _shuffled(FINER)])
                cursor.execute(f'SELECT name FROM t ORDER BY name COLLATE "{VI_COLLATION}"')
                assert [row[0] for row in cursor.fetchall()] == FINER
        finally:
            wrapper.close()

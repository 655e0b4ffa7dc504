"""The catalogue's app label was "dvk_models" (its folder is ``models``). A database
migrated under that label has its tables, its migration history and its content types
(to which every permission, admin log entry and generic relation points) under the old
name; they are moved to "models" before ``migrate`` reads the history
(``models/management/commands/migrate.py``), otherwise the history is inconsistent:
registrations.0001 applied, models.0001, which it depends on, not.

Audit entries keep the object type they were written with ("dvk_models.dvkmodel"): the
type is part of each entry's hash."""

FORMER_LABEL = "dvk_models"
LABEL = "models"
FORMER_PREFIX = f"{FORMER_LABEL}_"
PREFIX = f"{LABEL}_"


def _renamed(name: str) -> str:
    return PREFIX + name.removeprefix(FORMER_PREFIX)


def rename_former_tables(schema_editor) -> None:
    """Rename every table still named after the former label; on PostgreSQL also the
    indexes and sequences named after such a table (the trigram indexes of migration
    0005, the primary key, the identity sequence), so that they are named as on a
    database created under the new label. Foreign-key constraints keep their old names:
    Django finds them by column."""
    connection = schema_editor.connection
    tables = set(connection.introspection.table_names())
    for table in sorted(tables):
        if table.startswith(FORMER_PREFIX) and _renamed(table) not in tables:
            schema_editor.alter_db_table(None, table, _renamed(table))
    if connection.vendor == "postgresql":
        _rename_postgresql_relations(schema_editor, sorted(_renamed(t) for t in tables if t.startswith(FORMER_PREFIX)))


def _rename_postgresql_relations(schema_editor, tables) -> None:
    quote = schema_editor.quote_name
    with schema_editor.connection.cursor() as cursor:
        for table in tables:
            cursor.execute(
                """SELECT relation.relname, relation.relkind FROM pg_class relation
                   WHERE relation.relname LIKE %s AND to_regclass(%s || substr(relation.relname, %s)) IS NULL
                     AND (relation.oid IN (SELECT indexrelid FROM pg_index WHERE indrelid = %s::regclass)
                          OR relation.relkind = 'S' AND relation.oid IN (
                              SELECT objid FROM pg_depend WHERE classid = 'pg_class'::regclass AND refobjid = %s::regclass))
                   ORDER BY relation.relname""",
                [FORMER_PREFIX.replace("_", r"\_") + "%", PREFIX, len(FORMER_PREFIX) + 1, table, table],
            )
            for name, kind in cursor.fetchall():
                statement = "ALTER INDEX" if kind == "i" else "ALTER SEQUENCE"
                schema_editor.execute(f"{statement} {quote(name)} RENAME TO {quote(_renamed(name))}")


def adopt_former_label(connection) -> bool:
    """Move the migration history, the content types and the tables of a database
    migrated under the former label to the new one, in one transaction. Does nothing
    (and returns False) on a new database or one already moved."""
    if "django_migrations" not in connection.introspection.table_names():
        return False
    with connection.cursor() as cursor:
        cursor.execute("SELECT app FROM django_migrations WHERE app IN (%s, %s) GROUP BY app", [FORMER_LABEL, LABEL])
        if {app for (app,) in cursor.fetchall()} != {FORMER_LABEL}:
            return False
    # A schema editor, because on SQLite it is what may rename a table other tables
    # reference; atomic, so that the history never says what the tables do not.
    with connection.schema_editor(atomic=True) as schema_editor, connection.cursor() as cursor:
        cursor.execute("UPDATE django_migrations SET app = %s WHERE app = %s", [LABEL, FORMER_LABEL])
        if "django_content_type" in connection.introspection.table_names():
            cursor.execute(
                """UPDATE django_content_type SET app_label = %s WHERE app_label = %s
                   AND model NOT IN (SELECT model FROM django_content_type WHERE app_label = %s)""",
                [LABEL, FORMER_LABEL, LABEL],
            )
        rename_former_tables(schema_editor)
    return True

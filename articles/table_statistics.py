"""Fresh planner statistics after an import that changed much of a table (PostgreSQL).

PostgreSQL plans queries from the statistics ANALYZE gathers. Autovacuum
refreshes them some time after a large change; until it does, a table that
an import has just doubled is planned as the small table it was, and list
pages of a grown archive took 20–30 s. So an import analyses the tables it
changed a good share of, right after its commit. A small import leaves that
to autovacuum: a few rows more do not change a plan.
"""

from collections import Counter

from django.db import connection
from django.db.models import Model

MIN_ROWS = 50  # below this, no plan changes (autovacuum's own threshold)
SHARE = 0.1  # of the rows the table had at its last analysis
ALWAYS_FROM = 5000  # rows: worth it however large the table


def tables_to_analyze(written: Counter[type[Model]]) -> list[str]:
    """The tables whose rows written (inserted or deleted) outgrow their statistics."""
    names = {model._meta.db_table: rows for model, rows in written.items() if rows >= MIN_ROWS}
    if not names or connection.vendor != "postgresql":
        return []
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT name, (SELECT reltuples FROM pg_class WHERE oid = to_regclass(name))"
            " FROM unnest(%s::text[]) AS name",
            [sorted(names)],
        )
        known = {name: max(rows or 0, 0) for name, rows in cursor.fetchall()}
    return [
        name
        for name in sorted(names)
        if names[name] >= min(ALWAYS_FROM, max(MIN_ROWS, SHARE * known[name]))
    ]


def analyze_tables(written: Counter[type[Model]]) -> list[str]:
    """ANALYZE the tables that need it (see above); the names of those analysed."""
    tables = tables_to_analyze(written)
    if tables:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE " + ", ".join(map(connection.ops.quote_name, tables)))
    return tables

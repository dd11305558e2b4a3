"""Write the archive: every archived table, row by row, from one consistent snapshot."""

import json
from collections import Counter
from collections.abc import Callable
from typing import TextIO

from django.db import connection, models, transaction
from django.utils import timezone

from newsletter.archive.tables import (
    FORMAT,
    VERSION,
    archived_models,
    describe,
    is_external,
    table_fields,
    to_json,
)

# Rows fetched per round trip (a server-side cursor on PostgreSQL): memory stays
# at one chunk of rows whatever the size of the archive.
CHUNK_SIZE = 2000


def export_archive(stream: TextIO, *, progress: Callable[[str], None] | None = None) -> Counter:
    """Write the archive to ``stream``; the number of rows written per model label."""
    written = Counter()
    outermost = not connection.in_atomic_block
    with transaction.atomic():
        if outermost:  # else the caller's transaction decides what it sees
            _snapshot()
        header = {"format": FORMAT, "version": VERSION, "exported_at": timezone.now()}
        stream.write(json.dumps(header, ensure_ascii=False, default=to_json)[:-1])
        stream.write(', "tables": [')
        for index, model in enumerate(archived_models()):
            stream.write(",\n" if index else "\n")
            written[model._meta.label] = _write_table(stream, model)
            if progress:
                progress(f"{model._meta.label}：{written[model._meta.label]} 行")
        stream.write("\n]}\n")
    return written


def _snapshot() -> None:
    """On PostgreSQL, every table as of one moment, whatever editors save meanwhile
    (SQLite's transaction reads one state already)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")


def _write_table(stream: TextIO, model: type[models.Model]) -> int:
    fields = table_fields(model)
    schema = {"model": model._meta.label_lower, "fields": [describe(f) for f in fields]}
    stream.write(json.dumps(schema, ensure_ascii=False)[:-1] + ', "rows": [')
    encoders = [_external_key(f) if is_external(f) else None for f in fields]
    rows = (
        model._base_manager.order_by("pk")
        .values_list(*(f.attname for f in fields))
        .iterator(chunk_size=CHUNK_SIZE)
    )
    count = 0
    for count, row in enumerate(rows, start=1):
        values = [
            encode(value) if encode and value is not None else value
            for encode, value in zip(encoders, row, strict=True)
        ]
        stream.write(",\n" if count > 1 else "\n")
        stream.write(json.dumps(values, ensure_ascii=False, default=to_json))
    stream.write("\n]}")
    return count


def _external_key(field: models.Field) -> Callable[[object], list]:
    """id → natural key of the row it names (a user's name, a content type's app and
    model), each looked up once: ids differ between databases, natural keys do not."""
    keys: dict = {}
    manager = field.related_model._base_manager

    def encode(pk) -> list:
        if pk not in keys:
            keys[pk] = list(manager.get(pk=pk).natural_key())
        return keys[pk]

    return encode

"""Restore an archive into an empty database: every row with its id, in one transaction."""

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import BinaryIO

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.color import no_style
from django.db import DatabaseError, connection, models, transaction

from articles.table_statistics import analyze_tables
from newsletter.archive.reader import ArchiveError, ArchiveReader, Table
from newsletter.archive.tables import (
    archived_models,
    is_external,
    seeded_by_migrations,
    table_fields,
)
from newsletter.page_cache import content_changed

# Rows per INSERT round trip: few round trips, little memory.
BATCH_SIZE = 1000


class _DryRun(Exception):
    """Raised inside the transaction to undo a dry run."""


@dataclass
class RestoreReport:
    rows: Counter = field(default_factory=Counter)  # model → rows written
    users_created: list[str] = field(default_factory=list)

    def summary(self, *, dry_run: bool) -> str:
        tables = "、".join(
            f"{model._meta.verbose_name} {count}" for model, count in self.rows.items()
        )
        line = f"{'（演练，未写入）' if dry_run else ''}已恢复 {self.rows.total()} 行：{tables}。"
        if self.users_created:
            line += (
                f"修订记录中的 {len(self.users_created)} 个账号在本库中不存在，"
                f"已建为停用账号（无密码）：{'、'.join(self.users_created)}。"
            )
        return line


def restore_archive(stream: BinaryIO, *, dry_run: bool = False) -> RestoreReport:
    """Write the archive in ``stream`` into this database, which must hold no content.

    Raises ``ArchiveError`` (with the database unchanged) for a bad file, a file of
    another version or layout, or a database that already holds content.
    """
    reader = ArchiveReader(stream)
    report = RestoreReport()
    try:
        with transaction.atomic():
            _refuse_unless_empty()
            restored = set()
            for table in reader.tables():
                model = _archived_model(table.model, restored)
                report.rows[model] = _restore_table(model, table, report)
            connection.check_constraints(table_names=[m._meta.db_table for m in report.rows])
            _reset_sequences(list(report.rows))
            content_changed()
            if dry_run:
                raise _DryRun
    except _DryRun:
        return report
    except DatabaseError as error:
        raise ArchiveError(f"写入数据库失败，已全部撤销：{error}") from error
    analyze_tables(report.rows)
    return report


def _refuse_unless_empty() -> None:
    held = [
        str(model._meta.verbose_name)
        for model in archived_models()
        if not seeded_by_migrations(model) and model._base_manager.exists()
    ]
    if held:
        raise ArchiveError(
            f"数据库中已有内容（{'、'.join(held)}），恢复只写入空数据库，以免与现有内容混杂。"
            "请新建数据库、运行 migrate 后再恢复。"
        )


def _archived_model(label: str, restored: set) -> type[models.Model]:
    by_label = {model._meta.label_lower: model for model in archived_models()}
    if label not in by_label:
        raise ArchiveError(f"存档中的数据表 {label} 不是本版本存档的内容。")
    if label in restored:
        raise ArchiveError(f"存档中数据表 {label} 出现了两次。")
    restored.add(label)
    return by_label[label]


def _restore_table(model: type[models.Model], table: Table, report: RestoreReport) -> int:
    columns = {f.name: f for f in table_fields(model)}
    names = [entry.get("name") if isinstance(entry, dict) else entry for entry in table.fields]
    unknown = [str(name) for name in names if name not in columns]
    if unknown:
        raise ArchiveError(
            f"数据表 {table.model} 的字段 {'、'.join(unknown)} 在本数据库中不存在："
            "存档来自另一版本，无法无损恢复。"
        )
    fields = [columns[name] for name in names]
    # Columns added since the export take their defaults.
    defaults = [f for f in columns.values() if f.name not in names]
    default_values = [f.get_db_prep_save(f.get_default(), connection) for f in defaults]
    decoders = [_decoder(f, report) for f in fields]
    quote = connection.ops.quote_name
    sql = "INSERT INTO {} ({}) VALUES ({})".format(
        quote(model._meta.db_table),
        ", ".join(quote(f.column) for f in fields + defaults),
        ", ".join(["%s"] * (len(fields) + len(defaults))),
    )
    count = 0
    batch = []
    with connection.cursor() as cursor:
        if seeded_by_migrations(model):
            cursor.execute(f"DELETE FROM {quote(model._meta.db_table)}")
        for count, row in enumerate(table.rows, start=1):
            if not isinstance(row, list) or len(row) != len(fields):
                raise ArchiveError(f"数据表 {table.model} 第 {count} 行应有 {len(fields)} 个值。")
            batch.append([*_decode(decoders, row, table.model, count), *default_values])
            if len(batch) == BATCH_SIZE:
                cursor.executemany(sql, batch)
                batch.clear()
        if batch:
            cursor.executemany(sql, batch)
    return count


def _decode(decoders, row: list, label: str, number: int) -> list:
    values = []
    for (name, decode), value in zip(decoders, row, strict=True):
        try:
            values.append(None if value is None else decode(value))
        except (ValidationError, TypeError, ValueError) as error:
            detail = "；".join(error.messages) if isinstance(error, ValidationError) else error
            raise ArchiveError(f"数据表 {label} 第 {number} 行，字段 {name}：{detail}") from error
    return values


def _decoder(field: models.Field, report: RestoreReport) -> tuple[str, Callable]:
    """(name, JSON value → the value the database stores)."""
    if is_external(field):
        resolve = _natural_key_resolver(field.related_model, report)
        return field.name, lambda value: resolve(tuple(value))
    return field.name, lambda value: field.get_db_prep_save(field.to_python(value), connection)


def _natural_key_resolver(model: type[models.Model], report: RestoreReport) -> Callable:
    """Natural key → id in this database. A revision's author missing here becomes an
    inactive account without a password, so history still says who; an administrator
    may activate it."""
    ids: dict[tuple, int] = {}

    def resolve(key: tuple) -> int:
        if key not in ids:
            try:
                ids[key] = model._default_manager.get_by_natural_key(*key).pk
            except model.DoesNotExist:
                if model is not get_user_model():
                    raise ArchiveError(
                        f"本数据库中没有{model._meta.verbose_name}「{'.'.join(map(str, key))}」。"
                    ) from None
                ids[key] = model._default_manager.create_user(*key, is_active=False).pk
                report.users_created.append(str(key[0]))
        return ids[key]

    return resolve


def _reset_sequences(models_written: list[type[models.Model]]) -> None:
    """Ids were written as they were: the next new row must not take one of them."""
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), models_written):
            cursor.execute(statement)

"""Read the archive's file as a header, then tables whose rows arrive one at a time (ijson)."""

from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

import ijson

from newsletter.archive.tables import FORMAT, VERSION


class ArchiveError(Exception):
    """The file cannot be restored, or not into this database; the message says why."""


@dataclass(frozen=True)
class Table:
    model: str
    fields: list[dict]
    rows: Iterator[list]  # consume it whole before asking for the next table


class ArchiveReader:
    """Checks the header on opening, before anything is written."""

    def __init__(self, stream: BinaryIO):
        self._events = _events(stream)
        if self._next() != ("start_map", None):
            raise ArchiveError("存档文件应是一个 JSON 对象。")
        self.header = {}
        while (event := self._next()) != ("map_key", "tables"):
            if event[0] != "map_key":
                raise ArchiveError("存档文件中没有数据表（tables）。")
            self.header[event[1]] = self._value()
        if self.header.get("format") != FORMAT:
            raise ArchiveError(f"这不是同心苑的存档文件（format 应为 {FORMAT}）。")
        version = self.header.get("version")
        if version != VERSION:
            raise ArchiveError(f"存档格式版本为 {version!r}，本程序只能恢复版本 {VERSION} 的存档。")

    def tables(self) -> Iterator[Table]:
        if self._next()[0] != "start_array":
            raise ArchiveError("存档的 tables 应是一个数组。")
        while (event := self._next())[0] == "start_map":
            table = {}
            for key in ("model", "fields"):
                if self._next() != ("map_key", key):
                    raise ArchiveError("每个数据表应依次给出 model、fields、rows。")
                table[key] = self._value()
            if self._next() != ("map_key", "rows") or self._next()[0] != "start_array":
                raise ArchiveError(f"数据表 {table['model']} 的 rows 应是一个数组。")
            yield Table(table["model"], table["fields"], self._rows())
        if event[0] != "end_array" or self._next()[0] != "end_map":
            raise ArchiveError("存档文件的结构不对：tables 之后不应再有内容。")

    def _rows(self) -> Iterator[list]:
        while (event := self._next())[0] != "end_array":
            if event[0] != "start_array":
                raise ArchiveError("数据表的每一行应是一个数组。")
            yield self._value(event)
        if self._next()[0] != "end_map":
            raise ArchiveError("数据表在 rows 之后不应再有内容。")

    def _value(self, first: tuple | None = None):
        """The whole JSON value that starts with the next event (or ``first``)."""
        builder = ijson.ObjectBuilder()
        depth = 0
        event, value = first or self._next()
        while True:
            builder.event(event, value)
            depth += event in ("start_map", "start_array")
            depth -= event in ("end_map", "end_array")
            if depth == 0:
                return builder.value
            event, value = self._next()

    def _next(self) -> tuple:
        event = next(self._events, None)
        if event is None:
            raise ArchiveError("存档文件不完整：在结尾之前中断了。")
        return event


def _events(stream: BinaryIO) -> Iterator[tuple]:
    """ijson's events, its errors (and a damaged gzip stream's) told in Chinese."""
    try:
        yield from ijson.basic_parse(stream, use_float=True)
    except (ijson.JSONError, UnicodeDecodeError, OSError, EOFError) as error:
        raise ArchiveError(f"存档文件不是完整有效的 JSON：{error}") from error

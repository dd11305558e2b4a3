"""Parsing many pages in worker processes, one a core.

Every page is parsed before the import's transaction opens (a transaction
is never held open while Python parses), so parsing has the cores to itself.
Workers are spawned, not forked, so they share no database connection with
the caller.
"""

import multiprocessing
import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor

from .parsed import ParsedPage, ParseError
from .pipeline import parse_page

# Below this many pages a worker's start-up (jieba's dictionary) costs more than it saves.
PARALLEL_FROM = 20

_options: dict = {}


def _start(options: dict) -> None:
    _options.update(options)


def _parse(raw: bytes) -> tuple[ParsedPage | None, tuple[str, int | None] | None]:
    try:
        return parse_page(raw, **_options), None
    except ParseError as error:  # sent back as plain values: they pickle
        return None, (error.message, error.line)


def parse_pages(raws: list[bytes], **options) -> Iterator[ParsedPage | ParseError]:
    """Each page parsed, in order, or the ParseError it raised in its place."""
    workers = min(len(raws) // PARALLEL_FROM, os.cpu_count() or 1)
    if workers < 1:
        for raw in raws:
            try:
                yield parse_page(raw, **options)
            except ParseError as error:
                yield error
        return
    pool = ProcessPoolExecutor(
        workers,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_start,
        initargs=(options,),
    )
    try:
        for parsed, error in pool.map(_parse, raws, chunksize=4):
            yield parsed if error is None else ParseError(error[0], line=error[1])
    finally:
        pool.shutdown(wait=False, cancel_futures=True)

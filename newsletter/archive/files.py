"""The archive's file: gzip-compressed when named ``….gz``; written whole or not at all."""

import contextlib
import gzip
import io
import os
import tempfile
from pathlib import Path
from typing import BinaryIO, TextIO


@contextlib.contextmanager
def writing(path: Path) -> TextIO:
    """A text stream that becomes ``path`` only when the block ends without error, so a
    failed export never leaves a cut-off file that looks like an archive. Readable by
    its owner only (drafts are in it)."""
    handle, partial = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".partial")
    try:
        with os.fdopen(handle, "wb") as raw:
            binary = gzip.GzipFile(fileobj=raw, mode="wb") if path.suffix == ".gz" else raw
            with io.TextIOWrapper(binary, encoding="utf-8") as text:
                yield text
        os.replace(partial, path)
    except BaseException:
        os.unlink(partial)
        raise


def reading(path: Path) -> BinaryIO:
    """The file's bytes (decompressed for ``.gz``), for the streaming parser."""
    return gzip.open(path, "rb") if path.suffix == ".gz" else path.open("rb")

"""Uploaded page files, kept on the server between an import's preview and its confirmation.

A staging is a folder named by a random id, its files named by their place in
the upload (0.txt, 1.txt …): nothing the browser sent becomes part of a path.
Stagings older than IMPORT_STAGING_SECONDS are removed whenever one is made.
"""

import re
import secrets
import shutil
import time
from pathlib import Path

from django.conf import settings

_ID = re.compile(r"[0-9a-f]{32}")


class StagingGone(Exception):
    """The staged files expired, were removed, or the id is not one we make."""


def stage(files: list[bytes]) -> str:
    """Keep these files; return the staging's id."""
    sweep()
    staging_id = secrets.token_hex(16)
    folder = _folder(staging_id)
    folder.mkdir(parents=True)
    for index, raw in enumerate(files):
        (folder / f"{index}.txt").write_bytes(raw)
    return staging_id


def staged(staging_id: str, count: int) -> list[bytes]:
    """The files of a staging, in upload order."""
    folder = _folder(staging_id)
    try:
        return [(folder / f"{index}.txt").read_bytes() for index in range(count)]
    except FileNotFoundError as error:
        raise StagingGone(staging_id) from error


def discard(staging_id: str) -> None:
    shutil.rmtree(_folder(staging_id), ignore_errors=True)


def sweep() -> None:
    """Remove the stagings nobody confirmed in time."""
    root = Path(settings.IMPORT_STAGING_DIR)
    if not root.is_dir():
        return
    cutoff = time.time() - settings.IMPORT_STAGING_SECONDS
    for folder in root.iterdir():
        if _ID.fullmatch(folder.name) and folder.stat().st_mtime < cutoff:
            shutil.rmtree(folder, ignore_errors=True)


def _folder(staging_id: str) -> Path:
    if not _ID.fullmatch(staging_id):
        raise StagingGone(staging_id)
    return Path(settings.IMPORT_STAGING_DIR) / staging_id

"""A folder's manifest.toml: which page of which issue each text file is.

[pages."000_05b83c2a48b8b92d.txt"]
page = 1
section = "要闻"
year = 2025            # or: date = 2025-04-22, number = 1234
"""

import datetime
import tomllib
from dataclasses import dataclass
from pathlib import Path

from .parsed import ParseError

NAME = "manifest.toml"


@dataclass(frozen=True)
class PageInfo:
    page: int | None = None
    section: str = ""
    date: datetime.date | None = None
    number: int | None = None
    year: int | None = None


def read_manifest(folder: Path) -> dict[str, PageInfo]:
    path = folder / NAME
    if not path.is_file():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ParseError(f"{path}: 清单格式错误：{error}") from error
    pages = {}
    for name, entry in data.get("pages", {}).items():
        unknown = set(entry) - {"page", "section", "date", "number", "year"}
        if unknown:
            raise ParseError(f"{path}: {name} 有未知的字段 {', '.join(sorted(unknown))}")
        if "date" in entry and not isinstance(entry["date"], datetime.date):
            raise ParseError(f"{path}: {name} 的 date 应写作 YYYY-MM-DD")
        pages[name] = PageInfo(**entry)
    return pages

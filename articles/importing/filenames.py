"""The page number (and section) a file's name gives, when no manifest or option does.

    第2版.txt  2版.txt  20250422_第2版.txt   → 2   (N版, with or without 第)
    p3.txt  0422_p3.txt  P03-要闻.txt       → 3   (p or page + N, as a word of its own)
    02.txt  2.txt                           → 2   (the name is the number)

Anything else (000_05b83c2a.txt, 2025-04-22.txt) gives no number: a date or
a hash in a name must never be taken for a page. The Chinese words left beside
a page number are its section: P03-要闻.txt, 第2版_综合新闻.txt.
"""

import re
from pathlib import PurePath

MAX_PAGE = 99  # no printed paper has more pages in one issue

_CONVENTIONS = (
    re.compile(r"(?<!\d)第?0*(\d{1,2})版"),
    re.compile(r"(?<![a-z0-9])(?:p|page)0*(\d{1,2})(?![a-z0-9])", re.IGNORECASE),
    re.compile(r"^0*(\d{1,2})$"),
)


_SECTION = re.compile(r"[\u4e00-\u9fff]{1,16}")
_SEPARATORS = "_-·. "


def page_from_name(name: str) -> int | None:
    """The page number in a file's name by the conventions above, or None."""
    match = _page_match(PurePath(name).stem)
    return int(match.group(1)) if match else None


def section_from_name(name: str) -> str:
    """The section named beside the page number (P03-要闻.txt → 要闻), else ""."""
    stem = PurePath(name).stem
    match = _page_match(stem)
    if not match:
        return ""
    rest = (stem[: match.start()] + " " + stem[match.end() :]).strip(_SEPARATORS + "0123456789")
    return rest if _SECTION.fullmatch(rest) else ""


def _page_match(stem: str) -> re.Match | None:
    for convention in _CONVENTIONS:
        match = convention.search(stem)
        if match:
            return match if 1 <= int(match.group(1)) <= MAX_PAGE else None
    return None

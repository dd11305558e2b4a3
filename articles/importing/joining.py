"""Mending a paragraph that a printed column break split across blocks.

The parts join with nothing between them. Once in a while the break printed a
word twice (加强灵活就业 / 就业和新就业形态); the repeat is dropped when it is
two or more Han characters, not all the same one (王芳 / 芳在会上说 is the name
王芳芳 broken, not a repeat), and dropping it leaves at least two characters
on each side.
"""

import re

from .parsed import Repair

_MAX_OVERLAP = 6
_MIN_LEFT = 2
_EXCERPT = 8
_HAN = re.compile(r"[\u4e00-\u9fff]+")


def join_parts(first: str, second: str, line: int) -> tuple[str, Repair]:
    """The joined paragraph, and the repair to report at the second part's line."""
    overlap = _overlap(first, second)
    rest = second[overlap:]
    repair = Repair(
        line=line,
        kind="overlap" if overlap else "column-join",
        before=f"{_tail(first)}|{_head(second)}",
        after=_tail(first) + _head(rest),
    )
    return first + rest, repair


def _overlap(first: str, second: str) -> int:
    longest = min(_MAX_OVERLAP, len(first) - _MIN_LEFT, len(second) - _MIN_LEFT)
    for size in range(longest, 1, -1):
        word = first[-size:]
        if second.startswith(word) and _HAN.fullmatch(word) and len(set(word)) > 1:
            return size
    return 0


def _tail(text: str) -> str:
    return ("…" if len(text) > _EXCERPT else "") + text[-_EXCERPT:]


def _head(text: str) -> str:
    return text[:_EXCERPT] + ("…" if len(text) > _EXCERPT else "")

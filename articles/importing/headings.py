"""Headings: which lines look like one, and how kicker, title and subtitle divide.

Chinese papers stack up to three heading lines: a kicker (引题) above the
title, a subtitle (副题) below it, often led by a dash. Two plain lines are a
title and its subtitle, unless the first is a lead-in ending in a speech verb,
a time phrase or a colon (…调研时强调, …会上, 某区政协主席张三：), which
makes it a kicker; a proposal's title (关于…的建议) is no lead-in. A one-line
heading of space-separated parts divides the same way at its first space.
A column label printed above the title (图片新闻, 简讯, a series such as
专题·栏目名) is a kicker.
"""

import re

from .markers import CLOSERS, ends_sentence

_MAX_LENGTH = 60
MAX_HEADING_LINES = 3

_LEAD_IN = re.compile(
    r"(?:(?<!的)(?:强调|表示|指出|提出|要求|希望|寄语|勉励|认为|建议|呼吁|倡议|说)"
    r"|会上|时|之际|期间|前夕|：)$"
)
_DASHES = re.compile(r"^[—–─－-]+ ?")
# 两会特刊·委员声音, 共富路上·委员说: a series or column named in two parts.
_SERIES = re.compile(r"^[^，。：·・•]{2,8}[·・•][^，。：·・•]{2,8}$")
_LABEL = re.compile(r"^[【\[]?(?:图片新闻|图片报道|新闻图片|简讯|短讯|快讯|动态|速递)[】\]]?$")
# 嵊泗县政协：聚焦海岛民生 / 民盟省委会：…: a body, a colon, the news — a headline's form.
_BODY_COLON = re.compile(
    r"^[^，。：]{1,10}(?:政协|委员会|委|会|联|社|党|盟|省|市|县|区|镇|乡|街道|村)：[^，。：]{2,}$"
)
_UNFINISHED_ENDS = ("，", "、", "；", "：", ",", ";", ":")
_TITLE_ENDS = ("？", "！", "?", "!")


def is_heading_shaped(text: str) -> bool:
    """Short, without a full stop, ending neither mid-sentence nor with a sentence end.

    A title may end with ？ or ！, also inside quotes (“…又有新变化！”); column
    fragments share this shape, so the classifier decides from what follows.
    """
    return (
        len(text) <= _MAX_LENGTH
        and "。" not in text
        and not text.endswith(_UNFINISHED_ENDS)
        and (not ends_sentence(text) or text.rstrip(CLOSERS).endswith(_TITLE_ENDS))
    )


def split_heading(lines: list[str]) -> tuple[str, str, str]:
    """(kicker, title, subtitle) of one to three heading lines.

    A line printed twice running (a web copy repeating its title) counts once.
    """
    lines = [line for i, line in enumerate(lines) if i == 0 or line != lines[i - 1]]
    subtitle = ""
    if len(lines) > 1 and _DASHES.match(lines[-1]):
        subtitle, lines = _DASHES.sub("", lines[-1]), lines[:-1]
    if len(lines) == 1:
        return (*_split_one_line(lines[0]), subtitle)
    if _LABEL.match(lines[0]) or _SERIES.match(lines[0]):
        return lines[0], lines[1], subtitle or (lines[2] if len(lines) == 3 else "")
    if len(lines) == 3:
        return lines[0], lines[1], lines[2]
    if subtitle or _LEAD_IN.search(lines[0]):
        return lines[0], lines[1], subtitle
    return "", lines[0], lines[1]


def is_headline(text: str) -> bool:
    """Whether a heading-shaped line has a headline's own form (a body, a colon, the news).

    A column fragment could look like a heading, but not like this.
    """
    return _BODY_COLON.match(text) is not None


def _split_one_line(line: str) -> tuple[str, str]:
    lead, _, rest = line.partition(" ")
    return (lead, rest) if rest and _LEAD_IN.search(lead) else ("", line)

"""The printed marks a line can carry: source marker, dateline, teaser, subhead, sentence end."""

import re
from dataclasses import dataclass

from .cleaning import fold_width
from .wordlists import words

# An outlet's name ends like one (the outlet_ending list): 本报, 浙江日报, 人民政协网,
# 新华社, 浙江卫视台, a news app (潮新闻, …客户端), a web portal (…在线), a county
# media centre (…融媒体中心), a government account (…发布).
OUTLET = rf"[\u4e00-\u9fff]{{1,12}}?(?:{'|'.join(words('outlet_ending'))})"
# 据浙江日报 ⎵ (a reprint) or 联谊报 ⎵ / 联谊报讯 / 本报讯 / 人民政协网 ⎵ (a named outlet).
# A space or bracket must follow, so "据悉，" and "据报道，" are ordinary text; after
# 据 an opening quote may follow too (据…在线“…”), the outlet then being plain.
_OWN_OUTLETS = ("联谊报", "本报")
# What follows 据 in ordinary text: 据了解, 据统计, 据介绍 …
_NOT_OUTLETS = "了解|统计|介绍|报道|调查|测算|估算|初步|不完全|悉|称|说|此|实"
_SOURCE = re.compile(
    rf"(?:据(?P<cited>{OUTLET})(?=“)|(?:据(?P<cited_spaced>{OUTLET})|(?P<named>{OUTLET}))"
    r"(?:讯 ?| |(?=[（(])))"
    # 新华社杭州5月19日电 / 人民政协报北京5月8日电: a wire dateline.
    rf"|(?P<wired>{OUTLET})[\u4e00-\u9fff]{{0,8}}?\d{{1,2}}月\d{{1,2}}日电 ?"
    # 据某某之声 ⎵: any name after 据 with a space, unless ordinary text (据了解 …).
    rf"|据(?!{_NOT_OUTLETS})(?P<named_spaced>[\u4e00-\u9fff]{{2,10}}) "
)

# 2025年5月26日 星期一 / 第1234期: printed under a masthead, part of no article.
_ISSUE_LINE = re.compile(
    r"(?:\d{4}年\d{1,2}月\d{1,2}日|第\d+期|星期[一二三四五六日天]|农历\S+|[ 　])+"
)
_EDITORS_NOTE = re.compile(r"(?:【|\[)?(?:编者按|编者的话|编前|编后)(?:】|\])?[：:]")
_DATELINE = re.compile(r"(\d{1,2})月(\d{1,2})日")
_DATE_LENGTH = len("12月31日")
_TEASER_ARROWS = (">", "＞", "》", "详见", "见第", "(详见", "(见第")
_TEASER = re.compile(
    r"(?:>{2,}|》{2,})? ?\(?(?:详见|见)?第?(\d{1,2}) ?版\)?(?:(?: ?[·・•.] ?| )(.+))?"
)
# 一、 （一） 1. ■ ● 【…】: what opens an in-body subhead or a numbered point.
_ENUMERATOR = re.compile(
    r"(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十\d]+\)|\d+[.、](?!\d)|[■□●○◆◇▲△★☆◎▶►]|【)"
)
_ENUMERATOR_LENGTH = 6  # enough for （十二） and 12.
# How a news item's lead opens: a local body as the subject (江山市政协近日…,
# 宁波市海曙区政协组织…) or a date; a column fragment never opens like that, and
# neither does a paragraph opening with someone's title (某市政协委员、…).
_LEAD = re.compile(
    r"(?:近日|日前)?,?(?:\d{1,2}月\d{1,2}日|[\u4e00-\u9fff]{1,8}?[省市县区](?:政协|委|人大|政府)"
    r"(?!委员|常委|副?主席|副?秘书长|副?书记|副?主任|党组))"
)
CLOSERS = "”’」』"
_NOTE_AFTER_SENTENCE = re.compile(r"(?<=[。！？”])[（(][^（）()]{1,20}[）)]$")
SENTENCE_ENDS = "。！？!?…"


@dataclass(frozen=True)
class SourceMark:
    source: str  # "本报" for our own paper, else the outlet as printed
    is_reprint: bool
    end: int  # where the paragraph's own text starts


def source_mark(text: str) -> SourceMark | None:
    match = _SOURCE.match(text)
    if not match:
        return None
    groups = match.group("cited", "cited_spaced", "named", "wired", "named_spaced")
    outlet = next(o for o in groups if o)
    return SourceMark(*outlet_source(outlet), match.end())


def outlet_source(outlet: str) -> tuple[str, bool]:
    """(source, is_reprint) of an outlet as printed: our own paper is 本报."""
    if outlet.startswith(_OWN_OUTLETS):
        return "本报", False
    return outlet, True


def is_editors_note(text: str) -> bool:
    """编者按：… / 编者的话：…, printed between a title and the article's lead."""
    return _EDITORS_NOTE.match(text) is not None


def is_issue_line(text: str) -> bool:
    """Whether the line is only a date, weekday or issue number (2025年5月26日 星期一)."""
    return (
        re.search(r"\d", text) is not None and _ISSUE_LINE.fullmatch(fold_width(text)) is not None
    )


def dateline(text: str) -> tuple[int, int] | None:
    """(month, day) when the text opens with a date: 4月17日, 4月17日上午, ４月１７日."""
    match = _DATELINE.match(fold_width(text[:_DATE_LENGTH]))
    if not match:
        return None
    month, day = int(match.group(1)), int(match.group(2))
    return (month, day) if 1 <= month <= 12 and 1 <= day <= 31 else None


def teaser(text: str) -> tuple[int, str] | None:
    """(page, section) of a pointer to another page: >>>2版·综合新闻, ＞＞＞２版, >>>第2版,
    详见第2版, （见第3版）."""
    folded = fold_width(text)
    if not folded.startswith(_TEASER_ARROWS):
        return None
    match = _TEASER.fullmatch(folded)
    return (int(match.group(1)), (match.group(2) or "").strip()) if match else None


def opens_like_a_lead(text: str) -> bool:
    return _LEAD.match(fold_width(text)) is not None


def opens_with_enumerator(text: str) -> bool:
    return _ENUMERATOR.match(fold_width(text[:_ENUMERATOR_LENGTH])) is not None


def ends_sentence(text: str) -> bool:
    """Whether the text ends a sentence (。！？…, also before closing quotes, or before
    a bracketed note after the sentence: …312件。（相关报道见第2版））."""
    text = _NOTE_AFTER_SENTENCE.sub("", text)
    return text.rstrip(CLOSERS).endswith(tuple(SENTENCE_ENDS))

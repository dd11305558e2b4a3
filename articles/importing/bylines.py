"""Bylines: 本报记者 王芳 / 通讯员 李强 陈明 / （本报记者 王芳 通讯员 李强） / （赵六）.

A byline is a run of credits, each a role word and the names after it. Names
are two to four Han characters (or two parts joined by ·) split by spaces,
、 or ，. A 摄 / 摄影 after the names marks a photo credit and is dropped.
Names alone in brackets, each with a surname, credit a correspondent: briefs
end that way (……共建成10个。（赵六））.
"""

import dataclasses
import re

from .markers import CLOSERS, OUTLET, SENTENCE_ENDS
from .parsed import Byline
from .people import has_surname

# 本报记者, 浙江日报记者, 人民政协报记者, 本报见习记者, 特约记者, 本报通讯员, 摄影记者, 摄影,
# 本报评论员, 实习生 (an intern): the last two credited as reporters.
_ROLE = re.compile(
    rf"(?P<outlet>{OUTLET})?(?:特约|见习|首席|摄影)?(?P<kind>记者|通讯员|评论员)|摄影|实习生"
)
_NAME = re.compile(r"[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff]{1,8}[·•・][\u4e00-\u9fff]{1,8}")
_NAME_SEPARATORS = re.compile(r"[ 、，,]+")
_UNKNOWN_OUTLET_ROLE = re.compile(r"(?P<outlet>[\u4e00-\u9fff]{2,8})记者 (?P<names>[^ ].*)")
_PHOTO_MARK = re.compile(r" 摄影?$")
_PARENTHESISED = re.compile(r"[（(]([^（）()]+)[）)]")
# What may stand before a byline: a box (□ 本报记者 …), a text-and-picture credit (文/图).
_LEADER = re.compile(r"^(?:[□■◇◆○●△▲]|[文图]/[文图]) ?")
_LEADING_PARENTHESISED = re.compile(r"[（(]([^（）()]{2,40})[）)] ?")


def parse_byline(text: str) -> tuple[Byline, ...] | None:
    """The credits of a byline line, or None when the line is not a byline.

    Outside brackets a bare role word needs a space before the names, so a
    title such as 通讯员队伍建设 is not taken for a byline; 本报记者王芳 is.
    """
    text = _LEADER.sub("", text)
    inner = _PARENTHESISED.fullmatch(text)
    if not inner:
        return _parse_credits(text) or _unknown_outlet_credit(text)
    credits = inner.group(1).strip()
    return _parse_credits(credits, loose=True) or _bare_names(credits)


def split_trailing_byline(paragraph: str) -> tuple[str, tuple[Byline, ...]]:
    """A last paragraph's text and the byline printed after its last sentence, if any."""
    end = max(paragraph.rfind(mark) for mark in SENTENCE_ENDS) + 1
    while 0 < end < len(paragraph) and paragraph[end] in CLOSERS:
        end += 1
    bylines = 0 < end < len(paragraph) and parse_byline(paragraph[end:].strip())
    return (paragraph[:end], bylines) if bylines else (paragraph, ())


def split_leading_byline(text: str) -> tuple[str, tuple[Byline, ...]]:
    """本报讯（记者 戴雨桐）近日…: the bracketed byline after a source marker, if any."""
    match = _LEADING_PARENTHESISED.match(text)
    bylines = match and _parse_credits(match.group(1).strip(), loose=True)
    return (text[match.end() :], bylines) if bylines else (text, ())


def with_outlet(bylines: tuple[Byline, ...], source: str) -> tuple[Byline, ...]:
    """A reporter credited without an outlet (记者 戴雨桐) works for the article's source."""
    return tuple(
        dataclasses.replace(b, outlet=source) if b.role == "reporter" and not b.outlet else b
        for b in bylines
    )


def _parse_credits(text: str, *, loose: bool = False) -> tuple[Byline, ...] | None:
    if not _ROLE.match(text):
        return None
    photo = _PHOTO_MARK.search(text) is not None
    text = _PHOTO_MARK.sub("", text)
    roles = list(_ROLE.finditer(text))
    bylines = []
    for role, following in zip(roles, [*roles[1:], None], strict=True):
        names_text = text[role.end() : following.start() if following else len(text)]
        if not (loose or role.group("outlet") or names_text.startswith(" ")):
            return None
        names = [n for n in _NAME_SEPARATORS.split(names_text.strip()) if n]
        if not names or not all(_NAME.fullmatch(name) for name in names):
            return None
        bylines.append(_byline(role, names, photo=photo))
    return tuple(bylines)


def _unknown_outlet_credit(text: str) -> tuple[Byline, ...] | None:
    """某某之声记者 张三: a reporter of an outlet whose name ends in no known way,
    taken only when the whole line is that and every name has a surname."""
    match = _UNKNOWN_OUTLET_ROLE.fullmatch(text)
    if not match:
        return None
    names = _NAME_SEPARATORS.split(match.group("names"))
    if not all(_NAME.fullmatch(n) and has_surname(n) for n in names):
        return None
    outlet = match.group("outlet")
    return (Byline(role="reporter", title=f"{outlet}记者", outlet=outlet, names=tuple(names)),)


def _bare_names(text: str) -> tuple[Byline, ...] | None:
    names = [n for n in _NAME_SEPARATORS.split(_PHOTO_MARK.sub("", text)) if n]
    if names and all(_NAME.fullmatch(n) and has_surname(n) for n in names):
        return (Byline(role="correspondent", title="", outlet="", names=tuple(names)),)
    return None


def _byline(role: re.Match, names: list[str], *, photo: bool) -> Byline:
    is_correspondent = role.group("kind") == "通讯员"
    return Byline(
        role="correspondent" if is_correspondent else "reporter",
        title=role.group(0),
        outlet="" if is_correspondent else (role.group("outlet") or ""),
        names=tuple(names),
        photo=photo or "摄影" in role.group(0),
    )

"""Which Zhejiang regions an article is about, and which region a title names."""

import itertools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from .gazetteer import OTHER_PROVINCES, Gazetteer, RegionEntry, RegionMatch

# "我省", "全省", "省政协", "民盟省委会", "省商务厅": the province itself, unnamed
# (not 外省, 各省, nor the verb of 节省).
_PROVINCE_WORDS = re.compile(
    r"[我全本]省|(?<![外各邻节反])省(?:政协|委|政府|人大|[\u4e00-\u9fff]{1,4}[厅局办院])"
)
_RELATIVE_PREFIX = re.compile(
    r"^[省市县区](?=长|政协|委|人大|政府|[\u4e00-\u9fff]{1,6}[局院委办厅])"
)
# What follows a place that acts: its CPPCC, party committee, congress, government.
_ACTING = ("政协", "委", "人大", "政府", "党委")
# Secondary regions are those the body names at least this often, unless the
# body is as short as a brief.
_SECONDARY_MENTIONS = 2
_BRIEF_LENGTH = 300


@dataclass(frozen=True)
class RegionChoice:
    codes: tuple[str, ...]  # primary first
    runner_up: str | None = None  # another place with a claim to be primary: a close call


def article_regions(
    headline: str,
    body: str,
    gazetteer: Gazetteer,
    *,
    ignored_spans: Sequence[tuple[int, int]] = (),
) -> RegionChoice:
    """Region codes, primary first, and the runner-up when the primary was a close call.

    The primary region is the most specific place that acts or is visited:
    the first place the headline names (its title first), unless the lead
    names exactly one place inside it that acts (杭州市西湖区政协) or is given
    with its city (宁波市北仑区); without a place in the headline, the first
    one the lead names, else the one the body names most. Others follow when
    the headline names them, or the body names them repeatedly (once will do
    in a brief); places in ignored_spans of body (people's titles) do not
    count, and neither do the primary region's ancestors (an article about
    嵊州 is not also about 浙江).
    """
    lead = body.split("\n", 1)[0]
    mentions = [m for m in _mentions(body, gazetteer) if not _inside(m.start, ignored_spans)]
    lead_mentions = [m for m in mentions if m.start < len(lead)]
    body_counts = Counter(m.code for m in mentions)
    headline_codes = [m.code for m in _mentions(headline, gazetteer)]
    runner_up = None
    if headline_codes:
        primary = headline_codes[0]
        inner = _places_inside(primary, lead_mentions, gazetteer)
        if len(inner) == 1:
            primary = inner[0]
        elif inner:
            runner_up = inner[0]
        else:
            runner_up = next((c for c in headline_codes if c != primary), None)
    elif lead_mentions:
        primary = lead_mentions[0].code
        runner_up = next((m.code for m in lead_mentions if m.code != primary), None)
    elif body_counts:
        (primary, count), *others = body_counts.most_common(2)
        runner_up = others[0][0] if others and others[0][1] == count else None
    else:
        return RegionChoice(())
    skipped = {primary, *(a.code for a in gazetteer.ancestors(primary))}
    if runner_up in skipped or (runner_up and _is_inside(primary, runner_up, gazetteer)):
        runner_up = None  # a place containing or inside the primary one is no rival
    secondary = [c for c in headline_codes if c not in skipped]
    needed = 1 if len(body) < _BRIEF_LENGTH else _SECONDARY_MENTIONS
    secondary += [
        code for code, count in body_counts.most_common() if count >= needed and code not in skipped
    ]
    return RegionChoice(tuple(dict.fromkeys([primary, *secondary])), runner_up)


def _places_inside(code: str, mentions: list["_Mention"], gazetteer: Gazetteer) -> list[str]:
    """The places inside `code` the mentions name; one alone must act or come with its city.

    Several (甲区、乙区、丙市政协同步设立分会场) leave the choice open.
    """
    inside = [m for m in mentions if _is_inside(m.code, code, gazetteer)]
    codes = list(dict.fromkeys(m.code for m in inside))
    if len(codes) == 1 and not any(m.qualified or m.acts for m in inside):
        return []
    return codes


def _is_inside(code: str, outer: str, gazetteer: Gazetteer) -> bool:
    return any(a.code == outer for a in gazetteer.ancestors(code))


def _inside(start: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(a <= start < b for a, b in spans)


def title_region(
    title: str, gazetteer: Gazetteer, context: Sequence[str], *, is_member: bool
) -> str | None:
    """The region of the person a title describes.

    A title starting 省/市/县/区 (市政协委员, 市委副秘书长) refers to the
    article's own province, city or county; otherwise the first place the title
    names counts (杭州市政协委员, 共青团安吉县委); a bare 政协委员 is a member
    of the article's region's CPPCC, and a 全国政协委员 of no region.
    """
    if title.startswith("全国"):
        return None  # a national CPPCC member or office
    relative = _RELATIVE_PREFIX.match(title)
    if relative:
        return _relative_region(relative.group(), gazetteer, context)
    named = _mentions(title, gazetteer)  # 杭州市政协委员, 共青团安吉县委, 民建省委会主委
    if named:
        return named[0].code
    return context[0] if is_member and context else None


def context_regions(title: str, gazetteer: Gazetteer, context: Sequence[str]) -> list[str]:
    """The regions of the article a title naming no place of its own could mean.

    市政协委员 in an article about a city and a county-level city in it could
    be either's; a
    bare 政协委员 any place the article names; 省政协委员 and 杭州市政协委员
    only one. More than one makes title_region's choice a guess.
    """
    if title.startswith("全国"):
        return []
    relative = _RELATIVE_PREFIX.match(title)
    if relative:
        level_char = relative.group()
        if level_char == "省":
            return []
        named = [code for code in context if is_level(gazetteer.get(code), level_char)]
        if named:
            return named
        # Only inside the places named: the city of an article about its county.
        above = [a for code in context for a in gazetteer.ancestors(code)]
        return list(dict.fromkeys(a.code for a in above if is_level(a, level_char)))
    return [] if _mentions(title, gazetteer) else list(context)  # 民建省委会主委 names 浙江


def relative_level(title: str) -> str | None:
    """市, 县 or 区 when the title refers to the article's own city, county or district."""
    relative = _RELATIVE_PREFIX.match(title)
    return relative.group() if relative and relative.group() != "省" else None


def is_level(region: RegionEntry | None, level_char: str) -> bool:
    """Whether the region is a city, county or district named with level_char (市, 县, 区)."""
    return bool(region) and region.level != "province" and region.name.endswith(level_char)


def _relative_region(level_char: str, gazetteer: Gazetteer, context: Sequence[str]) -> str | None:
    if level_char == "省":
        province = gazetteer.province
        return province.code if province else None
    for code in context:
        for region in (gazetteer.get(code), *gazetteer.ancestors(code)):
            if region and region.level != "province" and region.name.endswith(level_char):
                return region.code
    return None


@dataclass(frozen=True)
class _Mention:
    code: str
    start: int
    qualified: bool = False  # given with the place containing it: 宁波市|北仑区
    acts: bool = False  # an institution of the place follows: 西湖区|政协


def _mentions(text: str, gazetteer: Gazetteer) -> list[_Mention]:
    matches = gazetteer.find(text)
    # In "嘉兴秀洲区" and "浙江省乐清市" the first place only qualifies the second.
    qualifiers = {
        i
        for i, (m, following) in enumerate(itertools.pairwise(matches))
        if following.start == m.end and _contains(gazetteer, m, following)
    }
    found = [
        _Mention(m.code, m.start, i - 1 in qualifiers, text.startswith(_ACTING, m.end))
        for i, m in enumerate(matches)
        if i not in qualifiers
    ]
    province = gazetteer.province
    if province is not None:
        found += [
            _Mention(province.code, m.start(), acts=True)
            for m in _PROVINCE_WORDS.finditer(text)
            if not text[max(0, m.start() - 3) : m.start()].endswith(OTHER_PROVINCES)  # 江苏省委
        ]
    return sorted(found, key=lambda mention: mention.start)


def _contains(gazetteer: Gazetteer, outer: RegionMatch, inner: RegionMatch) -> bool:
    return any(a.code == outer.code for a in gazetteer.ancestors(inner.code))

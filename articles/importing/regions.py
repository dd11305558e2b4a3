"""Which Zhejiang regions an article is about, and which region a title names."""

import itertools
import re
from collections import Counter
from collections.abc import Sequence

from .gazetteer import OTHER_PROVINCES, Gazetteer, RegionMatch

# "我省", "全省", "省政协", "民盟省委会", "省商务厅": the province itself, unnamed
# (not 外省, 各省, nor the verb of 节省).
_PROVINCE_WORDS = re.compile(
    r"[我全本]省|(?<![外各邻节反])省(?:政协|委|政府|人大|[\u4e00-\u9fff]{1,4}[厅局办院])"
)
_RELATIVE_PREFIX = re.compile(
    r"^[省市县区](?=长|政协|委|人大|政府|[\u4e00-\u9fff]{1,6}[局院委办厅])"
)
# Secondary regions are those the body names at least this often, unless the
# body is as short as a brief.
_SECONDARY_MENTIONS = 2
_BRIEF_LENGTH = 300


def article_regions(
    headline: str,
    body: str,
    gazetteer: Gazetteer,
    *,
    ignored_spans: Sequence[tuple[int, int]] = (),
) -> tuple[str, ...]:
    """Region codes, primary first.

    The primary region is the first place the headline names (its title
    first), else the first one the lead names, else the one the body names
    most. Others follow when the headline names them, or the body names them
    repeatedly (once will do in a brief); places in ignored_spans of body
    (people's titles) do not count, and neither do the primary region's
    ancestors (an article about 嵊州 is not also about 浙江).
    """
    lead = body.split("\n", 1)[0]
    body_counts = Counter(
        code
        for code, start in _mentions(body, gazetteer)
        if not any(a <= start < b for a, b in ignored_spans)
    )
    headline_codes = [code for code, _ in _mentions(headline, gazetteer)]
    if headline_codes:
        primary = headline_codes[0]
    elif lead_codes := [code for code, _ in _mentions(lead, gazetteer)]:
        primary = lead_codes[0]
    elif body_counts:
        primary = body_counts.most_common(1)[0][0]
    else:
        return ()
    skipped = {primary, *(a.code for a in gazetteer.ancestors(primary))}
    secondary = [c for c in headline_codes if c not in skipped]
    needed = 1 if len(body) < _BRIEF_LENGTH else _SECONDARY_MENTIONS
    secondary += [
        code for code, count in body_counts.most_common() if count >= needed and code not in skipped
    ]
    return tuple(dict.fromkeys([primary, *secondary]))


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
    matches = gazetteer.find(title)
    if matches:
        return matches[0].code
    return context[0] if is_member and context else None


def _relative_region(level_char: str, gazetteer: Gazetteer, context: Sequence[str]) -> str | None:
    if level_char == "省":
        province = gazetteer.province
        return province.code if province else None
    for code in context:
        for region in (gazetteer.get(code), *gazetteer.ancestors(code)):
            if region and region.level != "province" and region.name.endswith(level_char):
                return region.code
    return None


def _mentions(text: str, gazetteer: Gazetteer) -> list[tuple[str, int]]:
    matches = gazetteer.find(text)
    # In "嘉兴秀洲区" and "浙江省乐清市" the first place only qualifies the second.
    qualifiers = {
        i
        for i, (m, following) in enumerate(itertools.pairwise(matches))
        if following.start == m.end and _contains(gazetteer, m, following)
    }
    found = [(m.code, m.start) for i, m in enumerate(matches) if i not in qualifiers]
    province = gazetteer.province
    if province is not None:
        found += [
            (province.code, m.start())
            for m in _PROVINCE_WORDS.finditer(text)
            if not text[max(0, m.start() - 3) : m.start()].endswith(OTHER_PROVINCES)  # 江苏省委
        ]
    return sorted(found, key=lambda mention: mention[1])


def _contains(gazetteer: Gazetteer, outer: RegionMatch, inner: RegionMatch) -> bool:
    return any(a.code == outer.code for a in gazetteer.ancestors(inner.code))

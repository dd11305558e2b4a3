"""Zhejiang's regions: finding them in text and walking up their hierarchy."""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .segmenting import tag

# Provincial-level divisions other than Zhejiang, whose districts may share a
# name with one of Zhejiang's (上海普陀区, 重庆江北区).
OTHER_PROVINCES = (
    "北京", "天津", "河北", "山西", "内蒙古", "辽宁", "吉林", "黑龙江", "上海", "江苏", "安徽",
    "福建", "江西", "山东", "河南", "湖北", "湖南", "广东", "广西", "海南", "重庆", "四川",
    "贵州", "云南", "西藏", "陕西", "甘肃", "青海", "宁夏", "新疆", "台湾", "香港", "澳门",
)  # fmt: skip

# A short name followed by one of these is an institution of that place
# ("西湖政协", "天台县委"), so it is taken even when the short name alone is a
# common word.
_INSTITUTION_SUFFIXES = ("政协", "人大", "市委", "县委", "区委", "党委", "市", "县", "区")
_NOT_SUFFIXES = ("市场", "区域")  # 江山市场 is a market
# A bay named after a city is elsewhere: 杭州湾新区 lies in 宁波, 台州湾 off 椒江.
_FEATURE_SUFFIXES = ("湾",)


@dataclass(frozen=True)
class RegionEntry:
    code: str
    parent_code: str | None
    level: str  # "province" | "city" | "county"
    name: str  # 嵊州市
    short_name: str  # 嵊州
    aliases: tuple[str, ...] = ()
    match_short: bool = True  # False when the short name is also a common word (西湖, 天台)


@dataclass(frozen=True)
class RegionMatch:
    start: int
    end: int
    code: str


@dataclass(frozen=True)
class _Form:
    code: str
    is_short: bool
    match_short: bool  # of the region, whichever form this is


class Gazetteer:
    def __init__(self, entries: Iterable[RegionEntry]):
        self._entries = {entry.code: entry for entry in entries}
        self._forms: dict[str, _Form] = {}
        # Short names first so that a full name or alias spelt the same wins.
        for entry in self._entries.values():
            self._forms.setdefault(entry.short_name, _Form(entry.code, True, entry.match_short))
        for entry in self._entries.values():
            for form in (entry.name, *entry.aliases):
                if len(form) >= 2:
                    self._forms[form] = _Form(entry.code, False, entry.match_short)
        self._lengths = sorted({len(form) for form in self._forms}, reverse=True)
        self._first_chars = {form[0] for form in self._forms}

    def __contains__(self, code: str) -> bool:
        return code in self._entries

    def __iter__(self) -> Iterator[RegionEntry]:
        return iter(self._entries.values())

    def get(self, code: str | None) -> RegionEntry | None:
        return self._entries.get(code) if code else None

    @property
    def province(self) -> RegionEntry | None:
        return next((e for e in self._entries.values() if e.level == "province"), None)

    def parent(self, code: str) -> RegionEntry | None:
        entry = self._entries.get(code)
        return self.get(entry.parent_code) if entry else None

    def ancestors(self, code: str) -> tuple[RegionEntry, ...]:
        """Nearest first: a county's city, then the province."""
        found = []
        parent = self.parent(code)
        while parent is not None and parent not in found:
            found.append(parent)
            parent = self.parent(parent.code)
        return tuple(found)

    def find(self, text: str) -> list[RegionMatch]:
        """Region mentions in reading order, the longest form winning at each place."""
        matches = []
        i = 0
        while i < len(text):
            match = self._match_at(text, i) if text[i] in self._first_chars else None
            if match is None:
                i += 1
            else:
                matches.append(match)
                i = match.end
        return matches

    def _match_at(self, text: str, start: int) -> RegionMatch | None:
        for length in self._lengths:
            form = self._forms.get(text[start : start + length])
            if form is None or not self._accepts(text, start, length, form):
                continue
            return RegionMatch(start, start + length, form.code)
        return None

    @staticmethod
    def _accepts(text: str, start: int, length: int, form: _Form) -> bool:
        end = start + length
        # "上海普陀区" is not Zhejiang's 普陀区.
        if text[max(0, start - 3) : start].endswith(OTHER_PROVINCES):
            return False
        if text.startswith(_FEATURE_SUFFIXES, end):
            return False
        if not form.is_short:
            # 西湖区域 and 江山市场 are not 西湖区 and 江山市; 宁波市场 is in 宁波.
            return form.match_short or text[end - 1 : end + 1] not in _NOT_SUFFIXES
        if text.startswith(_INSTITUTION_SUFFIXES, end) and not text.startswith(_NOT_SUFFIXES, end):
            return True
        if not form.match_short:
            return False
        return _is_word_start(text, start, end)


def _is_word_start(text: str, start: int, end: int) -> bool:
    """Whether a short name at text[start:end] starts a word of its own.

    Not 文成 in "人文成果", nor 安吉 in "安吉丽娜"; but 舟山 in "舟山渔场",
    a word jieba knows that starts with the place.
    """
    window_start = max(0, start - 4)
    word_start = window_start
    for word, flag in tag(text[window_start : end + 4], guess_unknown=False):
        word_end = word_start + len(word)
        if word_end > start:
            if word_start < start:
                return False  # the name starts inside a word
            if word_end >= end:
                return word_end == end or (word_start == start and not flag.startswith("nr"))
        word_start = word_end
    return False

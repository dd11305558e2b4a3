"""People an article names with a title: "市政协委员、某某公司总经理刘伟建议".

A person is found where a title word (委员, 主席, 总经理 …) is directly followed
by a surname; the name's length (two or three characters) is read from what
follows it (a speech verb, punctuation) and, where that is ambiguous, from
jieba's part-of-speech tags. The title is read backwards from the name to the
start of its phrase. Also found: names listed under one title (张三、李四),
and members named before the title (袁继新委员认为). No list of names is
used: only surnames and title words, with the other word lists of
articles/data/parser_words.csv (see wordlists.py).
"""

import dataclasses
import re
from dataclasses import dataclass

from .segmenting import dictionary_frequency, tag
from .wordlists import words

_SURNAMES = set(words("surname"))
_COMPOUND_SURNAMES = words("compound_surname")

# Words a name follows when it is someone's title; "副", "常务" and the like
# need no entry of their own because the title is read back to its start.
_TITLE_WORDS = words("title")
# Honours that may open a title ("国家级领军人才、…教授张维加") without being one.
_HONOURS = words("honour")

# What comes right after a name: speech and visit verbs, and small words.
_FOLLOWERS = words("follower")
_PUNCTUATION = set("，。；：！？、,.;:!?“”‘’\"'（）()《》〈〉【】[]…—－- \u3000\n\t·")

# Leading words that belong to the sentence, not the title: 邀请市政协委员…
_SENTENCE_FLAGS = ("p", "c", "d", "r", "u", "t", "f")
# jieba tags of a first word that rule out a name, and those that do not.
_FUNCTION_WORD_FLAGS = ("p", "c", "u", "d")
_NAME_LIKE_FLAGS = ("nr", "ns", "nz", "j", "x")
# jieba tags of a word that may follow a name jieba found: adverb, verb, preposition.
_AFTER_NAME_FLAGS = ("d", "v", "p")
# Small words no given name ends with: 兰兰在接受采访 is 兰兰, not 兰兰在.
_NEVER_LAST_IN_NAME = set("在说等也还是的和与就对将又都到了把被及")

# How organisations' names end, so that "中国工艺美术大师" names none; 浙江 is
# for a company's branch: 华为浙江.
_ORGANISATION_ENDINGS = words("organisation_ending")
# Words between an organisation and the position it gives: 党委专职副书记, 资深教授.
_POSITION_QUALIFIERS = words("position_qualifier")

# Offices a roster may list without repeating the body: 区政协主席胡敏、副主席王萍.
_CPPCC_OFFICES = ("主席", "秘书长", "常委", "委员")
# Dictionary frequency from which a word is well known (宁波 538, but 兰兰 8).
_COMMON_WORD_FREQUENCY = 100
_SENTENCE_END = re.compile("[。；！？;!?\n]")
_MAX_TITLE = 60
_NAME_REACH = 8  # enough of the next column for a name and what follows it
_MAX_HONORIFIC_QUOTE = 12
_CLOSING_PAIRS = {"”": "“", "）": "（"}
# A count between a list of names and their title: 甲、乙两位委员.
_COUNTED = re.compile(r"(?:[两二三四五六七八九十几多]位)$")
# Words after which a title starts afresh, whatever came before them.
_BEFORE_A_TITLE = ("的", "了", "图为")

_TITLE_WORDS_LONGEST_FIRST = sorted(_TITLE_WORDS, key=len, reverse=True)
_TITLE_WORD_RE = re.compile("|".join(_TITLE_WORDS_LONGEST_FIRST))


@dataclass(frozen=True)
class TitledName:
    name: str
    title: str  # as written: "市政协委员、联通绍兴分公司总经理"
    title_span: tuple[int, int]  # where the title is in the text
    name_start: int
    # The title with what a roster leaves out restored: "区政协副主席" for the
    # "副主席" of "区政协主席胡敏、副主席王萍".
    full_title: str = ""


def find_titled_names(text: str) -> list[TitledName]:
    """Every title-plus-name in text, in reading order, repeats included."""
    found: list[TitledName] = []
    previous_end = 0  # a title never reaches back over the name before it (甲以及县政协主席乙)
    for match in _TITLE_WORD_RE.finditer(text):
        name = _name_at(text, match.end()) or _spaced_name_at(text, match.end())
        if name is None:
            continue
        title_start = _title_start(text, match.end(), previous_end)
        title = text[title_start : match.end()]
        name_start = text.index(name, match.end())
        found.append(TitledName(name, title, (title_start, match.end()), name_start))
        found.extend(_listed_after(text, name_start + len(name), found[-1]))
        previous_end = found[-1].name_start + len(found[-1].name)
    found.extend(_members_named_first(text))
    return _restore_rosters(text, sorted(found, key=lambda person: person.name_start))


def ends_with_title(text: str) -> bool:
    """Whether text ends on a title word or a position's qualifier (…副校长, …党委专职)."""
    return text.endswith((*_TITLE_WORDS, *_POSITION_QUALIFIERS))


def names_across(first: str, second: str) -> bool:
    """Whether joining the two texts makes a titled name that one alone lacks (…书记张|三介绍)."""
    joint = len(first)
    return any(
        person.title_span[1] <= joint < person.name_start + len(person.name)
        for person in find_titled_names(first + second[:_NAME_REACH])
    )


def kind_of(title: str) -> str:
    """Whether the title makes its holder a CPPCC member ("member") or not ("other").

    A 委员 of no named body ("委员", "“90后”委员") is one of the CPPCC's, which
    this newsletter reports on.
    """
    bare_member = any(
        segment.endswith(("委员", "常委")) and not _strip_position(segment)
        for segment in title.split("、")
    )
    return "member" if "政协" in title or bare_member else "other"


def organisation_of(title: str) -> str:
    """The employer named in the title: "联通绍兴分公司" in "市政协委员、联通绍兴分公司总经理"."""
    for segment in title.split("、"):
        if "政协" in segment:
            continue  # membership, not employment
        organisation = _strip_position(segment)
        if organisation != segment and organisation.endswith(_ORGANISATION_ENDINGS):
            return organisation
    return ""


def _strip_position(segment: str) -> str:
    for word in _TITLE_WORDS_LONGEST_FIRST:
        if segment.endswith(word):
            segment = segment[: -len(word)]
            break
    else:
        return segment
    while True:
        quoted = re.search(r"“[^“”]{1,12}”$", segment)
        if quoted:
            segment = segment[: quoted.start()]
            continue
        qualifier = next((q for q in _POSITION_QUALIFIERS if segment.endswith(q)), None)
        if qualifier is None:
            return segment
        segment = segment[: -len(qualifier)]


def _name_at(text: str, start: int) -> str | None:
    surname_length = 2 if text.startswith(_COMPOUND_SURNAMES, start) else 1
    if surname_length == 1 and text[start : start + 1] not in _SURNAMES:
        return None
    lengths = [surname_length + 1, surname_length + 2]
    candidates = [n for n in lengths if _is_given_name(text[start + surname_length : start + n])]
    words = tag(text[start : start + 8])
    first_word, first_flag = words[0]
    if not candidates or _starts_another_word(first_word, first_flag, surname_length):
        return None
    next_flag = words[1][1] if len(words) > 1 else ""
    length = _name_length(
        text, start, candidates, first_word, first_flag, surname_length, next_flag
    )
    name = text[start : start + length] if length else None
    well_known = dictionary_frequency(first_word) >= _COMMON_WORD_FREQUENCY
    if name == first_word and well_known and not first_flag.startswith("nr"):
        return None  # a place or brand jieba knows well: 代表宁波发言
    return name


def _spaced_name_at(text: str, start: int) -> str | None:
    """A name after a space that ends the text or a clause: 提案人：省政协委员 陈晓红."""
    if not text.startswith(" ", start):
        return None
    name = _name_at(text, start + 1)
    end = start + 1 + len(name) if name else 0
    return name if name and (end == len(text) or text[end] in _PUNCTUATION) else None


def _name_length(
    text: str,
    start: int,
    candidates: list[int],
    word: str,
    flag: str,
    surname_length: int,
    next_flag: str,
) -> int | None:
    scores = {n: _follower_length(text, start + n) for n in candidates}
    tagged = len(word) if flag.startswith(_NAME_LIKE_FLAGS) else 0
    if scores.get(tagged):
        return tagged  # jieba's word, and something a name ends with after it
    if tagged in candidates and flag.startswith("nr") and next_flag.startswith(_AFTER_NAME_FLAGS):
        return tagged  # jieba's name, then an adverb or verb: 张三已经来到, 李四打开了
    best = max(scores.values())
    if best:
        # The longer follower is the likelier reading: 卜谈|认为 rather than 卜谈认|为.
        return min(n for n in candidates if scores[n] == best)
    # Nothing tells where the name ends: trust jieba's name tag if it has one,
    # for a word it guessed rather than one of its dictionary's (金点子).
    if tagged in candidates and flag.startswith("nr") and not dictionary_frequency(word):
        return tagged
    return candidates[-1] if 0 < tagged <= surname_length else None


def _starts_another_word(word: str, flag: str, surname_length: int) -> bool:
    """Whether jieba reads the surname as the start of some other word.

    委员于会上 (a preposition), 委员明确提出 (a word), 委员应邀出席 (too long
    for a name, though jieba calls it one). A name jieba does not know is cut
    into its surname and the rest, or taken for a place (徐国|平).
    """
    if flag.startswith(_FUNCTION_WORD_FLAGS):
        return True
    if len(word) <= surname_length:
        return False
    if flag.startswith("nr"):
        return len(word) > surname_length + 2
    return not flag.startswith(_NAME_LIKE_FLAGS)


def _is_given_name(chars: str) -> bool:
    return (
        0 < len(chars) <= 2
        and all("\u4e00" <= c <= "\u9fff" for c in chars)
        and (len(chars) == 1 or chars[-1] not in _NEVER_LAST_IN_NAME)
    )


def _follower_length(text: str, at: int) -> int:
    """How much of what follows `at` shows that a name ended there (0: nothing)."""
    if at >= len(text) or text[at] in _PUNCTUATION:
        return 1
    return max((len(w) for w in _FOLLOWERS if text.startswith(w, at)), default=0)


def _title_start(text: str, end: int, earliest: int = 0) -> int:
    """Where the title phrase ending at `end` begins (not before `earliest`)."""
    start = max(_segment_start(text, end), earliest)
    while start > earliest and text[start - 1] == "、":
        previous = max(_segment_start(text, start - 1), earliest)
        segment = text[previous : start - 1]
        if not segment.endswith(_TITLE_WORDS + _HONOURS):
            break
        start = previous
    first_end = text.find("、", start, end)
    return _skip_sentence_words(text, start, first_end if first_end != -1 else end)


def _segment_start(text: str, end: int) -> int:
    i = end
    while i > 0 and end - i < _MAX_TITLE:
        char = text[i - 1]
        if char in _CLOSING_PAIRS:
            # An honorific such as “鉴湖学者”, or an office's second name such as
            # 办公室（政策法规处）; not the end of a quoted speech.
            opening = text.rfind(_CLOSING_PAIRS[char], max(0, i - 1 - _MAX_HONORIFIC_QUOTE), i - 1)
            if opening == -1 or any(c in _PUNCTUATION for c in text[opening + 1 : i - 1]):
                break
            i = opening
            continue
        if char in _PUNCTUATION:
            break
        i -= 1
    return i


def _skip_sentence_words(text: str, start: int, segment_end: int) -> int:
    """Drops what belongs to the sentence (邀请, 他和, 来自台州的) from a title's start."""
    title_word = _TITLE_WORD_RE.search(text, start, segment_end)
    limit = title_word.start() if title_word else segment_end
    # 来自台州的|省政协委员, 会议书面交流了|省政协委员, 图为|县政协主席
    for word in _BEFORE_A_TITLE:
        at = text.rfind(word, start, limit)
        if at != -1:
            start = at + len(word)
    offset = start
    for word, flag in tag(text[start:segment_end]):
        is_verb = flag == "v" and len(word) > 1  # 邀请, 来自; not the 增 of 增城区
        if offset + len(word) > limit or not (flag.startswith(_SENTENCE_FLAGS) or is_verb):
            break
        offset += len(word)
    return offset


def _listed_after(text: str, at: int, first: TitledName) -> list[TitledName]:
    """Names listed after the first under the same title: 副主席张三、李四出席.

    A list closed by 等 and a title word (甲、乙等委员) gives the others that title.
    """
    listed = []
    while text.startswith("、", at):
        name = _name_at(text, at + 1)
        if name is None:
            break
        listed.append(TitledName(name, first.title, first.title_span, at + 1))
        at += 1 + len(name)
    closing = _TITLE_WORD_RE.match(text, at + 1) if text.startswith("等", at) else None
    if closing:
        span = (closing.start(), closing.end())
        listed = [dataclasses.replace(p, title=closing.group(), title_span=span) for p in listed]
    return listed


def _members_named_first(text: str) -> list[TitledName]:
    """Members named before their title: 袁继新委员认为, 郭胜华委员的习惯, and a list
    counted before it: 胡晓敏、邵立军两位委员."""
    found = []
    for match in re.finditer("委员", text):
        if not _follower_length(text, match.end()):
            continue
        counted = _COUNTED.search(text, max(0, match.start() - 3), match.start())
        end = counted.start() if counted else match.start()
        span = (match.start(), match.end())
        while (name := _name_ending_at(text, end)) is not None:
            found.append(TitledName(name, "委员", span, end - len(name)))
            end -= len(name)
            if not (counted and text[end - 1 : end] == "、"):
                break
            end -= 1
    return found


def _name_ending_at(text: str, end: int) -> str | None:
    words = tag(text[max(0, end - 6) : end])
    if not words:
        return None
    name, flag = words[-1]
    return name if flag.startswith("nr") and 2 <= len(name) <= 4 and has_surname(name) else None


def has_surname(name: str) -> bool:
    """Whether the name opens with a common surname."""
    return name[0] in _SURNAMES or name.startswith(_COMPOUND_SURNAMES)


def _restore_rosters(text: str, people: list[TitledName]) -> list[TitledName]:
    """Fills in full_title: in "区政协主席胡敏、副主席王萍", 王萍 is 区政协副主席."""
    restored = []
    body, previous_end = "", 0
    for person in people:
        title = person.title
        start, end = person.title_span
        if _strip_position(title) or start > person.name_start:
            # A title of its own (or a 委员 after the name) starts or ends a roster.
            segments = [s for s in title.split("、") if "政协" in s]
            body = _strip_position(segments[0]) if segments else ""
        elif (
            body
            and title.endswith(_CPPCC_OFFICES)
            and not _SENTENCE_END.search(text, previous_end, start)
        ):
            title = body + title
        else:
            body = ""
        previous_end = end
        restored.append(dataclasses.replace(person, full_title=title))
    return restored

"""Blocks → articles: masthead, headings, source marker, body, bylines, teasers, photos.

A page is read top-down as items. An item starts with one to three heading
lines, then either a teaser marker (>>>2版·综合新闻) or a body. A body ends at
a byline, at a teaser marker, or where a new item starts; a paragraph left
without a sentence end continues in the next block (a printed column break),
unless one of the two is a subhead (一、… ■ …, or one read as below).

A heading-shaped line inside a body has three readings: a new item's title,
text a column break cut (市政协委员、…专职 / 副书记马晓提出), or a subhead of
the article (创新举措). Each is scored from the evidence around it: a
teaser or a source-marked lead after it (bylines may sit between), a
headline's own form (嵊泗县政协：聚焦海岛民生), a following paragraph that
opens like a news lead (江山市政协近日…) and, in unmarked items (photos,
briefs, which are short), a finished sentence before it, the more so when
the line names a body that acts (平阳政协…), all make a title; an
unfinished sentence before it, or a title word at its end, make it text; a
short unpunctuated line between finished paragraphs makes a subhead, which
nothing joins. The best reading wins; when the runner-up is within a point,
the decision is recorded as a close call for the editor.
"""

import dataclasses
import itertools
import re
from dataclasses import dataclass

from .blocks import Block
from .bylines import parse_byline, split_leading_byline, split_trailing_byline, with_outlet
from .headings import MAX_HEADING_LINES, is_heading_shaped, is_headline, split_heading
from .joining import join_parts
from .markers import (
    SourceMark,
    dateline,
    ends_sentence,
    is_editors_note,
    is_issue_line,
    opens_like_a_lead,
    opens_with_enumerator,
    outlet_source,
    source_mark,
    teaser,
)
from .parsed import Byline, CloseCall, ParsedArticle, ParseError, Repair
from .people import ends_with_title, names_across
from .wordlists import words

# The readings of a heading-shaped line met inside a body, in order of
# preference on a tie: a new item's title, text cut by a column break, a subhead.
_TITLE, _TEXT, _SUBHEAD = "title", "text", "subhead"
_READING_NAMES = {_TITLE: "新文章的标题", _TEXT: "正文（分栏接续）", _SUBHEAD: "文中小标题"}
# Readings this close in score are a close call, listed for the editor.
_CLOSE_MARGIN = 1
_SUBHEAD_LENGTH = 16
_INNER_MARKS = "，、；："
_CLAUSE_MARKS = "，；"
_BOX = re.compile(r"[■□●○◆◇▲△★☆] ?")
_MAX_COLON_KICKER = 30
_NAMES_A_BODY = re.compile("|".join(words("body_word")))
# （完） after an article's last sentence: the end of the text, not part of it.
_END_MARK = re.compile(r"(?<=[。！？”])[（(](?:完|全文完)[）)]$")


@dataclass(frozen=True)
class _Line:
    """A block with what it can be, worked out once."""

    line: int
    text: str
    bylines: tuple[Byline, ...]  # the whole line is a byline
    teaser: tuple[int, str] | None  # (page, section)
    source: SourceMark | None  # a paragraph opening with a source marker
    heading: bool  # shaped like a heading (or a column fragment)
    boxed_title: str  # "■ 标题": the title without its box, when shaped like one; else ""


@dataclass(frozen=True)
class Classified:
    masthead: str
    articles: list[ParsedArticle]
    repairs: list[Repair]  # column joins
    close_calls: list[CloseCall]


def classify(blocks: list[Block]) -> Classified:
    """A page's blocks read as masthead and articles, with the joins and doubts on the way."""
    lines = [_describe(block) for block in blocks]
    return _PageReader(_with_colon_kickers(lines)).read()


def _with_colon_kickers(lines: list[_Line]) -> list[_Line]:
    """某区政协主席张三： over a quoted title is a heading line, though it ends
    as a sentence that goes on would."""
    fixed = list(lines)
    for i, (line, following) in enumerate(itertools.pairwise(lines)):
        if (
            line.text.endswith("：")
            and len(line.text) <= _MAX_COLON_KICKER
            and not (line.heading or line.source or line.bylines or line.teaser)
            and not any(mark in line.text[:-1] for mark in "。！？：")
            and following.heading
            and following.text.startswith("“")
        ):
            fixed[i] = dataclasses.replace(line, heading=True)
    return fixed


def _describe(block: Block) -> _Line:
    text = block.text
    bylines = parse_byline(text) or ()
    page_ref = None if bylines else teaser(text)
    # A line opening with a source marker is a lead, however short (a column
    # break may cut it before its first full stop).
    source = None if bylines or page_ref else source_mark(text)
    shaped = not (bylines or page_ref or source) and is_heading_shaped(text)
    return _Line(
        line=block.line,
        text=text,
        bylines=bylines,
        teaser=page_ref,
        source=source,
        heading=shaped and not opens_with_enumerator(text),
        boxed_title=_boxed_title(text) if shaped else "",
    )


def _boxed_title(text: str) -> str:
    box = _BOX.match(text)
    return text[box.end() :] if box and len(text) > box.end() else ""


def _is_subhead(text: str) -> bool:
    return is_heading_shaped(text) and opens_with_enumerator(text)


def _continues(paragraph: str, text: str) -> bool:
    """Whether text is the rest of paragraph, cut off by a column break."""
    return not (ends_sentence(paragraph) or _is_subhead(paragraph) or opens_with_enumerator(text))


def _kind(paragraphs: list[str], bylines: list[Byline], marked: bool) -> str:
    """A lone unmarked paragraph credited only to correspondents or a photographer is a
    photo caption; a lone paragraph without byline, or signed with bare names in
    brackets (……。（赵六）), is a brief."""
    if len(paragraphs) > 1:
        return "article"
    if not bylines or all(not b.title for b in bylines):
        return "brief"
    if not marked and all(b.role == "correspondent" or b.photo for b in bylines):
        return "photo"
    return "article"


def _note_before_lead(lines: list[_Line], index: int) -> bool:
    """Whether an editor's note at index stands before the source-marked lead."""
    return (
        is_editors_note(lines[index].text)
        and index + 1 < len(lines)
        and lines[index + 1].source is not None
    )


def _credited_source(bylines: list[Byline]) -> tuple[str, bool]:
    """An unmarked article's source: the outlet its reporters write for (本报记者, 某某在线记者)."""
    outlet = next((b.outlet for b in bylines if b.role == "reporter" and b.outlet), "")
    return outlet_source(outlet) if outlet else ("", False)


class _PageReader:
    def __init__(self, lines: list[_Line]):
        self.lines = lines
        self.repairs: list[Repair] = []
        self.close_calls: list[CloseCall] = []

    def read(self) -> Classified:
        masthead, index = self._masthead()
        articles = []
        while index < len(self.lines):
            article, index = self._read_item(index)
            articles.append(article)
        if not articles:
            raise ParseError("未找到任何文章")
        return Classified(masthead, articles, self.repairs, self.close_calls)

    def _masthead(self) -> tuple[str, int]:
        """The first line, unless it is already an article's title (a source marker follows)."""
        lines = self.lines
        if lines and lines[0].heading and not (len(lines) > 1 and lines[1].source):
            index = 1
            while index < len(lines) and is_issue_line(lines[index].text):
                index += 1  # the date and issue number printed under the masthead
            return lines[0].text, index
        return "", 0

    def _read_item(self, index: int) -> tuple[ParsedArticle, int]:
        lines, start = self.lines, index
        heading, index = self._read_heading(index)
        kicker, title, subtitle = split_heading(heading)
        if index < len(lines) and lines[index].teaser:
            page, section = lines[index].teaser
            teaser_item = ParsedArticle(
                line=lines[start].line,
                kind="teaser",
                title=title,
                kicker=kicker,
                subtitle=subtitle,
                teaser_page=page,
                teaser_section=section,
            )
            return teaser_item, index + 1

        bylines: list[Byline] = []
        index = self._read_bylines(index, bylines)
        if index == len(lines) or lines[index].heading or lines[index].teaser:
            raise ParseError("标题后面没有正文", line=lines[start].line)
        lead = index + 1 if _note_before_lead(lines, index) else index
        mark = lines[lead].source
        paragraphs, index = self._read_body(index, bylines, lead)
        index = self._read_bylines(index, bylines)
        source, is_reprint = (mark.source, mark.is_reprint) if mark else _credited_source(bylines)
        article = ParsedArticle(
            line=lines[start].line,
            kind=_kind(paragraphs, bylines, mark is not None),
            title=title,
            kicker=kicker,
            subtitle=subtitle,
            source=source,
            is_reprint=is_reprint,
            dateline=dateline(paragraphs[0]),
            paragraphs=tuple(paragraphs),
            bylines=with_outlet(tuple(bylines), source),
        )
        return article, index

    def _read_heading(self, index: int) -> tuple[list[str], int]:
        lines, heading = self.lines, []
        while index < len(lines) and lines[index].heading:
            if len(heading) == MAX_HEADING_LINES:
                raise ParseError("连续的标题行太多，分不清标题和正文", line=lines[index].line)
            heading.append(lines[index].text)
            index += 1
        if not heading and index < len(lines) and lines[index].boxed_title:
            # ■ 某县政协开展视察: where an item must start, a boxed line is its title.
            return [lines[index].boxed_title], index + 1
        if not heading:
            raise ParseError(_orphan_message(lines[index]), line=lines[index].line)
        return heading, index

    def _read_body(self, index: int, bylines: list[Byline], lead: int) -> tuple[list[str], int]:
        """The paragraphs from index on, without the source marker of the lead at `lead`
        (the first, or the one after an editor's note); bylines found join bylines."""
        lines = self.lines
        marked = lines[lead].source is not None
        paragraphs: list[str] = []
        closed, after_subhead, first = False, False, index
        while index < len(lines) and not closed:
            line, text = lines[index], lines[index].text
            if index == lead and line.source:
                text, credits = split_leading_byline(text[line.source.end :])
                bylines.extend(credits)
            elif index > first and (line.bylines or line.teaser):
                break
            reading = _TEXT
            if line.heading and index > lead:
                reading = self._read_heading_line(index, paragraphs[-1], marked)
            if reading == _TITLE:
                break
            if reading == _SUBHEAD:
                paragraphs.append(text)
            else:
                closed = self._add_paragraph(
                    paragraphs,
                    bylines,
                    text,
                    line.line,
                    joinable=index > lead and not after_subhead,
                )
            after_subhead = reading == _SUBHEAD
            index += 1
        return paragraphs, index

    def _read_bylines(self, index: int, bylines: list[Byline]) -> int:
        while index < len(self.lines) and self.lines[index].bylines:
            bylines.extend(self.lines[index].bylines)
            index += 1
        return index

    def _read_heading_line(self, index: int, last_paragraph: str, marked: bool) -> str:
        """The best reading of a heading-shaped line inside a body; a close one is recorded."""
        scores = self._score_readings(index, last_paragraph, marked)
        ranked = sorted(scores, key=lambda reading: -scores[reading])  # stable: ties keep order
        best, runner_up = ranked[0], ranked[1]
        if scores[best] - scores[runner_up] <= _CLOSE_MARGIN:
            line = self.lines[index]
            self.close_calls.append(
                CloseCall(
                    line.line, "heading", line.text, _READING_NAMES[best], _READING_NAMES[runner_up]
                )
            )
        return best

    def _score_readings(self, index: int, last_paragraph: str, marked: bool) -> dict[str, int]:
        """Evidence for each reading of the heading-shaped line at index (see module doc)."""
        lines, text = self.lines, self.lines[index].text
        end = index
        while end < len(lines) and lines[end].heading and end - index < MAX_HEADING_LINES:
            end += 1
        pointer = end < len(lines) and lines[end].teaser is not None
        while end < len(lines) and lines[end].bylines:
            end += 1
        following = None
        if end < len(lines) and not (lines[end].heading or lines[end].teaser):
            following = lines[end]
        next_line = lines[index + 1] if index + 1 < len(lines) else None
        finished = ends_sentence(last_paragraph)
        punctuated = any(mark in text for mark in _INNER_MARKS)
        clause = any(mark in text for mark in _CLAUSE_MARKS)  # 他指出，要

        title = 0
        if pointer or (following is not None and following.source is not None):
            title += 6  # a teaser or a source-marked lead follows: an item starts
        elif following is None:
            title -= 10  # nothing for it to be the title of
        if finished:
            if not marked:
                # Unmarked items (photos, briefs) are short, and their titles name who
                # acts (平阳政协…); a feature's subheads seldom do.
                title += 5 if _NAMES_A_BODY.search(text) else 2
            title += 4 if is_headline(text) else 0
            title += 5 if following is not None and opens_like_a_lead(following.text) else 0

        subhead = int(finished) + int(len(text) <= _SUBHEAD_LENGTH) + int(not punctuated)
        subhead -= 2 if clause else 0
        plain_next = next_line is not None and not (
            next_line.heading or next_line.bylines or next_line.teaser
        )
        subhead += 1 if plain_next else -2

        fragment = 0 if finished else 4  # a column break inside a sentence
        if ends_with_title(text) or (plain_next and names_across(text, next_line.text)):
            fragment += 3  # …副校长 / 张三建议, …书记张 / 三介绍
        fragment += 3 if len(text) > 2 * _SUBHEAD_LENGTH else 0  # a column's worth of text
        fragment += int(punctuated)
        return {_TITLE: title, _TEXT: fragment, _SUBHEAD: subhead}

    def _add_paragraph(
        self,
        paragraphs: list[str],
        bylines: list[Byline],
        text: str,
        line: int,
        *,
        joinable: bool,
    ) -> bool:
        """Adds a block's text to the body; True when a byline after it closes the article.

        Not joinable: what stands before is a subhead or an editor's note, which
        nothing continues.
        """
        text, credits = split_trailing_byline(_END_MARK.sub("", text))
        bylines.extend(credits)
        if paragraphs and joinable and _continues(paragraphs[-1], text):
            paragraphs[-1], repair = join_parts(paragraphs[-1], text, line)
            self.repairs.append(repair)
            if repair.kind == "overlap":
                self.close_calls.append(
                    CloseCall(line, "overlap", repair.before, "删去重复的字", "保留原文")
                )
        else:
            paragraphs.append(text)
        return bool(credits)


def _orphan_message(line: _Line) -> str:
    if line.bylines:
        return "署名前面没有文章"
    if line.teaser:
        return "转版提示前面没有标题"
    return "这一段前面没有标题"

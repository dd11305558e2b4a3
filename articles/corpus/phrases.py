"""The phrase pool: sentences and clauses of the shipped pages, cleaned as the importer cleans them.

Read at generation time, never copied into code. A sentence or clause that
names a person, a year or a byline is dropped; a place becomes a ``{place}``
slot and a day becomes 近日, so that the places, people and dates of a
generated article are only those its generator put in.
"""

import re
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from articles.importing.gazetteer import Gazetteer
from articles.importing.pipeline import parse_page
from articles.importing.topics import mention_count
from articles.importing.vocabulary import Vocabulary

PAGE_FOLDERS = ("seeds", "tests/pages")

_SENTENCE = re.compile(r"[^。！？]+[。！？]”?")
_CLAUSE = re.compile(r"[，；：]")
_DAY = re.compile(r"\d{1,2}月\d{1,2}日")
_YEAR = re.compile(r"\d{4}年|[今去明]年")
# Bylines, and what opens an in-body subhead.
_BYLINE = re.compile(r"记者|通讯员|本报|联谊报|摄影|^[■●一二三四五六七八九十（(【\d]")
_SENTENCE_LENGTH = (12, 160)
_CLAUSE_LENGTH = (6, 40)
# A clause opening with these leans on the sentence it came from.
_CLAUSE_OPENERS = ("近日", "日前", "目前", "同时", "此外", "据悉", "他", "她", "其中", "为", "并")


@dataclass(frozen=True)
class Phrase:
    text: str
    topics: frozenset[str]  # topics whose keywords it uses


@dataclass(frozen=True)
class Pool:
    sentences: tuple[Phrase, ...]  # whole sentences, ending in 。！？
    clauses: tuple[Phrase, ...]  # the pieces between commas, to be recombined


def page_files(base: Path | None = None) -> list[Path]:
    base = base or Path(settings.BASE_DIR)
    return sorted(p for folder in PAGE_FOLDERS for p in (base / folder).glob("*.txt"))


def phrase_pool(files: list[Path], *, gazetteer: Gazetteer, vocabulary: Vocabulary) -> Pool:
    """Distinct usable sentences and clauses of these pages, in file order."""
    sentences: dict[str, Phrase] = {}
    clauses: dict[str, Phrase] = {}
    for path in files:
        page = parse_page(path.read_bytes(), gazetteer=gazetteer, vocabulary=vocabulary)
        for article in page.articles:
            names = {person.name for person in article.people}
            for paragraph in article.paragraphs:
                for match in _SENTENCE.finditer(paragraph):
                    raw = match.group().strip()
                    text = _template(raw, names, gazetteer, _SENTENCE_LENGTH)
                    if text and text.count("“") == text.count("”"):
                        sentences.setdefault(text, Phrase(text, _topics(text, vocabulary)))
                    for piece in _CLAUSE.split(raw.rstrip("。！？”")):
                        text = _template(piece, names, gazetteer, _CLAUSE_LENGTH)
                        if _is_clause(text):
                            clauses.setdefault(text, Phrase(text, _topics(text, vocabulary)))
    return Pool(tuple(sentences.values()), tuple(clauses.values()))


def _is_clause(text: str | None) -> bool:
    """A piece that reads on its own after a comma: no quotes, no lead-in word."""
    return (
        bool(text) and "“" not in text and "”" not in text and not text.startswith(_CLAUSE_OPENERS)
    )


def _template(text: str, names: set[str], gazetteer: Gazetteer, length: tuple[int, int]):
    """The text with its one place as a slot and its day as 近日; None when unusable."""
    text = text.strip()
    if not (length[0] <= len(text) <= length[1]) or "{" in text or "}" in text:
        return None
    if _YEAR.search(text) or _BYLINE.search(text) or any(name in text for name in names):
        return None
    places = gazetteer.find(text)
    if len(places) > 1:
        return None
    if places:
        text = f"{text[: places[0].start]}{{place}}{text[places[0].end :]}"
    return _DAY.sub("近日", text)


def _topics(text: str, vocabulary: Vocabulary) -> frozenset[str]:
    return frozenset(e.name for e in vocabulary.entries if mention_count(e, text))

"""Chinese word segmentation for search: plain Python over strings (jieba, no Django).

Index text and queries go through the same ``SearchSegmenter`` so that they
agree on word boundaries: ``cut_for_search`` emits a long word and its
dictionary sub-words (人工智能 → 人工 智能 人工智能), so a query for any of
them matches. A user dictionary (people's names, places, topic keywords) is
loaded from the database by ``articles.search`` and keeps those whole.
"""

import html
import logging
import re
import threading
from collections.abc import Iterable

import jieba

MAX_QUERY_LENGTH = 100  # characters; longer input is rejected before it reaches the database
MAX_QUERY_TERMS = 32

# A token worth indexing holds at least one letter, digit or CJK character.
_WORDLIKE = re.compile(r"\w")
_SPACE = re.compile(r"\s+")
_WORD_SEPARATORS = re.compile(r"[^\w.+\-#%@]+")


def _user_words(words: Iterable[str]) -> frozenset[str]:
    """Words worth a dictionary entry: two characters or more, no space inside."""
    return frozenset(w.strip() for w in words if len(w.strip()) >= 2 and " " not in w.strip())


def query_words(query: str) -> list[str]:
    """The reader's own words: the query split on spaces and punctuation (query
    syntax such as ``&|!():*`` included), duplicates dropped. ``12.7%``, ``C++``
    and ``G60`` stay whole."""
    words = _WORD_SEPARATORS.split(query)
    return list(dict.fromkeys(w for w in words if _WORDLIKE.search(w)))


class SearchSegmenter:
    """A jieba tokenizer of its own (the importer's global one is left untouched)."""

    def __init__(self) -> None:
        self._tokenizer: jieba.Tokenizer | None = None
        self._lock = threading.Lock()
        self._user_words: frozenset[str] = frozenset()
        self._base_freq: dict[str, int | None] = {}

    @property
    def tokenizer(self) -> jieba.Tokenizer:
        if self._tokenizer is None:
            with self._lock:
                if self._tokenizer is None:
                    jieba.setLogLevel(logging.WARNING)
                    tokenizer = jieba.Tokenizer()
                    tokenizer.initialize()
                    self._tokenizer = tokenizer
        return self._tokenizer

    @property
    def user_words(self) -> frozenset[str]:
        return self._user_words

    def set_user_words(self, words: Iterable[str]) -> None:
        """Make these words whole; words dropped since the last call get their old weight back."""
        wanted = _user_words(words)
        tokenizer = self.tokenizer
        with self._lock:
            # In a fixed order: a suggested frequency depends on the words added before it.
            for word in sorted(wanted - self._user_words):
                self._add(tokenizer, word)
            for word in sorted(self._user_words - wanted):
                base = self._base_freq.pop(word, None)
                if base:
                    tokenizer.add_word(word, base)
                else:
                    tokenizer.del_word(word)
            self._user_words = wanted

    def add_user_words(self, words: Iterable[str]) -> None:
        """Make these words whole too, leaving the others as they are (cost: these words only)."""
        tokenizer = self.tokenizer
        with self._lock:
            added = _user_words(words) - self._user_words
            for word in sorted(added):  # in a fixed order, as above
                self._add(tokenizer, word)
            self._user_words = self._user_words | added

    def _add(self, tokenizer: jieba.Tokenizer, word: str) -> None:
        self._base_freq[word] = tokenizer.FREQ.get(word) or None
        tokenizer.add_word(word, tokenizer.suggest_freq(word, tune=False))

    def tokens(self, text: str) -> list[str]:
        """Search tokens of text, lower-cased, punctuation and spaces dropped.

        Dictionary words only (no HMM guessing): names of people and places
        are whole words through the user dictionary, and text and queries
        are cut the same way; the HMM would triple the cost of an import.
        """
        return [
            token.lower()
            for token in self.tokenizer.cut_for_search(text, HMM=False)
            if _WORDLIKE.search(token) and not token.isspace()
        ]

    def index_text(self, *parts: str) -> str:
        """What an article stores for full-text search: its tokens joined by spaces."""
        return " ".join(token for part in parts if part for token in self.tokens(part))

    def query_terms(self, query: str) -> list[str]:
        """The distinct tokens of a query, in order, at most MAX_QUERY_TERMS of them."""
        terms = dict.fromkeys(t.strip() for t in self.tokens(query[:MAX_QUERY_LENGTH]))
        return [t for t in terms if t][:MAX_QUERY_TERMS]


def highlight_terms(words: Iterable[str], terms: Iterable[str]) -> list[str]:
    """What to mark in results: the reader's words and the multi-character tokens, longest first.

    Single-character tokens (新, 的) would light up half a page, so they are
    marked only when the reader typed them as a word of their own.
    """
    marked = {w for w in words if w} | {t for t in terms if len(t) >= 2}
    return sorted(marked, key=lambda t: (-len(t), t))


def _pattern(terms: list[str]) -> re.Pattern | None:
    if not terms:
        return None
    return re.compile("|".join(re.escape(t) for t in terms), re.IGNORECASE)


def highlight(text: str, terms: list[str]) -> str:
    """text as escaped HTML with every occurrence of a term wrapped in <mark>."""
    pattern = _pattern(terms)
    if pattern is None:
        return html.escape(text)
    out: list[str] = []
    last = 0
    for match in pattern.finditer(text):
        out.append(html.escape(text[last : match.start()]))
        out.append(f"<mark>{html.escape(match.group())}</mark>")
        last = match.end()
    out.append(html.escape(text[last:]))
    return "".join(out)


def snippet(text: str, terms: list[str], width: int = 120) -> str:
    """An escaped excerpt of about ``width`` characters around the first hit, hits marked."""
    text = _SPACE.sub(" ", text).strip()
    pattern = _pattern(terms)
    match = pattern.search(text) if pattern else None
    start = 0 if match is None else max(0, match.start() - width // 4)
    end = min(len(text), start + width)
    start = max(0, min(start, end - width))
    excerpt = highlight(text[start:end], terms)
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    return f"{prefix}{excerpt}{suffix}"

"""The topic vocabulary: topic names with the keywords that signal them."""

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class TopicEntry:
    name: str
    slug: str
    keywords: tuple[str, ...]


class Vocabulary:
    def __init__(self, entries: Iterable[TopicEntry]):
        self.entries = tuple(entries)

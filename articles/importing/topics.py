"""The topics an article really discusses, not those it mentions in passing."""

import math
import re
from functools import cache

from .vocabulary import TopicEntry, Vocabulary

_HEADLINE_WEIGHT = 3
# A topic the headline does not name needs this many mentions in the body, and
# one more for every further _CHARS_PER_MENTION characters of it.
_MIN_BODY_MENTIONS = 2
_CHARS_PER_MENTION = 300
# Keywords this close together are one mention: 越剧博物馆, 跨境电商海外仓.
_SAME_MENTION_GAP = 2
_MAX_TOPICS = 4


def article_topics(headline: str, body: str, vocabulary: Vocabulary) -> tuple[str, ...]:
    """Topic names, the most discussed first."""
    needed = max(_MIN_BODY_MENTIONS, math.ceil(len(body) / _CHARS_PER_MENTION))
    scored = []
    for entry in vocabulary.entries:
        in_headline = mention_count(entry, headline)
        in_body = mention_count(entry, body)
        if in_headline or in_body >= needed:
            scored.append((_HEADLINE_WEIGHT * in_headline + in_body, entry.name))
    scored.sort(key=lambda item: -item[0])
    return tuple(name for _, name in scored[:_MAX_TOPICS])


def mention_count(entry: TopicEntry, text: str) -> int:
    pattern = _pattern(entry.keywords)
    if pattern is None:
        return 0
    count, previous_end = 0, -_SAME_MENTION_GAP - 1
    for match in pattern.finditer(text):
        if match.start() - previous_end > _SAME_MENTION_GAP:
            count += 1
        previous_end = match.end()
    return count


@cache
def _pattern(keywords: tuple[str, ...]) -> re.Pattern[str] | None:
    if not keywords:
        return None
    return re.compile("|".join(map(re.escape, sorted(keywords, key=len, reverse=True))))

"""Which article on a page a teaser (导读) names, when its title is not quite the article's.

A front-page teaser often shortens the title it announces (召开民营企业座谈会
for 市政协召开民营企业座谈会) or drops its punctuation. The rule is
conservative and only ever chooses among the articles of the page the teaser
points to: the same title; else the same characters once spaces and
punctuation are dropped; else one title is the other with words left out (an
ordered subsequence of at least half its length); else nearly the same
character pairs. A tie between two articles is no match.
"""

import re
from collections.abc import Hashable, Iterable

_NOISE = re.compile(r"[\W_]+")  # spaces and punctuation, full-width included
MIN_SHORTENED = 4  # characters; fewer say too little to tell titles apart
MIN_PAIR_OVERLAP = 0.75  # Dice coefficient of character pairs


def likeness(a: str, b: str) -> float:
    """How surely two titles name the same article: 0 (not at all) to 2 (identical)."""
    if a == b:
        return 2.0
    a, b = _NOISE.sub("", a), _NOISE.sub("", b)
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    short, long = sorted((a, b), key=len)
    if len(short) >= MIN_SHORTENED and 2 * len(short) >= len(long) and _within(short, long):
        return 0.5 + len(short) / len(long) / 2
    overlap = _pair_overlap(a, b)
    return overlap / 2 if overlap >= MIN_PAIR_OVERLAP else 0.0


def best_match(title: str, candidates: Iterable[tuple[Hashable, Iterable[str]]]) -> Hashable | None:
    """The key of the one candidate whose titles are likest ``title``; None if none or a tie."""
    scores = {key: max(likeness(title, t) for t in titles) for key, titles in candidates}
    best = max(scores.values(), default=0.0)
    winners = [key for key, score in scores.items() if score == best]
    return winners[0] if best > 0 and len(winners) == 1 else None


def _within(short: str, long: str) -> bool:
    """short's characters appear in long in the same order."""
    rest = iter(long)
    return all(char in rest for char in short)


def _pair_overlap(a: str, b: str) -> float:
    pairs_a = [a[i : i + 2] for i in range(len(a) - 1)]
    pairs_b = [b[i : i + 2] for i in range(len(b) - 1)]
    if not pairs_a or not pairs_b:
        return 0.0
    remaining = list(pairs_b)
    common = 0
    for pair in pairs_a:
        if pair in remaining:
            remaining.remove(pair)
            common += 1
    return 2 * common / (len(pairs_a) + len(pairs_b))

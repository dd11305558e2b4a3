"""The word lists that drive the parser, read from articles/data/parser_words.csv.

Each row names a list and one word, so the lists grow without touching code:
  surname, compound_surname  what a personal name opens with;
  title                      words a name follows as its holder's title (委员, 主任);
  honour                     what may open a title without being one (劳模, 人才);
  follower                   what comes right after a name (建议, 表示, 说);
  position_qualifier         words between an organisation and a position (副, 专职);
  organisation_ending        how an employer's name ends (公司, 局, 医院 → 院);
  outlet_ending              how an outlet's name ends (报, 网, 客户端, 融媒体中心);
  body_word                  a body that acts, named in a brief's title (政协, 人大, 民盟).
"""

import csv
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data" / "parser_words.csv"


def words(name: str) -> tuple[str, ...]:
    """The words of one list, in file order."""
    return _lists()[name]


@cache
def _lists() -> dict[str, tuple[str, ...]]:
    lists: dict[str, list[str]] = {}
    with DATA.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            lists.setdefault(row["list"], []).append(row["word"])
    return {name: tuple(found) for name, found in lists.items()}

"""The real region and topic data, read from the CSV files the data migrations load."""

import csv
from pathlib import Path

import pytest

from articles.importing.gazetteer import Gazetteer, RegionEntry
from articles.importing.vocabulary import TopicEntry, Vocabulary

ROOT = Path(__file__).resolve().parents[2]


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _split(value: str) -> tuple[str, ...]:
    return tuple(v for v in value.split("|") if v)


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return Gazetteer(
        RegionEntry(
            code=row["code"],
            parent_code=row["parent_code"] or None,
            level=row["level"],
            name=row["name"],
            short_name=row["short_name"],
            aliases=_split(row["aliases"]),
            match_short=row["match_short"] == "1",
        )
        for row in _rows(ROOT / "newsletter/data/zhejiang_regions.csv")
    )


@pytest.fixture(scope="session")
def vocabulary() -> Vocabulary:
    return Vocabulary(
        TopicEntry(row["name"], row["slug"], _split(row["keywords"]))
        for row in _rows(ROOT / "articles/data/topics.csv")
    )

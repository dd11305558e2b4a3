"""The gazetteer and topic vocabulary read straight from the shipped CSV files.

The database holds the same rows (the data migrations load these files);
reading them here lets the pure pipeline run without Django: in tests and in
the fidelity benchmark.
"""

import csv
from pathlib import Path

from .gazetteer import Gazetteer, RegionEntry
from .vocabulary import TopicEntry, Vocabulary

_PACKAGES = Path(__file__).resolve().parents[2]
REGIONS_CSV = _PACKAGES / "newsletter/data/zhejiang_regions.csv"
TOPICS_CSV = _PACKAGES / "articles/data/topics.csv"


def read_gazetteer(path: Path = REGIONS_CSV) -> Gazetteer:
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
        for row in _rows(path)
    )


def read_vocabulary(path: Path = TOPICS_CSV) -> Vocabulary:
    return Vocabulary(
        TopicEntry(row["name"], row["slug"], _split(row["keywords"])) for row in _rows(path)
    )


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _split(value: str) -> tuple[str, ...]:
    return tuple(v for v in value.split("|") if v)

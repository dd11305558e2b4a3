"""newsletter/data/zhejiang_regions.csv: all of Zhejiang per GB/T 2260, as a consistent tree."""

import csv
import re
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[2] / "newsletter" / "data" / "zhejiang_regions.csv"
HEADER = "code,parent_code,level,name,short_name,slug,aliases,match_short"


def _rows() -> list[dict[str, str]]:
    with DATA.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


ROWS = _rows()
BY_CODE = {row["code"]: row for row in ROWS}
BY_NAME = {row["name"]: row for row in ROWS}


def test_header():
    assert DATA.read_text(encoding="utf-8").splitlines()[0] == HEADER


def test_codes_are_unique_six_digit_strings():
    codes = [row["code"] for row in ROWS]
    assert len(codes) == len(set(codes))
    assert all(re.fullmatch(r"33\d{4}", code) for code in codes)


def test_one_province_eleven_cities_ninety_counties():
    levels = [row["level"] for row in ROWS]
    assert (levels.count("province"), levels.count("city"), levels.count("county")) == (1, 11, 90)
    assert BY_CODE["330000"]["name"] == "浙江省"
    assert BY_CODE["330000"]["parent_code"] == ""


def test_every_parent_exists_one_level_up_with_a_matching_code():
    parent_level = {"city": "province", "county": "city"}
    for row in ROWS:
        if row["level"] == "province":
            continue
        parent = BY_CODE[row["parent_code"]]
        assert parent["level"] == parent_level[row["level"]], row["name"]
        # A city is 33xx00 under 330000; a county shares its city's first four digits.
        prefix = 2 if row["level"] == "city" else 4
        assert row["code"][:prefix] == parent["code"][:prefix], row["name"]


def test_names():
    assert len(BY_NAME) == len(ROWS)
    assert len({row["short_name"] for row in ROWS}) == len(ROWS)
    for row in ROWS:
        assert row["name"].startswith(row["short_name"]) and row["name"] != row["short_name"]
        aliases = [a for a in row["aliases"].split("|") if a]
        assert all(len(a) > 1 and a not in (row["name"], row["short_name"]) for a in aliases)
        assert row["match_short"] in ("0", "1")


def test_slugs_are_unique_lowercase_ascii():
    slugs = [row["slug"] for row in ROWS]
    assert len(slugs) == len(set(slugs))
    assert all(re.fullmatch(r"[a-z]+[0-9]*", slug) for slug in slugs)


@pytest.mark.parametrize(
    ("county", "city"),
    [
        ("安吉县", "湖州市"),
        ("吴兴区", "湖州市"),
        ("海曙区", "宁波市"),
        ("嵊州市", "绍兴市"),
        ("秀洲区", "嘉兴市"),
        ("龙港市", "温州市"),
        ("景宁畲族自治县", "丽水市"),
    ],
)
def test_spot_checks(county, city):
    assert BY_CODE[BY_NAME[county]["parent_code"]]["name"] == city


def test_hangzhou_after_the_2021_reorganisation():
    hangzhou = {row["code"]: row["name"] for row in ROWS if row["parent_code"] == "330100"}
    assert hangzhou["330102"] == "上城区"
    assert hangzhou["330105"] == "拱墅区"
    assert hangzhou["330113"] == "临平区"
    assert hangzhou["330114"] == "钱塘区"
    assert "下城区" not in BY_NAME and "江干区" not in BY_NAME
    assert len(hangzhou) == 13

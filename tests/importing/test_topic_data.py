"""articles/data/topics.csv: the starting topic vocabulary."""

import csv
import re
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "articles" / "data" / "topics.csv"

with DATA.open(encoding="utf-8", newline="") as f:
    ROWS = list(csv.DictReader(f))


def test_header():
    assert DATA.read_text(encoding="utf-8").splitlines()[0] == "name,slug,keywords"


def test_names_and_slugs_are_unique():
    names = [row["name"] for row in ROWS]
    slugs = [row["slug"] for row in ROWS]
    assert len(names) == len(set(names))
    assert len(slugs) == len(set(slugs))
    assert all(re.fullmatch(r"[a-z]+(-[a-z]+)*", slug) for slug in slugs)


def test_keywords_are_specific():
    for row in ROWS:
        keywords = row["keywords"].split("|")
        assert keywords and all(keywords), row["name"]
        assert len(keywords) == len(set(keywords)), row["name"]
        # A single character matches far too much in running text.
        assert all(len(k) > 1 and k == k.strip() for k in keywords), row["name"]


def test_the_papers_core_topics_are_there():
    names = {row["name"] for row in ROWS}
    assert {
        "外贸", "科技创新", "人工智能", "新就业形态", "青年", "乡村振兴", "文旅", "非遗", "民生",
        "共同富裕", "数字经济", "营商环境", "生态环保", "教育", "医疗卫生", "养老", "法治",
        "基层治理", "民主监督", "协商议政", "统一战线", "民营经济", "产业升级", "城乡建设", "交通",
        "文化", "人才", "就业", "民主党派", "港澳台侨",
    } <= names  # fmt: skip

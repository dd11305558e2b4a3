import hashlib
from pathlib import Path

from articles.importing import pipeline
from articles.importing.pipeline import parse_page, parse_text

PAGE = Path(__file__).resolve().parents[1] / "pages/wenzhou_p2.txt"


def test_parse_page_reads_the_bytes_and_keeps_their_digest():
    raw = PAGE.read_bytes()
    page = parse_page(raw)
    masthead, articles, repairs = parse_text(raw.decode("utf-8"))
    assert (page.masthead, page.articles, page.repairs) == (masthead, articles, repairs)
    assert page.encoding == "utf-8"
    assert page.sha256 == hashlib.sha256(raw).hexdigest()


def test_parse_page_decodes_legacy_encodings():
    raw = PAGE.read_text(encoding="utf-8").encode("gb18030")
    page = parse_page(raw, encoding="gb18030")
    assert page.encoding == "gb18030"
    assert page.articles[0].title == "温州政协“请你来协商”为“两个健康”献策"


def test_articles_are_enriched_only_with_a_gazetteer(monkeypatch):
    seen = []

    def enrich(article, *, gazetteer, vocabulary):
        seen.append((article.title, gazetteer, vocabulary))
        return article

    monkeypatch.setattr(pipeline, "enrich_article", enrich)
    raw = PAGE.read_bytes()
    parse_page(raw)
    assert seen == []
    page = parse_page(raw, gazetteer="G", vocabulary="V")
    assert seen == [(a.title, "G", "V") for a in page.articles]


def test_keep_punctuation_reaches_the_text_parser():
    page = parse_page("标题:一\n\n联谊报 近日,市政协调研。\n".encode(), keep_punctuation=True)
    assert page.articles[0].paragraphs == ("近日,市政协调研。",)
    assert page.repairs == ()


def test_the_page_lists_its_close_calls_in_line_order(gazetteer):
    page = parse_page(PAGE.read_bytes(), gazetteer=gazetteer)
    calls = [(c.line, c.kind, c.text, c.chosen, c.alternative) for c in page.close_calls]
    assert calls[0] == (
        6,  # where the article starts: its kicker
        "primary-region",
        "温州政协“请你来协商”为“两个健康”献策",
        "主要地区温州市",
        "鹿城区",
    )
    assert (
        58,
        "overlap",
        "…发展建设共同富裕|富裕示范区中展现…",
        "删去重复的字",
        "保留原文",
    ) in calls
    assert [c.line for c in page.close_calls] == sorted(c.line for c in page.close_calls)
    # The article names two cities: whose 市政协 a 市政协委员 sits on is a guess.
    guessed = [
        (c.text, c.chosen, c.alternative) for c in page.close_calls if c.kind == "person-region"
    ]
    assert guessed == [
        ("市政协委员、温州大学商学院教授叶盈盈", "地区温州市", "乐清市"),
        ("市政协常委、温州一家电气集团副总裁周建新", "地区温州市", "乐清市"),
        ("市政协主席林海涛", "地区温州市", "乐清市"),
    ]


def test_without_a_gazetteer_only_the_structure_s_close_calls(gazetteer):
    page = parse_page(PAGE.read_bytes())
    assert {c.kind for c in page.close_calls} == {"overlap"}

"""Many pages are parsed in worker processes, with the same results as one by one."""

from pathlib import Path

from articles.importing.parallel import PARALLEL_FROM, parse_pages
from articles.importing.parsed import ParseError
from articles.importing.pipeline import parse_page

PAGES = sorted((Path(__file__).resolve().parent.parent / "pages").glob("*.txt"))


def test_a_worker_parses_in_order_and_reports_errors_in_place(gazetteer, vocabulary):
    raws = [PAGES[i % len(PAGES)].read_bytes() for i in range(PARALLEL_FROM + 1)]
    raws[7] = b""  # an empty file
    results = list(parse_pages(raws, gazetteer=gazetteer, vocabulary=vocabulary))
    assert isinstance(results[7], ParseError) and results[7].message == "文件为空"
    for raw, result in zip(raws, results, strict=True):
        if raw:
            assert result == parse_page(raw, gazetteer=gazetteer, vocabulary=vocabulary)


def test_few_pages_are_parsed_here(gazetteer, vocabulary):
    results = list(parse_pages([PAGES[0].read_bytes()], gazetteer=gazetteer, vocabulary=vocabulary))
    assert results[0].articles

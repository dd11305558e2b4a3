"""Page numbers from file names (no database)."""

import pytest

from articles.importing.filenames import page_from_name, section_from_name


@pytest.mark.parametrize(
    ("name", "page"),
    [
        ("p2.txt", 2),
        ("P03.txt", 3),
        ("jinhua_p3.txt", 3),
        ("2025-04-22-page4.txt", 4),
        ("p2_要闻.txt", 2),
        ("02.txt", 2),
        ("7.txt", 7),
        ("第2版.txt", 2),
        ("2版.txt", 2),
        ("第12版 要闻.txt", 12),
        ("20250422_第3版.txt", 3),
    ],
)
def test_names_that_give_a_page(name, page):
    assert page_from_name(name) == page


@pytest.mark.parametrize(
    "name",
    [
        "000_05b83c2a48b8b92d.txt",  # a hash: the seed's own name
        "2025-04-22.txt",  # a date
        "20250422.txt",
        "00.txt",  # no page 0
        "0版.txt",
        "112版.txt",  # no paper has 112 pages; never read as 12
        "map2.txt",  # p inside a word
        "page.txt",
        "要闻.txt",
    ],
)
def test_names_that_give_none(name):
    assert page_from_name(name) is None


@pytest.mark.parametrize(
    ("name", "section"),
    [
        ("P03-要闻.txt", "要闻"),
        ("第2版_综合新闻.txt", "综合新闻"),
        ("第12版 要闻.txt", "要闻"),
        ("要闻_p1.txt", "要闻"),
        ("20250422_第2版.txt", ""),  # a date beside the number is no section
        ("jinhua_p3.txt", ""),  # nor a place in pinyin
        ("要闻.txt", ""),  # a section without a page number is not trusted
    ],
)
def test_the_section_named_beside_the_page_number(name, section):
    assert section_from_name(name) == section

"""articles/data/parser_words.csv: the word lists that drive the parser."""

import csv

import pytest

from articles.importing.wordlists import DATA, words

LISTS = (
    "surname",
    "compound_surname",
    "title",
    "honour",
    "follower",
    "position_qualifier",
    "organisation_ending",
    "outlet_ending",
    "body_word",
)


def rows() -> list[dict[str, str]]:
    with DATA.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_every_row_belongs_to_a_known_list_and_none_repeats():
    found = [(row["list"], row["word"]) for row in rows()]
    assert {name for name, _ in found} == set(LISTS)
    assert len(found) == len(set(found))


@pytest.mark.parametrize("name", LISTS)
def test_words_are_han_without_spaces(name):
    assert words(name)
    for word in words(name):
        assert word == word.strip() and all("\u4e00" <= c <= "\u9fff" for c in word), word


def test_surnames_are_one_character_and_compound_ones_two():
    assert {len(w) for w in words("surname")} == {1}
    assert {len(w) for w in words("compound_surname")} == {2}

"""The importer's fidelity on the answer-keyed corpus never falls below the level reached.

The scores and the corpus are those of benchmarks/fidelity.py; the levels are
in tests/pages/fidelity/ratchet.toml (raise them with --write-ratchet).
"""

import importlib.util
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _load_scorer():
    spec = importlib.util.spec_from_file_location("fidelity", ROOT / "benchmarks/fidelity.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


fidelity = _load_scorer()


@pytest.fixture(scope="module")
def scores():
    return fidelity.score_corpus()


def test_no_score_falls_below_the_ratchet(scores):
    totals, pages = scores
    assert fidelity.below_ratchet(totals, pages, fidelity.read_ratchet()) == []


def test_the_ratchet_covers_every_field_and_every_keyed_page(scores):
    _, pages = scores
    ratchet = fidelity.read_ratchet()
    assert set(ratchet["fields"]) == set(fidelity.FIELDS)
    assert set(ratchet["pages"]) == {page.name for page in pages}


def test_the_corpus_has_at_least_fifteen_new_pages_besides_the_four_test_pages():
    keys = fidelity.key_paths()
    own = [k for k in keys if (k.parent / (fidelity.page_name(k) + ".txt")).is_file()]
    assert len(own) >= 15
    assert len(keys) - len(own) == 4


def test_an_answer_the_parser_misses_lowers_its_field_and_no_other():
    path = fidelity.CORPUS / "lishui_p1.key.toml"
    key = tomllib.loads(path.read_text(encoding="utf-8"))
    page = fidelity.parse_page(
        (fidelity.CORPUS / "lishui_p1.txt").read_bytes(), gazetteer=fidelity.gazetteer()
    )
    right = fidelity._Scorer("lishui_p1", key, page).score()
    key["articles"][1]["title"] += "（续）"
    wrong = fidelity._Scorer("lishui_p1", key, page).score()
    assert wrong.tallies["title"].found == right.tallies["title"].found - 1
    assert wrong.tallies["people"].found == right.tallies["people"].found
    assert any("（续）" in m for m in wrong.mismatches)

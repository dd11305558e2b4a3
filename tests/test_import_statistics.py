"""After a large import, PostgreSQL's planner statistics of the tables it grew are fresh."""

import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection

pytestmark = [
    pytest.mark.django_db(transaction=True),  # ANALYZE runs after a real commit
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's statistics"),
]

ROOT = Path(__file__).resolve().parent.parent
TABLES = (
    "articles_article",
    "articles_articleregion",
    "articles_taggedarticle",
    "people_credit",
    "people_person",
    "newsletter_issue",
    "newsletter_page",
)
SHIPPED = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests/pages").glob("*.txt"))


def last_analyze() -> dict:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_stat_clear_snapshot()")
        cursor.execute("SELECT relname, last_analyze FROM pg_stat_user_tables")
        return dict(cursor.fetchall())


def folder(path: Path, pages: int, first_day: int = 1) -> Path:
    """A folder of pages, each page 1 of its own issue."""
    path.mkdir()
    manifest = []
    for n in range(pages):
        shutil.copy(SHIPPED[n % len(SHIPPED)], path / f"f{n:02}.txt")
        manifest.append(f'[pages."f{n:02}.txt"]\npage = 1\ndate = 2024-03-{first_day + n:02}\n')
    (path / "manifest.toml").write_text("\n".join(manifest), encoding="utf-8")
    return path


def run(path, *options):
    call_command("import_pages", str(path), *options, stdout=StringIO())


def test_a_large_import_analyses_the_tables_it_grew_and_a_small_one_does_not(tmp_path):
    with connection.cursor() as cursor:  # statistics of the empty tables, whatever ran before
        cursor.execute("ANALYZE " + ", ".join(TABLES))
    before = last_analyze()
    run(folder(tmp_path / "dry", 12), "--dry-run")
    assert last_analyze() == before  # a dry run writes nothing, so analyses nothing

    run(folder(tmp_path / "big", 12))  # some 70 articles and 300 credits into empty tables
    after = last_analyze()
    # (Not regions or topics: other tests that commit flush the gazetteer and the vocabulary.)
    grown = {"articles_article", "people_credit", "people_person"}
    for table in grown:
        assert after[table] is not None and after[table] != before[table], table
    # Twelve issues are fewer rows than would change a plan.
    assert after["newsletter_issue"] == before["newsletter_issue"]

    run(folder(tmp_path / "small", 1, first_day=20))  # one page: fewer rows than MIN_ROWS
    assert last_analyze() == after

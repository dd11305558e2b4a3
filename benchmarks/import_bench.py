"""Import throughput on a synthetic corpus of printed pages (run by hand).

    .venv/bin/python benchmarks/import_bench.py [--pages 1000] [--archive 3000]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/tongxinyuan \
        .venv/bin/python benchmarks/import_bench.py
    DATABASE_URL=postgres://…/big_archive .venv/bin/python benchmarks/import_bench.py --existing

The corpus is made in memory from the shipped pages (seeds/ and tests/pages/):
each copy gets its own issue date and page number, so every page creates
new articles while people recur, as they do in a paper.
Parsing is timed alone, in this process; then the import service end to end
(every page parsed first, a worker process helping, then loaded in one
transaction) into a throw-away test database, with how long that transaction
was open. With --archive N, N more pages are then imported
(older issues) and the same number of pages is timed again into that
archive: an import must not slow down as the archive grows. With
--existing, nothing is created: the pages are imported as a dry run (rolled
back) into the database DATABASE_URL names, e.g. a corpus of 100,000 articles.
Results go in benchmarks/README.md.
"""

import argparse
import datetime
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

from articles.importing.pipeline import parse_page  # noqa: E402

RAWS = [
    p.read_bytes()
    for p in sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests/pages").glob("*.txt"))
]


def corpus(
    count: int, first: datetime.date, step: int = 1
) -> list[tuple[bytes, datetime.date, int]]:
    """Four pages an issue, one issue a day from ``first`` (backwards with step -1)."""
    return [
        (RAWS[i % len(RAWS)], first + datetime.timedelta(days=step * (i // 4)), i % 4 + 1)
        for i in range(count)
    ]


def timed_import(pages, *, name: str, dry_run: bool = False) -> float:
    """Seconds to import these pages as import_pages does; prints how long the
    transaction was open (services._load_pages is all of it)."""
    from articles import services

    sources = [
        services.PageSource(name=f"{name}{i}.txt", raw=raw, date=date, page=number)
        for i, (raw, date, number) in enumerate(pages)
    ]
    load, in_transaction = services._load_pages, []

    def timed_load(*args):
        started = time.perf_counter()
        try:
            return load(*args)
        finally:
            in_transaction.append(time.perf_counter() - started)

    services._load_pages = timed_load
    started = time.perf_counter()
    try:
        services.pages_import(sources=sources, publish=True, dry_run=dry_run, max_articles=10**6)
    finally:
        services._load_pages = load
    print(f"  transaction open {sum(in_transaction):.2f} s ({len(in_transaction)} attempt)")
    return time.perf_counter() - started


def archive_size() -> str:
    from articles.models import Article
    from people.models import Person

    return f"{Article.objects.count():,} articles, {Person.objects.count():,} people"


def report(label: str, pages: int, seconds: float) -> None:
    print(f"{label:<34} {pages / seconds:8.1f} pages/s ({seconds:.2f} s)")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--archive", type=int, default=0, help="pages of an archive to time into")
    parser.add_argument("--existing", action="store_true", help="dry run into DATABASE_URL as is")
    args = parser.parse_args()
    pages = corpus(args.pages, datetime.date(2030, 1, 1))

    from articles.page_import import build_gazetteer, build_vocabulary

    if args.existing:
        print(f"into the existing database ({archive_size()}), as a dry run")
        report("parse + load", len(pages), timed_import(pages, name="bench", dry_run=True))
        return

    setup_test_environment()
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        gazetteer, vocabulary = build_gazetteer(), build_vocabulary()
        parse_page(pages[0][0], gazetteer=gazetteer, vocabulary=vocabulary)  # warm jieba
        started, cpu_started = time.perf_counter(), time.process_time()
        parsed = [
            parse_page(raw, gazetteer=gazetteer, vocabulary=vocabulary) for raw, _, _ in pages
        ]
        parse_seconds = time.perf_counter() - started
        # CPU time is what other load on a shared machine leaves unchanged.
        parse_cpu_seconds = time.process_time() - cpu_started
        articles = sum(len(p.articles) for p in parsed)
        print(f"{len(pages)} pages, {articles} articles, database {connection.vendor}")
        report("parse only", len(pages), parse_seconds)
        print(f"parse only: {len(pages) / parse_cpu_seconds:8.1f} pages per CPU-second")
        report("parse + load, empty database", len(pages), timed_import(pages, name="new"))
        if args.archive:
            older = corpus(args.archive, datetime.date(2029, 12, 31), step=-1)
            seconds = timed_import(older, name="old")
            report(f"  (building the archive: {args.archive} pages)", len(older), seconds)
            later = corpus(args.pages, datetime.date(2040, 1, 1))
            seconds = timed_import(later, name="later")
            report(f"parse + load into {archive_size()}", len(later), seconds)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()

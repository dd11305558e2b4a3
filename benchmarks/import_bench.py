"""Import throughput on a synthetic corpus of printed pages (run by hand).

    .venv/bin/python benchmarks/import_bench.py [--pages 1000]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/tongxinyuan \
        .venv/bin/python benchmarks/import_bench.py

The corpus is made in memory from the shipped pages (seeds/ and tests/pages/):
each copy gets its own issue date and page number, so every page creates
new articles while people recur, as they do in a paper.
Parsing is timed alone, in this process; then the import service end to end
(a worker process parses while this one loads, in one transaction) into a
throw-away test database.
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


def corpus(count: int) -> list[tuple[bytes, datetime.date, int]]:
    sources = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests/pages").glob("*.txt"))
    raws = [p.read_bytes() for p in sources]
    # Four pages an issue, one issue a day: every copy lands on a new page.
    return [
        (
            raws[i % len(raws)],
            datetime.date(2020, 1, 1) + datetime.timedelta(days=i // 4),
            i % 4 + 1,
        )
        for i in range(count)
    ]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=1000)
    args = parser.parse_args()
    pages = corpus(args.pages)

    setup_test_environment()
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        from articles.page_import import build_gazetteer, build_vocabulary
        from articles.services import PageSource, pages_import

        gazetteer, vocabulary = build_gazetteer(), build_vocabulary()
        parse_page(pages[0][0], gazetteer=gazetteer, vocabulary=vocabulary)  # warm jieba

        started, cpu_started = time.perf_counter(), time.process_time()
        parsed = [
            parse_page(raw, gazetteer=gazetteer, vocabulary=vocabulary) for raw, _, _ in pages
        ]
        parse_seconds = time.perf_counter() - started
        # CPU time is what other load on a shared machine leaves unchanged.
        parse_cpu_seconds = time.process_time() - cpu_started

        # End to end as the command runs it: a worker parses while this process loads.
        sources = [
            PageSource(name=f"p{i}.txt", raw=raw, date=date, page=number)
            for i, (raw, date, number) in enumerate(pages)
        ]
        started = time.perf_counter()
        pages_import(sources=sources, publish=True)
        total_seconds = time.perf_counter() - started
        articles = sum(len(p.articles) for p in parsed)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)

    vendor = connection.vendor
    print(f"{len(pages)} pages, {articles} articles, database {vendor}")
    print(f"parse only:   {len(pages) / parse_seconds:8.1f} pages/s ({parse_seconds:.2f} s)")
    print(
        f"parse only:   {len(pages) / parse_cpu_seconds:8.1f} pages per CPU-second"
        f" ({parse_cpu_seconds:.2f} s)"
    )
    print(f"parse + load: {len(pages) / total_seconds:8.1f} pages/s ({total_seconds:.2f} s)")


if __name__ == "__main__":
    main()

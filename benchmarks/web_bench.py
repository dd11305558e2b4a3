"""Throughput and latency of the public site next to bare Django (run by hand).

    .venv/bin/python benchmarks/web_bench.py                     # builds 100,000 articles first
    .venv/bin/python benchmarks/web_bench.py --reuse \\
        --database-url postgres://postgres@127.0.0.1:5432/tongxinyuan
    .venv/bin/python benchmarks/web_bench.py --reuse --only list-deep,search-common --duration 3

Needs wrk (Debian: apt-get install wrk) and, for the cached pass, Redis.
Without --reuse it builds the corpus into the database first (migrate,
generate_corpus --articles N --seed 1, ANALYZE). Each pass (uncached:
PAGE_CACHE_SECONDS=0; cached: PAGE_CACHE_SECONDS>0 on Redis) starts gunicorn
with production settings (DEBUG off) on 127.0.0.1, checks that every URL
answers 200, then loads each with wrk for --duration seconds at concurrency 1
and 16, the baseline first: a bare Django view reading 20 rows into a small
template, served by the same gunicorn (benchmarks/settings.py adds it beside
the production URLconf). Prints markdown tables for benchmarks/README.md;
exits non-zero if any URL answered anything but 200.
"""

import argparse
import datetime
import html
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

import redis

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
# Django is set up in main(), once the options have set the environment; the
# functions below import models where they need them.

# (connections, wrk threads) of each load.
CONCURRENCY = ((1, 1), (16, 2))
DEEP_PAGE = 2000

# wrk's own histogram gives exact percentiles; print them on one parseable line.
WRK_DONE = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("WRK_RESULT %.0f %.0f %.0f %.0f %.0f %.0f %.0f %.0f %.0f %.0f\\n",
    summary.duration, summary.requests, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99)))
end
"""


@dataclass(frozen=True)
class Load:
    requests: int
    rps: float
    p50: float  # milliseconds
    p95: float
    p99: float
    status_errors: int  # responses >= 400
    other_errors: int  # timeouts, connect/read/write errors


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--database-url",
        default="postgres://postgres@127.0.0.1:5432/tongxinyuan_web_bench",
        help="PostgreSQL database to build into (or reuse)",
    )
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--reuse", action="store_true", help="measure the database as it is")
    parser.add_argument("--duration", type=int, default=6, help="seconds of load per URL and c")
    parser.add_argument("--timeout", type=int, default=5, help="wrk's per-request timeout (s)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers")
    parser.add_argument("--port", type=int, default=8250)
    parser.add_argument("--only", default="", help="comma-separated URL names (see --list)")
    parser.add_argument("--list", action="store_true", help="print the URLs picked and stop")
    parser.add_argument("--cache-seconds", type=int, default=300, help="cached pass's TTL")
    parser.add_argument(
        "--redis-url", default="redis://127.0.0.1:6379/7", help="flushed before the cached pass"
    )
    parser.add_argument("--skip-cached", action="store_true")
    return parser.parse_args()


def server_env(args, *, static_root: str) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "benchmarks.settings",
        "DATABASE_URL": args.database_url,
        "DEBUG": "0",
        "SECRET_KEY": "web-bench-only-secret-key-0123456789abcdefghijklmnopqrstuvwxyz",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "BENCH_STATIC_ROOT": static_root,
        # Both passes share Redis and the query cache (counts and menus computed
        # from the whole archive); only the page cache tells them apart.
        "PAGE_CACHE_SECONDS": "0",
        "QUERY_CACHE_SECONDS": "300",
        "REDIS_URL": args.redis_url,
        # One client sends every request: the API's per-client rate limit would
        # answer most of them 429.
        "API_THROTTLE_RATE": "",
    }


def manage(env, *command: str) -> None:
    # Its output goes to stderr: stdout is the report.
    result = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *command], env=env, stdout=sys.stderr
    )
    if result.returncode:
        sys.exit(f"manage.py {' '.join(command)} failed (exit {result.returncode}).")


def ensure_database(url: str) -> None:
    import psycopg

    try:
        psycopg.connect(url).close()
    except psycopg.OperationalError:
        name = urlsplit(url).path.lstrip("/")
        with psycopg.connect(urlsplit(url)._replace(path="/postgres").geturl()) as admin:
            admin.autocommit = True
            admin.execute(f'CREATE DATABASE "{name}"')


def build_corpus(args, env) -> None:
    """migrate, generate_corpus and ANALYZE; refuses a database that holds articles."""
    from articles.models import Article

    ensure_database(args.database_url)
    manage(env, "migrate", "--no-input", "-v", "0")
    if existing := Article.objects.count():
        sys.exit(
            f"{existing} articles already in the database: pass --reuse to measure them, "
            "or give --database-url an empty database."
        )
    started = time.perf_counter()
    manage(env, "generate_corpus", "--articles", str(args.articles), "--seed", "1")
    print(f"corpus built in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    analyze()


def analyze() -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def database_paths() -> dict[str, str]:
    """URLs of the pages to measure, picked from the data: the busiest of each kind."""
    from django.db.models import Count

    from articles.models import Article
    from newsletter.models import Issue, Region
    from people.models import Credit

    public = Article.objects.published().exclude(kind=Article.Kind.TEASER)
    issue = Issue.objects.published().order_by("-date").first()
    if issue is None:
        sys.exit("No published issue in the database: nothing to measure.")
    page = issue.pages.order_by("number").first()
    middle = public.newest_first()[public.count() // 2]
    people = (
        Credit.objects.filter(article__in=public)
        .values("person__slug", "person__name")
        .annotate(n=Count("id"))
    )
    busy_person = people.order_by("-n", "person__slug").first()
    rare = people.order_by("n", "person__slug").first()  # the least-mentioned name
    region = (
        Region.objects.filter(slug="hangzhou").first()
        or Region.objects.annotate(n=Count("article_regions")).order_by("-n").first()
    )
    busy_topic = busiest_topic(public)
    # The city's own busiest topic, so the filtered list has rows to show.
    local_topic = busiest_topic(public.in_region(region)) or busy_topic
    return {
        "home": "/",
        "archive": "/issues/",
        "issue": issue.get_absolute_url(),
        "page": page.get_absolute_url(),
        "list": "/articles/",
        "city-topic": f"/articles/?region={region.slug}&topic={quote(local_topic['tag__slug'])}",
        "article": middle.get_absolute_url(),
        "person": f"/people/{busy_person['person__slug']}/",
        "region": region.get_absolute_url(),
        "topic": f"/topics/{quote(busy_topic['tag__slug'])}/",
        "search-common": f"/search/?q={quote('政协')}",
        "search-rare": f"/search/?q={quote(rare['person__name'])}",
        "feed": "/feeds/latest/rss/",
        "sitemap": "/sitemap.xml",
        # The JSON API (/api/): the same queries as the pages above, as JSON.
        "api-page": f"/api/issues/{issue.date}/pages/{page.number}",
        "api-list": "/api/articles",
        "api-city-topic": (
            f"/api/articles?region={region.slug}&topic={quote(local_topic['tag__slug'])}"
        ),
        "api-search": f"/api/articles?q={quote('政协')}",
        "api-article": f"/api/articles/{middle.pk}",
        "api-person": f"/api/people/{busy_person['person__slug']}",
        "api-issues": "/api/issues",
    }


def busiest_topic(articles) -> dict | None:
    from django.db.models import Count

    from articles.models import TaggedArticle

    return (
        TaggedArticle.objects.filter(content_object__in=articles)
        .values("tag__slug")
        .annotate(n=Count("id"))
        .order_by("-n", "tag__slug")
        .first()
    )


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


_opener = urllib.request.build_opener(_NoRedirect)


def fetch(base: str, path: str) -> tuple[int, str]:
    try:
        with _opener.open(base + path, timeout=120) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, ""


def deep_list_path(depth: int = DEEP_PAGE) -> tuple[str, int]:
    """The list's page ``depth`` (its last page if it has fewer), as its 更早 links reach it.

    The list pages by cursor (newsletter.paging): page N starts after the last
    article of page N-1, so its URL comes straight from that article.
    """
    from articles.models import Article
    from newsletter.paging import Cursor, KeysetPaginationMixin

    size = KeysetPaginationMixin.paginate_by
    public = Article.objects.published().exclude(kind=Article.Kind.TEASER).newest_first()
    pages = max(1, -(-public.count() // size))
    depth = min(depth, pages)
    if depth == 1:
        return "/articles/", 1
    last_of_previous = public[(depth - 1) * size - 1]
    return f"/articles/?after={Cursor.of(last_of_previous)}", depth


def sitemap_section_path(base: str) -> str | None:
    """The articles' sitemap (the biggest) if /sitemap.xml is an index, else None."""
    _, xml = fetch(base, "/sitemap.xml")
    if "<sitemapindex" not in xml:
        return None
    locations = [html.unescape(loc) for loc in re.findall(r"<loc>([^<]+)</loc>", xml)]
    chosen = next((loc for loc in locations if "article" in loc), locations[0])
    parts = urlsplit(chosen)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def only(paths: dict[str, str], names: str) -> dict[str, str]:
    """The URLs named (comma-separated) and the baseline; all of them when none is named."""
    if not names:
        return paths
    wanted = {"baseline", *names.split(",")}
    if unknown := wanted - paths.keys():
        sys.exit(f"Unknown URL names {sorted(unknown)}; known: {', '.join(paths)}")
    return {name: path for name, path in paths.items() if name in wanted}


def check_all_200(base: str, paths: dict[str, str]) -> None:
    """Two requests each (warming both workers); stop before any load if one is not 200."""
    failures = []
    for name, path in paths.items():
        for _ in range(2):
            status, _ = fetch(base, path)
            if status != 200:
                failures.append(f"  {name}: {path} answered {status}")
                break
    if failures:
        sys.exit("Not every URL answers 200:\n" + "\n".join(failures))


def run_wrk(url: str, *, connections: int, threads: int, duration: int, timeout: int) -> Load:
    with tempfile.NamedTemporaryFile("w", suffix=".lua") as script:
        script.write(WRK_DONE)
        script.flush()
        result = subprocess.run(
            [
                *("wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s"),
                *(f"--timeout={timeout}s", "-s", script.name, url),
            ],
            capture_output=True,
            text=True,
            check=True,
        )
    line = next(x for x in result.stdout.splitlines() if x.startswith("WRK_RESULT "))
    us, requests, connect, read, write, status, timeouts, p50, p95, p99 = map(
        float, line.split()[1:]
    )
    return Load(
        requests=int(requests),
        rps=requests / (us / 1e6),
        p50=p50 / 1000,
        p95=p95 / 1000,
        p99=p99 / 1000,
        status_errors=int(status),
        other_errors=int(connect + read + write + timeouts),
    )


@contextmanager
def gunicorn(env: dict[str, str], *, port: int, workers: int):
    base = f"http://127.0.0.1:{port}"
    with tempfile.NamedTemporaryFile("w+", suffix=".log") as log:
        server = subprocess.Popen(
            [
                *(sys.executable, "-m", "gunicorn", "newsletter.wsgi", "--chdir", str(ROOT)),
                *("--bind", f"127.0.0.1:{port}", "--workers", str(workers)),
                *("--worker-class", "sync", "--timeout", "120", "--error-logfile", log.name),
            ],
            env=env,
        )
        try:
            deadline = time.monotonic() + 60
            while fetch_status(base) != 200:
                if server.poll() is not None or time.monotonic() > deadline:
                    log.seek(0)
                    sys.exit(f"gunicorn did not start:\n{log.read()[-3000:]}")
                time.sleep(0.3)
            yield base
        finally:
            server.terminate()
            try:
                server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()


def fetch_status(base: str) -> int:
    try:
        return fetch(base, "/bench/baseline/")[0]
    except OSError:
        return 0


def measure(base: str, paths: dict[str, str], args) -> dict[tuple[str, int], Load]:
    results = {}
    for name, path in paths.items():
        for connections, threads in CONCURRENCY:
            load = run_wrk(
                base + path,
                connections=connections,
                threads=threads,
                duration=args.duration,
                timeout=args.timeout,
            )
            results[name, connections] = load
            print(
                f"  {name:<15} c{connections:<3} {load.rps:8.1f} req/s  p95 {load.p95:8.1f} ms",
                file=sys.stderr,
            )
    return results


def table(paths, results, *, uncached=None) -> str:
    head = ["page", "URL"]
    for c, _ in CONCURRENCY:
        head += [f"c{c} req/s", f"c{c} p50 / p95 / p99 ms", f"c{c} % of baseline"]
    if uncached:
        head.append("c16 × uncached")
    head.append("errors")
    rows = ["| " + " | ".join(head) + " |", "|" + " --- |" * len(head)]
    for name, path in paths.items():
        row = [name, f"`{unquote(path)}`"]
        for c, _ in CONCURRENCY:
            load, base = results[name, c], results["baseline", c]
            row += [
                f"{load.rps:.0f}",
                # wrk's percentiles of no answer read 0: say there was none.
                f"{load.p50:.1f} / {load.p95:.1f} / {load.p99:.1f}"
                if load.requests
                else "no answer in time",
                f"{100 * load.rps / base.rps:.0f} %" if base.rps else "–",
            ]
        if uncached:
            before = uncached[name, 16].rps
            row.append(f"{results[name, 16].rps / before:.1f}" if before else "–")
        errors = [results[name, c] for c, _ in CONCURRENCY]
        status = sum(x.status_errors for x in errors)
        other = sum(x.other_errors for x in errors)
        row.append(
            "; ".join(
                part
                for part in (
                    f"**{status} non-2xx/3xx**" if status else "",
                    f"{other} timeouts/socket" if other else "",
                )
                if part
            )
            or "0"
        )
        rows.append("| " + " | ".join(row) + " |")
    return "\n".join(rows)


def corpus_line() -> str:
    from django.db import connection

    from articles.models import Article
    from newsletter.models import Issue
    from people.models import Person

    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        version = cursor.fetchone()[0].split()[0]
    return (
        f"{Article.objects.count():,} articles, {Issue.objects.count():,} issues, "
        f"{Person.objects.count():,} people; PostgreSQL {version}"
    )


def main():
    args = parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed. On Debian: apt-get install wrk")
    static_root = tempfile.mkdtemp(prefix="web_bench_static_")
    env = server_env(args, static_root=static_root)
    os.environ.update(env)
    import django

    django.setup()
    try:
        if not args.reuse:
            build_corpus(args, env)
        manage(env, "collectstatic", "--no-input", "-v", "0")
        paths = {"baseline": "/bench/baseline/", **database_paths()}
        redis.Redis.from_url(args.redis_url).flushdb()
        with gunicorn(env, port=args.port, workers=args.workers) as base:
            deep, number = deep_list_path()
            # The API's next link to the same page: the same cursor.
            paths = {
                **paths,
                "list-deep": deep,
                "api-deep": deep.replace("/articles/", "/api/articles"),
            }
            if section := sitemap_section_path(base):
                paths["sitemap-section"] = section
            paths = only(paths, args.only)
            if args.list:
                for name, path in paths.items():
                    print(f"{name:<16} {path}")
                return
            check_all_200(base, paths)
            print("uncached pass", file=sys.stderr)
            uncached = measure(base, paths, args)
        cached = None
        if not args.skip_cached:
            redis.Redis.from_url(args.redis_url).flushdb()
            cached_env = {
                **env,
                "PAGE_CACHE_SECONDS": str(args.cache_seconds),
                "REDIS_URL": args.redis_url,
            }
            with gunicorn(cached_env, port=args.port, workers=args.workers) as base:
                check_all_200(base, paths)
                print("cached pass", file=sys.stderr)
                cached = measure(base, paths, args)
    finally:
        shutil.rmtree(static_root, ignore_errors=True)

    print(
        f"{datetime.date.today():%Y-%m-%d}: {corpus_line()}; gunicorn {args.workers} sync "
        f"workers; wrk {args.duration} s per URL and concurrency; list-deep is page {number}.\n"
    )
    print("Uncached (PAGE_CACHE_SECONDS=0; counts and menus from the query cache):\n")
    print(table(paths, uncached))
    if cached:
        print(f"\nCached (PAGE_CACHE_SECONDS={args.cache_seconds}, Redis):\n")
        print(table(paths, cached, uncached=uncached))
    failed = [
        name
        for name in paths
        for run in filter(None, (uncached, cached))
        for c, _ in CONCURRENCY
        if run[name, c].status_errors
    ]
    if failed:
        sys.exit(f"Non-2xx/3xx answers under load: {', '.join(sorted(set(failed)))}")


if __name__ == "__main__":
    main()

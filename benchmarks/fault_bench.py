"""The site under steady load while its PostgreSQL stops and starts again (run by hand).

    .venv/bin/python benchmarks/fault_bench.py
    .venv/bin/python benchmarks/fault_bench.py --outage 20 --articles 20000

Starts a throw-away PostgreSQL cluster of its own (initdb and pg_ctl from
/usr/lib/postgresql/*/bin, in a temporary folder, listening on 127.0.0.1
--pg-port only, as the postgres user when run as root; never the machine's
server), migrates it, imports seeds/ (and, with --articles, a demo corpus),
and starts gunicorn as in production (gunicorn.conf.py, DEBUG off, no page
or query cache, so every request reads the database). --clients threads then
request a mix of pages without pause: --warm-up seconds not counted (each
worker's first search loads jieba), --before seconds with the database up,
--outage seconds after `pg_ctl stop -m fast`, and --after seconds once
`pg_ctl start` has returned (the database accepts connections again).

Prints per-second counts and a summary for benchmarks/README.md: how the
requests failed during the outage and how fast, the seconds from the database
being back until every request succeeds again, and whether any gunicorn worker
was restarted (worker pids before and after, and gunicorn's log). Exits
non-zero if recovery took 5 s or more, a request got no answer in
--request-timeout seconds, or a worker was restarted.
"""

import argparse
import collections
import contextlib
import datetime
import glob
import http.client
import os
import pwd
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
RECOVERY_TARGET = 5.0  # seconds
DATABASE = "tongxinyuan"


@dataclass(frozen=True)
class Request:
    started: float  # seconds since the load began
    ended: float
    url: str
    outcome: str  # the status code, "timeout" or the connection error's name

    @property
    def ok(self) -> bool:
        return self.outcome == "200"


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pg-port", type=int, default=55432)
    parser.add_argument("--port", type=int, default=8101, help="gunicorn's")
    parser.add_argument("--workers", type=int, default=3, help="gunicorn sync workers")
    parser.add_argument("--clients", type=int, default=6, help="threads requesting pages")
    parser.add_argument("--warm-up", type=float, default=10, help="seconds of load not counted")
    parser.add_argument("--before", type=float, default=5)
    parser.add_argument("--outage", type=float, default=10)
    parser.add_argument("--after", type=float, default=10)
    parser.add_argument("--request-timeout", type=float, default=60, help="a hang, beyond")
    parser.add_argument("--articles", type=int, default=0, help="demo corpus beyond the seeds")
    return parser.parse_args()


# ---------------------------------------------------------------- the throw-away cluster


def postgres_bin() -> Path:
    found = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4])
    )
    if not found:
        sys.exit("No initdb in /usr/lib/postgresql/*/bin: install PostgreSQL's server package.")
    return Path(found[-1]).parent


class Cluster:
    """initdb'd into ``folder``; root may not run PostgreSQL, so then it runs as postgres."""

    def __init__(self, folder: Path, port: int):
        self.bin = postgres_bin()
        self.data = folder / "data"
        self.log = folder / "postgres.log"
        self.port = port
        self.user = "postgres" if os.geteuid() == 0 else None
        if self.user:
            account = pwd.getpwnam(self.user)
            os.chown(folder, account.pw_uid, account.pw_gid)
        self.options = f"-c listen_addresses=127.0.0.1 -p {port} -k {folder}"

    def run(self, *command: str) -> None:
        subprocess.run(
            [str(self.bin / command[0]), *command[1:]],
            user=self.user,
            check=True,
            stdout=subprocess.DEVNULL,
        )

    def init(self) -> None:
        self.run("initdb", "-D", str(self.data), "-U", "postgres", "-A", "trust", "-E", "UTF8")

    def start(self) -> None:
        data, log = str(self.data), str(self.log)
        self.run("pg_ctl", "start", "-w", "-D", data, "-l", log, "-o", self.options)

    def stop(self) -> None:
        self.run("pg_ctl", "stop", "-m", "fast", "-w", "-D", str(self.data))

    @property
    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{DATABASE}"


@contextmanager
def throwaway_cluster(port: int):
    with tempfile.TemporaryDirectory(prefix="fault-bench-") as folder:
        cluster = Cluster(Path(folder), port)
        cluster.init()
        cluster.start()
        try:
            cluster.run("createdb", "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", DATABASE)
            yield cluster
        finally:
            with contextlib.suppress(subprocess.CalledProcessError):
                cluster.stop()


# ---------------------------------------------------------------- the site


def site_env(cluster: Cluster, static_root: str) -> dict[str, str]:
    environment = {k: v for k, v in os.environ.items() if k != "REDIS_URL"}
    return {
        **environment,
        "DJANGO_SETTINGS_MODULE": "benchmarks.settings",
        "BENCH_STATIC_ROOT": static_root,
        "DATABASE_URL": cluster.url,
        "DEBUG": "0",
        "SECRET_KEY": "fault-bench-only-secret-key-0123456789abcdefghijklmnopqrstuvwxyz",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "PAGE_CACHE_SECONDS": "0",
        "QUERY_CACHE_SECONDS": "0",
    }


def manage(env, *command: str) -> None:
    # Its output goes to stderr: stdout is the report.
    subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *command], env=env, stdout=sys.stderr, check=True
    )


def build(env, articles: int) -> dict[str, int]:
    manage(env, "migrate", "--no-input", "-v", "0")
    manage(env, "collectstatic", "--no-input", "-v", "0")
    manage(env, "import_pages", str(ROOT / "seeds"), "--publish", "-v", "0")
    if articles:
        manage(env, "generate_corpus", "--articles", str(articles), "--seed", "1")
    from articles.models import Article
    from newsletter.models import Issue

    return {"issues": Issue.objects.count(), "articles": Article.objects.count()}


def pages() -> list[str]:
    """A mix of what readers ask for, each reading the database."""
    from articles.models import Article
    from newsletter.models import Issue

    article = Article.objects.published().exclude(kind=Article.Kind.TEASER).newest_first()[0]
    issue = Issue.objects.published().order_by("-date").first()
    return [
        "/",
        article.get_absolute_url(),
        "/articles/",
        issue.get_absolute_url(),
        f"/search/?q={quote('政协')}",
        "/healthz",
    ]


@contextmanager
def gunicorn(env, *, port: int, workers: int, log: Path):
    server = subprocess.Popen(
        [
            *(sys.executable, "-m", "gunicorn", "newsletter.wsgi", "-c", "gunicorn.conf.py"),
            *("--bind", f"127.0.0.1:{port}", "--workers", str(workers)),
            *("--error-logfile", str(log), "--log-level", "info"),
        ],
        cwd=ROOT,
        env=env,
    )
    try:
        deadline = time.monotonic() + 60
        while len(worker_pids(server.pid)) < workers or fetch(port, "/healthz", 5) != "200":
            if server.poll() is not None or time.monotonic() > deadline:
                sys.exit(f"gunicorn did not start:\n{log.read_text()[-3000:]}")
            time.sleep(0.3)
        yield server
    finally:
        server.terminate()
        server.wait(timeout=30)


def worker_pids(master: int) -> set[int]:
    children = Path(f"/proc/{master}/task/{master}/children")
    return {int(pid) for pid in children.read_text().split()} if children.exists() else set()


def fetch(port: int, url: str, timeout: float) -> str:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", url)
        response = connection.getresponse()
        response.read()
        return str(response.status)
    except TimeoutError:
        return "timeout"
    except OSError as error:
        return type(error).__name__
    finally:
        connection.close()


# ---------------------------------------------------------------- the load


class Load:
    """``clients`` threads requesting ``urls`` in turn, without pause, until stopped."""

    def __init__(self, port: int, urls: list[str], clients: int, timeout: float):
        self.port, self.urls, self.timeout = port, urls, timeout
        self.requests: list[Request] = []
        self.began = time.monotonic()
        self._stop = threading.Event()
        self._threads = [threading.Thread(target=self._client, args=(n,)) for n in range(clients)]

    def now(self) -> float:
        return time.monotonic() - self.began

    def _client(self, n: int) -> None:
        turn = n
        while not self._stop.is_set():
            url = self.urls[turn % len(self.urls)]
            turn += 1
            started = self.now()
            outcome = fetch(self.port, url, self.timeout)
            self.requests.append(Request(started, self.now(), url, outcome))

    def __enter__(self):
        for thread in self._threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        for thread in self._threads:
            thread.join()


@dataclass(frozen=True)
class Timeline:
    stopping: float  # pg_ctl stop called
    stopped: float  # it returned: the server is gone
    starting: float  # pg_ctl start called
    back: float  # it returned: the server accepts connections


def run_outage(load: Load, cluster: Cluster, args) -> Timeline:
    time.sleep(args.before)
    stopping = load.now()
    cluster.stop()
    stopped = load.now()
    time.sleep(max(0.0, args.outage - (stopped - stopping)))
    starting = load.now()
    cluster.start()
    back = load.now()
    time.sleep(args.after)
    return Timeline(stopping, stopped, starting, back)


# ---------------------------------------------------------------- the report


def per_second(requests: list[Request], timeline: Timeline) -> str:
    """One row a second (by when requests ended), with what the database did in it."""
    events = {
        timeline.stopping: "pg_ctl stop",
        timeline.stopped: "database gone",
        timeline.starting: "pg_ctl start",
        timeline.back: "database back",
    }
    rows = ["| second | database | 200 | 503 | other status | no answer | slowest ms |"]
    rows.append("|" + " --- |" * 7)
    by_second = collections.defaultdict(list)
    for request in requests:
        by_second[int(request.ended)].append(request)
    for second in sorted(by_second):
        done = by_second[second]
        outcomes = collections.Counter(r.outcome for r in done)
        happened = ", ".join(text for at, text in events.items() if int(at) == second)
        other = sum(n for o, n in outcomes.items() if o not in {"200", "503"} and o.isdigit())
        hung = sum(n for o, n in outcomes.items() if not o.isdigit())
        slowest = max(r.ended - r.started for r in done) * 1000
        rows.append(
            f"| {second} | {happened} | {outcomes['200']} | {outcomes['503']} | {other} "
            f"| {hung} | {slowest:.0f} |"
        )
    return "\n".join(rows)


def summary(requests, timeline: Timeline, workers: tuple[set, set], log: str, data, args):
    failed = [r for r in requests if not r.ok]
    # healthz answers 503 by design when the database is down: counted apart.
    failed_pages = [r for r in failed if r.url != "/healthz"]
    late = [r.ended - timeline.back for r in failed if r.ended > timeline.back]
    recovery = max(late, default=0.0)
    first_failure = min((r.ended for r in failed), default=None)
    outcomes = collections.Counter(r.outcome for r in failed)
    slowest_failure = max(failed, key=lambda r: r.ended - r.started, default=None)
    durations = sorted(r.ended - r.started for r in failed) or [0.0]
    hung = [r for r in failed if not r.outcome.isdigit()]
    before, after = workers
    restarts = log.count("Booting worker") - args.workers
    lines = [
        f"date: {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC; "
        f"data: {data['issues']} issues, "
        f"{data['articles']} articles; gunicorn: {args.workers} sync workers, "
        f"{args.clients} clients without pause",
        f"database stopped at {timeline.stopping:.1f} s (pg_ctl stop returned at "
        f"{timeline.stopped:.1f} s), started at {timeline.starting:.1f} s, accepting "
        f"connections at {timeline.back:.1f} s; load ended at {requests[-1].ended:.1f} s",
        f"requests: {len(requests)}, failed: {len(failed)} "
        f"({len(failed_pages)} pages, {len(failed) - len(failed_pages)} /healthz)",
        "failures by outcome: "
        + (", ".join(f"{o} × {n}" for o, n in outcomes.most_common()) or "none"),
        f"first failure at {first_failure:.2f} s" if first_failure is not None else "no failure",
        f"failed requests took {durations[len(durations) // 2] * 1000:.0f} ms (median), "
        f"{durations[int(len(durations) * 0.95)] * 1000:.0f} ms (95th percentile), "
        f"{durations[-1] * 1000:.0f} ms at most"
        + (
            f" (`{slowest_failure.url}`, {slowest_failure.outcome}, "
            f"from {slowest_failure.started:.1f} s)"
            if slowest_failure
            else ""
        )
        + f"; no answer within {args.request_timeout:.0f} s: {len(hung)}",
        f"recovery: every request succeeded from {recovery:.2f} s after the database was back "
        f"(target < {RECOVERY_TARGET:.0f} s)",
        f"workers: pids before {sorted(before)}, after {sorted(after)}; "
        f"restarted: {'none' if before == after and restarts == 0 else 'YES'}; "
        f"WORKER TIMEOUT in gunicorn's log: {log.count('WORKER TIMEOUT')}",
    ]
    passed = recovery < RECOVERY_TARGET and not hung and before == after and restarts == 0
    return "\n".join(lines), passed


def main() -> None:
    args = parse_args()
    with (
        throwaway_cluster(args.pg_port) as cluster,
        tempfile.TemporaryDirectory(prefix="fault-bench-static-") as static_root,
    ):
        env = site_env(cluster, static_root)
        os.environ.update(env)
        import django

        django.setup()
        data = build(env, args.articles)
        urls = pages()
        from django.db import connections

        connections.close_all()  # the benchmark's own connection would outlive the stop
        log = Path(static_root) / "gunicorn.log"
        with gunicorn(env, port=args.port, workers=args.workers, log=log) as server:
            # Each worker's first search loads jieba's dictionary (seconds): not the outage's cost.
            with Load(args.port, urls, args.clients, args.request_timeout):
                time.sleep(args.warm_up)
            before = worker_pids(server.pid)
            with Load(args.port, urls, args.clients, args.request_timeout) as load:
                timeline = run_outage(load, cluster, args)
            after = worker_pids(server.pid)
        requests = sorted(load.requests, key=lambda r: r.ended)
        report, passed = summary(requests, timeline, (before, after), log.read_text(), data, args)
    print("pages: " + ", ".join(f"`{url}`" for url in urls))
    print(per_second(requests, timeline))
    print()
    print(report)
    sys.exit(0 if passed else 1)


if __name__ == "__main__":
    main()

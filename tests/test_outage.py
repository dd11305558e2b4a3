"""A database outage: 503 with Retry-After and a Chinese page, never a 500 or a hang.

The outage is real, not a mock of Django: for the length of a ``with``, the
default alias is a connection to a database that cannot be reached (a closed
port on PostgreSQL, a file in a missing folder on SQLite), so the driver's own
error travels the path it takes in production. The live test connection is
put back afterwards, its test transaction untouched.
"""

import contextlib
import copy
import re
import runpy
import socket
import tempfile
import uuid
from pathlib import Path
from unittest import mock

import pytest
from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, OperationalError, ProgrammingError, connections, transaction
from django.db import connection as live_connection
from django.test import Client
from django.urls import reverse

from newsletter import timeouts
from tests.factories import ArticleFactory
from tests.test_settings import run_manage

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent


@contextlib.contextmanager
def unreachable_database():
    live = connections[DEFAULT_DB_ALIAS]
    settings_dict = copy.deepcopy(live.settings_dict)
    with socket.socket() as closed:  # bound but never listening: connections are refused
        closed.bind(("127.0.0.1", 0))
        if live.vendor == "postgresql":
            settings_dict.update(HOST="127.0.0.1", PORT=str(closed.getsockname()[1]))
        else:
            missing = Path(tempfile.gettempdir()) / f"missing-{uuid.uuid4().hex}" / "db.sqlite3"
            settings_dict["NAME"] = str(missing)
        down = live.__class__(settings_dict, alias=DEFAULT_DB_ALIAS)
        connections[DEFAULT_DB_ALIAS] = down
        try:
            yield
        finally:
            down.close()
            connections[DEFAULT_DB_ALIAS] = live


def reader() -> Client:
    """A client that gets the response Django sends, not the exception behind it."""
    return Client(raise_request_exception=False)


def assert_outage_page(response):
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response["Content-Type"].startswith("text/html")
    assert "no-store" in response["Cache-Control"]
    assert "Content-Security-Policy" in response
    if response.request["REQUEST_METHOD"] != "HEAD":
        page = response.content.decode()
        assert "暂时无法访问" in page
        assert "数据库暂时无法连接" in page


def test_the_unreachable_database_is_really_unreachable():
    with unreachable_database(), pytest.raises(OperationalError):
        connections[DEFAULT_DB_ALIAS].ensure_connection()


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "article",
        "/articles/?region=huzhou",
        "/issues/",
        "/search/?q=政协",
        "/feeds/latest/rss/",
    ],
)
def test_public_pages_answer_503_then_recover(url):
    article = ArticleFactory()
    url = article.get_absolute_url() if url == "article" else url
    client = reader()
    with unreachable_database():
        assert_outage_page(client.get(url))
        assert_outage_page(client.head(url))
    assert client.get(url).status_code == 200  # the same client, once the database is back


def test_only_the_database_can_tell_a_missing_article():
    with unreachable_database():
        assert_outage_page(reader().get("/articles/999999/"))
        # No such address at all: the URLconf says so without the database.
        assert reader().get("/no-such-page/").status_code == 404


def test_the_admin_answers_503_to_an_editor(editor):
    client = reader()
    client.force_login(editor)
    with unreachable_database():
        # The session is read from the database before any admin view runs.
        assert_outage_page(client.get(reverse("admin:index")))
        assert_outage_page(client.get(reverse("admin:articles_article_changelist")))
    assert client.get(reverse("admin:index")).status_code == 200


def test_a_login_attempt_answers_503():
    client = reader()
    with unreachable_database():
        response = client.post(
            reverse("admin:login"), {"username": "editor", "password": "editor-password"}
        )
    assert_outage_page(response)


def test_healthz_says_the_database_is_unavailable():
    with unreachable_database():
        response = reader().get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "unavailable"}


def test_cached_pages_are_still_served_and_no_outage_page_is_cached(settings):
    settings.PAGE_CACHE_SECONDS = 300
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    article = ArticleFactory()
    client = reader()
    cached = client.get("/")
    assert cached.status_code == 200
    with unreachable_database():
        again = client.get("/")
        assert again.status_code == 200
        assert again.content == cached.content
        assert_outage_page(client.get(article.get_absolute_url()))
    assert client.get(article.get_absolute_url()).status_code == 200


def test_the_drivers_own_error_answers_503_too():
    # Django leaves some driver calls unwrapped: closing a server-side cursor on a
    # connection the stopping server dropped raised psycopg's OperationalError itself.
    driver_error = live_connection.Database.OperationalError("server closed the connection")
    with mock.patch("newsletter.views.Issue.objects.published", side_effect=driver_error):
        assert_outage_page(reader().get("/"))


def test_an_outage_is_logged_in_one_line_a_request(caplog):
    with unreachable_database():
        reader().get("/")
    (record,) = [r for r in caplog.records if r.name == "django.request"]
    assert record.levelname == "ERROR"
    assert record.exc_info is None
    assert record.getMessage().startswith("Service Unavailable: / (OperationalError: ")


def test_a_programming_error_stays_a_500(caplog):
    with mock.patch("newsletter.views.Issue.objects.published", side_effect=ProgrammingError):
        response = reader().get("/")
    assert response.status_code == 500
    assert "Retry-After" not in response
    assert "服务器出错" in response.content.decode()
    # Logged with its traceback, as ever.
    (record,) = [r for r in caplog.records if r.name == "django.request"]
    assert record.exc_info[0] is ProgrammingError


# ---------------------------------------------------------------- every wait below gunicorn's


def gunicorn_timeout() -> int:
    return runpy.run_path(str(ROOT / "gunicorn.conf.py"))["timeout"]


def database_waits(options: dict) -> dict[str, float]:
    """Seconds of each wait the connection options bound, as the driver and server read them."""
    if "timeout" in options:  # SQLite: the busy timeout, its only wait
        return {"lock": options["timeout"]}
    server = dict(
        part.split("=", 1) for part in options["options"].split() if part.startswith(("s", "l"))
    )
    return {
        "connect": options["connect_timeout"],
        "silent host": max(
            options["keepalives_idle"]
            + options["keepalives_interval"] * options["keepalives_count"],
            options["tcp_user_timeout"] / 1000,
        ),
        "statement": int(server["statement_timeout"].removesuffix("s")),
        "lock": int(server["lock_timeout"].removesuffix("s")),
    }


@pytest.mark.parametrize("alias", list(settings.DATABASES))
def test_every_database_wait_is_shorter_than_gunicorns_timeout(alias):
    limit = gunicorn_timeout()
    assert limit == 30
    waits = database_waits(settings.DATABASES[alias]["OPTIONS"])
    assert waits
    assert {name: s for name, s in waits.items() if s >= limit} == {}


def test_both_engines_bound_every_wait():
    bounds = timeouts.DatabaseTimeouts(connect=5, statement=15, lock=5)
    assert database_waits(bounds.postgresql_options()) == {
        "connect": 5,
        "silent host": 10,
        "statement": 15,
        "lock": 5,
    }
    assert database_waits(bounds.sqlite_options()) == {"lock": 5}


def test_the_timeouts_come_from_the_environment(monkeypatch):
    monkeypatch.setenv("WEB_TIMEOUT", "60")
    monkeypatch.setenv("DATABASE_CONNECT_TIMEOUT", "3")
    monkeypatch.setenv("DATABASE_STATEMENT_TIMEOUT", "45")
    monkeypatch.setenv("DATABASE_LOCK_TIMEOUT", "2")
    assert gunicorn_timeout() == 60
    assert timeouts.database_timeouts() == timeouts.DatabaseTimeouts(
        connect=3, statement=45, lock=2
    )


@pytest.mark.parametrize(
    ("environment", "message"),
    [
        ({"DATABASE_STATEMENT_TIMEOUT": "30"}, "WEB_TIMEOUT (30 s)"),
        ({"DATABASE_CONNECT_TIMEOUT": "15"}, "twice that"),
        ({"WEB_TIMEOUT": "10"}, "WEB_TIMEOUT (10 s)"),
        ({"DATABASE_LOCK_TIMEOUT": "0"}, "at least 1 second"),
        ({"DATABASE_LOCK_TIMEOUT": "5s"}, "a whole number of seconds"),
    ],
)
def test_a_wait_not_shorter_than_gunicorns_is_refused(monkeypatch, environment, message):
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    with pytest.raises(timeouts.TimeoutSettingError, match=re.escape(message)):
        timeouts.database_timeouts()


def test_start_up_fails_on_a_database_wait_as_long_as_gunicorns():
    result = run_manage("check", DEBUG="1", DATABASE_STATEMENT_TIMEOUT="30")
    assert result.returncode != 0
    assert "DATABASE_STATEMENT_TIMEOUT (30 s)" in result.stderr


@pytest.mark.skipif(live_connection.vendor != "postgresql", reason="PostgreSQL 的服务器端超时")
def test_postgresql_enforces_the_timeouts():
    with live_connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        assert cursor.fetchone() == ("15s",)
        cursor.execute("SHOW lock_timeout")
        assert cursor.fetchone() == ("5s",)
    # A statement over its timeout is an OperationalError: answered 503, like an outage.
    with (
        pytest.raises(OperationalError, match="statement timeout"),
        transaction.atomic(),
        live_connection.cursor() as cursor,
    ):
        cursor.execute("SET LOCAL statement_timeout = '10ms'")
        cursor.execute("SELECT pg_sleep(1)")

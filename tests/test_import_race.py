"""Two imports at the same moment that name the same new person: no traceback, no twin."""

import datetime
import threading
import time

import pytest
from django.db import IntegrityError, connection, connections

from articles.page_import import PageLoader
from articles.services import ImportFailure, PageSource, pages_import
from newsletter.models import Issue
from people.models import Person

pytestmark = pytest.mark.django_db(transaction=True)

WAIT = 30  # seconds: only reached when something is broken


def page(town: str) -> bytes:
    return (
        f"综合新闻\n\n{town}政协开展助企调研\n\n联谊报 4月16日,{town}政协开展助企调研。\n\n"
        "委员们走访了十余家企业。\n\n本报记者 周明远\n"
    ).encode()


def source(town: str, day: int) -> PageSource:
    return PageSource(name=f"{town}.txt", raw=page(town), page=2, date=datetime.date(2025, 4, day))


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite has one writer at a time: the second import's insert waits for the "
    "whole database (or fails as locked), never on another transaction's row of the "
    "slug index, so this race cannot be staged there",
)
def test_the_import_that_loses_the_race_for_a_new_person_retries_and_succeeds(monkeypatch):
    """The first import holds its new person uncommitted while the second inserts the same
    slug: the second waits on the unique index, fails when the first commits, and its one
    retry finds the person."""
    loaded, release = threading.Event(), threading.Event()
    load = PageLoader.load

    def load_then_hold(self, parsed, target):
        report = load(self, parsed, target)
        if threading.current_thread().name == "first":
            loaded.set()
            release.wait(WAIT)
        return report

    monkeypatch.setattr(PageLoader, "load", load_then_hold)
    outcomes = {}

    def run(town, day):
        try:
            outcomes[town] = pages_import(sources=[source(town, day)])
        except ImportFailure as failure:
            outcomes[town] = failure
        finally:
            connections.close_all()

    first = threading.Thread(target=run, args=("温州", 17), name="first")
    second = threading.Thread(target=run, args=("台州", 18), name="second")
    first.start()
    assert loaded.wait(WAIT)
    second.start()
    _wait_for_a_lock_wait()
    release.set()
    first.join(WAIT)
    second.join(WAIT)

    assert not isinstance(outcomes["温州"], ImportFailure)
    assert not isinstance(outcomes["台州"], ImportFailure), outcomes["台州"]
    assert Person.objects.filter(name="周明远").count() == 1
    assert Issue.objects.count() == 2
    assert Person.objects.get().credits.count() == 2


def _wait_for_a_lock_wait() -> None:
    """Until the second import's insert waits on the first's uncommitted person."""
    deadline = time.monotonic() + WAIT
    with connections["default"].cursor() as cursor:
        while time.monotonic() < deadline:
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity "
                "WHERE datname = current_database() AND wait_event_type = 'Lock'"
            )
            if cursor.fetchone()[0]:
                return
            time.sleep(0.05)
    pytest.fail("the second import never waited for the first")


def test_an_integrity_error_that_outlasts_the_retry_is_one_line_and_writes_nothing(
    monkeypatch,
):
    """Should the retry fail too, the import ends with a one-line message, nothing written."""

    attempts = []

    def clash(self, parsed, target):
        attempts.append(target)
        Issue.objects.create(date=target.date)  # written, then rolled back
        raise IntegrityError(
            'duplicate key value violates unique constraint "people_person_slug_key"'
        )

    monkeypatch.setattr(PageLoader, "load", clash)
    with pytest.raises(ImportFailure) as failure:
        pages_import(sources=[source("温州", 17)])
    assert len(attempts) == 2
    assert (
        str(failure.value) == "温州.txt: 与同时进行的另一次导入冲突，未做任何改动，请稍后重新导入。"
    )
    assert not Issue.objects.exists() and not Person.objects.exists()

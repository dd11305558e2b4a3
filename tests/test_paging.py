"""Keyset pagination: every article once, in print order, whichever way a reader pages."""

import datetime

import pytest

from articles.models import Article
from newsletter.paging import Cursor, bounded_count, keyset_page
from tests.factories import ArticleFactory, IssueFactory, PageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive():
    """Three issues out of date order, two pages each, articles added out of print order."""
    made = []
    for day in (3, 1, 2):
        issue = IssueFactory(date=datetime.date(2025, 4, day))
        for number in (2, 1):
            page = PageFactory(issue=issue, number=number)
            for position in (3, 1, 2):
                made.append(ArticleFactory(page=page, position=position))
    return made


def in_order():
    return list(Article.objects.newest_first())


def test_walking_older_visits_every_article_once_in_print_order(archive):
    seen, after = [], ""
    while True:
        page = keyset_page(Article.objects.all(), after=after, size=4)
        seen += page.articles
        if not page.next_cursor:
            break
        after = page.next_cursor
    assert seen == in_order()
    assert [(a.issue_date.day, a.page_number, a.position) for a in seen[:4]] == [
        (3, 1, 1),
        (3, 1, 2),
        (3, 1, 3),
        (3, 2, 1),
    ]


def test_walking_newer_from_the_end_comes_back_to_the_first_page(archive):
    last = in_order()[-1]
    pages, before = [], str(Cursor.of(last))
    while before:
        page = keyset_page(Article.objects.all(), before=before, size=4)
        pages.append(page)
        before = page.previous_cursor
    top = keyset_page(Article.objects.all(), size=4)
    assert pages[-1] == top and top.is_first and len(top.articles) == 4
    seen = [a for page in reversed(pages[:-1]) for a in page.articles]
    assert seen == in_order()[len(seen) * -1 - 1 : -1]
    assert {a.pk for page in pages for a in page.articles} == {a.pk for a in in_order()[:-1]}


def test_each_page_links_both_ways(archive):
    first = keyset_page(Article.objects.all(), size=5)
    second = keyset_page(Article.objects.all(), after=first.next_cursor, size=5)
    back = keyset_page(Article.objects.all(), before=second.previous_cursor, size=5)
    assert (first.is_first, first.previous_cursor) == (True, "")
    assert not second.is_first
    assert back.articles == first.articles and back.is_first


def test_cursor_round_trips_and_rejects_junk():
    cursor = Cursor(datetime.date(2025, 4, 17), 2, 13)
    assert Cursor.parse(str(cursor)) == cursor
    for junk in [
        "",
        "2025-4-17.2.13",
        "2025-02-30.1.1",
        "2025-04-17.2",
        "x.1.1",
        "2025-04-17.1.1 ",
    ]:
        assert Cursor.parse(junk) is None


def test_count_stops_at_the_limit(archive):
    assert bounded_count(Article.objects.all(), limit=100) == 18
    assert bounded_count(Article.objects.all(), limit=10) == 11


def test_list_says_when_the_count_is_capped(client, archive, settings, monkeypatch):
    monkeypatch.setattr("newsletter.paging.COUNT_LIMIT", 10)
    html = client.get("/articles/").content.decode()
    assert "超过 10 篇" in html

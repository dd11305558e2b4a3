"""Article pages by cursor: every article once, in order, while new ones are published."""

import datetime

import pytest
from django.utils import timezone

from articles.models import Article
from articles.workflow import articles_transition
from tests.factories import ArticleFactory, IssueFactory, PageFactory

pytestmark = pytest.mark.django_db


def issue_with(date, count, *, status=Article.Status.PUBLISHED, title="文章"):
    page = PageFactory(issue=IssueFactory(date=date))
    return [
        ArticleFactory(
            page=page,
            position=i + 1,
            title=f"{title}{date:%m%d}-{i + 1}",
            status=status,
            published_at=timezone.now() if status == Article.Status.PUBLISHED else None,
        )
        for i in range(count)
    ]


def walk(client, url, key="next") -> list[list[int]]:
    """The ids of every page from url on, following ``key`` links."""
    pages = []
    while url:
        answer = client.get(url).json()
        pages.append([a["id"] for a in answer["results"]])
        url = answer[key]
    return pages


def test_pages_walk_the_list_in_order_and_back(client):
    articles = [a for day in (3, 2, 1) for a in issue_with(datetime.date(2025, 4, day), 4)]
    forward = walk(client, "/api/articles?size=5")
    assert forward == [[a.pk for a in articles[i : i + 5]] for i in range(0, 12, 5)]
    last = client.get("/api/articles?size=5").json()
    for _ in range(2):
        last = client.get(last["next"]).json()
    backward = walk(client, last["previous"], key="previous")
    assert backward == [forward[1], forward[0]]


def test_the_cursor_links_keep_the_filters(client):
    issue_with(datetime.date(2025, 4, 1), 3)
    issue_with(datetime.date(2025, 4, 2), 3, title="其他")
    answer = client.get("/api/articles?size=2&q=文章&date_to=2025-04-01").json()
    assert "q=%E6%96%87%E7%AB%A0" in answer["next"] and "date_to=2025-04-01" in answer["next"]
    assert answer["next"].startswith("http://testserver/api/articles?")
    second = client.get(answer["next"]).json()
    assert [a["title"] for a in second["results"]] == ["文章0401-3"]


def test_publishing_between_two_pages_neither_repeats_nor_skips(client, chief):
    first_issue = issue_with(datetime.date(2025, 4, 10), 6)
    older = issue_with(datetime.date(2025, 4, 3), 6)
    page_one = client.get("/api/articles?size=5").json()

    # A new issue, and an article of an issue already paged past, published meanwhile.
    issue_with(datetime.date(2025, 4, 17), 5)
    late = issue_with(datetime.date(2025, 4, 6), 1, status=Article.Status.REVIEW)
    waiting = Article.objects.filter(pk__in=[a.pk for a in late])
    articles_transition(user=chief, articles=waiting, name="publish")

    rest = walk(client, page_one["next"])
    seen = [pk for page in [[a["id"] for a in page_one["results"]], *rest] for pk in page]
    assert seen == [a.pk for a in first_issue + late + older]
    assert len(seen) == len(set(seen))


def test_counts_stop_at_the_limit(client, monkeypatch):
    monkeypatch.setattr("api.views.COUNT_LIMIT", 3)
    issue_with(datetime.date(2025, 4, 1), 5)
    answer = client.get("/api/articles").json()
    assert (answer["count"], answer["count_capped"], answer["count_limit"]) == (3, True, 3)

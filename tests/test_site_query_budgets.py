"""Every page runs a fixed number of queries, whether it shows 3 articles or 30."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import Article
from people.models import Credit
from tests.factories import (
    ArticleFactory,
    CreditFactory,
    IssueFactory,
    PageFactory,
    PersonFactory,
    TopicFactory,
    region,
)

pytestmark = pytest.mark.django_db

# The budget per page (anonymous reader); the tests pin both the number and its
# independence from how much the page shows.
BUDGETS = {
    "home": 6,  # issue, pages, front articles (+ teaser targets), credits, recent, date range
    "archive": 3,  # years, issues of the year, date range
    "issue": 5,  # issue, pages, articles (+ teaser targets), credits, date range
    "page": 5,
    "list": 7,  # sources, count, region and topic choices, articles, topics, regions
    # + the region and topic looked up by slug; on PostgreSQL the full-text match's
    # exists() and the search dictionary (three freshness aggregates, three reloads).
    "list_filtered": 9 + (7 if connection.vendor == "postgresql" else 0),
    # article, topics, regions, credits, siblings, related by topic, by place, and the
    # issue's pages for the sidebar's 版面导航
    "article": 8,
    "regions": 3,  # cities, their counties, the province
    "region": 6,  # region (+ ancestors), count, children, articles, topics, regions
    "topics": 2,  # topics, their public article counts
    "topic": 5,  # topic, count, articles, topics, regions
    "people": 2,  # the directory (ids and counts; cached until content changes), its page
    "person": 6,  # person, count, articles, their credits, topics, regions
}


def build(n: int) -> dict:
    """n articles on the front page of one issue (+ n teasers, people, topics, regions)."""
    topic_a = TopicFactory(name=f"专题甲{n}", slug=f"zhuan-ti-jia-{n}")
    topic_b = TopicFactory(name=f"专题乙{n}", slug=f"zhuan-ti-yi-{n}")
    person = PersonFactory(slug=f"zhang-san-{n}")
    start = datetime.date(2025, 1, 1) + datetime.timedelta(days=100 * n)
    issues = [IssueFactory(date=start + datetime.timedelta(days=i)) for i in range(n)]
    issue = issues[-1]
    front = PageFactory(issue=issue, number=1)
    inside = PageFactory(issue=issue, number=2, section="综合新闻")
    for i in range(3, 3 + n):
        PageFactory(issue=issue, number=i, section=f"版{i}")
    articles = []
    for i in range(n):
        article = ArticleFactory(
            page=front,
            topics=[topic_a, topic_b],
            regions=[region("安吉"), region("湖州")],
        )
        CreditFactory(article=article, person=person, title=f"职务{i}")
        CreditFactory(article=article, person=PersonFactory(), role=Credit.Role.REPORTER)
        target = ArticleFactory(page=inside, topics=[topic_a], regions=[region("吴兴")])
        ArticleFactory(page=front, kind=Article.Kind.TEASER, teaser_target=target)
        articles.append(article)
    return {
        "home": reverse("home"),
        "archive": reverse("issues:archive"),
        "issue": issue.get_absolute_url(),
        "page": front.get_absolute_url(),
        "list": reverse("articles:list"),
        "list_filtered": reverse("articles:list")
        + f"?region=huzhou&topic=zhuan-ti-jia-{n}&person=zhang-san-{n}&q=正文&date_from=2025-01-01",
        "article": articles[len(articles) // 2].get_absolute_url(),
        "regions": reverse("regions:list"),
        "region": region("湖州").get_absolute_url(),
        "topics": reverse("topics:list"),
        "topic": topic_a.get_absolute_url(),
        "people": reverse("people:list"),
        "person": person.get_absolute_url(),
    }


def count(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries)


@pytest.mark.parametrize("name", BUDGETS)
def test_query_count_does_not_grow_with_content(client, name):
    small = count(client, build(3)[name])
    large = count(client, build(30)[name])
    assert small == large, f"{name}: {small} queries for 3 articles, {large} for 30"


@pytest.mark.parametrize("name", BUDGETS)
def test_query_budget(client, django_assert_max_num_queries, name):
    url = build(30)[name]
    with django_assert_max_num_queries(BUDGETS[name]):
        assert client.get(url).status_code == 200

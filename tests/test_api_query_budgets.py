"""Every API answer runs a fixed number of queries, whether it holds 3 items or 30."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

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

BUDGETS = {
    "issues": 1,
    "issue": 2,  # issue, pages
    "page": 6,  # issue, page, articles (+ teaser targets), topics, regions, credits
    # The site's filter form: sources, region and topic choices (cached until content
    # changes, computed here where the tests turn that cache off); then articles,
    # topics, regions, credits, count.
    "articles": 8,
    # + the region and topic looked up by slug; on PostgreSQL the full-text match's
    # exists() and the search dictionary (three freshness aggregates, three reloads).
    "articles_filtered": 10 + (7 if connection.vendor == "postgresql" else 0),
    "articles_deep": 8,  # a cursor's page costs what the first does
    "article": 4,  # article (+ page, teaser target), topics, regions, credits
    "people": 2,  # the directory (cached until content changes), its page
    "person": 2,  # person, count
    "regions": 1,
    "topics": 2,  # topics, their counts
}


def build(n: int) -> dict:
    """n articles on the front page of one issue of n (+ n teasers, people, topics, regions)."""
    topic = TopicFactory(name=f"专题甲{n}", slug=f"zhuan-ti-jia-{n}")
    TopicFactory(name=f"专题乙{n}")
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
            page=front, topics=[topic], regions=[region("安吉"), region("湖州")]
        )
        CreditFactory(article=article, person=person, title=f"职务{i}")
        CreditFactory(article=article, person=PersonFactory(), role=Credit.Role.REPORTER)
        target = ArticleFactory(page=inside, topics=[topic], regions=[region("吴兴")])
        ArticleFactory(page=front, kind=Article.Kind.TEASER, teaser_target=target)
        articles.append(article)
    middle = articles[len(articles) // 2]
    return {
        "issues": "/api/issues",
        "issue": f"/api/issues/{issue.date}",
        "page": f"/api/issues/{issue.date}/pages/1",
        "articles": "/api/articles?size=100",
        "articles_filtered": f"/api/articles?size=100&region=huzhou&topic={topic.slug}"
        f"&person={person.slug}&q=正文&date_from=2025-01-01&kind=article&source=本报",
        "articles_deep": f"/api/articles?size=100&after={middle.issue_date}.1.{middle.position}",
        "article": f"/api/articles/{middle.pk}",
        "people": "/api/people",
        "person": f"/api/people/{person.slug}",
        "regions": "/api/regions",
        "topics": "/api/topics",
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
        response = client.get(url)
    assert response.status_code == 200
    assert response.json()  # and it answered something

"""sitemap.xml, robots.txt and /healthz."""

import datetime
from unittest import mock

import pytest
from django.db import OperationalError, connections
from django.urls import reverse

from articles.models import Article
from newsletter.models import Issue
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


def section(client, name: str) -> str:
    response = client.get(reverse("machines:sitemap-section", kwargs={"section": name}))
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def public_and_draft():
    """One public article with its people, place and topic; the same for a draft."""
    topic, draft_topic = TopicFactory(name="青年夜校"), TopicFactory(name="草稿专题")
    public = ArticleFactory(title="公开", regions=[region("安吉")], topics=[topic])
    CreditFactory(article=public, person=PersonFactory(slug="zhou-shuang"))
    draft_issue = IssueFactory(status=Issue.Status.DRAFT)
    draft = ArticleFactory(
        title="草稿",
        page=PageFactory(issue=draft_issue),
        regions=[region("嵊州")],
        topics=[draft_topic],
    )
    CreditFactory(article=draft, person=PersonFactory(slug="draft-only"))
    unpublished = ArticleFactory(title="未发布", status=Article.Status.DRAFT, published_at=None)
    return {"public": public, "draft": draft, "unpublished": unpublished, "topic": topic,
            "draft_topic": draft_topic, "draft_issue": draft_issue}  # fmt: skip


def test_sitemap_index_lists_hubs_a_year_of_issues_and_months_of_articles(client):
    for day in (datetime.date(2024, 12, 30), datetime.date(2025, 3, 5), datetime.date(2025, 4, 1)):
        ArticleFactory(page=PageFactory(issue=IssueFactory(date=day)))
    IssueFactory(date=datetime.date(2023, 1, 9), status=Issue.Status.DRAFT)
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    xml = response.content.decode()
    names = [
        "home", "regions", "topics", "issues-2025", "articles-2025-04", "articles-2025-03",
        "issues-2024", "articles-2024-12", "people",
    ]  # fmt: skip
    locations = [f"<loc>http://testserver/sitemap-{name}.xml</loc>" for name in names]
    assert [xml.index(loc) for loc in locations] == sorted(xml.index(loc) for loc in locations)
    assert "2023" not in xml


def month_of(article) -> str:
    return f"articles-{article.issue_date:%Y-%m}"


def test_sitemap_lists_public_articles_not_drafts(client, public_and_draft):
    public = public_and_draft["public"]
    assert f"http://testserver{public.get_absolute_url()}" in section(client, month_of(public))
    for hidden in (public_and_draft["unpublished"], public_and_draft["draft"]):
        assert hidden.get_absolute_url() not in section(client, month_of(hidden))


def test_sitemap_lists_published_issues_and_their_pages(client, public_and_draft):
    public = public_and_draft["public"]
    second = PageFactory(issue=public.issue, number=2)
    issues = section(client, f"issues-{public.issue_date.year}")
    assert f"<loc>http://testserver{public.issue.get_absolute_url()}</loc>" in issues
    assert f"<loc>http://testserver{second.get_absolute_url()}</loc>" in issues
    assert public.page.get_absolute_url() not in issues  # page 1 is the issue's own URL
    draft_issue = public_and_draft["draft_issue"]
    assert draft_issue.get_absolute_url() not in section(client, f"issues-{draft_issue.date.year}")


@pytest.mark.parametrize(
    "name", ["articles", "pages", "articles-2025-13", "articles-0000-01", "issues-0000", "x%00"]
)
def test_unknown_sitemap_sections_are_404(client, name):
    assert client.get(f"/sitemap-{name}.xml").status_code == 404


def test_sitemap_lists_hubs_with_public_content(client, public_and_draft):
    regions, topics, people = (
        section(client, "regions"),
        section(client, "topics"),
        section(client, "people"),
    )
    # 安吉 and the city and province above it; not 嵊州, whose only article is a draft.
    for short_name in ("安吉", "湖州", "浙江"):
        assert region(short_name).get_absolute_url() in regions
    assert region("嵊州").get_absolute_url() not in regions
    assert region("杭州").get_absolute_url() not in regions
    assert public_and_draft["topic"].get_absolute_url() in topics
    assert public_and_draft["draft_topic"].get_absolute_url() not in topics
    assert reverse("people:detail", kwargs={"slug": "zhou-shuang"}) in people
    assert reverse("people:detail", kwargs={"slug": "draft-only"}) not in people


def test_sitemap_sections_take_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    for i in range(10):
        article = ArticleFactory(regions=[region("安吉")], topics=[TopicFactory(name=f"专题{i}")])
        CreditFactory(article=article)
    year, month = Article.objects.get(pk=article.pk).issue_date.timetuple()[:2]
    for name in (f"articles-{year}-{month:02}", f"issues-{year}", "regions", "topics", "people"):
        with django_assert_max_num_queries(2):
            section(client, name)


def test_robots_txt(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert not any("admin" in line for line in lines)
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def test_healthz_ok(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"
    assert "no-cache" in response["Cache-Control"]
    assert client.head("/healthz").status_code == 200


def test_healthz_503_when_the_database_is_down(client):
    with mock.patch.object(
        connections["default"], "cursor", side_effect=OperationalError("connection refused")
    ):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "unavailable"}

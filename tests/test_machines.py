"""sitemap.xml, robots.txt and /healthz."""

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


def test_sitemap_index_lists_every_section(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    xml = response.content.decode()
    for name in ("home", "articles", "issues", "pages", "regions", "topics", "people"):
        assert f"http://testserver/sitemap-{name}.xml" in xml


def test_sitemap_lists_public_articles_not_drafts(client, public_and_draft):
    xml = section(client, "articles")
    assert f"http://testserver{public_and_draft['public'].get_absolute_url()}" in xml
    assert public_and_draft["draft"].get_absolute_url() not in xml
    assert public_and_draft["unpublished"].get_absolute_url() not in xml


def test_sitemap_lists_published_issues_and_their_pages(client, public_and_draft):
    public = public_and_draft["public"]
    issues, pages = section(client, "issues"), section(client, "pages")
    assert public.issue.get_absolute_url() in issues
    assert public.page.get_absolute_url() in pages
    assert public_and_draft["draft_issue"].get_absolute_url() not in issues
    assert public_and_draft["draft"].page.get_absolute_url() not in pages


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
    for name in ("articles", "issues", "pages", "regions", "topics", "people"):
        with django_assert_max_num_queries(2):
            section(client, name)


def test_robots_txt(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
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

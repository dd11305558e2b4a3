"""No draft reaches the API: not by its URL, not in a list, not inside another answer."""

import datetime

import pytest
from django.utils import timezone

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

SECRET = "未发布的秘密"
HIDDEN_PERSON = "秘密人物"


@pytest.fixture
def paper():
    """A published issue with one public article, and a draft of every kind around it."""
    topic = TopicFactory(name="夜校专题", slug="ye-xiao")
    issue = IssueFactory(date=datetime.date(2025, 4, 17))
    front = PageFactory(issue=issue, number=1)
    inside = PageFactory(issue=issue, number=2, section="综合新闻")
    public = ArticleFactory(page=front, position=1, title="公开的文章", topics=[topic])
    known = PersonFactory(name="公开人物", slug="gong-kai")
    CreditFactory(article=public, person=known)
    hidden = PersonFactory(name=HIDDEN_PERSON, slug="mi-mi")
    drafts = [
        # a draft and an article under review in a published issue
        ArticleFactory(page=inside, position=1, title=f"{SECRET}草稿", status="draft"),
        ArticleFactory(page=inside, position=2, title=f"{SECRET}待审", status="review"),
        # published, but due tomorrow
        ArticleFactory(
            page=inside,
            position=3,
            title=f"{SECRET}定时",
            published_at=timezone.now() + datetime.timedelta(days=1),
        ),
        # published, in a draft issue
        ArticleFactory(
            page=PageFactory(
                issue=IssueFactory(date=datetime.date(2025, 4, 24), status=Issue.Status.DRAFT)
            ),
            title=f"{SECRET}草稿期",
        ),
    ]
    for draft in drafts:
        if draft.status != Article.Status.PUBLISHED:
            draft.published_at = None
            draft.save()
        draft.topics.add(topic)
        CreditFactory(article=draft, person=hidden)  # known only from drafts
        CreditFactory(article=draft, person=known, title="秘密职务")  # a public person's
        draft.article_regions.create(region=region("安吉"), is_primary=True)
    # a teaser on the front page pointing at a draft
    ArticleFactory(page=front, position=2, title="导读", kind="teaser", teaser_target=drafts[0])
    return public, drafts, hidden, known


def body(client, url, status=200) -> str:
    response = client.get(url)
    assert response.status_code == status, url
    return response.content.decode()


PUBLIC_URLS = [
    "/api/issues",
    "/api/issues/2025-04-17",
    "/api/issues/2025-04-17/pages/1",
    "/api/issues/2025-04-17/pages/2",
    "/api/articles",
    "/api/articles?region=anji",
    "/api/articles?topic=ye-xiao",
    "/api/articles?person=gong-kai",
    "/api/articles?date_from=2025-04-17",
    "/api/articles?q=秘密",
    "/api/people",
    "/api/people/gong-kai",
    "/api/topics",
]


@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_no_list_or_detail_shows_a_draft(client, paper, url):
    text = body(client, url)
    assert SECRET not in text
    assert HIDDEN_PERSON not in text and "mi-mi" not in text
    assert "秘密职务" not in text
    assert "2025-04-24" not in text


def test_each_draft_is_a_404_by_its_url(client, paper):
    _, drafts, hidden, _ = paper
    for draft in drafts:
        assert SECRET not in body(client, f"/api/articles/{draft.pk}", status=404)
    body(client, "/api/issues/2025-04-24", status=404)
    body(client, "/api/issues/2025-04-24/pages/1", status=404)
    # Named only in drafts: the same answer as a name nobody has.
    assert body(client, f"/api/people/{hidden.slug}", status=404) == body(
        client, "/api/people/nobody", status=404
    )


def test_public_things_count_only_public_articles(client, paper):
    assert client.get("/api/articles").json()["count"] == 1
    assert client.get("/api/people/gong-kai").json()["article_count"] == 1
    (topic,) = [t for t in client.get("/api/topics").json() if t["slug"] == "ye-xiao"]
    assert topic["article_count"] == 1
    assert client.get("/api/issues/2025-04-17/pages/2").json()["articles"] == []
    teaser = client.get("/api/issues/2025-04-17/pages/1").json()["articles"][1]
    assert teaser["title"] == "导读" and teaser["teaser_target"] is None


def test_staff_see_no_more_than_anyone(client, paper, editor):
    client.force_login(editor)
    for url in PUBLIC_URLS:
        assert SECRET not in body(client, url), url
    for draft in paper[1]:
        body(client, f"/api/articles/{draft.pk}", status=404)

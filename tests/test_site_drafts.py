"""Drafts: a 404 to readers on every URL, a 预览 to staff; lists never show them."""

import datetime

import pytest
from django.urls import reverse
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

SECRET = "未发布的秘密标题"


@pytest.fixture
def staff(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def draft_issue():
    issue = IssueFactory(date=datetime.date(2025, 5, 2), status=Issue.Status.DRAFT)
    page = PageFactory(issue=issue, number=1)
    PageFactory(issue=issue, number=2, section="综合新闻")
    ArticleFactory(page=page, title=SECRET, regions=[region("湖州")])
    return issue


def draft_article(**kwargs):
    """A draft article in a published issue."""
    return ArticleFactory(title=SECRET, status=Article.Status.DRAFT, published_at=None, **kwargs)


def test_draft_issue_urls_are_404_to_readers(client, draft_issue):
    article = draft_issue.articles.get()
    for url in [
        draft_issue.get_absolute_url(),
        reverse("issues:page", kwargs={"date": "2025-05-02", "number": 1}),
        reverse("issues:page", kwargs={"date": "2025-05-02", "number": 2}),
        article.get_absolute_url(),
    ]:
        assert client.get(url).status_code == 404, url


@pytest.mark.parametrize(
    "make",
    [
        lambda: draft_article(),
        lambda: ArticleFactory(
            title=SECRET, published_at=timezone.now() + datetime.timedelta(days=1)
        ),
    ],
    ids=["draft", "scheduled"],
)
def test_unpublished_article_is_404_to_readers(client, make):
    article = make()
    assert client.get(article.get_absolute_url()).status_code == 404


def test_draft_content_never_appears_in_lists_and_hubs(client, draft_issue):
    topic = TopicFactory(name="秘密专题", slug="mi-mi")
    person = PersonFactory(slug="mi-mi-ren")
    public = ArticleFactory(title="公开文章", topics=[topic], regions=[region("湖州")])
    CreditFactory(article=public, person=person)
    hidden = draft_article(page=public.page, topics=[topic], regions=[region("湖州")])
    CreditFactory(article=hidden, person=person)
    draft_issue.articles.get().topics.add(topic)

    urls = [
        reverse("home"),
        reverse("issues:archive"),
        reverse("articles:list"),
        reverse("articles:list") + "?region=huzhou",
        public.get_absolute_url(),
        public.page.get_absolute_url(),
        public.issue.get_absolute_url(),
        region("湖州").get_absolute_url(),
        topic.get_absolute_url(),
        person.get_absolute_url(),
        reverse("people:list"),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert SECRET not in html, url
        assert "预览" not in html, url
        assert "/issues/2025-05-02/" not in html, url


def test_person_only_in_drafts_is_404_to_readers_and_previewed_by_staff(client, editor):
    person = PersonFactory(name="只在草稿", slug="zhi-zai-cao-gao")
    CreditFactory(article=draft_article(), person=person)

    assert client.get(person.get_absolute_url()).status_code == 404

    client.force_login(editor)
    response = client.get(person.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert "预览" in html
    assert SECRET not in html


def test_staff_preview_a_draft_issue_with_a_banner(staff, draft_issue):
    for url in [
        draft_issue.get_absolute_url(),
        reverse("issues:page", kwargs={"date": "2025-05-02", "number": 1}),
    ]:
        response = staff.get(url)
        assert response.status_code == 200
        html = response.content.decode()
        assert '<p class="preview-banner" role="status"><strong>预览</strong>' in html
        assert SECRET in html


def test_staff_preview_a_draft_article_with_a_banner(staff):
    article = draft_article()
    response = staff.get(article.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert "<strong>预览</strong>" in html
    assert SECRET in html


def test_staff_see_drafts_on_a_published_page_marked_as_such(staff):
    public = ArticleFactory(title="公开文章")
    draft_article(page=public.page)
    html = staff.get(public.page.get_absolute_url()).content.decode()
    assert SECRET in html and "草稿" in html and "<strong>预览</strong>" in html


def test_published_content_shows_no_banner_to_staff(staff):
    public = ArticleFactory(title="公开文章")
    for url in [public.get_absolute_url(), public.page.get_absolute_url()]:
        assert "预览" not in staff.get(url).content.decode()


def test_staff_lists_stay_public_only(staff, draft_issue):
    draft_article()
    for url in [reverse("home"), reverse("articles:list"), reverse("issues:archive")]:
        assert SECRET not in staff.get(url).content.decode(), url


def test_teaser_to_a_draft_does_not_redirect_readers_there(client):
    target = draft_article()
    teaser = ArticleFactory(
        page=PageFactory(issue=target.issue, number=2),
        kind=Article.Kind.TEASER,
        title="导读",
        teaser_target=target,
    )
    response = client.get(teaser.get_absolute_url())
    assert response.status_code == 200
    assert target.get_absolute_url() not in response.content.decode()


def test_not_found_page_is_in_chinese(client):
    response = client.get("/articles/999999/")
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="zh-CN">' in html
    assert "页面不存在" in html

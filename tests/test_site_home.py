"""The home page: the latest published issue's front page, its pages, recent articles."""

import datetime

import pytest
from django.urls import reverse

from articles.models import Article
from newsletter.models import Issue
from tests.factories import ArticleFactory, IssueFactory, PageFactory

pytestmark = pytest.mark.django_db


def test_empty_site_says_so_in_chinese(client):
    response = client.get(reverse("home"))
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="zh-CN">' in html
    assert "目前还没有已发布的报纸" in html


def test_home_shows_the_latest_published_issue_front_page_in_print_order(client):
    old = IssueFactory(date=datetime.date(2025, 4, 11), number=100)
    latest = IssueFactory(date=datetime.date(2025, 4, 18), number=101)
    IssueFactory(date=datetime.date(2025, 4, 25), number=102, status=Issue.Status.DRAFT)
    front = PageFactory(issue=latest, number=1, section="要闻")
    PageFactory(issue=latest, number=2, section="综合新闻")
    second = ArticleFactory(page=front, position=2, title="第二条", kicker="引题文字")
    first = ArticleFactory(page=front, position=1, title="头条", subtitle="副题文字")
    ArticleFactory(page=PageFactory(issue=old), title="上一期的文章")

    response = client.get(reverse("home"))

    html = response.content.decode()
    assert response.context["issue"] == latest
    assert response.context["articles"] == [first, second]
    assert html.index("头条") < html.index("第二条")
    assert "引题文字" in html and "副题文字" in html
    assert "第101期" in html
    assert "2025年4月18日" in html
    assert "版面导航" in html and "综合新闻" in html
    assert "上一期的文章" in [a.title for a in response.context["recent"]]


def test_home_hides_draft_articles_and_points_teasers_at_their_targets(client):
    issue = IssueFactory()
    front = PageFactory(issue=issue, number=1)
    inside = PageFactory(issue=issue, number=2, section="综合新闻")
    target = ArticleFactory(page=inside, title="海曙政协建言非遗技艺活态传承")
    ArticleFactory(
        page=front,
        kind=Article.Kind.TEASER,
        title="海曙政协建言非遗技艺活态传承",
        teaser_target=target,
    )
    ArticleFactory(page=front, title="草稿文章", status=Article.Status.DRAFT, published_at=None)

    html = client.get(reverse("home")).content.decode()

    assert "草稿文章" not in html
    assert f'href="{target.get_absolute_url()}"' in html


def test_error_pages_render_in_chinese_without_a_request_context(rf):
    from django.views.defaults import bad_request, server_error

    assert "服务器出错" in server_error(rf.get("/")).content.decode()
    assert "请求有误" in bad_request(rf.get("/"), Exception()).content.decode()

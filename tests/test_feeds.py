"""RSS and Atom feeds: public articles only, by region (with the places under it), by topic."""

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from newsletter.models import Issue
from tests.factories import ArticleFactory, IssueFactory, PageFactory, TopicFactory, region

pytestmark = pytest.mark.django_db


def feed(client, url, *, status=200):
    response = client.get(url)
    assert response.status_code == status
    return response.content.decode()


def test_latest_rss_lists_public_articles_with_links(client, django_assert_max_num_queries):
    topic = TopicFactory(name="人工智能")
    articles = [ArticleFactory(title=f"人工智能专家协商会{i}", topics=[topic]) for i in range(5)]
    with django_assert_max_num_queries(3):
        response = client.get(reverse("feeds:latest"))
    assert response["Content-Type"].startswith("application/rss+xml")
    xml = response.content.decode()
    for article in articles:
        assert f"http://testserver{article.get_absolute_url()}" in xml
        assert f"<title>{article.title}</title>" in xml
    assert "<category>人工智能</category>" in xml


def test_latest_atom(client):
    article = ArticleFactory(title="青年夜校走红", subtitle="湖州政协深调研献良策")
    response = client.get(reverse("feeds:latest-atom"))
    assert response["Content-Type"].startswith("application/atom+xml")
    xml = response.content.decode()
    assert "<title>青年夜校走红:湖州政协深调研献良策</title>" in xml
    assert f"http://testserver{article.get_absolute_url()}" in xml


def test_drafts_never_appear(client):
    ArticleFactory(title="公开的文章")
    ArticleFactory(title="草稿文章", status=Article.Status.DRAFT, published_at=None)
    ArticleFactory(title="定时文章", published_at=timezone.now() + timezone.timedelta(days=1))
    ArticleFactory(
        title="未发布的期", page=PageFactory(issue=IssueFactory(status=Issue.Status.DRAFT))
    )
    for name in ("feeds:latest", "feeds:latest-atom"):
        xml = feed(client, reverse(name))
        assert "公开的文章" in xml
        assert "草稿文章" not in xml and "定时文章" not in xml and "未发布的期" not in xml


def test_teasers_are_left_out(client):
    target = ArticleFactory(title="海曙政协建言非遗技艺活态传承")
    ArticleFactory(title="导读:非遗技艺", kind=Article.Kind.TEASER, teaser_target=target)
    xml = feed(client, reverse("feeds:latest"))
    assert "海曙政协建言非遗技艺活态传承" in xml and "导读:非遗技艺" not in xml


def test_region_feed_includes_places_under_it(client, django_assert_max_num_queries):
    ArticleFactory(title="安吉青年夜校", regions=[region("安吉")])
    ArticleFactory(title="湖州市政协双月协商", regions=[region("湖州")])
    ArticleFactory(title="嵊州调研", regions=[region("嵊州")])
    ArticleFactory(title="安吉草稿", regions=[region("安吉")], status=Article.Status.DRAFT)
    url = reverse("feeds:region", kwargs={"slug": region("湖州").slug})
    with django_assert_max_num_queries(4):
        xml = feed(client, url)
    assert "安吉青年夜校" in xml and "湖州市政协双月协商" in xml
    assert "嵊州调研" not in xml and "安吉草稿" not in xml
    assert "<title>同心苑 · 湖州市</title>" in xml
    atom = feed(client, reverse("feeds:region-atom", kwargs={"slug": region("湖州").slug}))
    assert "安吉青年夜校" in atom


def test_topic_feed(client):
    topic = TopicFactory(name="新就业形态")
    ArticleFactory(title="快递小哥外卖骑手吐心声", topics=[topic])
    ArticleFactory(title="浙江出招助外贸企业出口转内销")
    xml = feed(client, reverse("feeds:topic", kwargs={"slug": topic.slug}))
    assert "快递小哥外卖骑手吐心声" in xml and "外贸" not in xml
    atom = feed(client, reverse("feeds:topic-atom", kwargs={"slug": topic.slug}))
    assert "快递小哥外卖骑手吐心声" in atom


def test_unknown_region_or_topic_is_404(client):
    feed(client, reverse("feeds:region", kwargs={"slug": "atlantis"}), status=404)
    feed(client, reverse("feeds:topic", kwargs={"slug": "不存在"}), status=404)


def test_base_template_advertises_the_latest_feed(client):
    ArticleFactory()
    html = feed(client, reverse("home"))
    assert 'type="application/rss+xml"' in html
    assert reverse("feeds:latest") in html

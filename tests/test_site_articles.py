"""One article: its parts, people and places, 上一篇/下一篇, related, size switch, meta."""

import datetime

import pytest
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


@pytest.fixture
def page():
    issue = IssueFactory(date=datetime.date(2025, 4, 18), number=1234)
    return PageFactory(issue=issue, number=2, section="综合新闻")


def get(client, article, **params):
    return client.get(article.get_absolute_url(), params)


def test_article_page_shows_its_parts(client, page):
    article = ArticleFactory(
        page=page,
        kicker="推动人工智能赋能高质量发展",
        title="绍兴政协开展头脑风暴",
        subtitle="专家协商会聚焦算力产业",
        body="第一段。\n\n第二段。\n第三段。",
    )

    response = get(client, article)

    assert response.status_code == 200
    html = response.content.decode()
    assert '<h1 id="story-title">绍兴政协开展头脑<span class="nobr">风暴</span></h1>' in html
    assert "推动人工智能赋能高质量发展" in html
    assert "专家协商会聚焦算力产业" in html
    assert '<span class="source">本报</span>' in html
    assert '<time datetime="2025-04-18">2025年4月18日</time>' in html
    assert f'<a href="{page.get_absolute_url()}">第2版 · 综合新闻</a>' in html
    assert "<p>第一段。</p>" in html and "<p>第二段。</p>" in html and "<p>第三段。</p>" in html
    assert "<title>绍兴政协开展头脑风暴 · 联谊报 2025年4月18日 · 同心苑</title>" in html


def test_reprints_credit_their_source(client, page):
    article = ArticleFactory(page=page, source="浙江日报", is_reprint=True)
    assert '<span class="source">据浙江日报</span>' in get(client, article).content.decode()


def test_byline_and_people_named_with_the_title_as_written(client, page):
    article = ArticleFactory(page=page)
    reporter = PersonFactory(name="周霜", slug="zhou-shuang", kind="reporter")
    member = PersonFactory(name="赵超宗", slug="zhao-chao-zong", title="现在的职务")
    CreditFactory(article=article, person=reporter, role=Credit.Role.REPORTER, title="", order=1)
    CreditFactory(article=article, person=member, title="市政协委员、联通绍兴分公司总经理", order=2)

    html = get(client, article).content.decode()

    assert '记者 <a href="/people/zhou-shuang/">周霜</a>' in html
    assert "文中人物" in html
    assert '<a href="/people/zhao-chao-zong/">赵超宗</a>' in html
    assert "市政协委员、联通绍兴分公司总经理" in html
    assert "现在的职务" not in html


def test_regions_and_topics_are_links(client, page):
    topic = TopicFactory(name="算力专题", slug="suan-li-zhuan-ti")
    article = ArticleFactory(page=page, regions=[region("嵊州"), region("绍兴")], topics=[topic])

    html = get(client, article).content.decode()

    assert '<a href="/regions/shengzhou/">嵊州市</a>' in html
    assert '<a href="/regions/shaoxing/">绍兴市</a>' in html
    assert '<a href="/topics/suan-li-zhuan-ti/">算力专题</a>' in html


def test_previous_and_next_stay_on_the_page_and_skip_teasers(client, page):
    first = ArticleFactory(page=page, position=1, title="第一篇")
    ArticleFactory(page=page, position=2, title="导读一条", kind=Article.Kind.TEASER)
    middle = ArticleFactory(page=page, position=3, title="第二篇")
    ArticleFactory(page=page, position=4, title="草稿", status="draft", published_at=None)
    last = ArticleFactory(page=page, position=5, title="第三篇")
    ArticleFactory(page=PageFactory(issue=page.issue, number=3), position=1, title="别版")

    context = get(client, middle).context
    assert context["previous_article"] == first
    assert context["next_article"] == last
    html = get(client, middle).content.decode()
    assert f'<a href="{first.get_absolute_url()}" rel="prev">上一篇：第一篇</a>' in html
    assert f'<a href="{last.get_absolute_url()}" rel="next">下一篇：第三篇</a>' in html

    assert get(client, first).context["previous_article"] is None
    assert get(client, last).context["next_article"] is None


def test_related_articles_share_a_topic_or_region_and_are_public(client, page):
    topic = TopicFactory(name="共同富裕")
    article = ArticleFactory(page=page, topics=[topic], regions=[region("湖州")])
    same_topic = ArticleFactory(page=page, topics=[topic])
    same_region = ArticleFactory(page=page, regions=[region("湖州")])
    ArticleFactory(page=page, regions=[region("宁波")])
    ArticleFactory(page=page, topics=[topic], status="draft", published_at=None)
    ArticleFactory(page=page, topics=[topic], kind=Article.Kind.TEASER)

    related = get(client, article).context["related"]

    assert set(related) == {same_topic, same_region}


def test_related_articles_are_the_newest_up_to_this_one_and_not_linked_by_the_province(
    client, page
):
    article = ArticleFactory(page=page, regions=[region("湖州"), region("浙江")])
    older = ArticleFactory(
        page=PageFactory(issue=IssueFactory(date=page.issue.date - datetime.timedelta(days=7))),
        regions=[region("安吉")],
    )
    ArticleFactory(
        page=PageFactory(issue=IssueFactory(date=page.issue.date + datetime.timedelta(days=7))),
        regions=[region("湖州")],
    )
    ArticleFactory(page=page, regions=[region("浙江")])

    assert get(client, article).context["related"] == []
    article = ArticleFactory(page=page, regions=[region("安吉"), region("浙江")])
    assert get(client, article).context["related"] == [older]


def test_article_without_topics_or_regions_has_no_related(client, page):
    article = ArticleFactory(page=page)
    ArticleFactory(page=page)
    assert get(client, article).context["related"] == []


def test_font_size_switch_works_without_javascript_and_is_remembered(client, page):
    article = ArticleFactory(page=page)

    html = get(client, article).content.decode()
    assert '<body class="size-m">' in html
    assert 'href="?size=l"' in html and 'href="?size=s"' in html

    response = get(client, article, size="l")
    assert '<body class="size-l">' in response.content.decode()
    assert response.cookies["size"].value == "l"

    assert '<body class="size-l">' in get(client, article).content.decode()

    response = get(client, article, size="<script>")
    assert response.status_code == 200
    assert '<body class="size-l">' in response.content.decode()
    assert "<script>" not in response.content.decode()


def test_head_has_description_canonical_and_open_graph(client, page):
    article = ArticleFactory(
        page=page, title="宁波政协委员月谈会", body="近日,宁波市政协开展协商。\n二"
    )

    html = get(client, article, size="l").content.decode()

    url = f"http://testserver{article.get_absolute_url()}"
    assert f'<link rel="canonical" href="{url}">' in html
    assert '<meta name="description" content="近日,宁波市政协开展协商。">' in html
    assert '<meta property="og:title" content="宁波政协委员月谈会">' in html
    assert f'<meta property="og:url" content="{url}">' in html
    assert '<meta property="og:type" content="article">' in html


def test_teaser_redirects_to_its_public_target(client, page):
    target = ArticleFactory(page=page)
    teaser = ArticleFactory(
        page=PageFactory(issue=page.issue, number=1),
        kind=Article.Kind.TEASER,
        teaser_target=target,
    )
    response = get(client, teaser)
    assert response.status_code == 302
    assert response.url == target.get_absolute_url()


def test_unknown_article_is_404(client):
    assert client.get(reverse("articles:detail", kwargs={"pk": 999999})).status_code == 404


def test_print_stylesheet_and_typography_are_in_the_site_css():
    from django.contrib.staticfiles import finders

    with open(finders.find("css/site.css"), encoding="utf-8") as f:
        css = f.read()
    assert "@media print" in css
    assert "text-indent: 2em" in css
    assert "line-height: 1.9" in css
    assert '"Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", SimSun, serif' in css
    assert '"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC"' in css


def test_article_page_varies_on_the_size_cookie(client, page):
    response = get(client, ArticleFactory(page=page))
    assert "Cookie" in response["Vary"]


@pytest.mark.parametrize("pk", ["0", "9" * 30])
def test_out_of_range_ids_are_404(client, pk):
    assert client.get(f"/articles/{pk}/").status_code == 404


def test_list_items_escape_hostile_text(client):
    topic = TopicFactory(name="<b>专题</b>")
    ArticleFactory(
        kicker="<i>引</i>",
        title="<script>alert(1)</script>标题",
        subtitle="副&题",
        body="<img src=x onerror=alert(1)>正文",
        topics=[topic],
    )
    html = client.get(reverse("articles:list")).content.decode()
    assert "<script>alert(1)" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;标题" in html
    assert "&lt;i&gt;引&lt;/i&gt;" in html and "副&amp;题" in html
    assert "&lt;img src=x onerror=alert(1)&gt;正文" in html
    assert "&lt;b&gt;专题&lt;/b&gt;" in html

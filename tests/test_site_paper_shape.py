"""The paper's shape on screen: the lead story, the page map (版面示意), teasers to a
page not yet imported, the article's sidebar, and no empty boxes."""

import datetime
import re

import pytest
from django.urls import reverse

from articles.models import Article
from newsletter.page_map import block_size
from tests.factories import ArticleFactory, IssueFactory, PageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def front():
    issue = IssueFactory(date=datetime.date(2025, 4, 17), number=1234)
    return PageFactory(issue=issue, number=1, section="要闻")


def test_home_opens_with_the_lead_story_then_the_rest(client, front):
    ArticleFactory(page=front, position=1, kind=Article.Kind.PHOTO, title="图片在前")
    lead = ArticleFactory(
        page=front,
        position=2,
        title="头条的标题在此",
        kicker="引题在此",
        subtitle="副题在此",
        body="导语第一段。\n第二段。",
    )
    ArticleFactory(page=front, position=3, title="第二篇文章")
    response = client.get(reverse("home"))
    html = response.content.decode()
    assert response.context["lead"] == lead
    story = html[html.index('<article class="lead-story"') : html.index('class="front-columns"')]
    for part in (
        "头条",
        "引题在此",
        '头条的标题<span class="nobr">在此</span>',
        "副题在此",
        "导语第一段。",
    ):
        assert part in story
    assert "第二段。" not in story  # the lead paragraph only
    columns = html[html.index('class="front-columns"') :]
    assert "图片在前" in columns and "第二篇文章" in columns
    assert "头条的标题" not in columns


def test_no_empty_recent_box_on_home(client, front):
    ArticleFactory(page=front)
    html = client.get(reverse("home")).content.decode()
    assert "近期文章" not in html and "暂无更多文章" not in html
    ArticleFactory(page=PageFactory(issue=front.issue, number=2), title="二版文章")
    html = client.get(reverse("home")).content.decode()
    assert "近期文章" in html and "二版文章" in html


def test_the_page_map_has_a_block_per_item_in_print_order_sized_by_length(client, front):
    ArticleFactory(page=front, position=3, title="短讯", kind=Article.Kind.BRIEF, body="短。")
    ArticleFactory(page=front, position=1, title="长篇头条", body="字" * 3000)
    ArticleFactory(page=front, position=2, title="中篇", body="字" * 800)
    ArticleFactory(page=front, position=4, title="导读", kind=Article.Kind.TEASER, body="")
    response = client.get(front.get_absolute_url())
    blocks = response.context["page_map"]
    assert [(b.title, b.size, b.lead, b.kind_label) for b in blocks] == [
        ("长篇头条", 6, True, "头条"),
        ("中篇", 3, False, ""),
        ("短讯", 1, False, "简讯"),
    ]
    html = response.content.decode()
    nav = html[html.index('<nav class="page-map"') :]
    nav = nav[: nav.index("</nav>")]
    items = re.findall(r'<li class="map-block map-size-(\d)( map-lead)?"><a href="([^"]+)"', nav)
    assert [size for size, _, _ in items] == ["6", "3", "1"]
    assert items[0][1] == " map-lead"
    assert "（约3000字）" in nav  # each link says what it stands for
    assert "导读" not in nav


def test_block_sizes_are_clamped():
    assert [block_size(n) for n in (0, 299, 300, 1199, 2600, 100_000)] == [1, 1, 2, 3, 6, 6]


def test_the_article_sidebar_has_the_pages_and_this_pages_map(client, front):
    PageFactory(issue=front.issue, number=2, section="综合新闻")
    article = ArticleFactory(page=front, position=1, title="本文")
    ArticleFactory(page=front, position=2, title="同版另一篇")
    response = client.get(article.get_absolute_url())
    html = response.content.decode()
    sidebar = html[html.index('<div class="sidebar">') :]
    assert "版面导航" in sidebar and "第2版" in sidebar
    assert "同版另一篇" in sidebar
    assert [b.current for b in response.context["page_map"]] == [True, False]
    assert (
        'aria-current="page"><span class="map-kind">头条</span> <span class="map-title">本文'
        in (sidebar)
    )
    assert "相关文章" not in html  # nothing related: no empty box


@pytest.fixture
def teaser_to_missing_page(front):
    """A teaser on page 1 whose page 2 has not been imported: its target is a placeholder."""
    inside = PageFactory(issue=front.issue, number=2, section="综合新闻")
    placeholder = ArticleFactory(
        page=inside, title="二版的文章", body="", status=Article.Status.DRAFT, published_at=None
    )
    ArticleFactory(page=front, position=1, title="头版文章")
    ArticleFactory(
        page=front,
        position=2,
        title="二版的文章",
        kind=Article.Kind.TEASER,
        teaser_target=placeholder,
    )
    return inside


def test_a_teaser_to_a_page_not_imported_says_so(client, front, teaser_to_missing_page):
    html = client.get(front.get_absolute_url()).content.decode()
    teaser = html[html.index("导读</span>") :]
    teaser = teaser[: teaser.index("</article>")]
    assert "见第2版 · 综合新闻" in teaser and "该版尚未导入" in teaser
    assert "<a " not in teaser  # nothing to follow yet


def test_a_page_not_imported_says_so_and_links_back(client, front, teaser_to_missing_page):
    response = client.get(teaser_to_missing_page.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert "该版尚未导入" in html
    assert f'<a href="{front.get_absolute_url()}">返回第1版</a>' in html
    assert '<meta name="robots" content="noindex">' in html
    assert "本版暂无已发布的文章" not in html


def test_a_page_of_unpublished_articles_is_not_called_unimported(client, front):
    inside = PageFactory(issue=front.issue, number=2)
    ArticleFactory(page=inside, status=Article.Status.DRAFT, published_at=None)
    html = client.get(inside.get_absolute_url()).content.decode()
    assert "本版暂无已发布的文章" in html and "该版尚未导入" not in html
    assert "noindex" not in html

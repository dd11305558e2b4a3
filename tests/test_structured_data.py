"""schema.org JSON-LD and Open Graph: what search engines and link previews read."""

import json
import re

import pytest

from people.models import Credit
from tests.factories import (
    ArticleFactory,
    CreditFactory,
    PageFactory,
    PersonFactory,
    region,
)

pytestmark = pytest.mark.django_db

LD_JSON = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def ld_blocks(response) -> dict[str, dict]:
    html = response.content.decode()
    return {data["@type"]: data for data in map(json.loads, LD_JSON.findall(html))}


@pytest.fixture
def article():
    page = PageFactory(number=3, section="议政")
    article = ArticleFactory(
        page=page,
        title="让青年夜校“走红”“走远”",
        subtitle="湖州政协深调研献良策",
        body="书法插花、读书分享。\n第二段。",
        regions=[region("湖州"), region("安吉")],
    )
    CreditFactory(
        article=article,
        person=PersonFactory(name="朱敏敏"),
        role=Credit.Role.REPORTER,
        title="本报记者",
    )
    CreditFactory(
        article=article,
        person=PersonFactory(name="包玉院"),
        role=Credit.Role.CORRESPONDENT,
        title="",
    )
    CreditFactory(article=article, person=PersonFactory(name="文中人"))
    return article


def test_an_article_is_a_news_article(client, article):
    response = client.get(article.get_absolute_url())
    data = ld_blocks(response)["NewsArticle"]
    url = f"http://testserver{article.get_absolute_url()}"
    assert data["@context"] == "https://schema.org"
    assert data["headline"] == "让青年夜校“走红”“走远”"
    assert data["alternativeHeadline"] == "湖州政协深调研献良策"
    assert data["description"] == "书法插花、读书分享。"
    assert data["url"] == url and data["mainEntityOfPage"]["@id"] == url
    assert data["datePublished"] == article.published_at.isoformat()
    assert data["dateModified"] >= data["datePublished"]
    assert [(a["name"], a["jobTitle"]) for a in data["author"]] == [
        ("朱敏敏", "本报记者"),
        ("包玉院", "通讯员"),  # no title as written: the role
    ]
    assert data["publisher"]["name"] == "同心苑 · 浙江政协《联谊报》"
    assert re.fullmatch(
        r"http://testserver/static/icons/icon-512(\.\w+)?\.png", data["publisher"]["logo"]["url"]
    )
    assert data["articleSection"] == "议政"
    assert [p["name"] for p in data["contentLocation"]] == ["湖州市", "安吉县"]
    assert data["isPartOf"]["datePublished"] == article.issue_date.isoformat()


def test_an_article_with_no_byline_is_by_its_outlet(client):
    article = ArticleFactory(source="浙江日报")
    data = ld_blocks(client.get(article.get_absolute_url()))["NewsArticle"]
    assert data["author"] == [{"@type": "Organization", "name": "浙江日报"}]
    assert "contentLocation" not in data


def test_an_article_has_open_graph_tags(client, article):
    html = client.get(article.get_absolute_url()).content.decode()
    assert '<meta property="og:type" content="article">' in html
    assert '<meta property="og:title" content="让青年夜校“走红”“走远”">' in html
    assert re.search(r'<meta property="og:image" content="http://testserver/static/icons/', html)
    assert '<meta property="article:section" content="议政">' in html


def test_breadcrumbs_lead_from_home_to_the_article(client, article):
    data = ld_blocks(client.get(article.get_absolute_url()))["BreadcrumbList"]
    issue = article.issue
    assert [(i["position"], i["name"], i["item"]) for i in data["itemListElement"]] == [
        (1, "首页", "http://testserver/"),
        (2, f"{issue.masthead} {issue.date.year}年{issue.date.month}月{issue.date.day}日",
         f"http://testserver{issue.get_absolute_url()}"),
        (3, "第3版 · 议政", f"http://testserver{article.page.get_absolute_url()}"),
        (4, article.title, f"http://testserver{article.get_absolute_url()}"),
    ]  # fmt: skip


def test_a_page_has_breadcrumbs_and_no_news_article(client, article):
    blocks = ld_blocks(client.get(article.page.get_absolute_url()))
    assert set(blocks) == {"BreadcrumbList"}
    names = [i["name"] for i in blocks["BreadcrumbList"]["itemListElement"]]
    assert names[0] == "首页" and names[-1] == "第3版 · 议政"


def test_text_cannot_close_the_json_ld_block(client):
    title = '</script><script>alert("x")</script> & 标题'
    article = ArticleFactory(title=title, body="<b>正文</b> & 更多")
    html = client.get(article.get_absolute_url()).content.decode()
    blocks = LD_JSON.findall(html)
    assert blocks and all("<" not in b and ">" not in b and "&" not in b for b in blocks)
    assert "\\u003C/script\\u003E" in blocks[0]
    assert ld_blocks(client.get(article.get_absolute_url()))["NewsArticle"]["headline"] == title

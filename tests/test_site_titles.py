"""Every page type has a title and a description of its own."""

import datetime
import re

import pytest
from django.urls import reverse

from tests.factories import (
    ArticleFactory,
    CreditFactory,
    IssueFactory,
    PageFactory,
    TopicFactory,
    region,
)

pytestmark = pytest.mark.django_db

TITLE = re.compile(r"<title>(.*?)</title>", re.S)
DESCRIPTION = re.compile(r'<meta name="description" content="(.*?)">', re.S)


@pytest.fixture
def urls():
    issue = IssueFactory(date=datetime.date(2025, 4, 17), number=1234, masthead="联谊报")
    front = PageFactory(issue=issue, number=1, section="要闻")
    inside = PageFactory(issue=issue, number=2, section="综合新闻")
    topic = TopicFactory(name="青年")
    article = ArticleFactory(page=front, title="头版头条", topics=[topic], regions=[region("湖州")])
    ArticleFactory(page=inside, title="二版文章")
    credit = CreditFactory(article=article)
    return {
        "home": reverse("home"),
        "archive": reverse("issues:archive"),
        "page": inside.get_absolute_url(),
        "list": reverse("articles:list"),
        "filtered": reverse("articles:list") + f"?region=huzhou&topic={topic.slug}",
        "article": article.get_absolute_url(),
        "regions": reverse("regions:list"),
        "region": region("湖州").get_absolute_url(),
        "topics": reverse("topics:list"),
        "topic": topic.get_absolute_url(),
        "people": reverse("people:list"),
        "person": credit.person.get_absolute_url(),
        "search": reverse("search:results") + "?q=头条",
    }


def head(client, url) -> tuple[str, str]:
    html = client.get(url).content.decode()
    return TITLE.search(html).group(1), DESCRIPTION.search(html).group(1)


def test_every_page_type_has_its_own_title_and_description(client, urls):
    heads = {name: head(client, url) for name, url in urls.items()}
    titles = [t for t, _ in heads.values()]
    descriptions = [d for _, d in heads.values()]
    assert len(set(titles)) == len(titles), heads
    assert len(set(descriptions)) == len(descriptions), heads
    assert all(d.strip() for d in descriptions)


def test_the_home_title_names_site_and_issue_once_each(client, urls):
    title, description = head(client, urls["home"])
    assert title == "同心苑 — 联谊报 2025年4月17日 第1234期"
    assert "头条：头版头条" in description


def test_a_masthead_holding_the_site_name_is_not_repeated(client):
    issue = IssueFactory(masthead="浙江政协同心苑")
    ArticleFactory(page=PageFactory(issue=issue))
    title, _ = head(client, reverse("home"))
    assert title.count("同心苑") == 1


def test_the_archive_does_not_reuse_the_home_description(client, urls):
    home = client.get("/").content.decode()
    archive = client.get(urls["archive"]).content.decode()
    assert DESCRIPTION.search(home).group(1) != DESCRIPTION.search(archive).group(1)
    assert "往期" in DESCRIPTION.search(archive).group(1)

"""Hubs: regions (a city includes its counties), topics and people."""

import datetime

import pytest
from django.urls import reverse

from articles.models import Article
from people.models import Credit, Person
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


def titles(response):
    return {a.title for a in response.context["articles"]}


def test_region_list_shows_cities_with_their_counties(client):
    response = client.get(reverse("regions:list"))
    assert response.status_code == 200
    cities = list(response.context["cities"])
    assert len(cities) == 11
    html = response.content.decode()
    assert '<a href="/regions/huzhou/">湖州市</a>' in html
    assert '<a href="/regions/anji/">安吉</a>' in html
    assert html.index("湖州市") < html.index(">安吉<") < html.index("绍兴市")


def test_region_hub_includes_its_sub_regions_articles(client):
    for name in ["湖州", "安吉", "吴兴", "宁波"]:
        ArticleFactory(title=f"{name}的文章", regions=[region(name)])
    ArticleFactory(title="湖州草稿", regions=[region("湖州")], status="draft", published_at=None)

    response = client.get(region("湖州").get_absolute_url())

    assert response.status_code == 200
    assert titles(response) == {"湖州的文章", "安吉的文章", "吴兴的文章"}
    html = response.content.decode()
    assert "<h1>湖州市</h1>" in html
    assert "下辖地区" in html and '<a href="/regions/anji/">安吉</a>' in html


def test_county_hub_has_breadcrumbs_and_only_its_articles(client):
    ArticleFactory(title="安吉的文章", regions=[region("安吉")])
    ArticleFactory(title="湖州的文章", regions=[region("湖州")])

    response = client.get(region("安吉").get_absolute_url())

    assert titles(response) == {"安吉的文章"}
    html = response.content.decode()
    assert '<a href="/regions/zhejiang/">浙江省</a>' in html
    assert '<a href="/regions/huzhou/">湖州市</a>' in html
    assert '<span aria-current="page">安吉县</span>' in html


def test_region_hub_without_articles_still_renders(client):
    response = client.get(region("海曙").get_absolute_url())
    assert response.status_code == 200
    assert "暂无关于海曙区的文章" in response.content.decode()


def test_unknown_region_is_404(client):
    assert client.get("/regions/atlantis/").status_code == 404


def test_region_hub_paginates_and_forgives_bad_cursors(client):
    for i in range(22):
        ArticleFactory(title=f"文章{i}", regions=[region("湖州")])
    url = region("湖州").get_absolute_url()
    first = client.get(url).context
    assert len(first["articles"]) == 20
    assert (first["total"], first["total_capped"]) == (22, False)
    assert len(client.get(url, {"after": first["page"].next_cursor}).context["articles"]) == 2
    bad = client.get(url, {"after": "abc"})
    assert bad.status_code == 200
    assert bad.context["articles"] == first["articles"]
    assert "翻页位置无效" in bad.content.decode()


def test_topic_list_counts_public_articles(client):
    topic = TopicFactory(name="振兴专题", slug="zhen-xing-zhuan-ti")
    ArticleFactory(topics=[topic])
    ArticleFactory(topics=[topic])
    ArticleFactory(topics=[topic], status="draft", published_at=None)
    TopicFactory(name="空专题", slug="kong-zhuan-ti")

    response = client.get(reverse("topics:list"))

    counts = {t.name: t.article_count for t in response.context["topics"]}
    assert counts["振兴专题"] == 2
    assert counts["空专题"] == 0
    assert '<a href="/topics/zhen-xing-zhuan-ti/">振兴专题</a>' in response.content.decode()


def test_topic_hub_lists_its_public_articles(client):
    topic = TopicFactory(name="算力专题", slug="suan-li-zhuan-ti")
    ArticleFactory(title="算力", topics=[topic])
    ArticleFactory(title="草稿", topics=[topic], status="draft", published_at=None)
    ArticleFactory(title="无关")

    response = client.get(topic.get_absolute_url())

    assert response.status_code == 200
    assert titles(response) == {"算力"}
    assert "专题：算力专题" in response.content.decode()


def test_topic_hub_without_articles_renders_and_unknown_topic_is_404(client):
    topic = TopicFactory(name="空专题", slug="kong")
    assert "这个专题暂无文章" in client.get(topic.get_absolute_url()).content.decode()
    assert client.get("/topics/no-such-topic/").status_code == 404
    assert client.get("/topics/%E4%BA%BA%00/").status_code == 404


def test_chinese_topic_slugs_route(client):
    topic = TopicFactory(name="民生测试", slug="民生测试")
    ArticleFactory(title="民生文章", topics=[topic])
    response = client.get(topic.get_absolute_url())
    assert response.status_code == 200
    assert titles(response) == {"民生文章"}


def test_person_hub_lists_public_articles_with_the_title_held_then(client):
    person = PersonFactory(name="赵超宗", slug="zhao-chao-zong", title="市政协常委")
    old = ArticleFactory(
        title="旧文章", page=PageFactory(issue=IssueFactory(date=datetime.date(2024, 3, 1)))
    )
    new = ArticleFactory(
        title="新文章", page=PageFactory(issue=IssueFactory(date=datetime.date(2025, 4, 18)))
    )
    draft = ArticleFactory(title="草稿文章", status="draft", published_at=None)
    CreditFactory(article=old, person=person, title="市政协委员")
    CreditFactory(article=new, person=person, title="市政协委员、联通绍兴分公司总经理")
    CreditFactory(article=draft, person=person, title="草稿里的职务")

    response = client.get(person.get_absolute_url())

    assert response.status_code == 200
    assert list(response.context["articles"]) == [new, old]
    html = response.content.decode()
    assert "文中身份：市政协委员、联通绍兴分公司总经理" in html
    assert "文中身份：市政协委员<" in html
    assert "草稿" not in html
    assert "<h1>赵超宗</h1>" in html


def test_person_list_groups_people_who_appear_in_public_articles(client):
    member = PersonFactory(name="陈勇", kind=Person.Kind.MEMBER)
    reporter = PersonFactory(name="周霜", kind=Person.Kind.REPORTER)
    hidden = PersonFactory(name="只在草稿", kind=Person.Kind.MEMBER)
    CreditFactory(person=member)
    CreditFactory(person=reporter, role=Credit.Role.REPORTER)
    CreditFactory(
        person=hidden, article=ArticleFactory(status=Article.Status.DRAFT, published_at=None)
    )

    response = client.get(reverse("people:list"))

    assert list(response.context["people"]) == [member, reporter]
    html = response.content.decode()
    assert html.index(">政协委员</h2>") < html.index("陈勇") < html.index(">记者</h2>")
    assert html.index(">记者</h2>") < html.index("周霜")
    assert "只在草稿" not in html


def test_unknown_person_is_404(client):
    assert client.get("/people/nobody/").status_code == 404

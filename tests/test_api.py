"""/api/: every endpoint and every article filter, exact membership, and bad input is a 4xx."""

import datetime

import pytest

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


def get(client, url, params=None, status=200):
    response = client.get(url, params or {})
    assert response.status_code == status, response.content.decode()
    assert response["Content-Type"] == "application/json; charset=utf-8"
    return response.json()


def titles(client, **params) -> set[str]:
    return {a["title"] for a in get(client, "/api/articles", params)["results"]}


def on(date, number=1, section="要闻"):
    return PageFactory(issue=IssueFactory(date=date), number=number, section=section)


@pytest.fixture
def places():
    """One article per place: a city, two of its counties, another city."""
    return {
        name: ArticleFactory(title=f"{name}的文章", regions=[region(name)])
        for name in ["湖州", "安吉", "吴兴", "宁波"]
    }


# ---------------------------------------------------------------- issues and pages


def test_issues_newest_first_with_their_pages(client):
    old = on(datetime.date(2025, 4, 1)).issue
    new = on(datetime.date(2025, 4, 8)).issue
    PageFactory(issue=new, number=2, section="综合新闻")

    listed = get(client, "/api/issues")
    assert [i["date"] for i in listed["results"]] == ["2025-04-08", "2025-04-01"]
    assert listed["next"] is None and listed["previous"] is None
    published_at = listed["results"][1].pop("published_at")
    assert datetime.datetime.fromisoformat(published_at) == old.published_at.replace(
        microsecond=old.published_at.microsecond // 1000 * 1000
    )
    assert listed["results"][1] == {
        "date": "2025-04-01",
        "number": old.number,
        "masthead": "联谊报",
        "url": "/issues/2025-04-01/",
    }
    detail = get(client, "/api/issues/2025-04-08")
    assert detail["pages"] == [
        {"number": 1, "section": "要闻", "url": "/issues/2025-04-08/1/"},
        {"number": 2, "section": "综合新闻", "url": "/issues/2025-04-08/2/"},
    ]


def test_issues_page_by_date_cursor(client):
    for day in range(60):
        IssueFactory(date=datetime.date(2025, 1, 1) + datetime.timedelta(days=day))

    first = get(client, "/api/issues")
    assert len(first["results"]) == 50 and first["results"][0]["date"] == "2025-03-01"
    second = get(client, first["next"])
    assert [i["date"] for i in second["results"]][-1] == "2025-01-01"
    assert len(second["results"]) == 10 and second["next"] is None
    back = get(client, second["previous"])
    assert back["results"] == first["results"] and back["previous"] is None
    for cursor in ("2025-02-30", "2025-W16-4", "20250301", "x" * 500):
        assert "翻页位置无效" in get(client, "/api/issues", {"after": cursor}, status=400)["detail"]


def test_a_page_lists_its_articles_in_print_order_with_teasers(client):
    front = on(datetime.date(2025, 4, 17))
    inside = PageFactory(issue=front.issue, number=2, section="综合新闻")
    target = ArticleFactory(page=inside, position=1, title="二版的文章")
    ArticleFactory(page=front, position=3, title="第三篇")
    ArticleFactory(page=front, position=1, title="头条")
    ArticleFactory(page=front, position=2, title="导读", kind="teaser", teaser_target=target)

    page = get(client, "/api/issues/2025-04-17/pages/1")
    assert page["issue"]["date"] == "2025-04-17"
    assert (page["number"], page["section"], page["url"]) == (1, "要闻", "/issues/2025-04-17/1/")
    assert [a["title"] for a in page["articles"]] == ["头条", "导读", "第三篇"]
    assert page["articles"][1]["teaser_target"] == target.pk
    assert page["articles"][0]["paragraphs"] == ["第一段正文。", "第二段正文。"]


@pytest.mark.parametrize(
    "url",
    [
        "/api/issues/2025-04-18",  # no such issue
        "/api/issues/2025-02-30",  # no such day
        "/api/issues/20250417",  # not a date
        "/api/issues/2025-04-17/pages/9",  # no such page
        "/api/issues/2025-04-17/pages/99999999999999999999",
        "/api/articles/99999999999999999999",
        "/api/articles/0",
        "/api/people/nobody",
    ],
)
def test_what_is_not_there_is_a_404_in_chinese(client, url):
    on(datetime.date(2025, 4, 17))
    answer = get(client, url, status=404)
    assert answer["detail"].startswith(("没有", "本期没有", "日期格式"))


# ---------------------------------------------------------------- articles


def test_an_article_with_credits_regions_and_topics(client):
    topic = TopicFactory(name="科技创新", slug="keji-chuangxin")
    article = ArticleFactory(
        page=on(datetime.date(2025, 4, 17), number=2, section="综合新闻"),
        kicker="引题",
        title="标题",
        subtitle="副题",
        source="浙江日报",
        is_reprint=True,
        dateline=datetime.date(2025, 4, 16),
        topics=[topic],
        regions=[region("安吉"), region("湖州")],  # 安吉 primary, though 湖州 sorts first
    )
    reporter = PersonFactory(name="周霜", slug="zhou-shuang", kind=Person.Kind.REPORTER)
    member = PersonFactory(name="王平", slug="wang-ping")
    CreditFactory(article=article, person=reporter, role=Credit.Role.REPORTER, title="", order=0)
    CreditFactory(article=article, person=member, title="市政协委员、联通绍兴分公司总经理", order=1)

    data = get(client, f"/api/articles/{article.pk}")
    assert data["url"] == f"/articles/{article.pk}/"
    assert (data["issue_date"], data["page_number"], data["section"]) == (
        "2025-04-17",
        2,
        "综合新闻",
    )
    assert (data["kicker"], data["title"], data["subtitle"]) == ("引题", "标题", "副题")
    assert (data["source"], data["is_reprint"], data["dateline"]) == (
        "浙江日报",
        True,
        "2025-04-16",
    )
    assert [(r["slug"], r["is_primary"]) for r in data["regions"]] == [
        ("anji", True),
        ("huzhou", False),
    ]
    assert data["topics"] == [{"slug": "keji-chuangxin", "name": "科技创新"}]
    assert data["credits"] == [
        {
            "person": {"slug": "zhou-shuang", "name": "周霜", "kind": "reporter"},
            "role": "reporter",
            "title": "",
        },
        {
            "person": {"slug": "wang-ping", "name": "王平", "kind": "member"},
            "role": "mentioned",
            "title": "市政协委员、联通绍兴分公司总经理",
        },
    ]
    assert data["paragraphs"] == ["第一段正文。", "第二段正文。"]
    assert data["teaser_target"] is None
    # The list shows the same article, without its text.
    (listed,) = get(client, "/api/articles")["results"]
    assert listed["credits"] == data["credits"] and "paragraphs" not in listed


def test_the_list_is_newest_issue_first_then_print_order(client):
    old, new = on(datetime.date(2025, 4, 1)), on(datetime.date(2025, 4, 8))
    inside = PageFactory(issue=new.issue, number=2)
    ArticleFactory(page=old, position=1, title="旧")
    ArticleFactory(page=inside, position=1, title="二版")
    ArticleFactory(page=new, position=2, title="一版第二")
    ArticleFactory(page=new, position=1, title="一版第一")

    answer = get(client, "/api/articles")
    assert [a["title"] for a in answer["results"]] == ["一版第一", "一版第二", "二版", "旧"]
    assert (answer["count"], answer["count_capped"], answer["count_limit"]) == (4, False, 1000)


def test_region_filter_includes_the_city_and_its_counties(client, places):
    assert titles(client, region="huzhou") == {"湖州的文章", "安吉的文章", "吴兴的文章"}
    assert titles(client, region="anji") == {"安吉的文章"}
    assert titles(client, region="ningbo") == {"宁波的文章"}
    assert len(titles(client, region="zhejiang")) == 4


def test_topic_filter_and_its_intersection_with_region(client, places):
    topic = TopicFactory(name="夜校专题", slug="ye-xiao-zhuan-ti")
    places["安吉"].topics.add(topic)
    places["宁波"].topics.add(topic)

    assert titles(client, topic="ye-xiao-zhuan-ti") == {"安吉的文章", "宁波的文章"}
    assert titles(client, topic="ye-xiao-zhuan-ti", region="huzhou") == {"安吉的文章"}


def test_person_filter_by_slug_or_name(client):
    person = PersonFactory(name="周霜", slug="zhou-shuang")
    credited = CreditFactory(person=person, role=Credit.Role.REPORTER).article
    ArticleFactory(title="无关")

    assert titles(client, person="zhou-shuang") == {credited.title}
    assert titles(client, person="周霜") == {credited.title}
    assert titles(client, person="nobody") == set()


def test_source_and_kind_filters(client):
    ArticleFactory(title="本报文章", source="本报")
    ArticleFactory(title="转载", source="浙江日报", is_reprint=True)
    ArticleFactory(title="图片", source="本报", kind=Article.Kind.PHOTO)

    assert titles(client, source="浙江日报") == {"转载"}
    assert titles(client, source="本报") == {"本报文章", "图片"}
    assert titles(client, kind="photo") == {"图片"}
    assert titles(client, kind="photo", source="浙江日报") == set()


def test_date_range_is_on_the_issue_date_and_inclusive(client):
    for day in (1, 10, 20):
        ArticleFactory(title=f"{day}日", page=on(datetime.date(2025, 4, day)))

    assert titles(client, date_from="2025-04-10") == {"10日", "20日"}
    assert titles(client, date_to="2025-04-10") == {"1日", "10日"}
    assert titles(client, date_from="2025-04-02", date_to="2025-04-19") == {"10日"}


def test_text_matches_title_or_body_and_every_word(client):
    ArticleFactory(title="推动人工智能赋能高质量发展", body="算力产业")
    ArticleFactory(title="外贸企业出口转内销", body="人工智能选品")
    ArticleFactory(title="青年夜校", body="乡村振兴")

    assert titles(client, q="人工智能") == {"推动人工智能赋能高质量发展", "外贸企业出口转内销"}
    assert titles(client, q="人工智能 算力") == {"推动人工智能赋能高质量发展"}


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"region": "atlantis"}, "region"),
        ({"topic": "no-such-topic"}, "topic"),
        ({"source": "人民日报"}, "source"),
        ({"kind": "teaser"}, "kind"),
        ({"date_from": "2025-13-40"}, "date_from"),
        ({"date_to": "yesterday"}, "date_to"),
        ({"q": "长" * 101}, "q"),
        ({"person": "张" * 65}, "person"),
    ],
)
def test_bad_filter_values_are_a_400_naming_the_filter(client, places, params, field):
    answer = get(client, "/api/articles", params, status=400)
    assert answer["detail"].startswith("筛选条件无效")
    assert f"{field}：" in answer["detail"]


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"after": "2025-04-17"}, "翻页位置无效"),
        ({"before": "2025-02-30.1.1"}, "翻页位置无效"),
        ({"after": "2025-04-17.1.1", "before": "2025-04-17.1.1"}, "只能给一个"),
        ({"size": "0"}, "参数无效"),
        ({"size": "101"}, "参数无效"),
        ({"size": "ten"}, "参数无效"),
    ],
)
def test_bad_paging_values_are_a_400(client, places, params, message):
    assert message in get(client, "/api/articles", params, status=400)["detail"]


def test_unknown_parameters_are_ignored(client, places):
    assert len(titles(client, colour="blue")) == 4


# ---------------------------------------------------------------- people, regions, topics


def test_people_are_those_named_in_public_articles(client):
    reporter = PersonFactory(name="周霜", slug="zhou-shuang", kind=Person.Kind.REPORTER)
    member = PersonFactory(name="王平", slug="wang-ping", region=region("安吉"))
    for _ in range(2):
        CreditFactory(person=member)
    CreditFactory(person=reporter, role=Credit.Role.REPORTER)
    PersonFactory(name="无文", slug="wu-wen")  # named nowhere

    people = get(client, "/api/people")
    assert [(p["slug"], p["article_count"]) for p in people["results"]] == [
        ("wang-ping", 2),  # members first, then reporters
        ("zhou-shuang", 1),
    ]
    assert people["count"] == 2 and people["next"] is None
    detail = get(client, "/api/people/wang-ping")
    assert detail == {
        "slug": "wang-ping",
        "name": "王平",
        "kind": "member",
        "title": "",
        "organisation": "",
        "region": {"slug": "anji", "name": "安吉县", "short_name": "安吉"},
        "url": "/people/wang-ping/",
        "article_count": 2,
    }
    get(client, "/api/people/wu-wen", status=404)


def test_people_page_by_number(client, settings):
    from api import views

    for i in range(3):
        CreditFactory(person=PersonFactory(name=f"人{i}", slug=f"ren-{i}"))
    views.PEOPLE_PER_PAGE, saved = 2, views.PEOPLE_PER_PAGE
    try:
        first = get(client, "/api/people")
        second = get(client, first["next"])
    finally:
        views.PEOPLE_PER_PAGE = saved
    assert [p["slug"] for p in first["results"] + second["results"]] == ["ren-0", "ren-1", "ren-2"]
    assert second["next"] is None
    assert second["previous"] == "http://testserver/api/people?page=1"
    assert "没有第 9 页" in get(client, "/api/people", {"page": 9}, status=400)["detail"]
    assert get(client, "/api/people", {"page": "x"}, status=400)["errors"] == {"page": ["应为整数"]}


def test_regions_in_code_order_with_their_parent(client):
    regions = get(client, "/api/regions")
    by_slug = {r["slug"]: r for r in regions}
    assert regions[0]["slug"] == "zhejiang" and regions[0]["parent"] is None
    assert by_slug["anji"] == {
        "slug": "anji",
        "name": "安吉县",
        "short_name": "安吉",
        "code": "330523",
        "level": "county",
        "parent": "huzhou",
    }
    assert [r["code"] for r in regions] == sorted(r["code"] for r in regions)


def test_topics_with_their_public_article_counts(client):
    topic = TopicFactory(name="夜校专题", slug="ye-xiao-zhuan-ti", description="青年夜校")
    ArticleFactory(topics=[topic])
    ArticleFactory(topics=[topic], status=Article.Status.DRAFT, published_at=None)

    by_slug = {t["slug"]: t for t in get(client, "/api/topics")}
    assert by_slug["ye-xiao-zhuan-ti"] == {
        "slug": "ye-xiao-zhuan-ti",
        "name": "夜校专题",
        "description": "青年夜校",
        "article_count": 1,
    }

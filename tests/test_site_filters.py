"""/articles/: the filter form (django-filter) — exact membership, and no bad URL is a 500."""

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

URL = reverse("articles:list")
NOT_FOUND = "没有找到符合条件的文章"


def listed(client, **params):
    response = client.get(URL, params)
    assert response.status_code == 200
    return response


def titles(response):
    return {a.title for a in response.context["articles"]}


def on(date):
    return PageFactory(issue=IssueFactory(date=date))


@pytest.fixture
def places():
    """One article per place: a city, two of its counties, another city."""
    return {
        name: ArticleFactory(title=f"{name}的文章", regions=[region(name)])
        for name in ["湖州", "安吉", "吴兴", "宁波"]
    }


def test_list_is_newest_issue_first_then_print_order(client):
    old = on(datetime.date(2025, 1, 3))
    new = on(datetime.date(2025, 4, 18))
    new_page_2 = PageFactory(issue=new.issue, number=2)
    a = ArticleFactory(page=old, position=1, title="旧")
    b = ArticleFactory(page=new_page_2, position=1, title="新二版")
    c = ArticleFactory(page=new, position=2, title="新一版二条")
    d = ArticleFactory(page=new, position=1, title="新一版头条")

    assert list(listed(client).context["articles"]) == [d, c, b, a]


def test_list_shows_only_public_non_teaser_articles(client):
    ArticleFactory(title="公开")
    ArticleFactory(title="草稿", status=Article.Status.DRAFT, published_at=None)
    ArticleFactory(title="导读", kind=Article.Kind.TEASER)
    ArticleFactory(
        title="未到时间", published_at=datetime.datetime(2999, 1, 1, tzinfo=datetime.UTC)
    )
    ArticleFactory(title="草稿期", page=PageFactory(issue=IssueFactory(status="draft")))

    assert titles(listed(client)) == {"公开"}


def test_region_filter_includes_the_city_and_its_counties(client, places):
    assert titles(listed(client, region="huzhou")) == {"湖州的文章", "安吉的文章", "吴兴的文章"}
    assert titles(listed(client, region="anji")) == {"安吉的文章"}
    assert titles(listed(client, region="ningbo")) == {"宁波的文章"}
    assert len(titles(listed(client, region="zhejiang"))) == 4


def test_topic_filter_and_its_intersection_with_region(client, places):
    topic = TopicFactory(name="夜校专题", slug="ye-xiao-zhuan-ti")
    places["安吉"].topics.add(topic)
    places["宁波"].topics.add(topic)

    assert titles(listed(client, topic="ye-xiao-zhuan-ti")) == {"安吉的文章", "宁波的文章"}
    assert titles(listed(client, topic="ye-xiao-zhuan-ti", region="huzhou")) == {"安吉的文章"}


def test_person_filter_by_slug_or_name(client):
    person = PersonFactory(name="周霜", slug="zhou-shuang")
    credited = CreditFactory(person=person, role=Credit.Role.REPORTER).article
    ArticleFactory(title="无关")

    assert titles(listed(client, person="zhou-shuang")) == {credited.title}
    assert titles(listed(client, person="周霜")) == {credited.title}
    response = listed(client, person="nobody")
    assert titles(response) == set()
    assert NOT_FOUND in response.content.decode()


def test_source_and_kind_filters(client):
    ArticleFactory(title="本报文章", source="本报")
    ArticleFactory(title="转载", source="浙江日报", is_reprint=True)
    ArticleFactory(title="图片", source="本报", kind=Article.Kind.PHOTO)

    assert titles(listed(client, source="浙江日报")) == {"转载"}
    assert titles(listed(client, source="本报")) == {"本报文章", "图片"}
    assert titles(listed(client, kind="photo")) == {"图片"}
    assert titles(listed(client, kind="photo", source="浙江日报")) == set()


def test_date_range_is_on_the_issue_date_and_inclusive(client):
    for day in (1, 10, 20):
        ArticleFactory(title=f"{day}日", page=on(datetime.date(2025, 4, day)))

    assert titles(listed(client, date_from="2025-04-10")) == {"10日", "20日"}
    assert titles(listed(client, date_to="2025-04-10")) == {"1日", "10日"}
    assert titles(listed(client, date_from="2025-04-02", date_to="2025-04-19")) == {"10日"}


def test_text_matches_title_or_body_and_every_word(client):
    ArticleFactory(title="推动人工智能赋能高质量发展", body="算力产业")
    ArticleFactory(title="外贸企业出口转内销", body="人工智能选品")
    ArticleFactory(title="青年夜校", body="乡村振兴")

    assert titles(listed(client, q="人工智能")) == {
        "推动人工智能赋能高质量发展",
        "外贸企业出口转内销",
    }
    assert titles(listed(client, q="人工智能 算力")) == {"推动人工智能赋能高质量发展"}


def test_form_keeps_its_values_and_pagination_keeps_the_filters(client):
    for i in range(25):
        ArticleFactory(title=f"湖州新闻{i}", regions=[region("湖州")])

    response = listed(client, region="huzhou", q="新闻")
    html = response.content.decode()

    assert '<option value="huzhou" selected>' in html
    assert 'value="新闻"' in html
    assert len(response.context["articles"]) == 20
    cursor = response.context["page"].next_cursor
    assert f'href="?region=huzhou&amp;q=%E6%96%B0%E9%97%BB&amp;after={cursor}" rel="next"' in html
    older = listed(client, region="huzhou", q="新闻", after=cursor)
    assert len(older.context["articles"]) == 5
    assert titles(older).isdisjoint(titles(response))


def test_every_control_has_a_label(client):
    html = listed(client).content.decode()
    for name in ["region", "topic", "person", "source", "kind", "date_from", "date_to", "q"]:
        assert f'<label for="id_{name}">' in html
    assert 'type="date" name="date_from"' in html


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"region": "atlantis"}, "region"),
        ({"topic": "no-such-topic"}, "topic"),
        ({"date_from": "2025-13-40"}, "date_from"),
        ({"date_to": "yesterday"}, "date_to"),
        ({"kind": "teaser"}, "kind"),
        ({"source": "不存在的报纸"}, "source"),
        ({"q": "字" * 10_000}, "q"),
        ({"person": "x" * 1000}, "person"),
    ],
)
def test_invalid_values_give_an_empty_result_with_the_error(client, places, params, field):
    response = listed(client, **params)
    assert list(response.context["articles"]) == []
    assert field in response.context["filter"].form.errors
    html = response.content.decode()
    assert "筛选条件有误" in html
    assert NOT_FOUND in html


@pytest.mark.parametrize(
    "cursor",
    [
        "abc",
        "2025-13-40.1.1",
        "2025-04-17.1",
        "2025-04-17.1.1.1",
        "9" * 40,
        "2025-04-17.-1.2",
    ],
)
@pytest.mark.parametrize("direction", ["after", "before"])
def test_bad_cursors_serve_the_first_page_with_a_notice(client, cursor, direction):
    for _ in range(21):
        ArticleFactory()
    first = listed(client).context["articles"]
    response = listed(client, **{direction: cursor})
    assert response.context["articles"] == first
    assert "翻页位置无效，已显示第一页。" in response.content.decode()


def test_junk_query_strings_never_fail(client, places):
    junk = {
        "region": ["huzhou", "ningbo"],
        "unknown": "1",
        "page": "",
        "date_from": "",
        "q": "   ",
        "person": "%00",
    }
    assert listed(client, **junk).status_code == 200
    assert client.get(URL + "?%ff%fe=%ff&q=%E4").status_code == 200


# ---------------------------------------------------------------- chips, title, folding


def chip_links(response) -> dict[str, str]:
    """Each chip's text (地区 湖州) and the link that removes it."""
    return {f"{c.label} {c.text}": c.url for c in response.context["chips"]}


def test_each_chip_removes_its_filter_alone_and_drops_the_cursor(client, places):
    topic = TopicFactory(name="科技创新")
    response = listed(client, region="shaoxing", topic=topic.slug, q="政协", after="2025-04-17.1.3")
    chips = chip_links(response)
    assert chips == {
        "关键词 “政协”": f"{URL}?region=shaoxing&topic={topic.slug}",
        "地区 绍兴": f"{URL}?topic={topic.slug}&q=%E6%94%BF%E5%8D%8F",
        "专题 科技创新": f"{URL}?region=shaoxing&q=%E6%94%BF%E5%8D%8F",
    }
    html = response.content.decode()
    for url in chips.values():
        assert f'href="{url.replace("&", "&amp;")}"' in html


def test_the_last_chip_leads_to_the_whole_list(client, places):
    assert chip_links(listed(client, region="huzhou")) == {"地区 湖州": URL}


def test_dates_kind_and_person_have_chips_too(client):
    response = listed(
        client, kind="photo", person="张三", date_from="2025-01-01", date_to="2025-03-31"
    )
    assert set(chip_links(response)) == {
        "人物 张三",
        "类型 图片新闻",
        "起始日期 2025年1月1日起",
        "截止日期 2025年3月31日止",
    }


def test_title_and_description_name_the_filters(client, places):
    topic = TopicFactory(name="科技创新")
    html = listed(client, region="shaoxing", topic=topic.slug).content.decode()
    assert "<title>绍兴 · 科技创新 — 文章 · 同心苑</title>" in html
    assert '<meta name="description" content="《联谊报》中地区绍兴、专题科技创新的文章' in html
    assert "<h1>绍兴 · 科技创新 — 文章</h1>" in html


def test_the_form_folds_unless_it_shows_errors(client, places):
    html = listed(client, region="huzhou").content.decode()
    assert '<details class="filter-panel">' in html
    assert html.index('class="results"') > html.index("<summary>筛选")
    assert "（已选1项）" in html
    invalid = listed(client, region="atlantis")
    assert invalid.context["chips"] == []
    assert '<details class="filter-panel" open>' in invalid.content.decode()


def test_no_filter_no_chips(client, places):
    response = listed(client)
    assert response.context["chips"] == []
    assert 'class="chips"' not in response.content.decode()
    assert "<title>文章 · 同心苑</title>" in response.content.decode()

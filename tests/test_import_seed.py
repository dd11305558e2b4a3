"""End to end: the shipped seed page, imported as `make run` does, in the database."""

import pytest
from django.core.management import call_command

from articles.models import Article
from people.models import Person

pytestmark = pytest.mark.django_db


@pytest.fixture
def front_page():
    call_command("import_pages", "seeds/", "--publish", verbosity=0)
    return list(
        Article.objects.filter(page__number=1)
        .order_by("position")
        .prefetch_related("credits__person__region", "article_regions__region", "topics")
    )


def people(article):
    return {(c.person.name, c.role, c.title) for c in article.credits.all()}


def primary_region(article):
    return next(ar.region.short_name for ar in article.article_regions.all() if ar.is_primary)


def test_front_page_holds_five_articles_a_photo_and_two_teasers(front_page):
    assert [a.kind for a in front_page] == ["article"] * 5 + ["teaser", "teaser", "photo"]
    assert Article.objects.published().count() == 8  # teaser targets wait for their pages


def test_primary_regions(front_page):
    assert [primary_region(a) for a in front_page] == [
        "浙江",
        "嵊州",
        "宁波",
        "绍兴",
        "湖州",
        "海曙",
        "浙江",
        "秀洲",
    ]
    huzhou = front_page[4]
    assert {ar.region.short_name for ar in huzhou.article_regions.all()} >= {"安吉", "吴兴"}


def test_topics(front_page):
    expected = ["外贸", "科技创新", "新就业形态", "人工智能", "青年", "非遗", "文旅"]
    for article, topic in zip(front_page, expected, strict=False):
        assert topic in article.topics.names(), article.title


def test_people_with_titles_as_written(front_page):
    assert people(front_page[1]) == {
        ("万笑影", "reporter", "浙江日报记者"),
        ("廉毅敏", "mentioned", "省政协主席"),
    }
    assert {
        ("周霜", "reporter", "本报记者"),
        ("滕松芸", "correspondent", "通讯员"),
        ("张宁辉", "mentioned", "海曙区政协主席"),
        ("冯国铭", "mentioned", "市政协委员"),
        ("李文静", "mentioned", "人社部中国劳动和社会保障科学研究院专家"),
    } <= people(front_page[2])
    assert {
        ("赵超宗", "mentioned", "市政协委员、联通绍兴分公司总经理"),
        ("卜谈", "mentioned", "杭州市政协委员、杭州自动化技术研究院副院长"),
        ("张维加", "mentioned", "国家级领军人才、绍兴文理学院数理信息学院“鉴湖学者”资深教授"),
        ("郭舒韵", "reporter", "本报记者"),
        ("宋陶珂", "correspondent", "通讯员"),
        ("阮一唯", "correspondent", "通讯员"),
    } <= people(front_page[3])
    assert ("马晓", "mentioned", "市政协委员、市公安局党委专职副书记") in people(front_page[4])
    assert people(front_page[7]) == {("计益婷", "correspondent", "通讯员")}


def test_relative_titles_resolve_to_the_article_s_city(front_page):
    region = {p.name: p.region.short_name for p in Person.objects.exclude(region=None)}
    assert region["冯国铭"] == "宁波"
    assert region["李上葵"] == "湖州"
    assert region["张新宇"] == "绍兴"
    assert region["卜谈"] == "杭州"
    assert region["张宁辉"] == "海曙"
    assert region["廉毅敏"] == "浙江"
    members = set(Person.objects.filter(kind=Person.Kind.MEMBER).values_list("name", flat=True))
    assert {"廉毅敏", "冯国铭", "赵超宗", "李上葵", "罗安生"} <= members
    assert not {"李文静", "周霜", "陶阳"} & members


def test_a_person_named_in_two_issues_is_one_person(front_page, tmp_path):
    page = tmp_path / "p.txt"
    page.write_text(
        "浙江政协同心苑\n\n湖州政协开展民生协商\n\n"
        "联谊报 5月8日,湖州市政协召开民生议事会。市政协主席李上葵出席并讲话。\n\n"
        "本报记者 朱敏敏\n",
        encoding="utf-8",
    )
    call_command("import_pages", str(page), "--date", "2025-05-10", verbosity=0)
    assert Person.objects.filter(name="李上葵").count() == 1
    assert Person.objects.get(name="李上葵").credits.count() == 2
    assert Person.objects.get(name="朱敏敏").credits.count() == 2


def test_bylines_read_as_printed(front_page, client):
    html = client.get(front_page[2].get_absolute_url()).content.decode()
    assert "本报记者 <a" in html and "通讯员 <a" in html
    assert "浙江日报记者 万笑影" in client.get("/").content.decode()

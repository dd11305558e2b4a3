"""The gazetteer the data migration ships: all of Zhejiang, as a tree."""

import pytest

from newsletter.models import Region
from tests.factories import region

pytestmark = pytest.mark.django_db


def test_province_is_the_only_root():
    assert list(Region.objects.filter(parent=None).values_list("name", flat=True)) == ["浙江省"]


def test_eleven_prefecture_level_cities_under_the_province():
    cities = Region.objects.cities()
    assert cities.count() == 11
    assert set(cities.values_list("parent__code", flat=True)) == {"330000"}
    assert set(cities.values_list("short_name", flat=True)) == {
        "杭州",
        "宁波",
        "温州",
        "嘉兴",
        "湖州",
        "绍兴",
        "金华",
        "衢州",
        "舟山",
        "台州",
        "丽水",
    }


def test_every_county_hangs_under_a_city():
    counties = Region.objects.filter(level=Region.Level.COUNTY)
    assert counties.count() >= 85
    assert not counties.exclude(parent__level=Region.Level.CITY).exists()


@pytest.mark.parametrize(
    ("county", "city"),
    [
        ("安吉县", "湖州市"),
        ("吴兴区", "湖州市"),
        ("海曙区", "宁波市"),
        ("嵊州市", "绍兴市"),
        ("秀洲区", "嘉兴市"),
    ],
)
def test_county_parents(county, city):
    assert Region.objects.get(name=county).parent.name == city


def test_codes_follow_gb_t_2260():
    assert region("湖州").code == "330500"
    assert region("安吉").code == "330523"
    assert region("嵊州").code == "330683"


def test_subtree_of_a_city_holds_it_and_its_counties():
    huzhou = region("湖州")
    assert set(Region.objects.subtree(huzhou).values_list("short_name", flat=True)) == {
        "湖州",
        "吴兴",
        "南浔",
        "德清",
        "长兴",
        "安吉",
    }


def test_subtree_of_the_province_is_everything():
    assert Region.objects.subtree(region("浙江")).count() == Region.objects.count()


def test_subtree_of_a_county_is_itself():
    anji = region("安吉")
    assert list(Region.objects.subtree(anji)) == [anji]


def test_slugs_are_pinyin():
    assert region("湖州").slug == "huzhou"
    assert region("湖州").get_absolute_url() == "/regions/huzhou/"

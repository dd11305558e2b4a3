"""Finding Zhejiang's regions in text, and the regions articles and titles are about."""

import pytest

from articles.importing.gazetteer import Gazetteer, RegionEntry
from articles.importing.regions import article_regions, context_regions, title_region

PROVINCE, NINGBO, HAISHU, SHAOXING, SHENGZHOU = "330000", "330200", "330203", "330600", "330683"
HUZHOU, WUXING, ANJI, XIUZHOU, HANGZHOU = "330500", "330502", "330523", "330411", "330100"


def found(gazetteer: Gazetteer, text: str) -> list[tuple[str, str]]:
    return [(text[m.start : m.end], m.code) for m in gazetteer.find(text)]


def test_full_names_short_names_and_the_longest_form(gazetteer):
    assert found(gazetteer, "省政协主席赴嵊州市开展调研,来到嵊州陌桑高科") == [
        ("嵊州市", SHENGZHOU),
        ("嵊州", SHENGZHOU),
    ]
    assert found(gazetteer, "嘉兴秀洲区政协调研组") == [("嘉兴", "330400"), ("秀洲区", XIUZHOU)]


def test_ambiguous_short_names_only_as_institutions(gazetteer):
    assert found(gazetteer, "西湖边的天台上") == []
    assert found(gazetteer, "江山市场和天台区域,西湖区域") == []
    assert [code for _, code in found(gazetteer, "宁波市场")] == [NINGBO]
    assert found(gazetteer, "西湖政协与天台县委") == [("西湖", "330106"), ("天台县", "331023")]


def test_short_names_not_inside_other_words(gazetteer):
    assert found(gazetteer, "人文成果丰硕") == []
    assert found(gazetteer, "浙江北部") == [("浙江", PROVINCE)]


def test_aliases(gazetteer):
    assert found(gazetteer, "景宁县政协") == [("景宁县", "331127")]


def test_districts_of_other_provinces_are_not_zhejiang(gazetteer):
    assert found(gazetteer, "上海普陀区和舟山普陀区") == [("舟山", "330900"), ("普陀区", "330903")]


def test_ancestors_and_lookup(gazetteer):
    assert [e.code for e in gazetteer.ancestors(HAISHU)] == [NINGBO, PROVINCE]
    assert gazetteer.parent(NINGBO).code == PROVINCE
    assert gazetteer.get(SHENGZHOU).name == "嵊州市"
    assert gazetteer.province.code == PROVINCE


def test_works_on_inline_entries():
    small = Gazetteer(
        [
            RegionEntry("330000", None, "province", "浙江省", "浙江"),
            RegionEntry("330100", "330000", "city", "杭州市", "杭州", aliases=("杭城",)),
            RegionEntry("330106", "330100", "county", "西湖区", "西湖", match_short=False),
        ]
    )
    assert [m.code for m in small.find("杭城西湖边,西湖区")] == ["330100", "330106"]


@pytest.mark.parametrize(
    ("headline", "lead", "codes"),
    [
        (
            "浙江出招助外贸企业出口转内销",
            "为应对美国加征关税带来的影响,我省正千方百计",
            (PROVINCE,),
        ),
        (
            "廉毅敏在嵊州开展调研时强调\n推动科技创新和产业创新深度融合",
            "4月17日,省政协主席廉毅敏赴嵊州市开展调研。",
            (SHENGZHOU,),
        ),
        (
            "宁波政协委员月谈会上\n快递小哥外卖骑手吐心声",
            "“我是一名快递员,建议设立‘小哥日’",
            (NINGBO,),
        ),
        ("推动人工智能赋能高质量发展\n绍兴政协开展头脑风暴", "新一代人工智能", (SHAOXING,)),
        ("海曙政协建言非遗技艺活态传承", "", (HAISHU,)),
        ("民盟省委会:让乡村文旅火出圈", "", (PROVINCE,)),
        ("秀洲政协:生产车间助发展", "日前,嘉兴秀洲区政协调研组深入生产车间", (XIUZHOU,)),
        ("生产车间助发展", "日前,嘉兴秀洲区政协调研组深入生产车间", (XIUZHOU,)),
        ("一场座谈会", "", ()),
    ],
)
def test_primary_region_from_headline_then_lead(gazetteer, headline, lead, codes):
    assert article_regions(headline, lead, gazetteer).codes == codes


def test_secondary_regions_are_places_the_body_discusses(gazetteer):
    body = (
        "去年11月,市政协主席李上葵带队赴安吉,专题调研青年夜校工作。\n"
        "吴兴一门新开的课程吸引了80多名学员参加。对此,委员认为,要借鉴吴兴经验。\n"
        "在安吉,青年夜校的“乡村振兴实践课”让新农人大大获益。\n"
        "杭州市政协委员卜谈认为,要用好机器学习。"
    )
    title_span = (body.index("杭州市政协委员"), body.index("卜谈"))
    choice = article_regions("湖州政协深调研献良策", body, gazetteer, ignored_spans=[title_span])
    assert choice.codes == (
        HUZHOU,
        ANJI,
        WUXING,
    )


def test_ancestors_of_the_primary_region_are_left_out(gazetteer):
    body = "要加快建设创新浙江。\n在浙江湃肽生物股份有限公司,他听取汇报。"
    assert article_regions("廉毅敏在嵊州开展调研", body, gazetteer).codes == (SHENGZHOU,)


def test_a_place_named_once_counts_in_a_brief_but_not_in_an_article(gazetteer):
    brief = "近日,丽水市政协组织部分委员赴遂昌、松阳两县,就生态产品价值实现机制开展专题调研。"
    assert article_regions("丽水政协开展专题调研", brief, gazetteer).codes == (
        "331100",
        "331123",
        "331124",
    )
    article = "浙江(含宁波市)入选国内首批试点地区。" + "出口转内销,在浙江不是新鲜事。" * 30
    assert article_regions("浙江出招助外贸企业出口转内销", article, gazetteer).codes == (PROVINCE,)


def test_a_place_qualifying_the_next_is_not_a_mention_of_its_own(gazetteer):
    lead = "4月18日,浙江省乐清市政协组织委员走进小微企业园。"
    assert article_regions("“政协+”助力小微园区提档升级", lead, gazetteer).codes == ("330382",)


def test_headline_title_first_then_kicker_and_subtitle(gazetteer):
    headline = (
        "温州政协“请你来协商”为“两个健康”献策\n"
        "聚焦民营经济高质量发展\n"
        "——鹿城、瓯海、乐清三地政协联动协商侧记"
    )
    assert article_regions(headline, "", gazetteer).codes == (
        "330300",
        "330302",
        "330304",
        "330382",
    )


@pytest.mark.parametrize(
    ("title", "context", "member", "code"),
    [
        ("市政协委员", (NINGBO,), True, NINGBO),
        ("市政协主席", (HUZHOU, ANJI), True, HUZHOU),
        ("市委副秘书长、社工部部长、政法委书记", (HUZHOU,), False, HUZHOU),
        ("市政协委员、联通绍兴分公司总经理", (SHAOXING,), True, SHAOXING),
        ("市政协主席", (SHENGZHOU,), True, SHENGZHOU),  # a county-level 市 has its own 市政协
        ("市政协委员", (HAISHU,), True, NINGBO),
        ("区政协委员", (HAISHU,), True, HAISHU),
        ("杭州市政协委员、杭州自动化技术研究院副院长", (SHAOXING,), True, HANGZHOU),
        ("海曙区政协主席", (NINGBO,), True, HAISHU),
        ("省政协主席", (SHENGZHOU,), True, PROVINCE),
        ("共青团安吉县委副书记", (HUZHOU,), False, ANJI),
        ("政协委员", (NINGBO,), True, NINGBO),
        ("星满天教育咨询有限公司合伙人", (HUZHOU,), False, None),
        ("北京大学计算机学院副研究员", (SHAOXING,), False, None),
    ],
)
def test_title_region_relative_or_explicit(gazetteer, title, context, member, code):
    assert title_region(title, gazetteer, context, is_member=member) == code


def test_national_members_have_no_region(gazetteer):
    assert title_region("全国政协委员、知名画家", gazetteer, (HANGZHOU,), is_member=True) is None


@pytest.mark.parametrize(
    ("headline", "codes"),
    [
        ("省政协召开常委会议", (PROVINCE,)),
        ("我省出台新政", (PROVINCE,)),
        ("外省政协来浙考察", ()),
        ("江苏省委书记来访", ()),
        ("节省政府开支", ()),
    ],
)
def test_the_province_unnamed(gazetteer, headline, codes):
    assert article_regions(headline, "", gazetteer).codes == codes


@pytest.mark.parametrize(
    ("headline", "lead", "primary", "runner_up"),
    [
        # The lead names one place inside the headline's, acting or with its city.
        ("衢州政协：打造协商品牌", "5月6日，衢州市柯城区政协召开现场会。", "330802", None),
        (
            "舟山渔场开渔在即",
            "连日来，舟山市普陀区沈家门渔港的渔民们忙着检修渔船。",
            "330903",
            None,
        ),
        # Named only in passing, it does not replace the headline's.
        ("省政协召开常委会议", "5月23日，省政协常委会议在杭州召开。", PROVINCE, None),
        # Several places inside: the headline's stays, the first of them is the runner-up.
        (
            "温州政协召开协商会",
            "温州市政协召开协商会，鹿城区、瓯海区、乐清市政协同步设立分会场。",
            "330300",
            "330302",
        ),
        # People's titles do not count (全国政协委员、浙江大学…教授).
        ("全国政协召开座谈会", "全国政协日前召开座谈会。", None, None),
    ],
)
def test_the_most_specific_place_that_acts_is_primary(
    gazetteer, headline, lead, primary, runner_up
):
    choice = article_regions(headline, lead, gazetteer)
    assert (choice.codes[0] if choice.codes else None, choice.runner_up) == (primary, runner_up)


def test_a_place_in_a_persons_title_in_the_lead_does_not_count(gazetteer):
    lead = "全国政协委员、浙江大学环境与资源学院教授吴伟民在发言中说，要健全补偿机制。"
    span = (0, lead.index("吴伟民"))
    assert article_regions("全国政协召开座谈会", lead, gazetteer, ignored_spans=[span]).codes == ()


@pytest.mark.parametrize(
    ("title", "context", "expected"),
    [
        ("市政协委员", ("330300", "330302", "330382"), ["330300", "330382"]),  # 温州 or 乐清
        ("市政协主席", ("330881",), ["330881"]),  # 江山市: its own, not 衢州's
        ("市政协委员", ("330523", "330502"), ["330500"]),  # 安吉, 吴兴: their city
        ("省政协委员", ("330300", "330382"), []),
        ("杭州市政协委员", ("330300", "330382"), []),
        ("政协委员", ("330300", "330382"), ["330300", "330382"]),
        ("全国政协委员", ("330300",), []),
    ],
)
def test_the_regions_a_title_naming_no_place_could_mean(gazetteer, title, context, expected):
    assert context_regions(title, gazetteer, context) == expected


def test_a_title_naming_the_province_inside_is_no_guess(gazetteer):
    assert context_regions("民建省委会主委、省政协副主席", gazetteer, ("330000", "330100")) == []


def test_a_title_naming_the_province_inside_gives_the_province(gazetteer):
    assert title_region("民建省委会主委", gazetteer, ("330100",), is_member=False) == PROVINCE


def test_a_bay_named_after_a_city_is_not_the_city(gazetteer):
    assert found(gazetteer, "宁波杭州湾新区和台州湾") == [("宁波", NINGBO)]

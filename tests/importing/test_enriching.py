"""Enrichment of whole articles: people (bylines first), regions and topics."""

from pathlib import Path

import pytest

from articles.importing.enriching import enrich_article
from articles.importing.parsed import Byline, ParsedArticle
from articles.importing.pipeline import parse_page

ROOT = Path(__file__).resolve().parents[2]


def people(article: ParsedArticle) -> list[tuple]:
    return [
        (p.name, p.role, p.title, p.kind, p.organisation, p.region_code) for p in article.people
    ]


def test_byline_people_first_then_the_text_s_in_order_of_appearance(gazetteer):
    article = ParsedArticle(
        line=1,
        kind="article",
        title="推动科技创新和产业创新深度融合",
        kicker="廉毅敏在嵊州开展调研时强调",
        paragraphs=(
            "4月17日,省政协主席廉毅敏赴嵊州市开展调研。",
            "廉毅敏来到嵊州陌桑高科股份有限公司。市政协主席王立新陪同。",
            "廉毅敏表示,要聚焦核心技术突破。",
        ),
        bylines=(Byline("reporter", "浙江日报记者", "浙江日报", ("万笑影",)),),
    )
    enriched = enrich_article(article, gazetteer=gazetteer, vocabulary=None)
    assert people(enriched) == [
        ("万笑影", "reporter", "浙江日报记者", "reporter", "浙江日报", None),
        ("廉毅敏", "mentioned", "省政协主席", "member", "", "330000"),
        ("王立新", "mentioned", "市政协主席", "member", "", "330683"),
    ]
    assert enriched.region_codes == ("330683",)
    assert enriched.topic_names == ()


def test_a_person_is_listed_once_with_their_fullest_title(gazetteer):
    article = ParsedArticle(
        line=1,
        kind="article",
        title="委员建言",
        paragraphs=(
            "省政协委员、之江实验室副主任袁继新很有自己的想法。",
            "袁继新委员认为,核心是要完善区域创新的治理体系。",
        ),
        bylines=(
            Byline("reporter", "本报记者", "本报", ("周霜",)),
            Byline("correspondent", "通讯员", "", ("滕松芸", "周霜")),
        ),
    )
    enriched = enrich_article(article, gazetteer=gazetteer, vocabulary=None)
    assert people(enriched) == [
        ("周霜", "reporter", "本报记者", "reporter", "", None),
        ("滕松芸", "correspondent", "通讯员", "correspondent", "", None),
        ("袁继新", "mentioned", "省政协委员、之江实验室副主任", "member", "之江实验室", "330000"),
    ]


def test_roster_titles_take_the_body_named_before(gazetteer):
    article = ParsedArticle(
        line=1,
        kind="brief",
        title="海曙区政协召开主席会议",
        paragraphs=("区政协主席胡敏、副主席王萍、秘书长周坚出席会议。会议由王萍主持。",),
    )
    enriched = enrich_article(article, gazetteer=gazetteer, vocabulary=None)
    assert people(enriched) == [
        ("胡敏", "mentioned", "区政协主席", "member", "", "330203"),
        ("王萍", "mentioned", "副主席", "member", "", "330203"),
        ("周坚", "mentioned", "秘书长", "member", "", "330203"),
    ]


@pytest.fixture(scope="module")
def seed(gazetteer, vocabulary):
    raw = (ROOT / "seeds/000_05b83c2a48b8b92d.txt").read_bytes()
    return parse_page(raw, gazetteer=gazetteer, vocabulary=vocabulary).articles


def by_title(articles, fragment: str) -> ParsedArticle:
    return next(a for a in articles if fragment in a.title + a.kicker + a.subtitle)


def test_seed_reprint_about_the_province(seed):
    article = by_title(seed, "出口转内销")
    assert article.region_codes == ("330000",)
    assert article.topic_names[0] == "外贸"
    assert article.people == ()


def test_seed_visit_of_the_provincial_cppcc_chairman(seed):
    article = by_title(seed, "廉毅敏")
    assert people(article) == [
        ("万笑影", "reporter", "浙江日报记者", "reporter", "浙江日报", None),
        ("廉毅敏", "mentioned", "省政协主席", "member", "", "330000"),
    ]
    assert article.region_codes == ("330683",)
    assert article.topic_names[0] == "科技创新"


def test_seed_ningbo_monthly_talk(seed):
    article = by_title(seed, "月谈会")
    assert people(article) == [
        ("周霜", "reporter", "本报记者", "reporter", "", None),
        ("滕松芸", "correspondent", "通讯员", "correspondent", "", None),
        ("袁涌泉", "mentioned", "政协委员", "member", "", "330200"),
        ("张宁辉", "mentioned", "海曙区政协主席", "member", "", "330203"),
        ("冯国铭", "mentioned", "市政协委员", "member", "", "330200"),
        ("陈勇", "mentioned", "市政协委员", "member", "", "330200"),
        (
            "李文静",
            "mentioned",
            "人社部中国劳动和社会保障科学研究院专家",
            "other",
            "人社部中国劳动和社会保障科学研究院",
            None,
        ),
    ]
    assert article.region_codes == ("330200",)
    assert article.topic_names[0] == "新就业形态"


def test_seed_shaoxing_brainstorm(seed):
    article = by_title(seed, "头脑风暴")
    assert people(article)[3:] == [
        (
            "赵超宗",
            "mentioned",
            "市政协委员、联通绍兴分公司总经理",
            "member",
            "联通绍兴分公司",
            "330600",
        ),
        ("鲁葆春", "mentioned", "市政协委员、市人民医院副院长", "member", "市人民医院", "330600"),
        (
            "卜谈",
            "mentioned",
            "杭州市政协委员、杭州自动化技术研究院副院长",
            "member",
            "杭州自动化技术研究院",
            "330100",
        ),
        (
            "侯勇",
            "mentioned",
            "华为浙江副总经理、产业发展与生态部部长",
            "other",
            "华为浙江",
            "330000",
        ),
        (
            "王吉社",
            "mentioned",
            "北京大学计算机学院副研究员、北京博雅睿视科技有限公司董事长",
            "other",
            "北京大学计算机学院",
            None,
        ),
        (
            "张维加",
            "mentioned",
            "国家级领军人才、绍兴文理学院数理信息学院“鉴湖学者”资深教授",
            "other",
            "绍兴文理学院数理信息学院",
            "330600",
        ),
        ("张新宇", "mentioned", "市政协主席", "member", "", "330600"),
    ]
    assert [p.name for p in article.people[:3]] == ["宋陶珂", "阮一唯", "郭舒韵"]
    assert article.region_codes == ("330600",)
    assert article.topic_names[0] == "人工智能"


def test_seed_huzhou_youth_night_school(seed):
    article = by_title(seed, "青年夜校")
    assert people(article)[2:] == [
        ("李上葵", "mentioned", "市政协主席", "member", "", "330500"),
        (
            "张海燕",
            "mentioned",
            "市政协委员、湖州生态环境监测中心水环境检测科科长",
            "member",
            "湖州生态环境监测中心水环境检测科",
            "330500",
        ),
        ("吴小丹", "mentioned", "市政协委员、童星幼儿园园长", "member", "童星幼儿园", "330500"),
        ("马晓", "mentioned", "市政协委员、市公安局党委专职副书记", "member", "市公安局", "330500"),
        ("赵小茜", "mentioned", "共青团安吉县委副书记", "other", "共青团安吉县委", "330523"),
        (
            "徐国平",
            "mentioned",
            "道场乡成人文化技术学校校长",
            "other",
            "道场乡成人文化技术学校",
            None,
        ),
        (
            "陶阳",
            "mentioned",
            "星满天教育咨询有限公司合伙人",
            "other",
            "星满天教育咨询有限公司",
            None,
        ),
        ("吴智勇", "mentioned", "市委副秘书长、社工部部长、政法委书记", "other", "市委", "330500"),
        ("罗安生", "mentioned", "市政协副主席", "member", "", "330500"),
    ]
    assert article.region_codes == ("330500", "330523", "330502")
    assert article.topic_names[0] == "青年"


@pytest.mark.parametrize(
    ("fragment", "codes", "topic"),
    [
        ("海曙政协", ("330203",), "非遗"),
        ("民盟省委会", ("330000",), "文旅"),
        ("秀洲政协", ("330411",), None),
    ],
)
def test_seed_teasers_and_photo(seed, fragment, codes, topic):
    article = by_title(seed, fragment)
    assert article.region_codes == codes
    assert (topic in article.topic_names) if topic else article.topic_names == ()


@pytest.fixture(scope="module")
def pages(gazetteer, vocabulary):
    return {
        path.stem: parse_page(
            path.read_bytes(), gazetteer=gazetteer, vocabulary=vocabulary
        ).articles
        for path in sorted((ROOT / "tests/pages").glob("*.txt"))
    }


def mentioned(article: ParsedArticle) -> list[tuple]:
    return [
        (p.name, p.title, p.kind, p.region_code) for p in article.people if p.role == "mentioned"
    ]


def test_wenzhou_page(pages):
    article = by_title(pages["wenzhou_p2"], "两个健康")
    assert article.region_codes == ("330300", "330302", "330304", "330382")
    assert mentioned(article) == [
        ("叶盈盈", "市政协委员、温州大学商学院教授", "member", "330300"),
        ("周建新", "市政协常委、温州一家电气集团副总裁", "member", "330300"),
        ("郑立群", "瓯海区政协主席", "member", "330304"),
        ("蒋鸿飞", "乐清市政协委员、乐清电气行业协会秘书长", "member", "330382"),
        ("林海涛", "市政协主席", "member", "330300"),
    ]
    assert article.topic_names[0] == "民营经济"
    assert by_title(pages["wenzhou_p2"], "加装电梯").region_codes == ("330381",)


def test_jinhua_page(pages):
    article = by_title(pages["jinhua_p3"], "陈立军")
    assert article.region_codes == ("330700",)
    assert mentioned(article) == [
        ("陈立军", "金华市政协主席", "member", "330700"),
        ("王旭东", "市政协委员、金华职业技术大学副校长", "member", "330700"),
        ("方晓萍", "市政协副主席、市科技局局长", "member", "330700"),
    ]
    assert article.topic_names == ("科技创新",)
    dongyang = by_title(pages["jinhua_p3"], "木雕")
    assert mentioned(dongyang) == [
        ("吴晓东", "东阳市政协委员、中国工艺美术大师", "member", "330783")
    ]
    assert dongyang.people[-1].organisation == ""


def test_taizhou_page(pages):
    article = by_title(pages["taizhou_p1"], "稳订单")
    assert article.region_codes == ("331004",)
    assert mentioned(article) == [
        ("方佳佳", "区政协委员、路桥一家汽配企业负责人", "member", "331004"),
        ("林文斌", "区政协委员、台州学院经济学院副教授", "member", "331004"),
        ("黄海峰", "区政协主席", "member", "331004"),
    ]
    assert by_title(pages["taizhou_p1"], "丽水").region_codes == ("331100", "331123", "331124")
    # The most specific place: the lead gives the district with its city (舟山市普陀区).
    assert by_title(pages["taizhou_p1"], "舟山渔场").region_codes[0] == "330903"


def test_quzhou_page(pages):
    kecheng = by_title(pages["quzhou_p4"], "有礼")
    # The headline names the city, the lead the district that acts (衢州市柯城区政协).
    assert kecheng.region_codes == ("330802",)
    assert mentioned(kecheng) == [
        ("徐红芳", "区政协主席", "member", "330802"),
        ("方建明", "区政协副主席", "member", "330802"),
        ("郑国强", "区政协委员、柯城区人民医院院长", "member", "330802"),
        ("王丽娟", "区政协常委、浙江衢州巨化集团工会主席", "member", "330802"),
    ]
    assert by_title(pages["quzhou_p4"], "龙游").region_codes == ("330825",)
    jiangshan = by_title(pages["quzhou_p4"], "江山市政协")
    assert jiangshan.region_codes[0] == "330881"
    assert mentioned(jiangshan) == [
        ("毛建军", "市政协委员、江山市工商联副主席", "member", "330881"),
        ("刘卫东", "市政协主席", "member", "330881"),
    ]
    national = by_title(pages["quzhou_p4"], "双周协商")
    assert mentioned(national) == [
        ("吴伟民", "全国政协委员、浙江大学环境与资源学院教授", "member", None)
    ]


def test_people_named_in_the_headline_keep_its_fuller_title(gazetteer):
    article = ParsedArticle(
        line=1,
        kind="article",
        title="“和合”文化的守护者",
        kicker="长兴县政协主席顾国强表示",
        subtitle="记天台县政协委员、天台山文化研究会会长陈永明",
        paragraphs=("县政协主席顾国强说，要推动协商向村社延伸。", "陈永明说，和合文化是根。"),
    )
    enriched = enrich_article(article, gazetteer=gazetteer, vocabulary=None)
    assert [(p.name, p.title) for p in enriched.people] == [
        ("顾国强", "长兴县政协主席"),
        ("陈永明", "天台县政协委员、天台山文化研究会会长"),
    ]


def test_an_item_naming_no_place_takes_the_county_of_the_article_before_it(gazetteer):
    text = (
        "委员风采\n\n开化政协委员助力根雕产业\n\n联谊报 近日，开化县政协委员走进根缘小镇。\n\n"
        "本报记者 吴佳\n\n委员察看生态保护\n\n"
        "图为县政协主席余建华（右二）带领委员察看生态廊道。\n\n通讯员 汪丽 摄\n"
    )
    page = parse_page(text.encode("utf-8"), gazetteer=gazetteer)
    photo = page.articles[1]
    assert photo.region_codes == ("330824",)
    assert [(p.name, p.region_code) for p in photo.people if p.role == "mentioned"] == [
        ("余建华", "330824")
    ]
    assert page.close_calls[-1].chosen == "主要地区开化县（取自同版前文）"

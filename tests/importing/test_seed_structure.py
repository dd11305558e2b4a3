"""The seed page's structure, pinned article by article."""

import re
from pathlib import Path

import pytest

from articles.importing.parsed import Byline
from articles.importing.pipeline import parse_text

SEED = Path(__file__).resolve().parents[2] / "seeds/000_05b83c2a48b8b92d.txt"
_SENTENCE = re.compile(r".*?(?:[。！？]+|……)[”’」』]*|.+$")


@pytest.fixture(scope="module")
def seed():
    return parse_text(SEED.read_text(encoding="utf-8"))


def sentences(paragraphs: tuple[str, ...]) -> list[str]:
    return [s for p in paragraphs for s in _SENTENCE.findall(p) if s]


def reporter(title, outlet, *names):
    return Byline("reporter", title, outlet, names)


def correspondent(*names):
    return Byline("correspondent", "通讯员", "", names)


# kind, kicker, title, subtitle, source, is_reprint, dateline, paragraph count,
# first sentence, last sentence, bylines
EXPECTED = [
    (
        "article",
        "",
        "浙江出招助外贸企业出口转内销",
        "",
        "浙江日报",
        True,
        None,
        5,
        "为应对美国加征关税带来的影响，我省正千方百计集合各方优质资源，助力出口遇阻的外贸企业开拓国内市场。",
        "据悉，我省还将陆续开展“外贸优品中华行”“外贸优品线上行”“外贸优品促消费”“外贸优品进商圈”"
        "“外贸优品进商超”“以旧换新助力拓内销”等一系列活动，全力帮助外贸企业拓展内销市场。",
        (),
    ),
    (
        "article",
        "廉毅敏在嵊州开展调研时强调",
        "推动科技创新和产业创新深度融合 塑造高质量发展新优势",
        "",
        "本报",
        False,
        (4, 17),
        6,
        "4月17日，省政协主席廉毅敏赴嵊州市开展调研。",
        "廉毅敏还考察了越剧博物馆。",
        (reporter("浙江日报记者", "浙江日报", "万笑影"),),
    ),
    (
        "article",
        "宁波政协委员月谈会上",
        "快递小哥外卖骑手吐心声",
        "",
        "本报",
        False,
        None,
        10,
        "“我是一名快递员，建议设立‘小哥日’，让全社会更加重视、理解这个群体。”",
        "市人力社保局通报相关情况，市公安局等相关部门负责人和委员恳谈交流，积极回应，"
        "合力守护新就业形态劳动者合法权益。",
        (reporter("本报记者", "本报", "周霜"), correspondent("滕松芸")),
    ),
    (
        "article",
        "",
        "推动人工智能赋能高质量发展",
        "绍兴政协开展头脑风暴",
        "本报",
        False,
        None,
        10,
        "新一代人工智能是推动产业优化升级、生产力整体跃升的驱动力量。",
        "市政协主席张新宇说，要持续关注人工智能发展，围绕推进人工智能领域基础研究和原始创新、"
        "人工智能和产业发展深度融合、人工智能在民生保障和社会治理等领域的深度应用等方面深入研究，"
        "提出针对性、操作性强的对策建议，助力人工智能更好赋能绍兴建设产城人文融合发展的共富示范区。",
        (correspondent("宋陶珂", "阮一唯"), reporter("本报记者", "本报", "郭舒韵")),
    ),
    (
        "article",
        "",
        "让青年夜校“走红”“走远”",
        "湖州政协深调研献良策",
        "本报",
        False,
        None,
        14,
        "书法插花、读书分享、瑜伽健身、摄影美妆……",
        "市政协将持续群策群力，实干争先，助力打造具有湖州特色的青年夜校，为建设青年发展型城市贡献力量。",
        (reporter("本报记者", "本报", "朱敏敏"), correspondent("包玉院")),
    ),
    ("teaser", "", "海曙政协建言非遗技艺活态传承", "", "", False, None, 0, None, None, ()),
    ("teaser", "", "民盟省委会：让乡村文旅火出圈", "", "", False, None, 0, None, None, ()),
    (
        "photo",
        "",
        "秀洲政协：生产车间助发展",
        "",
        "",
        False,
        None,
        1,
        "为助力经济高质量发展，日前，嘉兴秀洲区政协调研组深入生产车间，与企业负责人面对面交流，"
        "详细了解生产经营情况并提出意见建议。",
        "为助力经济高质量发展，日前，嘉兴秀洲区政协调研组深入生产车间，与企业负责人面对面交流，"
        "详细了解生产经营情况并提出意见建议。",
        (correspondent("计益婷"),),
    ),
]


def test_masthead(seed):
    assert seed[0] == "浙江政协同心苑"


def test_five_articles_a_photo_and_two_teasers_in_print_order(seed):
    assert [a.kind for a in seed[1]] == ["article"] * 5 + ["teaser", "teaser", "photo"]
    assert [a.line for a in seed[1]] == [7, 23, 43, 74, 105, 142, 146, 150]


@pytest.mark.parametrize("index", range(len(EXPECTED)))
def test_article(seed, index):
    article = seed[1][index]
    found = sentences(article.paragraphs)
    assert (
        article.kind,
        article.kicker,
        article.title,
        article.subtitle,
        article.source,
        article.is_reprint,
        article.dateline,
        len(article.paragraphs),
        found[0] if found else None,
        found[-1] if found else None,
        article.bylines,
    ) == EXPECTED[index]


def test_teaser_pages_and_sections(seed):
    teasers = [a for a in seed[1] if a.kind == "teaser"]
    assert [(t.teaser_page, t.teaser_section) for t in teasers] == [(2, "综合新闻"), (3, "议政")]


def test_column_joins(seed):
    joins = [(r.line, r.kind, r.before, r.after) for r in seed[2] if r.kind != "punctuation"]
    assert joins == [
        (13, "column-join", "…外贸一体化“领跑|者”企业，101…", "…外贸一体化“领跑者”企业，101…"),
        (
            19,
            "column-join",
            "…，把外贸商品直接|送到消费者手中；…",
            "…，把外贸商品直接送到消费者手中；…",
        ),
        (
            33,
            "column-join",
            "…产业需求共同凝练|科技问题，联合开…",
            "…产业需求共同凝练科技问题，联合开…",
        ),
        (
            37,
            "column-join",
            "…。他指出，要紧扣|户外劳动者的多样…",
            "…。他指出，要紧扣户外劳动者的多样…",
        ),
        (
            53,
            "overlap",
            "…措，加强灵活就业|就业和新就业形态…",
            "…措，加强灵活就业和新就业形态劳动…",
        ),
        (
            59,
            "column-join",
            "…体加快融入城市治|理，从城市“管理…",
            "…体加快融入城市治理，从城市“管理…",
        ),
        (
            67,
            "column-join",
            "…益保障政策法规；|强化监督管理，形…",
            "…益保障政策法规；强化监督管理，形…",
        ),
        (82, "column-join", "…合链、场景催化链|“四链融合”。", "…合链、场景催化链“四链融合”。"),
        (
            96,
            "column-join",
            "…学者”资深教授张|维加提出，开发私…",
            "…学者”资深教授张维加提出，开发私…",
        ),
        (
            127,
            "column-join",
            "…市公安局党委专职|副书记马晓提出，…",
            "…市公安局党委专职副书记马晓提出，…",
        ),
    ]


def test_mended_paragraphs_read_whole(seed):
    paragraphs = [p for a in seed[1] for p in a.paragraphs]
    for fragment in (
        "1018家内外贸一体化“领跑者”企业",
        "加强灵活就业和新就业形态劳动者权益保障",
        "资深教授张维加提出",
        "市政协委员、市公安局党委专职副书记马晓提出",
        "场景催化链“四链融合”。",
        "政策法规；强化监督管理",
    ):
        assert sum(fragment in p for p in paragraphs) == 1, fragment


def test_punctuation_repairs_one_per_changed_line(seed):
    repairs = [r for r in seed[2] if r.kind == "punctuation"]
    assert len(repairs) == 54
    assert len({r.line for r in repairs}) == 54
    by_line = {r.line: r for r in repairs}
    assert by_line[146].before == "民盟省委会:让乡村文旅火出圈"
    assert by_line[146].after == "民盟省委会：让乡村文旅火出圈"
    assert "浙江（含宁波市）入选" in by_line[11].after
    assert "增长12.7%、28.3%，碳化硅" in by_line[86].after
    assert "带动整体AI+产业发展。" in by_line[90].after


def test_repairs_are_in_line_order(seed):
    assert [r.line for r in seed[2]] == sorted(r.line for r in seed[2])


def test_no_printed_marker_is_left_in_the_text(seed):
    for article in seed[1]:
        for paragraph in article.paragraphs:
            assert not paragraph.startswith(("联谊报", "据浙江日报"))
            assert "本报记者" not in paragraph and "通讯员" not in paragraph

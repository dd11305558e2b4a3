"""Pages the parser was not written against (tests/pages/), pinned item by item."""

from pathlib import Path

import pytest

from articles.importing.parsed import Byline
from articles.importing.pipeline import parse_text

PAGES = Path(__file__).resolve().parents[1] / "pages"


def parse(name: str):
    return parse_text((PAGES / name).read_text(encoding="utf-8"))


def outline(articles) -> list[tuple]:
    return [
        (
            a.kind,
            a.kicker,
            a.title,
            a.subtitle,
            a.source,
            a.is_reprint,
            a.dateline,
            len(a.paragraphs),
        )
        for a in articles
    ]


@pytest.fixture(scope="module")
def wenzhou():
    return parse("wenzhou_p2.txt")


@pytest.fixture(scope="module")
def jinhua():
    return parse("jinhua_p3.txt")


@pytest.fixture(scope="module")
def taizhou():
    return parse("taizhou_p1.txt")


def test_wenzhou_outline(wenzhou):
    assert wenzhou[0] == "综合新闻"
    assert outline(wenzhou[1]) == [
        (
            "article",
            "聚焦民营经济高质量发展",
            "温州政协“请你来协商”为“两个健康”献策",
            "鹿城、瓯海、乐清三地政协联动协商侧记",
            "本报",
            False,
            (4, 22),
            8,
        ),
        ("article", "", "老旧小区加装电梯难在哪？", "", "本报", False, None, 6),
        ("article", "", "乐清：“政协+”助力小微园区提档升级", "", "人民政协报", True, (4, 18), 3),
        ("teaser", "", "瓯海政协委员走进田间地头", "", "", False, None, 0),
        ("teaser", "", "温州民盟举办“同心讲堂”", "", "", False, None, 0),
        ("brief", "", "平阳政协视察营商环境", "", "", False, None, 1),
        ("brief", "", "文成政协助力“侨乡”文旅融合", "", "", False, None, 1),
        ("brief", "", "苍南政协开展界别协商", "", "本报", False, None, 1),
    ]


def test_wenzhou_name_with_a_repeated_character_is_joined_whole(wenzhou):
    paragraph = wenzhou[1][0].paragraphs[2]
    assert "温州大学商学院教授叶盈盈在会上说，建议" in paragraph
    join = next(r for r in wenzhou[2] if r.line == 18 and r.kind != "punctuation")
    assert join.kind == "column-join"


def test_wenzhou_overlap_in_a_reprint(wenzhou):
    assert wenzhou[1][2].paragraphs[-1].endswith("高质量发展建设共同富裕示范区中展现更大作为。")
    (overlap,) = [r for r in wenzhou[2] if r.kind == "overlap"]
    assert (overlap.line, overlap.before) == (58, "…发展建设共同富裕|富裕示范区中展现…")


def test_wenzhou_bylines(wenzhou):
    assert [a.bylines for a in wenzhou[1][:3]] == [
        (
            Byline("reporter", "本报记者", "本报", ("潘一鸣",)),
            Byline("correspondent", "通讯员", "", ("黄晓东",)),
        ),
        (Byline("reporter", "记者", "本报", ("戴雨桐",)),),
        (Byline("reporter", "人民政协报记者", "人民政协报", ("王晓岚",)),),
    ]


def test_wenzhou_inline_byline_leaves_the_last_sentence(wenzhou):
    assert wenzhou[1][0].paragraphs[-1].endswith("助力温州在“两个健康”先行区建设中走在前列。")


def test_wenzhou_subheads_and_numbers(wenzhou):
    first, second = wenzhou[1][0], wenzhou[1][1]
    assert "同比增长6.8%，新增民营企业1,260家" in first.paragraphs[1]
    assert second.paragraphs[1] == "一、意见难统一"
    assert second.paragraphs[3] == "二、资金难筹措"
    assert second.paragraphs[-1].startswith("委员们建议")
    assert "同时完善利益平衡机制" in second.paragraphs[-1]


def test_wenzhou_teasers(wenzhou):
    teasers = [(a.teaser_page, a.teaser_section) for a in wenzhou[1] if a.kind == "teaser"]
    assert teasers == [(3, "议政"), (4, "")]


def test_jinhua_outline(jinhua):
    assert jinhua[0] == "议政"
    assert outline(jinhua[1]) == [
        (
            "article",
            "陈立军在金华开发区调研时强调",
            "以科技创新引领新质生产力发展",
            "",
            "本报",
            False,
            (4, 23),
            5,
        ),
        (
            "article",
            "",
            "稳外贸 拓内需 义乌政协为“小商品”谋“大市场”",
            "",
            "金华日报",
            True,
            None,
            3,
        ),
        (
            "article",
            "",
            "东阳：木雕红木产业的“破圈”之路",
            "东阳市政协助推传统产业转型升级调研记",
            "人民政协网",
            True,
            (4, 20),
            3,
        ),
        ("article", "", "兰溪政协委员夜访企业", "", "本报", False, (4, 15), 5),
        ("photo", "", "永康五金博览会人气旺", "", "", False, (4, 21), 1),
        ("teaser", "", "浦江政协助力“水晶之都”转型", "", "", False, None, 0),
    ]


def test_jinhua_indented_paragraphs_and_title_like_fragment(jinhua):
    paragraphs = jinhua[1][0].paragraphs
    assert paragraphs[0].startswith("4月23日，金华市政协主席陈立军")
    assert paragraphs[2].endswith("成长为“专精特新”“小巨人”企业。")
    assert paragraphs[3].startswith("市政协委员、金华职业技术大学副校长王旭东建议")
    assert "3,000名以上" in paragraphs[3]


def test_jinhua_bylines(jinhua):
    assert [a.bylines for a in jinhua[1][:5]] == [
        (
            Byline("correspondent", "通讯员", "", ("楼佳琪", "吴昊天")),
            Byline("reporter", "本报见习记者", "本报", ("金晨曦",)),
        ),
        (
            Byline("reporter", "金华日报记者", "金华日报", ("何欣然",)),
            Byline("correspondent", "通讯员", "", ("骆毅",)),
        ),
        (
            Byline("reporter", "特约记者", "人民政协网", ("傅宇航",)),
            Byline("reporter", "摄影", "人民政协网", ("陈可",)),
        ),
        (Byline("reporter", "本报记者", "本报", ("章可馨",)),),
        (Byline("correspondent", "通讯员", "", ("应晓楠",)),),
    ]


def test_jinhua_ascii_numbers_and_times_survive(jinhua):
    text = "".join(jinhua[1][1].paragraphs)
    assert "“AI+外贸”" in text and "1,000余家" in text and "上午9:30开市" in text
    assert "同比增长15.6%，其中" in text


def test_jinhua_square_subheads(jinhua):
    assert jinhua[1][3].paragraphs[1::2] == ("■ 问需于企", "■ 问计于企")


def test_jinhua_teaser_without_section(jinhua):
    assert (jinhua[1][-1].teaser_page, jinhua[1][-1].teaser_section) == (2, "")


def test_taizhou_outline(taizhou):
    assert taizhou[0] == "浙江政协同心苑"
    assert outline(taizhou[1]) == [
        ("article", "", "台州打造民营经济示范城市再发力", "", "浙江日报", True, (4, 24), 2),
        ("article", "路桥区政协委员说", "小微企业最盼“稳订单”", "", "本报", False, None, 3),
        ("article", "", "衢州：让“有礼”成为城市最美风景！", "", "本报", False, (4, 19), 3),
        ("photo", "", "舟山渔场开渔在即", "", "", False, None, 1),
        ("brief", "", "丽水政协开展生态产品价值实现专题调研", "", "", False, None, 1),
        ("teaser", "", "缙云烧饼飘香海外", "", "", False, None, 0),
    ]


def test_taizhou_bylines(taizhou):
    assert [a.bylines for a in taizhou[1][:4]] == [
        (),
        (
            Byline("reporter", "本报记者", "本报", ("应梦琪",)),
            Byline("correspondent", "通讯员", "", ("林可欣",)),
        ),
        (
            Byline("reporter", "本报记者", "本报", ("徐一凡",)),
            Byline("correspondent", "通讯员", "", ("周晨", "郑雨萱")),
        ),
        (Byline("reporter", "摄影", "", ("胡晓峰",)),),
    ]


def test_taizhou_joins(taizhou):
    second, third = taizhou[1][1], taizhou[1][2]
    assert second.paragraphs[-1].endswith("并持续跟踪问效。")
    assert "台州学院经济学院副教授林文斌建议" in second.paragraphs[1]
    assert "乡村建设；加强文旅融合" in third.paragraphs[1]
    joins = [(r.line, r.kind) for r in taizhou[2] if r.kind != "punctuation"]
    assert joins == [(15, "column-join"), (25, "column-join")]


def test_quzhou_page():
    _, articles, _ = parse("quzhou_p4.txt")
    assert outline(articles) == [
        (
            "article",
            "",
            "衢州政协：打造“有礼”协商品牌",
            "柯城区政协探索基层协商新路径侧记",
            "本报",
            False,
            (5, 6),
            7,
        ),
        ("photo", "", "龙游县政协委员走访山区农户", "", "", False, None, 1),
        ("brief", "", "全国政协召开双周协商座谈会", "", "人民政协报", True, None, 1),
        ("article", "", "江山市政协开展“请你来协商”活动", "", "本报", False, None, 1),
    ]
    assert "区政协副主席方建明主持会议" in articles[0].paragraphs[0]
    assert articles[0].bylines == (
        Byline("reporter", "本报记者", "本报", ("陈晓燕",)),
        Byline("correspondent", "通讯员", "", ("毛雯雯",)),
    )
    assert "教授吴伟民在发言中说" in articles[2].paragraphs[0]
    assert [b.names for b in articles[3].bylines] == [("李娜", "王浩"), ("赵明",)]

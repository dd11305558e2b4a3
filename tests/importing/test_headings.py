import pytest

from articles.importing.headings import is_heading_shaped, is_headline, split_heading


def test_one_line_is_the_title():
    assert split_heading(["浙江出招助外贸企业出口转内销"]) == (
        "",
        "浙江出招助外贸企业出口转内销",
        "",
    )


@pytest.mark.parametrize(
    ("line", "kicker", "title"),
    [
        (
            "廉毅敏在嵊州开展调研时强调 推动科技创新和产业创新深度融合 塑造高质量发展新优势",
            "廉毅敏在嵊州开展调研时强调",
            "推动科技创新和产业创新深度融合 塑造高质量发展新优势",
        ),
        (
            "宁波政协委员月谈会上 快递小哥外卖骑手吐心声",
            "宁波政协委员月谈会上",
            "快递小哥外卖骑手吐心声",
        ),
        ("路桥区政协委员说 小微企业最盼“稳订单”", "路桥区政协委员说", "小微企业最盼“稳订单”"),
    ],
)
def test_a_lead_in_before_the_first_space_is_the_kicker(line, kicker, title):
    assert split_heading([line]) == (kicker, title, "")


def test_parts_without_a_lead_in_stay_one_title():
    line = "稳外贸 拓内需 义乌政协为“小商品”谋“大市场”"
    assert split_heading([line]) == ("", line, "")


def test_two_lines_are_title_and_subtitle():
    assert split_heading(["推动人工智能赋能高质量发展", "绍兴政协开展头脑风暴"]) == (
        "",
        "推动人工智能赋能高质量发展",
        "绍兴政协开展头脑风暴",
    )


def test_two_lines_with_a_lead_in_are_kicker_and_title():
    assert split_heading(["陈立军在金华开发区调研时强调", "以科技创新引领新质生产力发展"]) == (
        "陈立军在金华开发区调研时强调",
        "以科技创新引领新质生产力发展",
        "",
    )


def test_a_dash_led_line_is_the_subtitle_without_dashes():
    assert split_heading(
        ["东阳：木雕红木产业的“破圈”之路", "——东阳市政协助推传统产业转型升级调研记"]
    ) == (
        "",
        "东阳：木雕红木产业的“破圈”之路",
        "东阳市政协助推传统产业转型升级调研记",
    )


def test_three_lines_are_kicker_title_subtitle():
    assert split_heading(["聚焦民营经济高质量发展", "温州政协献策", "——三地政协联动协商侧记"]) == (
        "聚焦民营经济高质量发展",
        "温州政协献策",
        "三地政协联动协商侧记",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("让青年夜校“走红”“走远”", True),
        ("老旧小区加装电梯难在哪？", True),
        ("衢州：让“有礼”成为城市最美风景！", True),
        ("市政协委员、市公安局党委专职", True),  # a column fragment looks the same
        ("廉毅敏还考察了越剧博物馆。", False),
        ("“四链融合”。", False),
        ("完善新就业形态劳动者权益保障政策法规；", False),
        ("进入小区能否更顺畅……”", False),
        ("很" * 61, False),
    ],
)
def test_heading_shape(text, expected):
    assert is_heading_shaped(text) is expected


def test_a_column_label_above_the_title_is_a_kicker():
    assert split_heading(["图片新闻", "建德政协委员走进草莓基地"]) == (
        "图片新闻",
        "建德政协委员走进草莓基地",
        "",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("嵊泗县政协：聚焦海岛民生", True),
        ("民盟省委会：让乡村文旅火出圈", True),
        ("市政协委员、市公安局党委专职", False),
        ("他说：要把协商成果", False),
    ],
)
def test_a_headline_has_a_body_a_colon_and_the_news(text, expected):
    assert is_headline(text) is expected


def test_a_series_label_with_a_middle_dot_is_a_kicker():
    assert split_heading(["全国两会·浙江声音", "让“人工智能+”赋能千行百业"]) == (
        "全国两会·浙江声音",
        "让“人工智能+”赋能千行百业",
        "",
    )


def test_a_title_may_be_an_exclamation_in_quotes():
    assert is_heading_shaped("“我们村的共富工坊又添新订单！”")
    assert not is_heading_shaped("他说：“我们又添新订单了。”")


def test_a_proposal_s_title_is_no_lead_in():
    assert split_heading(["关于加快培育银发经济的建议", "提案人：省政协委员 陈晓红"]) == (
        "",
        "关于加快培育银发经济的建议",
        "提案人：省政协委员 陈晓红",
    )
    assert split_heading(["张三委员建议", "加快培育银发经济"])[0] == "张三委员建议"

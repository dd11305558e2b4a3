import pytest

from articles.importing.markers import (
    SourceMark,
    dateline,
    ends_sentence,
    is_editors_note,
    is_issue_line,
    opens_like_a_lead,
    opens_with_enumerator,
    source_mark,
    teaser,
)


@pytest.mark.parametrize(
    ("text", "source", "is_reprint", "rest"),
    [
        ("联谊报 4月17日，省政协", "本报", False, "4月17日，省政协"),
        ("联谊报讯 4月22日上午，", "本报", False, "4月22日上午，"),
        ("本报讯（记者 戴雨桐）近日，", "本报", False, "（记者 戴雨桐）近日，"),
        ("本报讯近日，苍南县政协", "本报", False, "近日，苍南县政协"),
        ("据浙江日报 为应对美国加征关税", "浙江日报", True, "为应对美国加征关税"),
        ("据人民政协报 4月18日，浙江省", "人民政协报", True, "4月18日，浙江省"),
        ("据金华日报 近日，义乌市政协", "金华日报", True, "近日，义乌市政协"),
        ("人民政协网 4月20日，浙江省", "人民政协网", True, "4月20日，浙江省"),
    ],
)
def test_source_markers(text, source, is_reprint, rest):
    mark = source_mark(text)
    assert mark == SourceMark(source, is_reprint, mark.end)
    assert text[mark.end :] == rest


@pytest.mark.parametrize(
    "text", ["据悉，我省还将", "据报道，近日", "本报记者 周霜", "近日，市政协"]
)
def test_ordinary_openings_are_no_source_marker(text):
    assert source_mark(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("4月17日，省政协主席", (4, 17)),
        ("4月17日上午，", (4, 17)),
        ("11月3日至4日，", (11, 3)),
        ("４月１７日，", (4, 17)),
        ("近日，宁波市政协", None),
        ("去年11月，市政协主席", None),
        ("13月1日", None),
    ],
)
def test_dateline_is_a_date_opening_the_text(text, expected):
    assert dateline(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (">>>2版·综合新闻", (2, "综合新闻")),
        ("＞＞＞３版·议政", (3, "议政")),
        (">>>第4版", (4, "")),
        (">>> 2版 综合新闻", (2, "综合新闻")),
        ("》》》2版・要闻", (2, "要闻")),
        ("海曙政协建言非遗技艺活态传承", None),
        ("据悉>>>2版", None),
    ],
)
def test_teaser_markers(text, expected):
    assert teaser(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("一、意见难统一", True),
        ("（二）资金难筹措", True),
        ("1.加强顶层设计", True),
        ("■ 问需于企", True),
        ("【委员声音】", True),
        ("1.2万家企业", False),
        ("市政协委员、市公安局党委专职", False),
    ],
)
def test_enumerators_open_subheads(text, expected):
    assert opens_with_enumerator(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("做好相关工作任重道远。", True),
        ("理解这个群体。”", True),
        ("进入小区能否更顺畅……”", True),
        ("资政建言实！”", True),
        ("权益保障政策法规；", False),
        ("内外贸一体化“领跑", False),
        ("场景催化链", False),
    ],
)
def test_sentence_ends(text, expected):
    assert ends_sentence(text) is expected


@pytest.mark.parametrize(
    ("text", "source", "rest"),
    [
        ("据柯桥在线“有问题找委员。”", "柯桥在线", "“有问题找委员。”"),
        ("据安吉县融媒体中心 近日，", "安吉县融媒体中心", "近日，"),
        ("据余杭发布 5月18日，", "余杭发布", "5月18日，"),
        ("据潮新闻客户端 近日，", "潮新闻客户端", "近日，"),
    ],
)
def test_outlets_that_are_no_paper_and_a_quote_glued_to_the_marker(text, source, rest):
    mark = source_mark(text)
    assert (mark.source, mark.is_reprint, text[mark.end :]) == (source, True, rest)


@pytest.mark.parametrize("text", ["据悉，新闻发布会上", "新闻发布会上，", "据了解“三服务”"])
def test_news_words_and_quotes_after_据_are_no_source_marker(text):
    assert source_mark(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025年5月26日 星期一", True),
        ("第1234期　2025年5月26日", True),
        ("星期一", False),
        ("2025年全省政协工作要点", False),
    ],
)
def test_issue_lines(text, expected):
    assert is_issue_line(text) is expected


def test_a_lead_after_a_full_width_comma_opens_like_one():
    assert opens_like_a_lead("近日，衢江区政协围绕农村供水保障开展协商。")


def test_a_wire_dateline_is_a_source_marker():
    text = "新华社杭州5月19日电（记者 商意盈）记者获悉"
    mark = source_mark(text)
    assert (mark.source, mark.is_reprint, text[mark.end :]) == (
        "新华社",
        True,
        "（记者 商意盈）记者获悉",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("详见第2版", (2, "")),
        (">>>详见第3版", (3, "")),
        ("（见第4版）", (4, "")),
        ("转第3版", None),
    ],
)
def test_teasers_written_as_see_page(text, expected):
    assert teaser(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("编者按：山区县如何跨越发展？", True), ("【编者按】：本版推出", True), ("编者认为，", False)],
)
def test_editors_notes(text, expected):
    assert is_editors_note(text) is expected


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("据今日建德 在建德市新安江街道", "今日建德"),
        ("据了解 今年以来", None),
        ("据初步统计 全市", None),
    ],
)
def test_any_name_after_据_with_a_space_is_an_outlet_but_ordinary_words(text, source):
    mark = source_mark(text)
    assert (mark.source if mark else None) == source


@pytest.mark.parametrize(
    ("text", "expected"),
    [("共协商解决民生实事312件。（相关报道见第2版）", True), ("建设工作（第二期）", False)],
)
def test_a_bracketed_note_after_a_sentence_still_ends_it(text, expected):
    assert ends_sentence(text) is expected

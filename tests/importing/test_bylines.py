import pytest

from articles.importing.bylines import (
    parse_byline,
    split_leading_byline,
    split_trailing_byline,
    with_outlet,
)
from articles.importing.parsed import Byline

REPORTER = Byline("reporter", "本报记者", "本报", ("周霜",))


def test_own_reporter():
    assert parse_byline("本报记者 周霜") == (REPORTER,)


def test_another_papers_reporter_keeps_the_outlet():
    assert parse_byline("浙江日报记者 万笑影") == (
        Byline("reporter", "浙江日报记者", "浙江日报", ("万笑影",)),
    )


def test_correspondents_have_no_outlet():
    assert parse_byline("本报通讯员 林可欣") == (
        Byline("correspondent", "本报通讯员", "", ("林可欣",)),
    )


@pytest.mark.parametrize(
    "line", ["通讯员 宋陶珂 阮一唯", "通讯员 宋陶珂、阮一唯", "通讯员 宋陶珂，阮一唯"]
)
def test_several_names_on_one_line(line):
    assert parse_byline(line) == (Byline("correspondent", "通讯员", "", ("宋陶珂", "阮一唯")),)


def test_several_credits_on_one_line():
    assert parse_byline("本报记者 王芳 通讯员 李强") == (
        Byline("reporter", "本报记者", "本报", ("王芳",)),
        Byline("correspondent", "通讯员", "", ("李强",)),
    )


@pytest.mark.parametrize("line", ["(本报记者 周霜)", "（本报记者 周霜）", "（本报记者周霜）"])
def test_bylines_in_brackets(line):
    assert parse_byline(line) == (REPORTER,)


def test_a_name_may_follow_an_outlet_role_without_space():
    assert parse_byline("本报记者周霜") == (REPORTER,)


@pytest.mark.parametrize(
    ("line", "title"),
    [("见习记者 金晨曦", "见习记者"), ("特约记者 傅宇航", "特约记者"), ("摄影 陈可", "摄影")],
)
def test_trainee_special_and_photographer_credits_are_reporters(line, title):
    (byline,) = parse_byline(line)
    assert (byline.role, byline.title, byline.outlet) == ("reporter", title, "")


def test_a_photo_mark_after_the_names_is_dropped():
    assert parse_byline("（通讯员 应晓楠 摄）") == (
        Byline("correspondent", "通讯员", "", ("应晓楠",)),
    )


def test_minority_names_with_a_middle_dot():
    assert parse_byline("通讯员 阿依古丽·买买提")[0].names == ("阿依古丽·买买提",)


@pytest.mark.parametrize(
    "line",
    ["通讯员队伍建设", "记者节里话初心", "本报记者 周霜说了很多话", "市政协委员、市公安局党委专职"],
)
def test_titles_and_text_are_no_bylines(line):
    assert parse_byline(line) is None


def test_trailing_byline_after_the_last_sentence():
    assert split_trailing_byline("走在前列。（本报记者 周霜）") == ("走在前列。", (REPORTER,))
    assert split_trailing_byline("跟踪问效。 本报记者 周霜") == ("跟踪问效。", (REPORTER,))
    assert split_trailing_byline("他说：“好。”(本报记者 周霜)") == ("他说：“好。”", (REPORTER,))


def test_a_last_sentence_without_byline_is_left_alone():
    assert split_trailing_byline("走在前列。（完）") == ("走在前列。（完）", ())
    assert split_trailing_byline("提出意见建议12条") == ("提出意见建议12条", ())


def test_leading_bracketed_byline_after_a_source_marker():
    assert split_leading_byline("（记者 戴雨桐）近日，瑞安") == (
        "近日，瑞安",
        (Byline("reporter", "记者", "", ("戴雨桐",)),),
    )
    assert split_leading_byline("（含宁波市）入选") == ("（含宁波市）入选", ())


def test_a_reporter_without_outlet_works_for_the_source():
    bylines = parse_byline("记者 戴雨桐 通讯员 李强")
    assert [b.outlet for b in with_outlet(bylines, "人民政协报")] == ["人民政协报", ""]


def test_bare_names_in_brackets_credit_a_correspondent():
    assert parse_byline("（赵六）") == (Byline("correspondent", "", "", ("赵六",)),)
    assert split_trailing_byline("……共建成10个。（赵一帆）") == (
        "……共建成10个。",
        (Byline("correspondent", "", "", ("赵一帆",)),),
    )


@pytest.mark.parametrize("text", ["（完）", "（待续）", "（上）", "（摘编）"])
def test_bracketed_words_that_are_no_names(text):
    assert parse_byline(text) is None


@pytest.mark.parametrize(
    ("line", "title", "outlet"),
    [
        ("浙江在线记者 俞静怡 郑浩然 范小雨", "浙江在线记者", "浙江在线"),
        ("安吉县融媒体中心记者 潘静 李乐天", "安吉县融媒体中心记者", "安吉县融媒体中心"),
        ("潮新闻记者 邵凯", "潮新闻记者", "潮新闻"),
    ],
)
def test_reporters_of_outlets_that_are_no_paper(line, title, outlet):
    (byline,) = parse_byline(line)
    assert (byline.role, byline.title, byline.outlet) == ("reporter", title, outlet)


@pytest.mark.parametrize("line", ["□ 本报记者 周霜", "文/图 本报记者 周霜", "■本报记者 周霜"])
def test_a_box_or_text_and_picture_credit_before_a_byline(line):
    assert parse_byline(line) == (REPORTER,)


def test_a_boxed_subhead_is_no_byline():
    assert parse_byline("■ 问需于企") is None


def test_a_reporter_of_an_outlet_named_in_no_known_way():
    assert parse_byline("今日建德记者 王梦瑶 李华") == (
        Byline("reporter", "今日建德记者", "今日建德", ("王梦瑶", "李华")),
    )
    assert parse_byline("今日建德记者 这是标题") is None  # no surname: not names

import pytest

from articles.importing.blocks import Block, fix_block_punctuation
from articles.importing.cleaning import fix_punctuation, fold_width, normalise_line


def test_full_width_indent_and_trailing_space_are_stripped():
    assert normalise_line("\u3000\u3000联谊报\u30004月23日，市政协召开会议。 \t") == (
        "联谊报 4月23日，市政协召开会议。"
    )


def test_runs_of_ideographic_and_ascii_spaces_become_one_space():
    assert normalise_line("通讯员\u3000周晨\u3000 郑雨萱") == "通讯员 周晨 郑雨萱"


def test_full_width_forms_fold_to_ascii_for_matching():
    assert fold_width("＞＞＞２版·议政") == ">>>2版·议政"


def test_commas_and_semicolons_between_chinese_become_full_width():
    assert (
        fix_punctuation("出口转内销,在浙江不是新鲜事;还有") == "出口转内销，在浙江不是新鲜事；还有"
    )


def test_colon_question_and_exclamation_become_full_width():
    assert fix_punctuation("民盟省委会:让乡村文旅火出圈") == "民盟省委会：让乡村文旅火出圈"
    assert fix_punctuation("如何“走远”?去年") == "如何“走远”？去年"
    assert fix_punctuation("“我为网约车司机发声!”政协委员") == "“我为网约车司机发声！”政协委员"


def test_parentheses_around_chinese_become_full_width():
    assert fix_punctuation("浙江(含宁波市)入选") == "浙江（含宁波市）入选"
    assert fix_punctuation("(本报记者 王芳 通讯员 李强)") == "（本报记者 王芳 通讯员 李强）"
    assert fix_punctuation("(1)加强顶层设计") == "（1）加强顶层设计"


def test_a_lone_half_width_parenthesis_next_to_chinese_is_fixed():
    assert fix_punctuation("浙江（含宁波市)入选") == "浙江（含宁波市）入选"


def test_numbers_times_and_ascii_words_are_kept():
    text = "增长12.7%、28.3%,共1,000家,上午10:30开幕,带动AI+产业,f(x) and g, h"
    assert fix_punctuation(text) == (
        "增长12.7%、28.3%，共1,000家，上午10:30开幕，带动AI+产业，f(x) and g, h"
    )


def test_spaces_around_a_fixed_mark_are_dropped():
    assert fix_punctuation("温州 , 金华 : 台州") == "温州，金华：台州"


def test_each_changed_line_is_one_punctuation_repair():
    blocks = [Block(3, "标题"), Block(5, "甲,乙;丙。"), Block(7, "丁。")]
    fixed, repairs = fix_block_punctuation(blocks)
    assert [b.text for b in fixed] == ["标题", "甲，乙；丙。", "丁。"]
    assert [(r.line, r.kind, r.before, r.after) for r in repairs] == [
        (5, "punctuation", "甲,乙;丙。", "甲，乙；丙。")
    ]


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("代表参加.市政协委员", "代表参加。市政协委员"),
        ("人才落户.(通讯员 项一鸣)", "人才落户。（通讯员 项一鸣）"),
        ('玉环:海岛县的"小切口"协商', "玉环：海岛县的“小切口”协商"),
        ("他说'好'。", "他说‘好’。"),
        ("增长12.7%，城市.AI", "增长12.7%，城市.AI"),
        ('he said "hi"', 'he said "hi"'),
        ('一个"引号', '一个"引号'),
    ],
)
def test_full_stops_and_straight_quotes_in_chinese_text(text, fixed):
    assert fix_punctuation(text) == fixed

"""Which article a teaser names, when its title is not quite the article's (no database)."""

import pytest

from articles.teaser_titles import best_match, likeness

PAGE = {
    1: "温州政协“请你来协商”为“两个健康”献策",
    2: "老旧小区加装电梯难在哪？",
    3: "乐清：“政协+”助力小微园区提档升级",
    4: "平阳政协视察营商环境",
}


def match(title):
    return best_match(title, [(pk, [t]) for pk, t in PAGE.items()])


@pytest.mark.parametrize(
    ("teaser", "article"),
    [
        ("老旧小区加装电梯难在哪？", 2),  # the same
        ("老旧小区加装电梯难在哪", 2),  # punctuation dropped
        ("乐清“政协+”助力小微园区提档升级", 3),
        ("温州政协为“两个健康”献策", 1),  # words left out
        ("乐清政协助力小微园区提档", 3),
        ("平阳县政协视察营商环境", 4),  # a word more
    ],
)
def test_a_teaser_finds_its_article(teaser, article):
    assert match(teaser) == article


@pytest.mark.parametrize(
    "teaser",
    [
        "瓯海政协委员走进田间地头",  # another article altogether
        "政协视察",  # too short to tell
        "营商环境",
        "温州政协献策",  # less than half the title
        "",
    ],
)
def test_a_teaser_finds_nothing_rather_than_a_wrong_article(teaser):
    assert match(teaser) is None


def test_a_tie_is_no_match():
    twins = [(1, ["嘉兴政协调研乡村振兴工作"]), (2, ["嘉兴政协调研乡村振兴成效"])]
    assert best_match("嘉兴政协调研乡村振兴", twins) is None


def test_the_exact_title_wins_over_a_likeness():
    near = [(1, ["民盟省委会：让乡村文旅火出圈"]), (2, ["民盟省委会让乡村文旅火出圈"])]
    assert best_match("民盟省委会让乡村文旅火出圈", near) == 2
    assert likeness("甲乙丙丁", "甲乙丙丁") > likeness("甲乙丙丁", "甲乙·丙丁") > 0

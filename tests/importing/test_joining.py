from articles.importing.joining import join_parts
from articles.importing.parsed import Repair


def test_parts_join_without_space_and_the_join_is_reported():
    text, repair = join_parts("内外贸一体化“领跑", "者”企业，101个", 13)
    assert text == "内外贸一体化“领跑者”企业，101个"
    assert repair == Repair(
        13, "column-join", "…外贸一体化“领跑|者”企业，101…", "…外贸一体化“领跑者”企业，101…"
    )


def test_a_word_printed_twice_across_the_break_is_dropped():
    text, repair = join_parts(
        "积极采取一系列举措，加强灵活就业", "就业和新就业形态劳动者权益保障。", 53
    )
    assert text == "积极采取一系列举措，加强灵活就业和新就业形态劳动者权益保障。"
    assert (repair.kind, repair.before, repair.after) == (
        "overlap",
        "…措，加强灵活就业|就业和新就业形态…",
        "…措，加强灵活就业和新就业形态劳动…",
    )


def test_a_name_with_a_repeated_character_is_no_overlap():
    text, repair = join_parts("温州大学商学院教授叶盈", "盈在会上说，建议", 18)
    assert text == "温州大学商学院教授叶盈盈在会上说，建议"
    assert repair.kind == "column-join"


def test_a_repeated_pair_of_one_character_is_no_overlap():
    text, _ = join_parts("市政协委员王芳芳", "芳芳在会上说", 1)
    assert text == "市政协委员王芳芳芳芳在会上说"


def test_an_overlap_may_not_leave_a_one_character_fragment():
    text, repair = join_parts("就业", "就业和新就业形态", 1)
    assert (text, repair.kind) == ("就业就业和新就业形态", "column-join")
    text, repair = join_parts("加强灵活就业", "就业。", 1)
    assert (text, repair.kind) == ("加强灵活就业就业。", "column-join")


def test_ascii_is_never_an_overlap():
    text, _ = join_parts("带动整体AI", "AI产业发展", 1)
    assert text == "带动整体AIAI产业发展"

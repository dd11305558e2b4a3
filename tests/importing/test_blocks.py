from articles.importing.blocks import Block, split_blocks


def test_blocks_are_the_non_blank_lines_with_their_1_based_numbers():
    text = "\n\n浙江政协同心苑\n\n标题\n\u3000\u3000\n本报记者 周霜\n通讯员 滕松芸\n"
    assert split_blocks(text) == [
        Block(3, "浙江政协同心苑"),
        Block(5, "标题"),
        Block(7, "本报记者 周霜"),
        Block(8, "通讯员 滕松芸"),
    ]


def test_a_paragraph_split_by_a_column_break_stays_two_blocks():
    # Mending is the classifier's job: only it knows a byline from a fragment.
    assert [b.text for b in split_blocks("把外贸商品直接\n\n送到消费者手中。")] == [
        "把外贸商品直接",
        "送到消费者手中。",
    ]


def test_indents_are_stripped_from_blocks():
    assert split_blocks("\u3000\u3000联谊报\u3000近日，市政协召开会议。") == [
        Block(1, "联谊报 近日，市政协召开会议。")
    ]


def test_divider_rules_are_no_blocks():
    text = "标题\n——————————\n正文。\n* * *\n>>>2版\n—— 访某某"
    assert [b.text for b in split_blocks(text)] == ["标题", "正文。", ">>>2版", "—— 访某某"]

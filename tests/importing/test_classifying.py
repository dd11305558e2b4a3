"""Page structure from plain strings: one test per quirk of printed pages."""

import pytest

from articles.importing.blocks import split_blocks
from articles.importing.classifying import classify
from articles.importing.parsed import Byline, ParseError
from articles.importing.pipeline import parse_text

MASTHEAD = "浙江政协同心苑"
BODY = "联谊报 4月17日，市政协召开专题协商会。"


def page(*blocks: str) -> str:
    """A page in print layout: masthead, then blocks separated by blank lines."""
    return "\n\n".join((MASTHEAD, *blocks)) + "\n"


def articles(*blocks: str):
    return parse_text(page(*blocks))[1]


def test_the_first_line_is_the_masthead():
    masthead, parsed, _ = parse_text("\n\n" + page("标题", BODY))
    assert masthead == MASTHEAD
    assert [a.title for a in parsed] == ["标题"]


def test_a_page_starting_with_a_title_has_no_masthead():
    masthead, parsed, _ = parse_text("标题\n\n" + BODY)
    assert (masthead, parsed[0].title) == ("", "标题")


def test_own_source_marker_and_dateline():
    (article,) = articles("标题", BODY, "本报记者 周霜")
    assert (article.source, article.is_reprint, article.dateline) == ("本报", False, (4, 17))
    assert article.paragraphs == ("4月17日，市政协召开专题协商会。",)


def test_reprint_marker():
    (article,) = articles("标题", "据人民政协报 近日，省政协召开会议。", "第二段。")
    assert (article.source, article.is_reprint, article.dateline) == ("人民政协报", True, None)
    assert article.paragraphs[0] == "近日，省政协召开会议。"


def test_dateline_opening_an_unmarked_article():
    (article,) = articles(
        "标题", "4月15日晚，兰溪市政协组织委员夜访企业。", "第二段。", "本报记者 章可馨"
    )
    # Unmarked, the article is still our own: its reporter signs as 本报记者.
    assert (article.source, article.dateline, article.kind) == ("本报", (4, 15), "article")


def test_a_date_later_in_the_first_paragraph_is_no_dateline():
    (article,) = articles("标题", "据浙江日报 为应对影响，我省出招。4月17日，省商务厅举行对接会。")
    assert article.dateline is None


def test_column_break_inside_a_paragraph_is_mended():
    (article,) = articles(
        "标题", BODY, "他指出，要紧扣", "户外劳动者的多样化需求。", "本报记者 周霜"
    )
    assert article.paragraphs[1] == "他指出，要紧扣户外劳动者的多样化需求。"


def test_a_paragraph_ending_with_a_semicolon_continues():
    (article,) = articles("标题", BODY, "加强顶层设计；", "强化监督管理……", "本报记者 周霜")
    assert article.paragraphs[1] == "加强顶层设计；强化监督管理……"


def test_column_joins_are_reported_at_the_second_part():
    _, _, repairs = parse_text(page("标题", BODY, "他指出，要紧扣", "户外劳动者。"))
    (join,) = [r for r in repairs if r.kind == "column-join"]
    assert (join.line, join.before, join.after) == (
        9,
        "他指出，要紧扣|户外劳动者。",
        "他指出，要紧扣户外劳动者。",
    )


def test_a_title_like_fragment_is_joined_to_the_next_block():
    (article,) = articles(
        "标题",
        BODY,
        "市政协委员、市公安局党委专职",
        "副书记马晓提出，通过设立驿站提升覆盖面。",
        "在安吉，青年夜校让新农人大大获益。",
        "本报记者 周霜",
    )
    assert article.paragraphs[1:] == (
        "市政协委员、市公安局党委专职副书记马晓提出，通过设立驿站提升覆盖面。",
        "在安吉，青年夜校让新农人大大获益。",
    )


def test_a_new_title_followed_by_a_marked_body_ends_an_unbylined_article():
    parsed = articles("第一篇", "据浙江日报 第一段。", "第二篇", "绍兴政协开展头脑风暴", BODY)
    assert [(a.title, a.subtitle, len(a.paragraphs)) for a in parsed] == [
        ("第一篇", "", 1),
        ("第二篇", "绍兴政协开展头脑风暴", 1),
    ]


def test_a_new_title_whose_unmarked_lead_names_a_local_body_ends_an_unbylined_article():
    parsed = articles(
        "全国政协召开双周协商座谈会",
        "据人民政协报 全国政协日前在京召开双周协商座谈会。",
        "江山市政协开展“请你来协商”活动",
        "江山市政协近日围绕“优化营商环境”开展专题协商。",
        "本报记者 李娜",
    )
    assert [(a.title, a.source, len(a.paragraphs)) for a in parsed] == [
        ("全国政协召开双周协商座谈会", "人民政协报", 1),
        ("江山市政协开展“请你来协商”活动", "本报", 1),
    ]
    assert parsed[1].bylines[0].names == ("李娜",)


def test_a_headline_after_a_finished_sentence_starts_a_brief():
    parsed = articles(
        "标题",
        BODY,
        "嵊泗县政协：聚焦海岛民生",
        "为推动海岛共同富裕，嵊泗县政协近日开展“委员进海岛”活动。",
    )
    assert [(a.kind, a.title) for a in parsed] == [
        ("brief", "标题"),
        ("brief", "嵊泗县政协：聚焦海岛民生"),
    ]


def test_an_unmarked_subhead_does_not_start_a_new_article():
    # Without 一、 or ■ it cannot be told from a column fragment; it stays in the body.
    (article,) = articles(
        "标题",
        BODY,
        "聚焦民生实事",
        "今年以来，委员们围绕民生实事开展调研。",
        "本报记者 周霜",
    )
    assert article.title == "标题"
    assert article.paragraphs[1:] == ("聚焦民生实事", "今年以来，委员们围绕民生实事开展调研。")


def test_a_byline_ends_the_body_even_after_an_unfinished_paragraph():
    parsed = articles(
        "第一篇", BODY, "最后一段没有句号", "本报记者 周霜", "第二篇", "近日，委员视察。"
    )
    assert parsed[0].paragraphs[-1] == "最后一段没有句号"
    assert parsed[1].title == "第二篇"


def test_bylines_in_either_order_and_several_names():
    (article,) = articles("标题", BODY, "通讯员 宋陶珂 阮一唯\n本报记者 郭舒韵")
    assert article.bylines == (
        Byline("correspondent", "通讯员", "", ("宋陶珂", "阮一唯")),
        Byline("reporter", "本报记者", "本报", ("郭舒韵",)),
    )


def test_byline_in_brackets_at_the_end_of_the_last_paragraph():
    parsed = articles("标题", BODY, "走在前列。(本报记者 潘一鸣 通讯员 黄晓东)", "下一篇", BODY)
    assert parsed[0].paragraphs[-1] == "走在前列。"
    assert [b.names for b in parsed[0].bylines] == [("潘一鸣",), ("黄晓东",)]
    assert parsed[1].title == "下一篇"


def test_byline_in_brackets_after_the_source_marker():
    (article,) = articles("标题", "本报讯（记者 戴雨桐）近日，瑞安市政协开展视察。", "第二段。")
    assert article.bylines == (Byline("reporter", "记者", "本报", ("戴雨桐",)),)
    assert article.paragraphs[0] == "近日，瑞安市政协开展视察。"


def test_a_reprints_unnamed_reporter_belongs_to_the_reprinted_outlet():
    (article,) = articles(
        "标题", "据金华日报 近日，义乌市政协召开会议。", "第二段。", "记者 何欣然"
    )
    assert article.bylines[0].outlet == "金华日报"


def test_enumerated_subheads_stay_paragraphs():
    (article,) = articles(
        "标题",
        BODY,
        "一、意见难统一",
        "楼上盼着装。",
        "■ 资金难筹措",
        "费用约50万元。",
        "本报记者 周霜",
    )
    assert article.paragraphs[1:] == (
        "一、意见难统一",
        "楼上盼着装。",
        "■ 资金难筹措",
        "费用约50万元。",
    )


def test_a_paragraph_is_never_joined_into_a_numbered_point():
    (article,) = articles("标题", BODY, "会议提出以下建议：", "1.加强顶层设计。", "本报记者 周霜")
    assert article.paragraphs[1:] == ("会议提出以下建议：", "1.加强顶层设计。")


def test_a_question_title():
    (article,) = articles("老旧小区加装电梯难在哪?", BODY, "本报记者 周霜")
    assert article.title == "老旧小区加装电梯难在哪？"


def test_a_short_question_paragraph_inside_a_body_stays_a_paragraph():
    (article,) = articles(
        "标题", BODY, "青年夜校如何走远？", "去年以来，市政协持续调研。", "本报记者 周霜"
    )
    assert article.paragraphs[1:] == ("青年夜校如何走远？", "去年以来，市政协持续调研。")


@pytest.mark.parametrize(
    ("marker", "page_number", "section"),
    [(">>>2版·综合新闻", 2, "综合新闻"), ("＞＞＞３版·议政", 3, "议政"), (">>>第4版", 4, "")],
)
def test_teasers(marker, page_number, section):
    (teaser,) = articles("海曙政协建言非遗技艺活态传承", marker)
    assert (teaser.kind, teaser.title, teaser.paragraphs) == (
        "teaser",
        "海曙政协建言非遗技艺活态传承",
        (),
    )
    assert (teaser.teaser_page, teaser.teaser_section) == (page_number, section)


def test_a_teaser_after_an_unbylined_article_ends_it():
    parsed = articles("第一篇", "据浙江日报 第一段。", "第二段。", "另一篇", ">>>2版")
    assert [a.kind for a in parsed] == ["article", "teaser"]


def test_photo_item_is_an_unmarked_paragraph_credited_to_a_correspondent():
    (photo,) = articles("秀洲政协：生产车间助发展", "日前，调研组深入生产车间。", "通讯员 计益婷")
    assert (photo.kind, photo.source, photo.bylines[0].role) == ("photo", "", "correspondent")


def test_photo_item_credited_to_a_photographer():
    (photo,) = articles("舟山渔场开渔在即", "连日来，渔民们忙着检修渔船。", "摄影 胡晓峰")
    assert photo.kind == "photo"


def test_an_unbylined_single_paragraph_is_a_brief():
    parsed = articles(
        "平阳政协视察营商环境", "近日，委员视察。", "文成政协开展调研", "日前，委员调研。"
    )
    assert [(a.kind, a.title) for a in parsed] == [
        ("brief", "平阳政协视察营商环境"),
        ("brief", "文成政协开展调研"),
    ]


def test_a_marked_single_paragraph_credited_to_a_reporter_is_an_article():
    (article,) = articles("标题", BODY, "本报记者 周霜")
    assert article.kind == "article"


def test_full_width_indents_and_spaces():
    (article,) = articles(
        "标题", "\u3000\u3000联谊报\u30004月23日，市政协调研。", "通讯员\u3000楼佳琪"
    )
    assert (article.source, article.dateline, article.paragraphs) == (
        "本报",
        (4, 23),
        ("4月23日，市政协调研。",),
    )


def test_article_line_is_its_first_heading_line():
    parsed = articles("第一篇", BODY, "本报记者 周霜", "第二篇", BODY)
    assert [a.line for a in parsed] == [3, 9]


def test_a_page_without_articles_is_an_error():
    with pytest.raises(ParseError, match="未找到任何文章"):
        parse_text("浙江政协同心苑\n\n")
    with pytest.raises(ParseError, match="未找到任何文章"):
        parse_text("")


def test_a_paragraph_without_a_title_is_an_error_with_its_line():
    with pytest.raises(ParseError) as error:
        parse_text(page("标题", BODY, "本报记者 周霜", "近日，市政协召开会议。"))
    assert (error.value.message, error.value.line) == ("这一段前面没有标题", 9)


def test_a_byline_without_an_article_is_an_error():
    with pytest.raises(ParseError, match="署名前面没有文章"):
        parse_text(page("本报记者 周霜"))


def test_a_teaser_marker_without_a_title_is_an_error():
    with pytest.raises(ParseError, match="转版提示前面没有标题") as error:
        parse_text(page("标题", BODY, "本报记者 周霜", ">>>2版"))
    assert error.value.line == 9


def test_a_title_without_a_body_is_an_error():
    with pytest.raises(ParseError, match="标题后面没有正文") as error:
        parse_text(page("标题", BODY, "本报记者 周霜", "孤零零的标题"))
    assert str(error.value) == "第9行：标题后面没有正文"


def test_four_heading_lines_in_a_row_are_an_error():
    with pytest.raises(ParseError, match="标题行太多"):
        parse_text(page("一", "二", "三", "四", BODY))


def test_keep_punctuation_leaves_the_text_as_written():
    _, (article,), repairs = parse_text(
        page("民盟省委会:让乡村文旅火出圈", BODY + "好,很好。"), keep_punctuation=True
    )
    assert article.title == "民盟省委会:让乡村文旅火出圈"
    assert article.paragraphs[0].endswith("好,很好。")
    assert repairs == ()


def test_an_unmarked_article_takes_its_reporters_outlet_as_source():
    first, second = articles(
        "宁波市政协召开专题协商会",
        "5月15日，宁波市政协召开专题协商会。",
        "浙江在线记者 俞静怡 郑浩然",
        "王志刚副主席赴衢州开展专题调研",
        "联谊报 5月21日，省政协副主席王志刚赴衢州市调研。",
    )
    assert (first.source, first.is_reprint) == ("浙江在线", True)
    assert first.bylines[0].names == ("俞静怡", "郑浩然")
    assert (second.title, second.source) == ("王志刚副主席赴衢州开展专题调研", "本报")


def test_briefs_signed_with_bare_names_in_brackets():
    parsed = articles(
        "简讯",
        "嘉善政协开展活动",
        "近日，嘉善县政协组织委员走进企业。（沈悦）",
        "海盐政协视察产业",
        "日前，海盐县政协组织委员视察园区。（朱丽）",
    )
    assert [(a.kind, a.kicker, a.title, a.bylines[0].names) for a in parsed] == [
        ("brief", "简讯", "嘉善政协开展活动", ("沈悦",)),
        ("brief", "", "海盐政协视察产业", ("朱丽",)),
    ]


def test_a_lead_cut_by_a_column_break_before_its_full_stop_is_no_heading():
    (article,) = articles(
        "开化政协委员守护“钱江源”",
        "本报讯（记者 刘一诺）近日，开化县政协组织委员察看了齐溪镇的",
        "水源保护区。",
    )
    assert (article.subtitle, article.source) == ("", "本报")
    assert article.paragraphs == ("近日，开化县政协组织委员察看了齐溪镇的水源保护区。",)


def test_a_date_line_under_the_masthead_is_part_of_it():
    masthead, parsed, _ = parse_text(page("2025年5月26日　星期一", "标题", BODY))
    assert (masthead, parsed[0].kicker, parsed[0].title) == (MASTHEAD, "", "标题")


def test_a_title_printed_twice_counts_once():
    (article,) = articles("温岭政协助企纾困", "温岭政协助企纾困", BODY)
    assert (article.title, article.subtitle) == ("温岭政协助企纾困", "")


def test_subheads_without_enumerators_are_never_glued_to_what_follows():
    (article,) = articles(
        "温岭政协助企纾困",
        BODY,
        "产业链上建言",
        "围绕主导产业，委员们梳理出问题18个。",
        "服务链上发力",
        "市政协委员、一家泵业公司董事长江志勇说，委员们帮企业对接科研团队。",
        "本报记者 叶思琪",
    )
    assert article.paragraphs[1:] == (
        "产业链上建言",
        "围绕主导产业，委员们梳理出问题18个。",
        "服务链上发力",
        "市政协委员、一家泵业公司董事长江志勇说，委员们帮企业对接科研团队。",
    )


@pytest.mark.parametrize(
    "fragment",
    ["象山县政协委员、东门村党支部书记林海", "他指出，要紧扣", "市政协委员、市公安局党委专职"],
)
def test_a_short_line_cut_mid_name_or_mid_clause_is_text_not_a_subhead(fragment):
    (article,) = articles("标题", BODY, fragment, "波介绍，村里正在谋划研学基地。")
    assert article.paragraphs[1] == fragment + "波介绍，村里正在谋划研学基地。"


def test_close_readings_of_a_line_are_recorded_for_the_editor():
    blocks = split_blocks(
        page("标题", BODY, "市政协委员、市公安局党委专职", "副书记马晓提出，要加强。")
    )
    doubts = classify(blocks).close_calls
    assert [(c.line, c.kind, c.text, c.chosen, c.alternative) for c in doubts] == [
        (7, "heading", "市政协委员、市公安局党委专职", "正文（分栏接续）", "文中小标题")
    ]
    assert doubts[0].describe() == (
        "第7行“市政协委员、市公安局党委专职”：判为正文（分栏接续），也可能是文中小标题"
    )


def test_a_clear_reading_is_no_close_call():
    blocks = split_blocks(page("标题", BODY, "第二篇", "联谊报 近日，委员视察。"))
    assert classify(blocks).close_calls == []


def test_an_editors_note_between_title_and_marked_lead_opens_the_body():
    (article,) = articles(
        "永嘉政协委员谈民宿",
        "编者按：山区县如何跨越发展？本版今起推出新栏目。",
        "本报讯 近日，永嘉县政协委员徐婷婷说，民宿要有特色。",
        "（记者 陈佳）",
    )
    assert (article.source, article.paragraphs) == (
        "本报",
        (
            "编者按：山区县如何跨越发展？本版今起推出新栏目。",
            "近日，永嘉县政协委员徐婷婷说，民宿要有特色。",
        ),
    )
    assert article.bylines[0].names == ("陈佳",)


def test_a_wire_dateline_gives_source_and_bylines():
    (article,) = articles(
        "浙江山区海岛县跑出共富“加速度”",
        "新华社杭州5月19日电（记者 商意盈 许舜达）记者从省发展改革委获悉。",
    )
    assert (article.source, article.is_reprint) == ("新华社", True)
    assert article.bylines == (Byline("reporter", "记者", "新华社", ("商意盈", "许舜达")),)
    assert article.paragraphs == ("记者从省发展改革委获悉。",)


def test_a_reporters_picture_credit_makes_a_photo():
    (article,) = articles(
        "图片新闻", "洞头渔港迎来开渔", "5月16日，洞头区各大渔港千帆竞发。", "（记者 周晨阳 摄）"
    )
    assert (article.kind, article.kicker, article.bylines[0].title) == ("photo", "图片新闻", "记者")
    assert article.bylines[0].photo


def test_boxed_titles_start_briefs_where_an_item_must_start():
    parsed = articles(
        "标题",
        BODY,
        "记者 钱丽娜 实习生 赵欣怡",
        "■ 嵊州政协开展视察",
        "近日，嵊州市政协组织委员视察。（吕佳）",
        "■ 新昌政协召开协商会",
        "日前，新昌县政协召开协商会。（梁晓琴）",
    )
    assert [(a.kind, a.title) for a in parsed] == [
        ("article", "标题"),
        ("brief", "嵊州政协开展视察"),
        ("brief", "新昌政协召开协商会"),
    ]
    assert [(b.title, b.names) for b in parsed[0].bylines] == [
        ("记者", ("钱丽娜",)),
        ("实习生", ("赵欣怡",)),
    ]


def test_a_boxed_subhead_inside_a_body_stays_there():
    (article,) = articles("标题", BODY, "■ 问需于企", "委员们走访企业。", "本报记者 周霜")
    assert article.paragraphs[1:] == ("■ 问需于企", "委员们走访企业。")


def test_a_commentary_and_a_colon_kicker_over_a_quoted_title():
    first, second = articles(
        "让协商成果“落地生根”",
        "□ 本报评论员 吴思远",
        "协商于民、协商为民。",
        "鹿城区政协主席林晓东：",
        "“把协商触角延伸到社区楼道”",
        "联谊报 “今年我们建立了‘楼道议事会’。”林晓东说。",
    )
    assert (first.source, first.bylines[0].title, first.paragraphs) == (
        "本报",
        "本报评论员",
        ("协商于民、协商为民。",),
    )
    assert (second.kicker, second.title) == ("鹿城区政协主席林晓东：", "“把协商触角延伸到社区楼道”")


def test_a_line_ending_in_a_colon_before_plain_text_stays_text():
    (article,) = articles("标题", BODY, "他说：", "“要把实事办好。”", "本报记者 周霜")
    assert article.paragraphs[1:] == ("他说：“要把实事办好。”",)


def test_an_end_mark_after_the_last_sentence_is_dropped():
    (article,) = articles("标题", BODY, "市政协主席表示，将报送参考。（完）", "本报记者 周霜")
    assert article.paragraphs[-1] == "市政协主席表示，将报送参考。"


def test_subheads_of_an_unmarked_feature_do_not_split_it():
    (article,) = articles(
        "聚焦群众急难愁盼，委员蹲点山区问民需",
        "在竹里畲族乡，县政协委员雷小芬已经连续三年开展“送医进山”活动。",
        "山路上的“移动诊室”",
        "每周二，雷小芬都会开车到偏远村庄义诊。",
        "把建议写进提案",
        "在走访中，她提交了一件提案。",
        "本报记者 潘一鸣",
    )
    assert len(article.paragraphs) == 5
    assert (article.source, article.bylines[0].names) == ("本报", ("潘一鸣",))

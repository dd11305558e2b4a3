"""Finding the people a text names with a title, and reading their titles."""

import pytest

from articles.importing.people import find_titled_names, kind_of, organisation_of


def names_and_titles(text: str) -> list[tuple[str, str]]:
    return [(person.name, person.title) for person in find_titled_names(text)]


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("联谊报 4月17日,省政协主席廉毅敏赴嵊州市开展调研。", "廉毅敏", "省政协主席"),
        ("“我为网约车司机发声!”政协委员袁涌泉会前多次进行实地走访", "袁涌泉", "政协委员"),
        (
            "海曙区政协主席张宁辉呼吁,构建管理、服务和组织“三维”权益保障体系",
            "张宁辉",
            "海曙区政协主席",
        ),
        ("市政协委员冯国铭建言,平台监管应加强统筹协调", "冯国铭", "市政协委员"),
        (
            "人社部中国劳动和社会保障科学研究院专家李文静通过视频,分析短板",
            "李文静",
            "人社部中国劳动和社会保障科学研究院专家",
        ),
        (
            "契机。”市政协委员、联通绍兴分公司总经理赵超宗建议,全面激活",
            "赵超宗",
            "市政协委员、联通绍兴分公司总经理",
        ),
        (
            "示范!”市政协委员、市人民医院副院长鲁葆春提出,选取绍兴",
            "鲁葆春",
            "市政协委员、市人民医院副院长",
        ),
        (
            "北京大学计算机学院副研究员、北京博雅睿视科技有限公司董事长王吉社认为,可以",
            "王吉社",
            "北京大学计算机学院副研究员、北京博雅睿视科技有限公司董事长",
        ),
        ("市政协主席张新宇说,要持续关注人工智能发展", "张新宇", "市政协主席"),
        ("去年11月,市政协主席李上葵带队赴安吉,专题调研青年夜校工作。", "李上葵", "市政协主席"),
        (
            "对此,市政协委员、湖州生态环境监测中心水环境检测科科长张海燕认为,要借鉴",
            "张海燕",
            "市政协委员、湖州生态环境监测中心水环境检测科科长",
        ),
        ("市政协委员、童星幼儿园园长吴小丹调研发现,对照", "吴小丹", "市政协委员、童星幼儿园园长"),
        (
            "获益。共青团安吉县委副书记赵小茜认为,要进一步优化课程体系",
            "赵小茜",
            "共青团安吉县委副书记",
        ),
        (
            "培训……”道场乡成人文化技术学校校长徐国平分享了近两年来青年夜校建设的成果",
            "徐国平",
            "道场乡成人文化技术学校校长",
        ),
        (
            "资政建言实!”市委副秘书长、社工部部长、政法委书记吴智勇表示,要聚焦",
            "吴智勇",
            "市委副秘书长、社工部部长、政法委书记",
        ),
        ("市政协副主席罗安生希望广大政协委员进一步发挥资源优势", "罗安生", "市政协副主席"),
    ],
)
def test_seed_people_with_their_titles(text, name, title):
    assert names_and_titles(text) == [(name, title)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("杭州市政协委员、杭州自动化技术研究院副院长卜谈认为,要用好机器学习", "卜谈"),
        ("市政协委员、市公安局党委专职副书记马晓提出,通过设立", "马晓"),
        ("华为浙江副总经理、产业发展与生态部部长侯勇建议,集中资源", "侯勇"),
        ("市政协委员陈勇提出,发挥宁波在建设全国首批法治政府建设示范市中积累的经验", "陈勇"),
        ("星满天教育咨询有限公司合伙人陶阳提出,可将夜校课堂搬进", "陶阳"),
    ],
)
def test_two_character_names(text, name):
    assert [person.name for person in find_titled_names(text)] == [name]


def test_title_with_a_quoted_honour_but_not_the_preceding_speech():
    text = (
        "“绍兴拥有纺织、黄酒、集成电路三大千亿级产业集群,为AI落地提供了丰富场景。”"
        "国家级领军人才、绍兴文理学院数理信息学院“鉴湖学者”资深教授张维加提出,开发私有化模型定制"
    )
    assert names_and_titles(text) == [
        ("张维加", "国家级领军人才、绍兴文理学院数理信息学院“鉴湖学者”资深教授")
    ]


def test_name_length_read_from_what_follows():
    assert names_and_titles("记者张文强调研发现") == [("张文强", "记者")]
    assert names_and_titles("市长王强调研时指出") == [("王强", "市长")]
    assert names_and_titles("邀请市政协副主席王明在会上讲话") == [("王明", "市政协副主席")]


def test_compound_surname():
    assert names_and_titles("主任委员欧阳晓明表示") == [("欧阳晓明", "主任委员")]


def test_names_listed_under_one_title():
    assert names_and_titles("他和市政协委员张三、李四出席会议。") == [
        ("张三", "市政协委员"),
        ("李四", "市政协委员"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "市人力社保局通报相关情况,市公安局等相关部门负责人和委员恳谈交流,积极回应。",
        "近日,宁波市政协“请你来协商”暨委员月谈会上,多名新就业形态劳动者来到现场,"
        "和政协委员、相关部门负责人围绕“加强新就业形态劳动者权益保障”同商共议。",
        "市发改委、经信局、科技局和科协等有关单位负责人现场回应。",
        "委员于会上发言。",
        "主席谈到,要持续关注。",
        "委员明确提出,要加强。",
        "政协委员应邀出席。",
        "代表全体委员表态。",
        "各委员单位积极参与。",
        "廉毅敏来到鹿山街道捣臼社区,他指出,要紧扣户外劳动者的多样化需求。",
    ],
)
def test_organisations_words_and_untitled_names_are_not_people(text):
    assert find_titled_names(text) == []


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("省政协主席", "member"),
        ("政协委员", "member"),
        ("市政协委员、联通绍兴分公司总经理", "member"),
        ("海曙区政协主席", "member"),
        ("委员", "member"),
        ("“90后”委员", "member"),
        ("新任委员代表", "other"),
        ("市纪委委员", "other"),
        ("市委副秘书长、社工部部长、政法委书记", "other"),
        ("共青团安吉县委副书记", "other"),
        ("人社部中国劳动和社会保障科学研究院专家", "other"),
    ],
)
def test_kind(title, kind):
    assert kind_of(title) == kind


@pytest.mark.parametrize(
    ("title", "organisation"),
    [
        ("市政协委员、联通绍兴分公司总经理", "联通绍兴分公司"),
        ("市政协委员、市公安局党委专职副书记", "市公安局"),
        ("国家级领军人才、绍兴文理学院数理信息学院“鉴湖学者”资深教授", "绍兴文理学院数理信息学院"),
        ("华为浙江副总经理、产业发展与生态部部长", "华为浙江"),
        ("共青团安吉县委副书记", "共青团安吉县委"),
        ("星满天教育咨询有限公司合伙人", "星满天教育咨询有限公司"),
        ("东阳市政协委员、中国工艺美术大师", ""),
        ("省政协主席", ""),
        ("市政协委员", ""),
    ],
)
def test_organisation(title, organisation):
    assert organisation_of(title) == organisation


def test_member_named_before_the_title():
    text = "针对这一问题,袁继新委员认为,核心是要完善治理体系。"
    assert names_and_titles(text) == [("袁继新", "委员")]
    assert kind_of("委员") == "member"


def test_title_starts_after_the_words_of_the_sentence():
    assert names_and_titles("来自台州的省政协委员辛涌是一位新委员。") == [("辛涌", "省政协委员")]
    assert names_and_titles("增城区政协主席何鎏辉也当场提出了请求。") == [
        ("何鎏辉", "增城区政协主席")
    ]


def test_roster_titles_are_restored_within_a_sentence():
    text = "区政协主席胡敏、副主席王萍、秘书长周坚出席会议。副主席丁宏斌主持。"
    found = [(p.name, p.title, p.full_title) for p in find_titled_names(text)]
    assert found == [
        ("胡敏", "区政协主席", "区政协主席"),
        ("王萍", "副主席", "区政协副主席"),
        ("周坚", "秘书长", "区政协秘书长"),
        ("丁宏斌", "副主席", "副主席"),
    ]


def test_a_well_known_place_or_dictionary_word_after_a_title_is_no_name():
    assert find_titled_names("他作为委员代表宁波发言。") == []
    assert find_titled_names("市政协委员金点子多。") == []


def test_a_given_name_does_not_end_in_a_small_word():
    assert names_and_titles("浙江省政协委员兰兰在接受集中采访时唱了一段畲歌") == [
        ("兰兰", "浙江省政协委员")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "湖州市政协副主席沈国强以及德清县政协主席戚建明参加调研。",
            [("沈国强", "湖州市政协副主席"), ("戚建明", "德清县政协主席")],
        ),
        (
            "瑞安市政协委员、幼儿园园长林小燕以及市政协常委、医院儿科主任蔡文博走进社区",
            [
                ("林小燕", "瑞安市政协委员、幼儿园园长"),
                ("蔡文博", "市政协常委、医院儿科主任"),
            ],
        ),
        (
            "会议还书面交流了省政协委员董晓燕、许伟、包云飞的发言。",
            [("董晓燕", "省政协委员"), ("许伟", "省政协委员"), ("包云飞", "省政协委员")],
        ),
        (
            "区政协常委、区数据资源管理局办公室（政策法规处）主任孙晓婷表示",
            [("孙晓婷", "区政协常委、区数据资源管理局办公室（政策法规处）主任")],
        ),
        (
            "省政协委员、一家互联网企业首席技术官欧阳晓峰说，",
            [("欧阳晓峰", "省政协委员、一家互联网企业首席技术官")],
        ),
        ("县政协委员、一家民宿主理人应佳丽建议，", [("应佳丽", "县政协委员、一家民宿主理人")]),
        (
            "萧山区政协委员、一家农业科技公司总经理陈国栋已经来到基地。",
            [("陈国栋", "萧山区政协委员、一家农业科技公司总经理")],
        ),
    ],
)
def test_lists_connectives_brackets_and_names_jieba_knows(text, expected):
    assert names_and_titles(text) == expected


def test_a_quoted_speech_still_ends_a_title_at_its_closing_bracket():
    # “……（笑）”: brackets with punctuation inside are no part of an office's name.
    assert names_and_titles("他说：“好！（笑）”主任王芳表示") == [("王芳", "主任")]


def test_a_list_closed_by_等_and_a_title_gives_the_others_that_title():
    assert names_and_titles("市政协委员、一家印刷企业总经理章晓东、陈海燕等委员建议，") == [
        ("章晓东", "市政协委员、一家印刷企业总经理"),
        ("陈海燕", "委员"),
    ]


def test_a_caption_s_图为_and_a_place_in_the_picture_are_no_part_of_the_title():
    assert names_and_titles("图为县政协主席余建华（右二）带领委员察看生态廊道。") == [
        ("余建华", "县政协主席")
    ]


def test_a_name_after_a_space_that_ends_the_line():
    assert names_and_titles("提案人：省政协委员 陈晓红") == [("陈晓红", "省政协委员")]
    assert names_and_titles("委员 会议召开") == []


def test_members_listed_and_counted_before_their_title():
    assert names_and_titles("胡晓敏、邵立军两位委员结合各自领域提出建议。") == [
        ("胡晓敏", "委员"),
        ("邵立军", "委员"),
    ]

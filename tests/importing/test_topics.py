"""Tagging the topics an article really discusses."""

from articles.importing.topics import article_topics, mention_count
from articles.importing.vocabulary import TopicEntry, Vocabulary

SMALL = Vocabulary(
    [
        TopicEntry("外贸", "waimao", ("外贸", "出口转内销", "跨境电商", "海外仓")),
        TopicEntry("文化", "wenhua", ("越剧", "博物馆")),
        TopicEntry("人才", "rencai", ("人才",)),
    ]
)


def test_a_headline_mention_is_enough():
    assert article_topics("浙江出招助外贸企业出口转内销", "", SMALL) == ("外贸",)


def test_a_passing_mention_in_the_body_is_not():
    body = "廉毅敏还考察了越剧博物馆。" + "要聚焦核心技术突破,因地制宜发展新质生产力。" * 10
    assert article_topics("推动科技创新", body, SMALL) == ()


def test_adjacent_keywords_are_one_mention():
    assert mention_count(SMALL.entries[0], "建设跨境电商海外仓公共服务平台") == 1
    assert mention_count(SMALL.entries[1], "考察了越剧博物馆") == 1


def test_longer_bodies_need_more_mentions():
    short = "加强人才引进。完善人才政策。"
    assert article_topics("一场座谈会", short, SMALL) == ("人才",)
    long = short + "要聚焦核心技术突破,因地制宜发展新质生产力。" * 40
    assert article_topics("一场座谈会", long, SMALL) == ()


def test_at_most_four_topics_most_discussed_first():
    vocabulary = Vocabulary(TopicEntry(str(n), str(n), (f"词{n}",)) for n in range(6))
    body = "。".join(f"说到词{n}" for n in range(6) for _ in range(n + 2))
    assert article_topics("", body, vocabulary) == ("5", "4", "3", "2")


def test_seed_articles_with_the_shipped_vocabulary(vocabulary):
    waimao = (
        "为应对美国加征关税带来的影响,我省正千方百计助力出口遇阻的外贸企业开拓国内市场。"
        "省商务厅举行外贸优品进商圈、进商超、进电商对接会。\n"
        "出口转内销,在浙江不是新鲜事。淘宝天猫已启动“外贸精选”专项,助力外贸商家快速“外转内”。"
    )
    assert article_topics("浙江出招助外贸企业出口转内销", waimao, vocabulary)[0] == "外贸"
    assert article_topics("海曙政协建言非遗技艺活态传承", "", vocabulary) == ("非遗",)
    assert "文旅" in article_topics("民盟省委会:让乡村文旅火出圈", "", vocabulary)

"""Search: segmentation, the user dictionary, both backends, the page, bad input.

The articles are built from the real paragraphs of the shipped seed page, so
the words searched for are the words readers will search for.
"""

import datetime
import re
from pathlib import Path

import pytest
from django.db import connection
from django.urls import reverse

from articles.models import Article
from articles.search import (
    article_index,
    refresh_user_dictionary,
    reindex_articles,
    search_articles,
    segmenter,
)
from articles.search_tokens import highlight, snippet
from newsletter.models import Issue
from tests.factories import ArticleFactory, IssueFactory, PageFactory, PersonFactory, TopicFactory

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_05b83c2a48b8b92d.txt"

# (heading lines as printed, kicker, title, subtitle)
SEED_ARTICLES = [
    (["浙江出招助外贸企业出口转内销"], "", "浙江出招助外贸企业出口转内销", ""),
    (
        ["廉毅敏在嵊州开展调研时强调 推动科技创新和产业创新深度融合 塑造高质量发展新优势"],
        "廉毅敏在嵊州开展调研时强调",
        "推动科技创新和产业创新深度融合",
        "塑造高质量发展新优势",
    ),
    (
        ["宁波政协委员月谈会上 快递小哥外卖骑手吐心声"],
        "宁波政协委员月谈会上",
        "快递小哥外卖骑手吐心声",
        "",
    ),
    (
        ["推动人工智能赋能高质量发展", "绍兴政协开展头脑风暴"],
        "推动人工智能赋能高质量发展",
        "绍兴政协开展头脑风暴",
        "",
    ),
    (
        ["让青年夜校“走红”“走远”", "湖州政协深调研献良策"],
        "",
        "让青年夜校“走红”“走远”",
        "湖州政协深调研献良策",
    ),
    (["海曙政协建言非遗技艺活态传承"], "", "", ""),  # a teaser: ends the page's articles
]

PEOPLE = {
    "推动科技创新和产业创新深度融合": ["廉毅敏", "万笑影"],
    "快递小哥外卖骑手吐心声": ["袁涌泉", "张宁辉", "冯国铭", "陈勇", "李文静", "周霜", "滕松芸"],
    "绍兴政协开展头脑风暴": [
        "赵超宗", "鲁葆春", "卜谈", "侯勇", "王吉社", "张维加", "张新宇", "宋陶珂", "阮一唯",
        "郭舒韵",
    ],
    "让青年夜校“走红”“走远”": [
        "李上葵", "张海燕", "吴小丹", "马晓", "赵小茜", "徐国平", "陶阳", "吴智勇", "罗安生",
        "朱敏敏", "包玉院",
    ],
}  # fmt: skip

ENDS_PARAGRAPH = re.compile(r"[。!?…;:”」)]$")


def seed_bodies() -> dict[str, str]:
    """title → body, paragraphs rejoined where the printed page broke them."""
    lines = [line.strip() for line in SEED.read_text(encoding="utf-8").splitlines()]
    lines = [line for line in lines if line]
    starts = [lines.index(heads[0]) for heads, *_ in SEED_ARTICLES]
    bodies = {}
    for i, (heads, _kicker, title, _subtitle) in enumerate(SEED_ARTICLES[:-1]):
        paragraphs: list[str] = []
        for line in lines[starts[i] + len(heads) : starts[i + 1]]:
            if paragraphs and not ENDS_PARAGRAPH.search(paragraphs[-1]) and len(line) > 12:
                paragraphs[-1] += line
            else:
                paragraphs.append(line)
        bodies[title] = "\n".join(paragraphs)
    return bodies


@pytest.fixture
def seed_articles(db):
    """The seed page's five articles, published, with the people they name; indexed."""
    for names in PEOPLE.values():
        for name in names:
            PersonFactory(name=name)
    page = PageFactory(number=1, section="要闻")
    bodies = seed_bodies()
    articles = {}
    for position, (_heads, kicker, title, subtitle) in enumerate(SEED_ARTICLES[:-1], start=1):
        articles[title] = ArticleFactory(
            page=page,
            position=position,
            kicker=kicker,
            title=title,
            subtitle=subtitle,
            body=bodies[title],
        )
    reindex_articles()
    return articles


def titles(results) -> set[str]:
    return {a.title for a in results.articles}


is_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL full-text search"
)


# --- segmentation (no database) ---------------------------------------------


def test_tokens_keep_compounds_and_their_parts():
    tokens = segmenter.tokens("推动人工智能赋能高质量发展")
    assert {"人工智能", "人工", "智能"} <= set(tokens)


def test_tokens_drop_punctuation_and_lowercase_latin():
    assert segmenter.tokens("“由DeepSeek刮起的浪潮!”") == ["由", "deepseek", "刮起", "的", "浪潮"]


def test_query_terms_of_operators_only_are_empty():
    assert segmenter.query_terms("&|!():*'") == []


def test_query_terms_are_bounded():
    assert len(segmenter.query_terms("人工智能 " * 2000)) <= 32


def test_highlight_escapes_and_marks():
    assert highlight("<b>人工智能</b>", ["人工智能"]) == "&lt;b&gt;<mark>人工智能</mark>&lt;/b&gt;"


def test_snippet_is_a_window_around_the_first_hit():
    text = "开头" * 200 + "青年夜校" + "结尾" * 200
    excerpt = snippet(text, ["青年夜校"], width=60)
    assert "<mark>青年夜校</mark>" in excerpt
    assert excerpt.startswith("…") and excerpt.endswith("…")
    assert len(excerpt.replace("<mark>", "").replace("</mark>", "")) <= 62


def test_snippet_without_a_hit_is_the_opening():
    assert snippet("第一段正文。", ["无关"]) == "第一段正文。"


# --- the user dictionary --------------------------------------------------------


@pytest.mark.django_db
def test_a_new_person_becomes_a_whole_word():
    sentence = "政协委员袁涌泉会前多次进行实地走访"
    refresh_user_dictionary(force=True)
    assert "袁涌泉" not in segmenter.tokens(sentence)

    article = ArticleFactory(title="月谈会", body=sentence)
    article_index(article)
    assert "袁涌泉" not in article.search_text.split()

    PersonFactory(name="袁涌泉")
    article_index(article)  # notices the new name by itself
    assert "袁涌泉" in segmenter.tokens(sentence)
    article.refresh_from_db()
    assert "袁涌泉" in article.search_text.split()


@pytest.mark.django_db
def test_regions_and_topics_join_the_dictionary():
    TopicFactory(name="出行新业态", keywords="网约车司机、顺风车主")
    refresh_user_dictionary()
    assert "出行新业态" in segmenter.tokens("关注出行新业态")
    assert "网约车司机" in segmenter.tokens("我为网约车司机发声")
    assert "新就业形态" in segmenter.tokens("加强新就业形态劳动者权益保障")  # shipped topics
    assert "嵊州市" in segmenter.tokens("廉毅敏赴嵊州市开展调研")


@pytest.mark.django_db
def test_removed_words_are_forgotten():
    person = PersonFactory(name="袁涌泉")
    refresh_user_dictionary()
    assert "袁涌泉" in segmenter.tokens("委员袁涌泉")
    person.delete()
    refresh_user_dictionary()
    assert "袁涌泉" not in segmenter.tokens("委员袁涌泉")


# --- finding the seed's articles (both databases) --------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("人工智能", {"绍兴政协开展头脑风暴"}),
        ("青年夜校", {"让青年夜校“走红”“走远”"}),
        ("外贸", {"浙江出招助外贸企业出口转内销"}),
        ("新就业形态", {"快递小哥外卖骑手吐心声"}),
        ("外卖骑手", {"快递小哥外卖骑手吐心声"}),
        ("嵊州", {"推动科技创新和产业创新深度融合"}),
        ("网约车 立法", {"快递小哥外卖骑手吐心声"}),
        ("DeepSeek", {"绍兴政协开展头脑风暴"}),
        ("高质量发展", {"推动科技创新和产业创新深度融合", "绍兴政协开展头脑风暴"}),
        ("外贸 人工智能", set()),
    ],
)
def test_finds_the_right_articles(seed_articles, query, expected):
    assert titles(search_articles(query)) == expected


@pytest.mark.parametrize(
    ("title", "name"), [(title, name) for title, names in PEOPLE.items() for name in names]
)
def test_finds_every_person_named(seed_articles, title, name):
    assert titles(search_articles(name)) == {title}


def test_title_hits_rank_first(seed_articles):
    ArticleFactory(
        title="数字经济观察",
        body="各地加快数字化改革。" * 20 + "人工智能也被提及一次。" + "其他内容。" * 20,
    )
    reindex_articles()
    ranked = [a.title for a in search_articles("人工智能").articles]
    assert ranked == ["绍兴政协开展头脑风暴", "数字经济观察"]


def test_results_carry_highlighted_snippets(seed_articles):
    results = search_articles("青年夜校")
    (article,) = results.decorate(results.articles)
    assert "<mark>青年夜校</mark>" in article.search_title
    assert "<mark>青年夜校</mark>" in article.search_snippet
    assert "<mark>青年</mark>" not in article.search_snippet


def test_kicker_and_subtitle_are_highlighted_too(seed_articles):
    results = search_articles("人工智能")
    (article,) = results.decorate(results.articles)
    assert article.search_kicker == "推动<mark>人工智能</mark>赋能高质量发展"
    assert article.search_title == "绍兴政协开展头脑风暴"


def test_drafts_are_never_found(seed_articles):
    ArticleFactory(title="人工智能草稿", status=Article.Status.DRAFT, published_at=None)
    ArticleFactory(
        title="人工智能未发布的期", page=PageFactory(issue=IssueFactory(status=Issue.Status.DRAFT))
    )
    reindex_articles()
    assert titles(search_articles("人工智能")) == {"绍兴政协开展头脑风暴"}
    assert titles(search_articles("草稿")) == set()


@pytest.mark.parametrize("query", ["", "   ", "&|!():*'", "人工智能 & !外贸", "\x00人工", "'" * 5])
def test_odd_queries_do_not_fail(seed_articles, query):
    results = search_articles(query)
    assert isinstance(list(results.articles), list)


def test_operators_around_words_are_ignored(seed_articles):
    assert titles(search_articles("人工智能 & !")) == {"绍兴政协开展头脑风暴"}
    assert titles(search_articles("(青年夜校):*")) == {"让青年夜校“走红”“走远”"}


def test_junk_of_ten_kilobytes_does_not_fail(seed_articles):
    assert list(search_articles("垃圾&|!" * 2500).articles) == []


# --- PostgreSQL: the tsvector column and its index ----------------------------------


@is_postgres
def test_full_text_matches_through_search_text(seed_articles):
    from django.contrib.postgres.search import SearchQuery

    matches = Article.objects.filter(search_vector=SearchQuery("新就业形态", config="simple"))
    assert {a.title for a in matches} == {"快递小哥外卖骑手吐心声"}


@is_postgres
def test_gin_index_serves_the_query(seed_articles):
    from django.contrib.postgres.search import SearchQuery

    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
    plan = (
        Article.objects.filter(search_vector=SearchQuery("人工智能", config="simple"))
        .order_by()
        .explain()
    )
    assert "articles_article_search_vector_gin" in plan


@is_postgres
def test_a_name_indexed_before_it_was_known_is_still_found(seed_articles):
    article = ArticleFactory(title="委员恳谈", body="新任委员欧阳明轩会前走访。")
    reindex_articles()
    PersonFactory(name="欧阳明轩")
    assert titles(search_articles("欧阳明轩")) == {"委员恳谈"}
    article_index(article)
    assert "欧阳明轩" in Article.objects.get(pk=article.pk).search_text.split()


# --- the page ------------------------------------------------------------------------


def test_page_shows_results_with_marks(client, seed_articles):
    response = client.get(reverse("search:results"), {"q": "外卖骑手"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<mark>外卖骑手</mark>" in html
    assert reverse("articles:detail", args=[seed_articles["快递小哥外卖骑手吐心声"].pk]) in html
    assert 'for="id_q"' in html and 'id="id_q"' in html


def test_page_without_query_shows_the_form(client, db):
    response = client.get(reverse("search:results"))
    assert response.status_code == 200
    assert "输入标题或正文中的词语" in response.content.decode()


def test_page_with_no_results_says_so(client, seed_articles):
    response = client.get(reverse("search:results"), {"q": "&|!():*'"})
    assert response.status_code == 200
    assert "没有找到" in response.content.decode()


def test_page_rejects_bad_input_with_a_message(client, db):
    response = client.get(reverse("search:results"), {"q": "垃圾" * 5120})
    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()


def test_page_paginates_and_keeps_the_query(client, db, django_assert_max_num_queries):
    page = PageFactory()
    for i in range(25):
        ArticleFactory(page=page, title=f"青年夜校第{i}讲", body="青年夜校开课。")
    reindex_articles()
    refresh_user_dictionary()
    url = reverse("search:results")
    with django_assert_max_num_queries(12):
        response = client.get(url, {"q": "青年夜校"})
    assert response.status_code == 200
    assert len(response.context["articles"]) == 20
    assert "page=2" in response.content.decode()
    assert "q=%E9%9D%92%E5%B9%B4%E5%A4%9C%E6%A0%A1" in response.content.decode()
    second = client.get(url, {"q": "青年夜校", "page": "2"})
    assert len(second.context["articles"]) == 5
    assert client.get(url, {"q": "青年夜校", "page": "abc"}).status_code == 200


def test_only_the_newest_matches_are_ranked_and_the_page_says_so(client, db, monkeypatch):
    monkeypatch.setattr("articles.search.RANKED_MATCHES", 3)
    issues = [IssueFactory(date=datetime.date(2025, 1, day)) for day in range(1, 6)]
    for issue in issues:
        ArticleFactory(page=PageFactory(issue=issue), title="会议纪要", body="青年夜校开课。")
    # The best match of all (the word in its title) is the oldest: past the ranked window.
    ArticleFactory(page=PageFactory(issue=IssueFactory(date=datetime.date(2024, 1, 1))),
                   title="青年夜校青年夜校", body="青年夜校。")  # fmt: skip
    reindex_articles()

    results = search_articles("青年夜校")

    assert [a.issue_date.day for a in results.articles] == [5, 4, 3]
    assert results.matches.count() == 6
    response = client.get(reverse("search:results"), {"q": "青年夜校"})
    html = response.content.decode()
    assert "找到 6 篇与“青年夜校”有关的文章" in html
    assert "按相关度列出其中最近的 3 篇" in html
    assert "/articles/?q=%E9%9D%92%E5%B9%B4%E5%A4%9C%E6%A0%A1" in html


def test_article_list_text_filter_goes_through_search(client, seed_articles):
    response = client.get(reverse("articles:list"), {"q": "外卖骑手"})
    assert [a.title for a in response.context["articles"]] == ["快递小哥外卖骑手吐心声"]


def test_teasers_are_left_out(client, seed_articles):
    target = seed_articles["绍兴政协开展头脑风暴"]
    ArticleFactory(
        title="推动人工智能赋能高质量发展", kind=Article.Kind.TEASER, teaser_target=target
    )
    reindex_articles()
    response = client.get(reverse("search:results"), {"q": "人工智能"})
    assert [a.pk for a in response.context["articles"]] == [target.pk]


def test_reindex_command(db, capsys):
    from django.core.management import call_command

    article = ArticleFactory(title="青年夜校", body="湖州青年夜校")
    call_command("reindex_search", "--dry-run")
    assert Article.objects.get(pk=article.pk).search_text == ""
    call_command("reindex_search")
    assert "青年" in Article.objects.get(pk=article.pk).search_text.split()
    assert "1 篇的检索分词已更新" in capsys.readouterr().out

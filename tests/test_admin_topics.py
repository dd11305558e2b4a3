"""Topics at the desk: rename, merge, re-tag from the vocabulary, hand-set topics kept."""

from io import StringIO
from pathlib import Path

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.management import call_command
from django.urls import reverse

from articles.models import Article, TaggedArticle, Topic
from articles.retagging import articles_retag, topics_merge
from tests.factories import ArticleFactory, TopicFactory

pytestmark = pytest.mark.django_db

AUTO, MANUAL = TaggedArticle.Source.AUTO, TaggedArticle.Source.MANUAL
SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_05b83c2a48b8b92d.txt"


def tag(article, topic, source):
    return TaggedArticle.objects.create(content_object=article, tag=topic, source=source)


def topics_of(article) -> dict[str, str]:
    return dict(
        TaggedArticle.objects.filter(content_object=article).values_list("tag__name", "source")
    )


@pytest.fixture
def vocabulary():
    """A vocabulary of its own: the shipped one would tag the test texts too."""
    Topic.objects.all().delete()
    return {
        "海洋": TopicFactory(name="海洋", slug="haiyang", keywords="海洋、渔业"),
        "茶": TopicFactory(name="茶", slug="cha", keywords="茶叶、茶园"),
        "养老": TopicFactory(name="养老", slug="yanglao", keywords="养老、银发"),
    }


def test_retag_adds_and_removes_auto_topics_and_keeps_hand_set_ones(vocabulary):
    article = ArticleFactory(title="茶园里的新农人", body="茶叶采摘正忙。")
    tag(article, vocabulary["海洋"], AUTO)  # the old keywords' choice, no longer fits
    tag(article, vocabulary["养老"], MANUAL)  # an editor's: stays though no keyword fits
    untouched = ArticleFactory(title="无关的标题", body="无关的正文。")
    report = articles_retag(articles=Article.objects.all())
    assert report.looked_at == 2
    assert [(c.article.pk, c.added, c.removed) for c in report.changes] == [
        (article.pk, ["茶"], ["海洋"])
    ]
    assert topics_of(article) == {"茶": AUTO, "养老": MANUAL}
    assert topics_of(untouched) == {}


def test_retag_never_adds_a_hand_set_topic_twice_nor_turns_it_auto(vocabulary):
    article = ArticleFactory(title="茶园里的新农人")
    tag(article, vocabulary["茶"], MANUAL)
    report = articles_retag(articles=Article.objects.all())
    assert report.changes == []
    assert topics_of(article) == {"茶": MANUAL}


def test_retag_action_reports_what_changed_per_article(client, editor, vocabulary):
    article = ArticleFactory(title="海洋渔业转型", body="正文。")
    tag(article, vocabulary["茶"], AUTO)
    client.force_login(editor)
    response = client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "retag", ACTION_CHECKBOX_NAME: [article.pk]},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "检查了 1 篇文章" in html and "1 篇的专题有变化" in html
    row = html[html.index('id="retag-report"') :]
    assert "海洋渔业转型" in row and "<td>海洋</td>" in row and "<td>茶</td>" in row
    assert topics_of(article) == {"海洋": AUTO}


def test_retag_across_all_articles(client, editor, vocabulary):
    ArticleFactory.create_batch(3, title="银发经济")
    client.force_login(editor)
    client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "retag", "select_across": "1", ACTION_CHECKBOX_NAME: ["1"]},
    )
    assert TaggedArticle.objects.filter(tag=vocabulary["养老"], source=AUTO).count() == 3


def test_a_topic_added_in_the_article_admin_is_hand_set(client, editor, vocabulary):
    article = ArticleFactory(title="一篇文章")
    auto = tag(article, vocabulary["海洋"], AUTO)
    client.force_login(editor)
    url = reverse("admin:articles_article_change", args=[article.pk])
    form = client.get(url).context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None}
    data.update(
        {
            "page": article.page_id,
            "published_at_0": article.published_at.strftime("%Y-%m-%d"),
            "published_at_1": article.published_at.strftime("%H:%M:%S"),
            "tagged_items-TOTAL_FORMS": 2,
            "tagged_items-INITIAL_FORMS": 1,
            "tagged_items-0-id": auto.pk,
            "tagged_items-0-content_object": article.pk,
            "tagged_items-0-tag": vocabulary["海洋"].pk,
            "tagged_items-1-content_object": article.pk,
            "tagged_items-1-tag": vocabulary["养老"].pk,
        }
    )
    for prefix in ("credits", "article_regions"):
        data.update({f"{prefix}-TOTAL_FORMS": 0, f"{prefix}-INITIAL_FORMS": 0})
    data.pop("published_at", None)
    data.pop("dateline", None)
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    # The row left as it was stays the vocabulary's; the one added is the editor's.
    assert topics_of(article) == {"海洋": AUTO, "养老": MANUAL}


def test_reimport_with_overwrite_keeps_topics_set_by_hand(vocabulary):
    out = StringIO()
    call_command("import_pages", str(SEED), "--date", "2025-04-17", stdout=out)
    article = Article.objects.exclude(body="").order_by("position").first()
    tag(article, vocabulary["养老"], MANUAL)
    call_command("import_pages", str(SEED), "--date", "2025-04-17", "--overwrite", stdout=out)
    assert topics_of(Article.objects.get(pk=article.pk))["养老"] == MANUAL


def test_merge_moves_tags_without_duplicates_and_keeps_hand_set_ones(vocabulary):
    keep, other = vocabulary["养老"], TopicFactory(name="老龄", slug="laoling", keywords="老年")
    both, only_other, hand = ArticleFactory.create_batch(3)
    tag(both, keep, AUTO)
    tag(both, other, MANUAL)
    tag(only_other, other, AUTO)
    tag(hand, other, MANUAL)
    assert topics_merge(keep=keep, others=[other]) == 2
    assert not Topic.objects.filter(pk=other.pk).exists()
    assert topics_of(both) == {"养老": MANUAL}
    assert topics_of(only_other) == {"养老": AUTO}
    assert topics_of(hand) == {"养老": MANUAL}
    keep.refresh_from_db()
    assert keep.keyword_list == ["养老", "银发", "老龄", "老年"]
    assert keep.slug == "yanglao"


def test_merge_action_asks_which_topic_to_keep(client, editor, vocabulary):
    client.force_login(editor)
    changelist = reverse("admin:articles_topic_changelist")
    selected = [vocabulary["茶"].pk, vocabulary["海洋"].pk]
    page = client.post(changelist, {"action": "merge", ACTION_CHECKBOX_NAME: selected})
    assert "选择保留的专题" in page.content.decode()
    assert Topic.objects.count() == 3
    response = client.post(
        changelist,
        {"action": "merge", ACTION_CHECKBOX_NAME: selected, "keep": vocabulary["茶"].pk},
        follow=True,
    )
    assert "已将 海洋 合并到 茶" in response.content.decode()
    assert set(Topic.objects.values_list("name", flat=True)) == {"茶", "养老"}


def test_rename_keeps_the_topics_address(client, editor, vocabulary):
    topic = vocabulary["茶"]
    client.force_login(editor)
    url = reverse("admin:articles_topic_change", args=[topic.pk])
    response = client.post(
        url,
        {"name": "茶产业", "slug": "changed", "keywords": "茶叶、茶园、茶农", "description": ""},
    )
    assert response.status_code == 302
    topic.refresh_from_db()
    assert (topic.name, topic.slug) == ("茶产业", "cha")
    assert topic.keyword_list == ["茶叶", "茶园", "茶农"]


def test_topic_list_shows_article_counts_in_fixed_queries(
    client, editor, vocabulary, django_assert_max_num_queries
):
    for article in ArticleFactory.create_batch(3):
        tag(article, vocabulary["茶"], AUTO)
    client.force_login(editor)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("admin:articles_topic_changelist"))
    counts = {t.name: t.num_articles for t in response.context["cl"].result_list}
    assert counts == {"海洋": 0, "茶": 3, "养老": 0}


def test_retag_command_retags_the_archive_and_its_dry_run_writes_nothing(vocabulary):
    article = ArticleFactory(title="银发经济")
    out = StringIO()
    call_command("retag_topics", "--dry-run", "-v", "2", stdout=out)
    assert "银发经济：新增 养老；移除 —" in out.getvalue()
    assert "演练" in out.getvalue() and topics_of(article) == {}
    call_command("retag_topics", stdout=out)
    assert topics_of(article) == {"养老": AUTO}

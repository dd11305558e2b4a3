"""Revision history: every admin save and every import that changes a row is recorded;
two versions compare; a version is restored; a deleted article is recovered."""

import datetime
from pathlib import Path

import html5lib
import pytest
import reversion
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from reversion.models import Revision, Version

from articles.models import Article, ArticleRegion, TaggedArticle
from articles.services import PageSource, pages_import
from newsletter.history import record_changes
from newsletter.models import Issue, Page, Region
from people.models import Credit, Person

from .factories import ArticleFactory, IssueFactory, PageFactory, TopicFactory

pytestmark = pytest.mark.django_db

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_05b83c2a48b8b92d.txt"


def form_data(html: str) -> dict[str, object]:
    """What a browser would post from the page's main form, as rendered."""
    tree = html5lib.parse(html, namespaceHTMLElements=False)
    form = next(f for f in tree.iter("form") if f.get("id") != "logout-form")
    data: dict[str, object] = {}
    for element in form.iter():
        name = element.get("name")
        if element.tag not in ("input", "select", "textarea"):
            continue
        kind = element.get("type", "text")
        if not name or kind in ("submit", "button", "file"):
            continue
        if element.tag == "textarea":
            data[name] = element.text or ""
        elif element.tag == "select":
            chosen = [
                o.get("value", o.text)
                for o in element.iter("option")
                if o.get("selected") is not None
            ]
            if element.get("multiple") is not None:
                data[name] = chosen
            elif chosen:
                data[name] = chosen[0]
        elif kind in ("checkbox", "radio"):
            if element.get("checked") is not None:
                data[name] = element.get("value", "on")
        else:
            data[name] = element.get("value", "")
    return data


def admin_save(client, url: str, **changes):
    """Open an admin form and save it with these fields changed, as an editor would."""
    data = {**form_data(client.get(url).content.decode()), **changes}
    data["_save"] = "保存"
    response = client.post(url, data)
    assert response.status_code == 302, response.context["errors"]
    return response


def latest_revision(obj) -> Revision:
    return Version.objects.get_for_object(obj).select_related("revision__user")[0].revision


def article_with_relations(title="原标题", body="原来的正文。"):
    topic = TopicFactory(name="乡村振兴")
    article = ArticleFactory(
        title=title,
        body=body,
        published_at=MINUTE,
        topics=[topic],
        regions=[Region.objects.get(slug="huzhou")],
    )
    person = Person.objects.create(name="张三", kind=Person.Kind.MEMBER)
    Credit.objects.create(article=article, person=person, role="mentioned", title="市政协委员")
    return article


# Admin saves ---------------------------------------------------------------

# Times to the minute, as the admin's form shows them: else saving changes them.
MINUTE = timezone.now().replace(second=0, microsecond=0)

SAVES = {
    "article": (
        lambda: ArticleFactory(title="原标题", published_at=MINUTE),
        "articles_article",
        {"title": "新标题"},
    ),
    "issue": (
        lambda: IssueFactory(masthead="联谊报", published_at=MINUTE),
        "newsletter_issue",
        {"masthead": "同心报"},
    ),
    "page": (lambda: PageFactory(section="要闻"), "newsletter_page", {"section": "综合新闻"}),
    "person": (
        lambda: Person.objects.create(name="李四"),
        "people_person",
        {"title": "市政协委员"},
    ),
    "topic": (lambda: TopicFactory(name="乡村振兴"), "articles_topic", {"keywords": "共富"}),
}


@pytest.mark.parametrize("kind", SAVES)
def test_an_admin_save_records_who_when_and_what_in_chinese(client, editor, kind):
    make, route, changes = SAVES[kind]
    obj = make()
    client.force_login(editor)
    before = timezone.now()
    admin_save(client, reverse(f"admin:{route}_change", args=[obj.pk]), **changes)
    revision = latest_revision(obj)
    assert revision.user == editor
    assert before <= revision.date_created <= timezone.now()
    label = str(obj._meta.get_field(next(iter(changes))).verbose_name)
    assert revision.comment == f"已修改{label}。"
    stored = Version.objects.get_for_object(obj)[0].field_dict
    assert [stored[name] for name in changes] == list(changes.values())


def test_adding_in_the_admin_records_the_first_version(client, editor):
    client.force_login(editor)
    url = reverse("admin:people_person_add")
    admin_save(client, url, name="王五")
    revision = latest_revision(Person.objects.get(name="王五"))
    assert (revision.user, revision.comment) == (editor, "已添加。")


def test_an_article_revision_holds_its_credits_regions_and_topics(client, editor):
    article = article_with_relations()
    client.force_login(editor)
    admin_save(client, reverse("admin:articles_article_change", args=[article.pk]), title="新")
    held = {v.content_type.model for v in latest_revision(article).version_set.all()}
    assert held == {"article", "credit", "articleregion", "taggedarticle"}


# Imports ------------------------------------------------------------------


def seed_import(**options):
    source = PageSource(
        name=SEED.name, raw=SEED.read_bytes(), page=1, date=datetime.date(2025, 4, 22)
    )
    return pages_import(sources=[source], **options)


def test_an_import_records_every_row_it_writes_with_the_file_and_page(editor):
    seed_import(user=editor)
    articles = list(Article.objects.all())
    assert len(articles) == 10  # with two teasers' placeholders
    for row in [*articles, Issue.objects.get(), *Page.objects.all(), *Person.objects.all()]:
        revision = latest_revision(row)
        assert (revision.user, revision.comment) == (editor, f"导入 {SEED.name} 第1版")
    # Each article in a revision of its own, holding its credits, regions and topics.
    article = next(a for a in articles if a.credits.exists() and a.article_regions.exists())
    versions = latest_revision(article).version_set.all()
    assert {v.object_id for v in versions if v.content_type.model == "article"} == {str(article.pk)}
    assert {v.object_repr for v in versions if v.content_type.model == "credit"} == {
        str(c) for c in article.credits.all()
    }


def test_an_import_in_the_admin_records_the_editor(client, editor, settings, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.IMPORT_STAGING_DIR = tmp_path
    client.force_login(editor)
    url = reverse("admin:newsletter_issue_import")
    upload = SimpleUploadedFile(SEED.name, SEED.read_bytes(), content_type="text/plain")
    preview = client.post(url, {"step": "upload", "files": [upload], "date": "2025-04-22"})
    ticket = preview.context["confirm"]["ticket"].value()
    assert client.post(url, {"step": "confirm", "ticket": ticket}).status_code == 302
    revision = latest_revision(Article.objects.first())
    assert (revision.user, revision.comment) == (editor, f"导入 {SEED.name} 第1版")


def test_the_command_records_no_user_and_a_dry_run_records_nothing():
    seed_import(dry_run=True)
    assert not Revision.objects.exists()
    call_command("import_pages", str(SEED), "--date", "2025-04-22", "--page", "1", verbosity=0)
    assert Revision.objects.exists()
    assert not Revision.objects.exclude(user=None).exists()


def test_an_unchanged_reimport_records_nothing_and_a_correction_only_what_changed(editor):
    seed_import(user=editor)
    count = Revision.objects.count()
    seed_import(user=editor)
    assert Revision.objects.count() == count

    corrected = SEED.read_text(encoding="utf-8").replace("出口转内销", "出口转内销（更正）")
    source = PageSource(
        name="更正.txt", raw=corrected.encode(), page=1, date=datetime.date(2025, 4, 22)
    )
    pages_import(sources=[source], user=editor)
    new = Version.objects.filter(revision__comment="导入 更正.txt 第1版")
    articles = {v.object_repr for v in new if v.content_type.model == "article"}
    assert articles == {"浙江出招助外贸企业出口转内销（更正）"}


# Compare, restore, recover --------------------------------------------------


FIRST = "第一段：市政协委员围绕乡村振兴开展专题调研。"


def edited_twice(client, editor):
    article = article_with_relations(title="原标题", body=f"{FIRST}\n原来的第二段。")
    client.force_login(editor)
    url = reverse("admin:articles_article_change", args=[article.pk])
    admin_save(client, url, title="原标题")  # the first version
    admin_save(client, url, body=f"{FIRST}\n改过的第二段。")
    return article, list(Version.objects.get_for_object(article).order_by("pk"))


def test_the_history_lists_versions_with_who_and_the_comment(client, editor):
    article, _ = edited_twice(client, editor)
    page = client.get(reverse("admin:articles_article_history", args=[article.pk]))
    html = page.content.decode()
    assert html.count("editor") >= 2 and "已修改正文。" in html
    assert "比较所选两版" in html and "恢复已删除的" not in html


def test_compare_highlights_the_changed_field_only(client, editor):
    article, (old, new) = edited_twice(client, editor)
    url = reverse("admin:articles_article_compare", args=[article.pk])
    response = client.get(url, {"version_id1": old.pk, "version_id2": new.pk})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h3>正文</h3>" in html and "<h3>标题</h3>" not in html
    assert "<del>原来</del><ins>改过</ins>的第二段。" in html
    assert html.count("<h3>") == 1  # nothing else changed
    assert "返回历史列表" in html and "Go back" not in html
    assert "不记录历史" not in html  # no unrecorded relation among the changes


def test_compare_shows_credits_regions_and_topics_by_their_chinese_names(client, editor):
    article, (old, _) = edited_twice(client, editor)
    article.credits.all().delete()
    client.force_login(editor)
    url = reverse("admin:articles_article_change", args=[article.pk])
    admin_save(client, url, title="又改了标题")
    new = Version.objects.get_for_object(article)[0]
    compare = reverse("admin:articles_article_compare", args=[article.pk])
    html = client.get(compare, {"version_id1": old.pk, "version_id2": new.pk}).content.decode()
    assert "<h3>署名与人物</h3>" in html and "<del>- 市政协委员张三</del>" in html
    assert "credits" not in html


def test_restoring_a_version_brings_back_its_text_credits_regions_and_topics(client, editor):
    article, (old, _) = edited_twice(client, editor)
    article.credits.all().delete()
    ArticleRegion.objects.filter(article=article).delete()
    article.topics.clear()
    extra = Region.objects.get(slug="anji")
    ArticleRegion.objects.create(article=article, region=extra, is_primary=True)

    url = reverse("admin:articles_article_revision", args=[article.pk, old.pk])
    assert "原来的第二段" in client.get(url).content.decode()
    article.refresh_from_db()
    assert "改过的第二段" in article.body  # looking is not restoring

    admin_save(client, url)
    article.refresh_from_db()
    assert article.body == f"{FIRST}\n原来的第二段。"
    assert "原来" in article.search_text  # re-indexed for search
    assert [str(c) for c in article.credits.all()] == ["市政协委员张三"]
    assert list(article.regions.values_list("slug", flat=True)) == ["huzhou"]
    assert list(article.topics.values_list("name", flat=True)) == ["乡村振兴"]
    revision = latest_revision(article)
    assert revision.user == editor and revision.comment.startswith("恢复到")


def test_a_deleted_article_is_recovered_with_its_credits_regions_and_topics(client, editor, chief):
    article, _ = edited_twice(client, editor)
    pk = article.pk
    client.force_login(chief)  # it is published: only a chief editor deletes it
    delete = reverse("admin:articles_article_delete", args=[pk])
    assert client.post(delete, {"post": "yes"}).status_code == 302
    assert not Article.objects.filter(pk=pk).exists()
    assert not Credit.objects.filter(article=pk).exists()

    recover_list = client.get(reverse("admin:articles_article_recoverlist")).content.decode()
    assert "恢复已删除的" in recover_list and "原标题" in recover_list
    version = Version.objects.get_deleted(Article).get()
    admin_save(client, reverse("admin:articles_article_recover", args=[version.pk]))

    article = Article.objects.get(pk=pk)
    assert article.body == f"{FIRST}\n改过的第二段。"
    assert [str(c) for c in article.credits.all()] == ["市政协委员张三"]
    assert list(article.regions.values_list("slug", flat=True)) == ["huzhou"]
    assert list(TaggedArticle.objects.filter(content_object=pk).values_list("tag__name")) == [
        ("乡村振兴",)
    ]


def test_an_imported_row_is_stored_as_reversion_itself_stores_it():
    article = article_with_relations()
    record_changes({Article: [article.pk]}, comment="导入")
    with reversion.create_revision():
        reversion.add_to_revision(article)
    ours, theirs = (
        sorted((v.content_type_id, v.object_id, v.serialized_data, v.object_repr) for v in r)
        for r in (
            Version.objects.filter(revision__comment="导入"),
            Version.objects.exclude(revision__comment="导入"),
        )
    )
    assert ours == theirs and len(ours) == 4

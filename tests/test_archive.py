"""export_archive / import_archive: the archive goes out and comes back with every field
of every row, and a bad file or a database with content is refused with nothing changed."""

import datetime
import gzip
import json
import stat
import zoneinfo

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.management import CommandError, call_command
from django.core.management.color import no_style
from django.db import connection
from reversion.models import Revision, Version

from articles.models import Article, Topic
from newsletter.archive.tables import ARCHIVED_MODELS, archived_models
from newsletter.models import Issue, Page, Region
from newsletter.page_cache import current_generation
from people.models import Person
from tests.factories import ArticleFactory, CreditFactory, PageFactory, PersonFactory, region

pytestmark = pytest.mark.django_db

SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")
# Foreign keys to rows outside the archive, compared by what identifies them anywhere.
NATURAL_KEYS = {
    "user": ["user__username"],
    "content_type": ["content_type__app_label", "content_type__model"],
}


def every_row() -> dict[str, list[tuple]]:
    """Every stored column of every archived table (the search vector too), by id."""
    tables = {}
    for model in archived_models():
        columns = []
        for field in model._meta.concrete_fields:
            columns += NATURAL_KEYS.get(field.name, [field.attname])
        rows = model._base_manager.order_by("pk").values_list(*columns)
        tables[model._meta.label] = list(rows)
    return tables


def export(path) -> None:
    call_command("export_archive", str(path), verbosity=0)


def restore(path, *args) -> None:
    call_command("import_archive", str(path), *args, verbosity=0)


def remove_content() -> None:
    """What a new database lacks, removed; ids are not reused, as in a new database
    (where PostgreSQL's sequences start at 1: set so here)."""
    Revision.objects.all().delete()
    Issue.objects.all().delete()  # its pages, articles, credits, places and topics go with it
    Person.objects.all().delete()
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), archived_models()):
            cursor.execute(statement)


def edge_cases(editor) -> None:
    """Rows the generated corpus and the seed do not have."""
    added = Region.objects.create(
        parent=region("湖州"),
        level=Region.Level.COUNTY,
        code="330599",
        name="南太湖新区",
        short_name="南太湖",
        aliases="南太湖新区、太湖新区",
        slug="nantaihu",
    )
    Region.objects.filter(short_name="西湖").update(aliases="西湖区、杭州西湖", match_short=False)
    topic = Topic.objects.create(
        name="数字𠀀化改革😀", slug="shuzi", keywords="数字化\n改革", description=""
    )
    draft_issue = Page.objects.create(
        issue=Issue.objects.create(
            date=datetime.date(1999, 12, 31), number=None, date_confirmed=False, masthead="联谊报"
        ),
        number=2,
        section="",
    )
    target = ArticleFactory(
        page=draft_issue,
        position=1,
        kind=Article.Kind.ARTICLE,
        kicker='引题「」‘’“”\\ "quoted" \t tab',
        title="标题 <b>&amp;</b> {{ x }} 𪚥 e\u0301 \u2028 行分隔",
        subtitle="",
        source="",
        dateline=None,
        body="第一段。\n\n  第三段，前有空行。\r\n最后一段 😀",
        status=Article.Status.REVIEW,
        published_at=datetime.datetime(2000, 1, 1, 8, 30, 15, 123456, tzinfo=SHANGHAI),
        review_note="请核对人名。",
        edited_fields=["title", "body", {"note": "编辑 改过", "n": [1, 2.5, None]}],
        search_text="标题 行分隔",
        topics=[topic],
        regions=[added, region("西湖")],
    )
    ArticleFactory(
        page=draft_issue,
        position=2,
        kind=Article.Kind.TEASER,
        title="导读 指向",
        body="",
        teaser_target=target,
        status=Article.Status.DRAFT,
        published_at=None,
    )
    CreditFactory(article=target, person=PersonFactory(name="区域不明", region=None), title="")
    CreditFactory(
        article=target,
        person=PersonFactory(name="欧阳 明", region=added, title="南太湖新区政协委员"),
        role="reporter",
        order=3,
    )
    revision = Revision.objects.create(
        date_created=datetime.datetime(2026, 3, 1, 23, 59, 59, 999999, tzinfo=SHANGHAI),
        user=editor,
        comment="导入版面：第2版",
    )
    Version.objects.create(
        revision=revision,
        object_id=str(target.pk),
        content_type=ContentType.objects.get_for_model(Article),
        db="default",
        format="json",
        serialized_data=json.dumps([{"model": "articles.article", "pk": target.pk}]),
        object_repr=target.title,
    )
    Revision.objects.create(date_created=datetime.datetime.now(datetime.UTC), comment="")


def test_every_content_model_is_archived():
    content = {
        model._meta.label
        for app in ("newsletter", "articles", "people")
        for model in apps.get_app_config(app).get_models()
    }
    assert content <= set(ARCHIVED_MODELS)
    for model in archived_models():
        assert all(
            not m2m.remote_field.through._meta.auto_created for m2m in model._meta.many_to_many
        )


def test_a_corpus_goes_out_and_comes_back_whole(
    tmp_path, editor, django_capture_on_commit_callbacks
):
    call_command(
        "generate_corpus", "--articles", "300", "--seed", "3", "--until", "2024-06-30", verbosity=0
    )
    call_command("import_pages", "seeds/", "--publish", verbosity=0)
    edge_cases(editor)
    before = every_row()
    assert all(before[label] for label in ARCHIVED_MODELS)  # every table has rows to lose
    assert len(before["articles.Article"]) > 300
    path = tmp_path / "archive.json.gz"
    export(path)

    remove_content()
    editor.delete()  # restored into a database without the revisions' author
    Region.objects.filter(code="330599").delete()
    Region.objects.filter(short_name="西湖").update(aliases="", match_short=True)
    Topic.objects.filter(slug="shuzi").delete()
    Topic.objects.update(keywords="")
    generation = current_generation()
    with django_capture_on_commit_callbacks(execute=True):
        restore(path)

    assert every_row() == before
    assert current_generation() != generation  # cached pages are stale at once
    author = get_user_model().objects.get(username="editor")
    assert not author.is_active and not author.has_usable_password()
    # New rows take new ids: the sequences were moved past the restored ones.
    assert Issue.objects.create(date=datetime.date(2030, 1, 1)).pk > max(
        row[0] for row in before["newsletter.Issue"]
    )


def test_the_file_is_versioned_json_with_its_schema(tmp_path):
    ArticleFactory()
    path = tmp_path / "archive.json"
    export(path)
    archive = json.loads(path.read_text(encoding="utf-8"))
    assert (archive["format"], archive["version"]) == ("tongxinyuan-archive", 1)
    tables = {table["model"]: table for table in archive["tables"]}
    assert list(tables) == [label.lower() for label in ARCHIVED_MODELS]
    article = tables["articles.article"]
    names = [field["name"] for field in article["fields"]]
    assert "search_vector" not in names  # the database computes it
    assert {"name": "page", "type": "ForeignKey", "null": False, "to": "newsletter.page"} in (
        article["fields"]
    )
    row = dict(zip(names, article["rows"][0], strict=True))
    assert row["title"] == Article.objects.get().title
    assert stat.S_IMODE(path.stat().st_mode) == 0o600  # drafts are in it


@pytest.fixture
def small_archive(tmp_path):
    """An archive of one article with its person, and the database emptied of it."""
    CreditFactory()
    path = tmp_path / "archive.json"
    export(path)
    remove_content()
    return path


def refused(path, message: str, *args) -> None:
    """The restore fails with ``message`` and leaves every table as it was."""
    before = every_row()
    with pytest.raises(CommandError, match=message):
        restore(path, *args)
    assert every_row() == before


def tampered(path, change) -> None:
    archive = json.loads(path.read_text(encoding="utf-8"))
    change(archive)
    path.write_text(json.dumps(archive, ensure_ascii=False), encoding="utf-8")


def test_not_json_is_refused(tmp_path):
    path = tmp_path / "archive.json"
    path.write_bytes("这不是存档".encode())
    refused(path, "不是完整有效的 JSON")
    path.write_bytes(b"\x00\xff\xfe garbage")
    refused(path, "不是完整有效的 JSON")


def test_a_damaged_gzip_file_is_refused(tmp_path):
    path = tmp_path / "archive.json.gz"
    path.write_bytes(gzip.compress(b'{"format": "tongxinyuan-archive"')[:-8])
    refused(path, "不是完整有效的 JSON")


def test_a_cut_off_archive_is_refused_and_the_regions_stay(small_archive):
    text = small_archive.read_text(encoding="utf-8")
    small_archive.write_text(text[: text.index('"model": "articles.article"')], encoding="utf-8")
    refused(small_archive, "不是完整有效的 JSON")  # the gazetteer it replaced first is back


def test_another_format_or_version_is_refused(small_archive):
    tampered(small_archive, lambda archive: archive.update(version=2))
    refused(small_archive, "存档格式版本为 2，本程序只能恢复版本 1")
    tampered(small_archive, lambda archive: archive.update(format="wordpress"))
    refused(small_archive, "这不是同心苑的存档文件")
    small_archive.write_text("[1, 2]", encoding="utf-8")
    refused(small_archive, "应是一个 JSON 对象")


def test_a_field_this_database_lacks_is_refused(small_archive):
    def add_field(archive):
        people = next(t for t in archive["tables"] if t["model"] == "people.person")
        people["fields"].append({"name": "nickname", "type": "CharField", "null": False})
        for row in people["rows"]:
            row.append("小张")

    tampered(small_archive, add_field)
    refused(small_archive, "people.person 的字段 nickname 在本数据库中不存在")


def test_a_bad_value_is_refused_with_its_table_row_and_field(small_archive):
    def bad_date(archive):
        issues = next(t for t in archive["tables"] if t["model"] == "newsletter.issue")
        issues["rows"][0][1] = "2025-02-30"

    tampered(small_archive, bad_date)
    refused(small_archive, "newsletter.issue 第 1 行，字段 date")


def test_a_row_pointing_at_nothing_is_refused(small_archive):
    def orphan(archive):
        pages = next(t for t in archive["tables"] if t["model"] == "newsletter.page")
        pages["rows"].clear()  # its articles now point at no page

    tampered(small_archive, orphan)
    refused(small_archive, "写入数据库失败，已全部撤销")


def test_a_database_with_content_is_refused(small_archive):
    PageFactory()
    refused(small_archive, "数据库中已有内容（期、版面）")


def test_a_missing_file_is_refused(tmp_path):
    refused(tmp_path / "missing.json", "找不到存档文件")


def test_a_dry_run_writes_nothing(small_archive, capsys):
    before = every_row()
    call_command("import_archive", str(small_archive), "--dry-run")
    assert every_row() == before
    assert "（演练，未写入）已恢复" in capsys.readouterr().out
    restore(small_archive)
    assert Article.objects.count() == 1


def test_a_failed_export_leaves_no_file(tmp_path, monkeypatch):
    from newsletter.archive import export as exporting

    def fail(stream, model):
        raise OSError(28, "No space left on device")

    ArticleFactory()
    monkeypatch.setattr(exporting, "_write_table", fail)
    with pytest.raises(CommandError, match="无法写入"):
        export(tmp_path / "archive.json")
    assert list(tmp_path.iterdir()) == []

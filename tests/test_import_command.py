"""The import_pages command: safety, idempotence, encodings, reports."""

import json
import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from articles.models import Article, ArticleRegion, TaggedArticle
from newsletter.models import Issue, Page
from people.models import Credit, Person

pytestmark = pytest.mark.django_db(transaction=False)

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SEED = SEEDS / "000_05b83c2a48b8b92d.txt"
SEED_TEXT = SEED.read_text(encoding="utf-8")


def run(*args, **options) -> str:
    out = StringIO()
    call_command("import_pages", *map(str, args), stdout=out, stderr=StringIO(), **options)
    return out.getvalue()


def snapshot():
    """Everything an import writes, to compare before and after."""
    models = (Issue, Page, Article, Person, Credit, ArticleRegion, TaggedArticle)
    rows = {m.__name__: sorted(m.objects.values_list("pk", flat=True)) for m in models}
    rows["article_rows"] = list(Article.objects.order_by("pk").values())
    rows["person_rows"] = list(Person.objects.order_by("pk").values())
    rows["issue_rows"] = list(Issue.objects.order_by("pk").values())
    return rows


@pytest.fixture
def seeded():
    run(SEEDS, "--publish")
    return snapshot()


def write(tmp_path, name, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_seed_folder_imports_one_issue_with_its_manifest(seeded):
    issue = Issue.objects.get()
    assert issue.date.isoformat() == "2025-04-17"
    assert issue.date_confirmed is False
    assert issue.status == Issue.Status.PUBLISHED
    front = issue.pages.get(number=1)
    assert front.section == "要闻"
    assert front.encoding == "utf-8"
    assert len(front.sha256) == 64
    assert front.articles.count() == 8
    assert set(issue.pages.values_list("number", "section")) == {
        (1, "要闻"),
        (2, "综合新闻"),
        (3, "议政"),
    }


def test_report_says_the_date_was_inferred():
    out = run(SEEDS, verbosity=1)
    assert "未确认" in out
    assert "新建 8 篇" in out


def test_teasers_point_to_draft_placeholders_the_later_page_fills_in(seeded, tmp_path):
    teaser = Article.objects.get(kind="teaser", title="海曙政协建言非遗技艺活态传承")
    target = teaser.teaser_target
    assert (target.page.number, target.page.section) == (2, "综合新闻")
    assert target.status == Article.Status.DRAFT and target.body == ""

    page2 = write(
        tmp_path,
        "p2.txt",
        "浙江政协同心苑\n\n海曙政协建言非遗技艺活态传承\n\n"
        "联谊报 4月16日,宁波市海曙区政协召开专题协商会,围绕非遗技艺活态传承建言献策。\n\n"
        "与会委员认为,要加强传承人培养。\n\n本报记者 林立\n".encode(),
    )
    run(page2, "--date", "2025-04-17", "--page", "2", "--section", "综合新闻", "--publish")
    target.refresh_from_db()
    assert target.pk == teaser.teaser_target_id
    assert target.body.startswith("4月16日") or "非遗技艺" in target.body
    assert target.status == Article.Status.PUBLISHED
    assert (
        Article.objects.filter(title="海曙政协建言非遗技艺活态传承").count() == 2
    )  # teaser + article


def test_second_import_changes_nothing(seeded):
    out = run(SEEDS, "--publish", verbosity=1)
    assert snapshot() == seeded
    assert "新建 0 篇" in out and "未变 8 篇" in out


def test_dry_run_writes_nothing_and_reports():
    before = snapshot()
    out = run(SEEDS, "--dry-run", verbosity=1)
    assert snapshot() == before
    assert "试运行" in out and "新建 8 篇" in out


def test_json_report():
    payload = json.loads(run(SEEDS, "--dry-run", "--format", "json"))
    assert payload["dry_run"] is True
    page = payload["pages"][0]
    assert page["issue_date"] == "2025-04-17"
    assert len(page["created"]) == 8
    assert any(r["kind"] == "overlap" for r in page["repairs"])
    fragment = next(c for c in page["close_calls"] if c["kind"] == "heading")
    assert (fragment["line"], fragment["text"], fragment["chosen"]) == (
        125,
        "市政协委员、市公安局党委专职",
        "正文（分栏接续）",
    )


def test_text_report_lists_the_close_calls_for_the_editor():
    out = run(SEEDS, "--dry-run", verbosity=1)
    assert (
        "  存疑 第125行“市政协委员、市公安局党委专职”：判为正文（分栏接续），也可能是文中小标题"
        in out
    )
    assert "  存疑 第53行“…措，加强灵活就业|就业和新就业形态…”：判为删去重复的字" in out


def test_editor_corrections_survive_reimport_unless_overwrite(seeded):
    article = Article.objects.get(title__startswith="让青年夜校")
    article.title = "让青年夜校走红又走远"
    article.edited_fields = ["title"]
    article.save()
    run(SEEDS)
    article.refresh_from_db()
    assert article.title == "让青年夜校走红又走远"
    assert Article.objects.filter(page=article.page).count() == 8
    run(SEEDS, "--overwrite")
    article.refresh_from_db()
    assert article.title == "让青年夜校“走红”“走远”"
    assert article.edited_fields == []


def test_corrected_file_updates_in_place(seeded, tmp_path):
    ids = set(Article.objects.values_list("pk", flat=True))
    write(
        tmp_path,
        SEED.name,
        SEED_TEXT.replace(
            "廉毅敏还考察了越剧博物馆。", "廉毅敏还考察了越剧博物馆和嵊州书院。"
        ).encode(),
    )
    shutil.copy(SEEDS / "manifest.toml", tmp_path / "manifest.toml")
    out = run(tmp_path, verbosity=1)
    assert "更新 1 篇" in out
    assert set(Article.objects.values_list("pk", flat=True)) == ids
    assert "嵊州书院" in Article.objects.get(kicker__startswith="廉毅敏").body


@pytest.mark.parametrize(
    ("encoding", "transform"),
    [
        ("utf-8-sig", lambda t: t.encode("utf-8-sig")),
        ("gb18030", lambda t: t.encode("gb18030")),
        ("utf-16", lambda t: t.encode("utf-16")),
        ("utf-8", lambda t: t.replace("\n", "\r\n").encode()),
    ],
)
def test_encoding_variants_give_the_same_result(tmp_path, encoding, transform):
    run(SEED, "--date", "2025-04-22")
    in_print_order = ("page__number", "position")
    expected = list(Article.objects.order_by(*in_print_order).values_list("title", "body"))
    Issue.objects.all().delete()
    variant = write(tmp_path, "variant.txt", transform(SEED_TEXT))
    run(variant, "--date", "2025-04-22")
    assert list(Article.objects.order_by(*in_print_order).values_list("title", "body")) == expected
    assert Page.objects.get(number=1).encoding == encoding


BAD_INPUTS = {
    "empty": b"",
    "binary": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
    "undecodable": "浙江政协同心苑\n\n标题\n\n联谊报 正文。\n".encode()[:-3] + b"\xff\xfe\xfa",
    "no_article": "浙江政协同心苑\n".encode(),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_is_refused_with_the_file_named_and_nothing_written(seeded, tmp_path, name):
    path = write(tmp_path, f"{name}_p2.txt", BAD_INPUTS[name])  # page 2 by its name
    with pytest.raises(CommandError) as error:
        run(SEED, path, "--date", "2025-05-01")  # a good file first: it must be rolled back too
    assert f"{name}_p2.txt" in str(error.value) and "版次" not in str(error.value)
    assert "\n" not in str(error.value)
    assert snapshot() == seeded


def test_missing_path_is_refused(seeded, tmp_path):
    with pytest.raises(CommandError, match="路径不存在"):
        run(tmp_path / "nope.txt")
    assert snapshot() == seeded


def test_symlink_is_refused(seeded, tmp_path):
    link = tmp_path / "link.txt"
    link.symlink_to("/etc/passwd")
    with pytest.raises(CommandError, match="符号链接"):
        run(link)
    assert snapshot() == seeded


def test_nul_and_control_characters_never_reach_the_database(tmp_path):
    dirty = SEED_TEXT.replace("出口转内销,在浙江", "出口转\x00内销,在\x07浙江").replace(
        "年", "年\u200b"
    )
    run(write(tmp_path, "dirty.txt", dirty.encode()), "--date", "2025-04-22")
    bodies = "".join(Article.objects.values_list("body", flat=True))
    assert not any(c in bodies for c in "\x00\x07\u200b")


def test_bad_date_option_is_refused():
    with pytest.raises(CommandError):
        run(SEED, "--date", "2025-13-40")


def test_a_later_page_never_takes_over_a_teaser_s_placeholder(seeded, tmp_path):
    placeholder = Article.objects.get(kind="teaser", title__startswith="海曙").teaser_target
    other = write(
        tmp_path,
        "p2.txt",
        "综合新闻\n\n温州政协助企纾困\n\n联谊报 4月16日,温州市政协开展助企调研。\n\n"
        "委员们走访了十余家企业。\n\n本报记者 林立\n".encode(),
    )
    run(other, "--date", "2025-04-17", "--page", "2")
    placeholder.refresh_from_db()
    assert placeholder.title.startswith("海曙")
    assert set(placeholder.page.articles.values_list("title", flat=True)) == {
        placeholder.title,
        "温州政协助企纾困",
    }


def test_a_folder_of_many_pages_loads_all_or_nothing(tmp_path):
    from articles.importing.parallel import PARALLEL_FROM

    pages = sorted(Path("tests/pages").glob("*.txt"))
    manifest = []
    for n in range(1, PARALLEL_FROM + 2):
        shutil.copy(pages[n % len(pages)], tmp_path / f"p{n:02}.txt")
        manifest.append(f'[pages."p{n:02}.txt"]\npage = {n}\ndate = 2025-05-{n:02}\n')
    (tmp_path / "manifest.toml").write_text("\n".join(manifest), encoding="utf-8")
    run(tmp_path)
    assert Page.objects.filter(source_file__startswith="p").count() == PARALLEL_FROM + 1

    Issue.objects.all().delete()
    (tmp_path / "p05.txt").write_bytes(b"")
    with pytest.raises(CommandError, match=r"p05\.txt"):
        run(tmp_path)
    assert not Issue.objects.exists()


def test_search_text_made_before_the_transaction_is_what_reindexing_makes(seeded):
    from articles.search import article_search_text, refresh_user_dictionary

    refresh_user_dictionary(force=True)
    articles = list(Article.objects.exclude(search_text=""))
    assert len(articles) > 5
    assert all(a.search_text == article_search_text(a) for a in articles)


def test_an_edited_title_kept_on_reimport_is_segmented_as_edited(seeded):
    from articles.search import article_search_text

    article = Article.objects.exclude(body="").first()
    article.title = "委员们的新标题"
    article.edited_fields = ["title"]
    article.body += "\n补充一段。"
    article.save()
    run(SEEDS)  # body back to the file's, the edited title kept
    article.refresh_from_db()
    assert article.title == "委员们的新标题"
    assert article.search_text == article_search_text(article)
    assert "标题" in article.search_text.split()

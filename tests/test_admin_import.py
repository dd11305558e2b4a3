"""Editors import printed pages in the admin: upload, preview, confirm.

The preview shows the rows as they will be stored and writes nothing; the
confirmation writes exactly those rows, or nothing with a message saying why.
"""

from io import StringIO
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from articles.import_plan import stored_articles
from articles.models import Article
from newsletter.models import Issue, Page
from people.models import Person

from .import_rows import all_rows, content_rows

pytestmark = pytest.mark.django_db

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_05b83c2a48b8b92d.txt"
OTHER = Path(__file__).resolve().parent / "pages" / "wenzhou_p2.txt"
URL = reverse("admin:newsletter_issue_import")
DATE = "2025-04-22"


@pytest.fixture(autouse=True)
def staging(settings, tmp_path) -> Path:
    settings.IMPORT_STAGING_DIR = tmp_path / "staging"
    return settings.IMPORT_STAGING_DIR


def upload(client, files: dict[str, bytes], **options):
    """Step 1: the files, named as the browser sends them, and the options."""
    uploads = [SimpleUploadedFile(n, data, content_type="text/plain") for n, data in files.items()]
    return client.post(URL, {"step": "upload", "files": uploads, **options})


def confirm(client, preview):
    """Step 3: the ticket the preview page carries."""
    return client.post(URL, {"step": "confirm", "ticket": ticket(preview)})


def ticket(preview) -> str:
    assert preview.context["confirm"] is not None, preview.context["plan_form"].errors
    return preview.context["confirm"]["ticket"].value()


def error_of(response) -> str:
    """The messages the page shows: a refused confirmation's, or the form's errors."""
    if response.context.get("refusal"):
        return response.context["refusal"]
    form = response.context.get("upload") or response.context["plan_form"]
    return " ".join(str(e) for errors in form.errors.values() for e in errors)


def test_issue_list_links_to_the_import_form(client, editor):
    client.force_login(editor)
    assert URL in client.get(reverse("admin:newsletter_issue_changelist")).content.decode()
    html = client.get(URL).content.decode()
    assert "导入版面" in html and "multiple" in html and "上传并预览" in html


def test_a_user_without_content_permissions_cannot_import(client, django_user_model):
    clerk = django_user_model.objects.create_user(username="clerk", password="x", is_staff=True)
    client.force_login(clerk)
    assert client.get(URL).status_code == 403
    assert client.post(URL, {"step": "confirm", "ticket": "x"}).status_code == 403


def stored(page: Page) -> list[dict]:
    """What the database holds for a page, read here independently of the preview."""
    return [
        {
            "position": a.position,
            "kind": a.get_kind_display(),
            "kicker": a.kicker,
            "title": a.title,
            "subtitle": a.subtitle,
            "source": a.source,
            "body": a.body,
            "status": a.get_status_display(),
            "credits": [
                (c.role, c.title, c.person.name, c.person.title)
                for c in a.credits.order_by("order").select_related("person")
            ],
            "regions": [
                (r.region.name, r.is_primary)
                for r in a.article_regions.order_by("-is_primary", "pk").select_related("region")
            ],
            "topics": sorted(t.name for t in a.topics.all()),
        }
        for a in page.articles.order_by("position")
    ]


def previewed(entry: dict) -> dict:
    """The same fields of an article as the preview's plan shows it."""
    return {
        **{k: entry[k] for k in ("position", "kind", "kicker", "title", "subtitle", "source")},
        **{k: entry[k] for k in ("body", "status", "topics")},
        "credits": [
            (c["role"], c["title"], c["person"]["name"], c["person"]["title"])
            for c in entry["credits"]
        ],
        "regions": [(r["name"], r["primary"]) for r in entry["regions"]],
    }


def test_preview_writes_nothing_and_confirm_writes_exactly_what_it_showed(client, editor):
    client.force_login(editor)
    preview = upload(client, {"p1.txt": SEED.read_bytes()}, date=DATE, number="1234")
    assert preview.status_code == 200
    assert not Issue.objects.exists() and not Person.objects.exists()
    [plan] = preview.context["pages"]
    assert (plan["number"], plan["issue"]["date"], plan["issue"]["number"]) == (1, DATE, 1234)
    assert {a["action"] for a in plan["articles"]} == {"created"}

    response = confirm(client, preview)
    issue = Issue.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("admin:newsletter_issue_change", args=[issue.pk])
    assert (issue.date.isoformat(), issue.number, issue.date_confirmed) == (DATE, 1234, True)
    page = issue.pages.get(number=1)
    assert stored(page) == [previewed(entry) for entry in plan["articles"]]
    assert len(plan["articles"]) == 8 and not Article.objects.published().exists()


def test_the_staged_files_are_removed_after_the_confirmation(client, editor, staging):
    client.force_login(editor)
    preview = upload(client, {"p1.txt": SEED.read_bytes()}, date=DATE)
    assert [p.name for p in staging.glob("*/*")] == ["0.txt"]  # never the browser's name
    confirm(client, preview)
    assert not list(staging.iterdir())
    before = all_rows()
    again = confirm(client, preview)  # a second click
    assert "已经确认导入" in error_of(again)
    assert all_rows() == before


def test_several_pages_of_one_issue_in_any_order_are_the_command_s_rows(client, editor, issue):
    client.force_login(editor)
    files = {path.name: path.read_bytes() for path in reversed(issue)}  # page 4 first
    preview = upload(client, files, date=DATE)
    assert [p["number"] for p in preview.context["pages"]] == [4, 3, 2, 1]
    assert confirm(client, preview).status_code == 302
    rows = content_rows()
    Issue.objects.all().delete()
    Person.objects.all().delete()
    call_command("import_pages", *map(str, issue), "--date", DATE, stdout=StringIO())
    assert rows == content_rows()
    # Every teaser found its article on the pages imported with it: no placeholder left.
    assert not Article.objects.filter(kind=Article.Kind.ARTICLE, body="").exists()


def test_page_numbers_and_sections_come_from_file_names_and_can_be_changed(client, editor):
    client.force_login(editor)
    preview = upload(client, {"P03-议政.txt": OTHER.read_bytes()}, date=DATE)
    [plan] = preview.context["pages"]
    assert (plan["number"], plan["section"]) == (3, "议政")
    form = preview.context["plan_form"]
    data = {
        "step": "preview",
        "staged": form["staged"].value(),
        "date": DATE,
        "page_0": "2",
        "section_0": "综合新闻",
    }
    again = client.post(URL, data)
    [plan] = again.context["pages"]
    assert (plan["number"], plan["section"]) == (2, "综合新闻")
    confirm(client, again)
    assert Page.objects.get(number=2).section == "综合新闻"
    assert Page.objects.get(source_file="P03-议政.txt").number == 2


def test_several_unnumbered_files_ask_for_page_numbers_and_write_nothing(client, editor):
    client.force_login(editor)
    response = upload(client, {"a.txt": SEED.read_bytes(), "b.txt": OTHER.read_bytes()})
    assert response.context["pages"] is None and response.context["confirm"] is None
    assert "这个字段是必填项" in error_of(response) or "必填" in error_of(response)
    assert not Issue.objects.exists()


def test_the_preview_marks_new_and_existing_people(client, editor):
    Person.objects.create(name="马晓", slug="ma-xiao")
    client.force_login(editor)
    preview = upload(client, {"p1.txt": SEED.read_bytes()}, date=DATE)
    people = {
        c["person"]["name"]: c["person"]
        for a in preview.context["pages"][0]["articles"]
        for c in a["credits"]
    }
    assert people["马晓"]["new"] is False and people["马晓"]["id"] is not None
    assert people["廉毅敏"]["new"] is True and people["廉毅敏"]["id"] is None
    html = preview.content.decode()
    assert '<span class="import-badge import-known">已有</span><strong>马晓</strong>' in html
    assert '<span class="import-badge import-new">新建</span><strong>廉毅敏</strong>' in html
    assert Person.objects.count() == 1


def test_the_preview_shows_repairs_before_and_after_and_close_calls(client, editor):
    client.force_login(editor)
    html = upload(client, {"p1.txt": SEED.read_bytes()}, date=DATE).content.decode()
    # The word repeated at a column break, taken out; a break re-joined.
    assert "…措，加强灵活就业<del>|就业</del>和新就业形态…" in html
    assert "…措，加强灵活就业和新就业形态劳动…" in html  # 劳动: only a wider window
    assert "…外贸一体化“领跑<del>|</del>者”企业，101…" in html
    assert "第125行“市政协委员、市公安局党委专职”：判为正文（分栏接续）" in html


def test_a_file_changed_between_preview_and_confirm_writes_nothing(client, editor, staging):
    client.force_login(editor)
    preview = upload(client, {"p1.txt": SEED.read_bytes()}, date=DATE)
    [staged] = staging.glob("*/0.txt")
    staged.write_bytes(OTHER.read_bytes())
    response = confirm(client, preview)
    assert response.status_code == 200
    assert "p1.txt：文件在预览之后有了变化，未做任何改动。请重新上传文件并预览。" in error_of(
        response
    )
    assert not Issue.objects.exists()


def test_a_database_changed_between_preview_and_confirm_is_refused(client, editor):
    client.force_login(editor)
    preview = upload(client, {SEED.name: SEED.read_bytes()}, date=DATE)  # a lone file: page 1
    call_command("import_pages", str(SEED), "--date", DATE, stdout=StringIO())
    article = Article.objects.get(page_number=1, position=1)
    article.title, article.edited_fields = "编辑改过的标题", ["title"]  # as the admin saves it
    article.save()
    before = all_rows()
    response = confirm(client, preview)
    assert response.status_code == 200
    assert "预览之后，数据库中的内容有了变化" in error_of(response)
    assert "请重新预览" in error_of(response)
    assert all_rows() == before
    # The same files are previewed again against the database as it is now.
    actions = {a["title"]: a["action"] for a in response.context["pages"][0]["articles"]}
    assert set(actions.values()) == {"unchanged"}  # the editor's title among them, kept
    assert "编辑改过的标题" in actions
    assert "保留编辑的修改" in response.content.decode()
    assert confirm(client, response).status_code == 302
    assert all_rows() == before


def test_a_ticket_is_the_previewing_editor_s_and_cannot_be_forged(
    client, editor, django_user_model
):
    client.force_login(editor)
    preview = upload(client, {"p1.txt": SEED.read_bytes()}, date=DATE)
    forged = client.post(URL, {"step": "confirm", "ticket": ticket(preview) + "x"})
    assert "预览凭据无效" in error_of(forged)
    other = django_user_model.objects.create_superuser(username="chief", password="x")
    client.force_login(other)
    assert "另一位编辑的预览" in error_of(confirm(client, preview))
    assert not Issue.objects.exists()


def test_an_expired_staging_is_refused(client, editor, settings, staging):
    client.force_login(editor)
    preview = upload(client, {"p1.txt": SEED.read_bytes()}, date=DATE)
    [first] = staging.iterdir()
    settings.IMPORT_STAGING_SECONDS = -1  # the next upload sweeps it away
    upload(client, {"p2.txt": OTHER.read_bytes()}, date=DATE)
    assert not first.exists()
    settings.IMPORT_STAGING_SECONDS = 3600
    assert "已过期" in error_of(confirm(client, preview))
    settings.IMPORT_STAGING_SECONDS = -1  # the ticket itself is too old
    assert "已过期" in error_of(confirm(client, preview))
    assert not Issue.objects.exists()


@pytest.mark.parametrize(
    ("files", "options", "message"),
    [
        ({"p1.txt": SEED.read_bytes() + b"\n" * 2**20}, {}, "p1.txt：文件太大"),
        ({"p1.docx": SEED.read_bytes()}, {}, "p1.docx：只接受纯文本 .txt 文件"),
        (
            {"p1.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))},
            {},
            "不是文本文件",
        ),
        (
            {"p1.txt": SEED.read_text(encoding="utf-8").encode("gb18030")},
            {"encoding": "utf-8"},
            "p1.txt：文件不是有效的 utf-8 编码",
        ),
        ({"p1.txt": b""}, {}, "p1.txt：文件为空"),
        ({f"p{n}.txt": SEED.read_bytes() for n in range(1, 18)}, {}, "一次最多导入 16 个文件"),
    ],
    ids=["too-big", "not-txt", "binary", "undecodable", "empty", "too-many"],
)
def test_bad_files_are_refused_in_the_form_and_nothing_is_kept(
    client, editor, staging, files, options, message
):
    client.force_login(editor)
    response = upload(client, files, date=DATE, **options)
    assert response.status_code == 200
    assert message in error_of(response) and message in response.content.decode()
    assert not Issue.objects.exists()
    assert not staging.exists() or not list(staging.iterdir())


def test_a_page_over_the_article_limit_is_refused_in_the_preview(client, editor):
    client.force_login(editor)
    response = upload(client, {"p1.txt": SEED.read_bytes() * 8}, date=DATE)
    assert "超过一个版面最多 60 篇的上限" in error_of(response)
    assert response.context["confirm"] is None and not Issue.objects.exists()


def test_another_file_for_a_page_is_refused_unless_overwrite(client, editor):
    client.force_login(editor)
    confirm(client, upload(client, {"front.txt": SEED.read_bytes()}, date=DATE))
    before = all_rows()
    response = upload(client, {"other.txt": OTHER.read_bytes()}, date=DATE)
    assert "front.txt" in error_of(response) and "选择覆盖" in error_of(response)
    assert response.context["confirm"] is None
    assert all_rows() == before

    preview = upload(client, {"other.txt": OTHER.read_bytes()}, date=DATE, overwrite="on")
    [plan] = preview.context["pages"]
    assert "浙江出招助外贸企业出口转内销" in plan["report"]["removed"]
    assert "<del>浙江出招助外贸企业出口转内销</del>" in preview.content.decode()
    assert all_rows() == before
    assert confirm(client, preview).status_code == 302
    front = Issue.objects.get().pages.get(number=1)
    assert front.source_file == "other.txt"
    assert not Article.objects.filter(title="浙江出招助外贸企业出口转内销").exists()


def test_a_reimport_is_previewed_as_unchanged(client, editor):
    client.force_login(editor)
    confirm(client, upload(client, {"p1.txt": SEED.read_bytes()}, date=DATE))
    preview = upload(client, {"p1.txt": SEED.read_bytes()}, date=DATE)
    assert {a["action"] for a in preview.context["pages"][0]["articles"]} == {"unchanged"}
    assert "不变" in preview.content.decode()


@pytest.mark.parametrize("name", ["../../etc/p1.txt", "C:\\Users\\编辑\\p1.txt"])
def test_only_the_base_name_of_an_upload_is_recorded(client, editor, name):
    client.force_login(editor)
    assert confirm(client, upload(client, {name: SEED.read_bytes()}, date=DATE)).status_code == 302
    assert Page.objects.get(number=1).source_file == "p1.txt"


def test_gb18030_upload_is_read_correctly(client, editor):
    client.force_login(editor)
    data = SEED.read_text(encoding="utf-8").encode("gb18030")
    confirm(client, upload(client, {"p1.txt": data}, date=DATE))
    assert Article.objects.filter(title="浙江出招助外贸企业出口转内销").exists()


def test_a_placeholder_made_and_filled_in_one_import_is_previewed_as_new(client, editor, issue):
    client.force_login(editor)
    front, second = issue[0], issue[1]  # page 1's teaser waits for page 2's article
    files = {front.name: front.read_bytes(), second.name: second.read_bytes()}
    preview = upload(client, files, date=DATE)
    page_1, page_2 = preview.context["pages"]
    assert "老旧小区加装电梯难在哪 → 第2版（待导入）" in page_1["report"]["teasers"]
    assert {a["action"] for a in page_2["articles"]} == {"created"}
    assert "老旧小区加装电梯难在哪？" in page_2["report"]["updated"]  # the command's report


def test_reading_a_page_back_costs_the_same_few_queries_however_many_articles(
    django_assert_num_queries,
):
    call_command("import_pages", str(SEED), "--date", DATE, stdout=StringIO())
    page = Page.objects.get(number=1)
    with django_assert_num_queries(4):  # articles, credits with people, places, topics
        assert len(stored_articles(page)) == 8

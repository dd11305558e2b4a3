"""A day at the desk in Chromium, under the admin's policy: an editor imports the seed
page through its preview, corrects an article and submits it for review; a chief editor
compares its versions and publishes it; readers then find it on the public site."""

import importlib
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, Permission
from playwright.sync_api import expect

from articles.models import Article

from .conftest import SCREENSHOTS

pytestmark = pytest.mark.django_db(transaction=True)

SEED = Path(__file__).resolve().parent.parent.parent / "seeds" / "000_05b83c2a48b8b92d.txt"
SUBTITLE = "编辑补充的副题"


def migration(name: str):
    return importlib.import_module(f"newsletter.migrations.{name}")


@pytest.fixture
def desk_users(reference_data, django_user_model):
    """An editor and a chief editor, in the groups as their data migrations define them.

    The flush after a live-server test drops the groups, not the permissions.
    """
    editors = migration("0003_editors_group")
    chiefs = migration("0005_chief_editors_group")
    codenames = [
        (app, f"{action}_{model}")
        for (app, model), actions in editors.PERMISSIONS.items()
        for action in actions
    ]
    granted = [
        Permission.objects.get(content_type__app_label=app, codename=codename)
        for app, codename in codenames
    ]
    publishing = [
        Permission.objects.get(content_type__app_label=app, codename=codename)
        for app, codename in chiefs.PUBLISHING
    ]
    for name, permissions in ((editors.GROUP, granted), (chiefs.GROUP, [*granted, *publishing])):
        Group.objects.get_or_create(name=name)[0].permissions.set(permissions)
    for username, group in (("editor", editors.GROUP), ("chief", chiefs.GROUP)):
        user = django_user_model.objects.create_user(
            username, password=f"{username}-password-1", is_staff=True
        )
        user.groups.add(Group.objects.get(name=group))


@pytest.fixture
def desk(browser, live_server, settings, tmp_path):
    """Logged-in admin sessions at 1280 px, and the console errors they log (Chromium logs
    every CSP violation as one)."""
    settings.IMPORT_STAGING_DIR = tmp_path / "staging"
    admin = f"{live_server.url}/{settings.ADMIN_URL}"
    contexts, problems = [], []

    def open_as(username: str):
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
        contexts.append(context)
        page = context.new_page()
        page.on("console", lambda m: m.type == "error" and problems.append(f"{username}: {m.text}"))
        page.goto(admin)
        page.fill("#id_username", username)
        page.fill("#id_password", f"{username}-password-1")
        page.click("input[type=submit]")
        page.wait_for_url(admin)
        return page

    yield admin, open_as, problems
    for context in contexts:
        context.close()


def shoot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"desk-{name}-1280.png"), full_page=True)


def test_an_issue_goes_from_upload_to_readers(desk_users, desk, live_server):
    admin, open_as, problems = desk

    # The editor uploads the page, reads the preview, and confirms it.
    editor = open_as("editor")
    editor.goto(f"{admin}newsletter/issue/import/")
    editor.set_input_files(
        "#id_files",
        {"name": "第1版_要闻.txt", "mimeType": "text/plain", "buffer": SEED.read_bytes()},
    )
    editor.fill("#id_date", "2025-04-22")
    editor.get_by_role("button", name="上传并预览").click()
    expect(editor.get_by_role("button", name="确认导入").first).to_be_visible()
    assert editor.locator("#id_publish").count() == 0  # an editor never publishes
    shoot(editor, "import-preview")
    assert not Article.objects.exists()
    editor.get_by_role("button", name="确认导入").first.click()
    expect(editor.locator(".messagelist")).to_contain_text("新建 8 篇文章")

    # ... corrects one article and submits it for review.
    article = Article.objects.filter(kind="article").exclude(body="").order_by("position")[0]
    change = f"{admin}articles/article/{article.pk}/change/"
    editor.goto(change)
    editor.fill("#id_subtitle", SUBTITLE)
    editor.click("input[name=_save]")
    editor.wait_for_url(f"{admin}articles/article/")
    saved = Article.objects.get(pk=article.pk)
    assert (saved.body, saved.edited_fields) == (article.body, ["subtitle"])
    editor.goto(change)
    expect(editor.locator("#workflow h2")).to_have_text("稿件状态：草稿")
    assert editor.locator("#workflow input[value=发布]").count() == 0
    shoot(editor, "article-change")
    editor.locator("#workflow input[value=提交审核]").click()
    expect(editor.locator("#workflow h2")).to_have_text("稿件状态：待审")

    # The chief editor finds it on the desk, compares the imported and corrected versions...
    chief = open_as("chief")
    waiting = chief.locator(".desk-panel", has=chief.locator("caption", has_text="待审"))
    expect(waiting).to_contain_text(article.title)
    shoot(chief, "index")
    chief.goto(change)
    chief.click("a.historylink")
    versions = chief.locator("#change-history tbody tr")
    expect(versions).to_have_count(3)  # imported, corrected, submitted
    versions.nth(2).locator("input[name=version_id1]").check()
    versions.nth(0).locator("input[name=version_id2]").check()
    chief.click("input[type=submit][value=比较所选两版]")
    expect(chief.locator("ins", has_text=SUBTITLE).first).to_be_visible()
    shoot(chief, "compare")

    # ... publishes the article, then the issue.
    chief.goto(change)
    chief.locator("#workflow input[value=发布]").click()
    expect(chief.locator("#workflow h2")).to_have_text("稿件状态：已发布")
    chief.goto(f"{admin}newsletter/issue/")
    chief.check("input[name=_selected_action]")
    chief.select_option("select[name=action]", "publish")
    chief.click("button[name=index]")
    expect(chief.locator(".messagelist")).to_contain_text("已发布 1 期")
    assert Article.objects.published().get() == article  # the other drafts were not submitted

    # Readers see the corrected article, and only what was published.
    reader = chief.context.browser.new_page()
    reader.goto(live_server.url + article.get_absolute_url())
    expect(reader.locator("h1").first).to_have_text(article.title)
    expect(reader.get_by_text(SUBTITLE).first).to_be_visible()
    reader.close()
    assert problems == []

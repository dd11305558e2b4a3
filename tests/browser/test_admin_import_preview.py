"""An editor uploads the seed page in the admin, reads the preview, and confirms it."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from articles.models import Article
from people.models import Person

from .conftest import SCREENSHOTS

pytestmark = pytest.mark.django_db(transaction=True)

SEED = Path(__file__).resolve().parent.parent.parent / "seeds" / "000_05b83c2a48b8b92d.txt"


def test_upload_preview_confirm(
    reference_data, live_server, browser, django_user_model, settings, tmp_path
):
    settings.IMPORT_STAGING_DIR = tmp_path / "staging"
    django_user_model.objects.create_superuser(username="chief", password="chief-password")
    Person.objects.create(name="马晓", slug="ma-xiao")  # one person the archive already knows
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    page = context.new_page()
    page.goto(f"{live_server.url}/admin/newsletter/issue/import/")
    page.fill("#id_username", "chief")
    page.fill("#id_password", "chief-password")
    page.click("input[type=submit]")

    page.set_input_files(
        "#id_files",
        {"name": "第1版_要闻.txt", "mimeType": "text/plain", "buffer": SEED.read_bytes()},
    )
    page.fill("#id_date", "2025-04-22")
    page.get_by_role("button", name="上传并预览").click()

    heading = page.get_by_role("heading", name=re.compile("第1版 要闻 · 2025年4月22日"))
    expect(heading).to_be_visible()
    expect(page.get_by_text("已有").first).to_be_visible()
    expect(page.locator(".import-repair del", has_text="|就业")).to_be_visible()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "admin-import-preview.png"), full_page=True)
    assert not Article.objects.exists()

    page.get_by_role("button", name="确认导入").first.click()
    expect(page.locator(".messagelist")).to_contain_text("导入 1 个版面：新建 8 篇文章")
    assert Article.objects.filter(page_number=1).count() == 8
    context.close()

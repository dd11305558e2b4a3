"""In Chromium, a chief editor sends an article back with a note, then publishes it."""

import pytest
from django.conf import settings
from django.contrib.auth.models import Permission
from django.core.management import call_command

from articles.models import Article

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def chief(django_user_model):
    # The flush between live-server tests drops the groups the migrations made, not the
    # permissions: give the chief editor's own ones directly.
    user = django_user_model.objects.create_user(
        "chief", password="chief-password-1", is_staff=True
    )
    codenames = ["view_article", "change_article", "publish_article", "view_issue"]
    codenames += ["change_issue", "publish_issue"]
    user.user_permissions.set(Permission.objects.filter(codename__in=codenames))
    return user


def test_a_chief_editor_sends_back_then_publishes(
    reference_data, chief, live_server, page, screenshot
):
    call_command("import_pages", "seeds/", "--date", "2025-04-22", verbosity=0)
    article = Article.objects.exclude(body="").filter(kind="article").first()
    Article.objects.filter(pk=article.pk).update(status=Article.Status.REVIEW)
    admin = f"{live_server.url}/{settings.ADMIN_URL}"
    page.goto(admin)
    page.fill("#id_username", "chief")
    page.fill("#id_password", "chief-password-1")
    page.click("input[type=submit]")
    page.wait_for_url(admin)

    page.goto(f"{admin}articles/article/{article.pk}/change/")
    workflow = page.locator("#workflow")
    assert workflow.locator("h2").inner_text() == "稿件状态：待审"
    screenshot(page, "admin-article-review")
    workflow.locator("input[value=退回]").click()  # the empty note is refused by the browser
    assert page.locator("#workflow h2").inner_text() == "稿件状态：待审"
    page.fill("#workflow-note-send_back", "第二段数字请核实")
    workflow.locator("input[value=退回]").click()
    page.wait_for_selector("text=已退回")
    assert page.locator("#workflow h2").inner_text() == "稿件状态：草稿"
    assert "第二段数字请核实" in page.locator(".field-review_note").inner_text()

    page.locator("#workflow input[value=提交审核]").click()
    page.wait_for_selector("text=已提交审核")
    page.locator("#workflow input[value=发布]").click()
    page.wait_for_selector("text=已发布")
    assert page.locator("#workflow h2").inner_text() == "稿件状态：已发布"

    page.goto(f"{admin}newsletter/issue/")
    page.check("input[name=_selected_action]")
    page.select_option("select[name=action]", "publish")
    page.click("button[name=index]")
    page.wait_for_selector("text=已发布 1 期")
    page.goto(live_server.url + article.get_absolute_url())
    assert page.locator("h1").first.inner_text().strip() == article.title

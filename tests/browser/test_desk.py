"""In Chromium: the desk's index, and reordering an issue's articles, under the admin's CSP."""

import pytest
from django.conf import settings
from django.core.management import call_command

from articles.models import Article
from newsletter.models import Issue

from .test_content_security_policy import RECORD_VIOLATIONS

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_desk_and_moving_an_article_down(
    reference_data, django_user_model, live_server, page, screenshot
):
    call_command("import_pages", "seeds/", verbosity=0)
    issue = Issue.objects.get()
    first, second = issue.articles.filter(page__number=1).order_by("position")[:2]
    django_user_model.objects.create_superuser("chief", password="chief-password-1")
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.add_init_script(RECORD_VIOLATIONS)

    def problems() -> list[str]:
        page.wait_for_load_state("networkidle")
        return errors + page.evaluate("window.cspViolations")

    admin = f"{live_server.url}/{settings.ADMIN_URL}"
    page.goto(admin)
    page.fill("#id_username", "chief")
    page.fill("#id_password", "chief-password-1")
    page.click("input[type=submit]")
    page.wait_for_url(admin)
    desk = page.locator("#desk")
    assert "出版日期待确认" in desk.inner_text()  # the seed's date is inferred
    assert "导读占位" in desk.inner_text()
    screenshot(page, "admin-desk")
    assert problems() == []

    page.click(f"#desk a:has-text('{issue}')")
    row = page.locator(f"#article-{first.pk}")
    row.locator("button:has-text('下移')").click()
    page.wait_for_load_state()
    assert page.locator("#print-order tr[id^=article-]").first.get_attribute("id") == (
        f"article-{second.pk}"
    )
    screenshot(page, "admin-issue-print-order")
    assert problems() == []
    assert Article.objects.get(pk=first.pk).position == second.position

"""In Chromium, under the admin's policy: an editor's saves are listed in 历史, two
versions compare with the change highlighted, and the older one is restored."""

import pytest
from django.conf import settings

from articles.models import Article
from tests.factories import ArticleFactory

from .test_content_security_policy import watched  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db(transaction=True)

BODY = "市政协委员围绕乡村振兴开展专题调研，走访了十二个村。\n原来的第二段。"


def test_compare_two_versions_and_restore_the_older(
    live_server,
    django_user_model,
    watched,  # noqa: F811
    screenshot,
):
    page, problems = watched
    django_user_model.objects.create_superuser("chief", password="chief-password-1")
    article = ArticleFactory(title="原标题", body=BODY)
    admin = f"{live_server.url}/{settings.ADMIN_URL}"
    page.goto(admin)
    page.fill("#id_username", "chief")
    page.fill("#id_password", "chief-password-1")
    page.click("input[type=submit]")
    page.wait_for_url(admin)

    change = f"{admin}articles/article/{article.pk}/change/"
    for body in (BODY, BODY.replace("原来的", "改过的")):
        page.goto(change)
        page.fill("#id_body", body)
        page.click("input[name=_save]")
        page.wait_for_url(f"{admin}articles/article/")

    page.goto(change)
    page.click("a.historylink")
    assert page.locator("#change-history tbody tr").count() == 2
    page.click("input[type=submit][value=比较所选两版]")
    changed = page.locator("pre.highlight ins")
    assert changed.first.inner_text() == "改过"
    colour = changed.first.evaluate("e => getComputedStyle(e).backgroundColor")
    assert colour not in ("rgba(0, 0, 0, 0)", "transparent")  # the stylesheet loaded
    assert problems() == []
    screenshot(page, "admin-compare")

    page.click("text=恢复到较早的这一版 >> nth=0")
    assert "原来的第二段" in page.locator("#id_body").input_value()
    assert problems() == []
    page.click("input[name=_save]")
    page.wait_for_url(f"{admin}articles/article/")
    assert Article.objects.get(pk=article.pk).body.splitlines() == BODY.splitlines()

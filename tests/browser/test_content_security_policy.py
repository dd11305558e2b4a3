"""In Chromium, no page breaks its CSP: the admin clicked through, the reading site read."""

import pytest
from django.conf import settings
from django.core.management import call_command

from articles.models import Article

pytestmark = pytest.mark.django_db(transaction=True)

# Runs before any of the page's own code; the browser reports violations as events.
RECORD_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.cspViolations.push(event.violatedDirective + " " + event.blockedURI);
});
"""


@pytest.fixture
def watched(page):
    """The page, and the console errors and policy violations it records."""
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.add_init_script(RECORD_VIOLATIONS)

    def problems() -> list[str]:
        page.wait_for_load_state("networkidle")
        return errors + page.evaluate("window.cspViolations")

    return page, problems


@pytest.fixture
def article(reference_data):
    call_command("import_pages", "seeds/", "--publish", verbosity=0)
    return Article.objects.published().first()


def test_the_admin_runs_under_its_policy(article, django_user_model, live_server, watched):
    page, problems = watched
    django_user_model.objects.create_superuser("chief", password="chief-password-1")
    admin = f"{live_server.url}/{settings.ADMIN_URL}"
    page.goto(admin)
    page.fill("#id_username", "chief")
    page.fill("#id_password", "chief-password-1")
    page.click("input[type=submit]")
    page.wait_for_url(admin)
    assert problems() == []
    page.goto(f"{admin}articles/article/{article.pk}/change/")
    assert page.locator("#id_title").input_value() == article.title
    assert problems() == []
    page.goto(f"{admin}newsletter/issue/")
    page.click("text=导入版面")
    page.wait_for_selector("input[type=file]")
    assert problems() == []


def test_the_reading_site_runs_under_the_strict_policy(article, live_server, watched):
    page, problems = watched
    # The article and the page carry JSON-LD: a data block the policy must leave alone.
    for url, data_blocks in [
        ("/", 0),
        (article.page.get_absolute_url(), 1),
        (article.get_absolute_url(), 2),
        ("/articles/?region=huzhou", 0),
    ]:
        response = page.goto(live_server.url + url)
        assert "unsafe" not in response.headers["content-security-policy"]
        assert page.locator('script[type="application/ld+json"]').count() == data_blocks, url
        assert problems() == [], url


def test_the_api_docs_run_under_the_strict_policy(article, live_server, watched, screenshot):
    page, problems = watched
    response = page.goto(f"{live_server.url}/api/docs")
    assert "unsafe" not in response.headers["content-security-policy"]
    # Swagger UI, from our own static files, has read the schema and listed the endpoints.
    page.wait_for_selector("[data-path='/api/articles/{article_id}']")
    assert problems() == []
    screenshot(page, "api-docs")

"""axe-core on every page type: no violations at phone and desktop widths."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command

from articles.models import Article, Topic
from newsletter.models import Issue, Region
from people.models import Person

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def urls(reference_data):
    call_command("import_pages", "seeds/", "--publish", verbosity=0)
    issue = Issue.objects.get()
    article = Article.objects.published().get(title__startswith="让青年夜校")
    return {
        "home": "/",
        "archive": "/issues/",
        "page": issue.pages.get(number=1).get_absolute_url(),
        "page-not-imported": issue.pages.get(number=2).get_absolute_url(),
        "articles": "/articles/",
        "filtered": "/articles/?region=huzhou&topic=" + Topic.objects.get(name="青年").slug,
        "empty": "/articles/?q=不存在的内容",
        "article": article.get_absolute_url(),
        "region": Region.objects.get(short_name="湖州").get_absolute_url(),
        "regions": "/regions/",
        "topic": Topic.objects.get(name="青年").get_absolute_url(),
        "topics": "/topics/",
        "person": Person.objects.get(name="李上葵").get_absolute_url(),
        "people": "/people/",
        "search": "/search/?q=青年夜校",
        "not-found": "/articles/999999/",
    }


def test_no_axe_violations_on_any_page_type(urls, live_server, page):
    axe = Axe()
    failures = {}
    for name, path in urls.items():
        page.goto(live_server.url + path)
        results = axe.run(page)
        if results.violations_count:
            failures[name] = results.generate_report()
    # The filter form unfolded, on a phone (on a desktop it is never folded).
    page.goto(live_server.url + urls["filtered"])
    if page.locator("summary", has_text="筛选").is_visible():
        page.locator("summary", has_text="筛选").click()
        results = axe.run(page)
        if results.violations_count:
            failures["filter-open"] = results.generate_report()
    assert not failures, "\n\n".join(
        f"== {k} ({urls.get(k, urls['filtered'])})\n{v}" for k, v in failures.items()
    )

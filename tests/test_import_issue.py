"""A whole issue imports the same in any order and grouping, its teasers resolved either way.

The issue's four files are the `issue` fixture (tests/conftest.py).
"""

from io import StringIO

import pytest
from django.core.management import call_command

from articles.models import Article
from newsletter.models import Issue
from people.models import Person

from .import_rows import all_rows, content_rows

pytestmark = pytest.mark.django_db

DATE = "2025-04-22"

TEASERS = {
    "老旧小区加装电梯难在哪": (2, "老旧小区加装电梯难在哪？"),
    "兰溪政协委员夜访企业": (3, "兰溪政协委员夜访企业"),
    "江山市政协开展“请你来协商”": (4, "江山市政协开展“请你来协商”活动"),
    "温州政协为“两个健康”献策": (2, "温州政协“请你来协商”为“两个健康”献策"),
}


def run(*paths):
    call_command("import_pages", *map(str, paths), "--date", DATE, "--publish", stdout=StringIO())


def wipe():
    Issue.objects.all().delete()
    Person.objects.all().delete()


# Which pages each command imports, by page number; "folder" is the whole folder at once.
ORDERS = {
    "folder": ["folder"],
    "one command, 1 to 4": [(1, 2, 3, 4)],
    "one command, 4 to 1": [(4, 3, 2, 1)],
    "one per page, 1 to 4": [(1,), (2,), (3,), (4,)],
    "one per page, 4 to 1": [(4,), (3,), (2,), (1,)],
    "one per page, 2 4 1 3": [(2,), (4,), (1,), (3,)],
    "two commands, 3 1 then 4 2": [(3, 1), (4, 2)],
    "twice over, 1 then all": [(1,), (4, 3, 2, 1)],
}


def import_in(order, issue):
    for command in ORDERS[order]:
        run(issue[0].parent) if command == "folder" else run(*(issue[n - 1] for n in command))


@pytest.mark.parametrize("order", list(ORDERS))
def test_the_issue_is_the_same_in_any_order_and_grouping(issue, order):
    import_in(order, issue)
    rows = content_rows()
    wipe()
    import_in("one per page, 1 to 4", issue)
    assert rows == content_rows()


@pytest.mark.parametrize("order", ["one per page, 1 to 4", "one per page, 4 to 1"])
def test_every_teaser_points_at_the_real_article_on_its_page(issue, order):
    import_in(order, issue)
    teasers = Article.objects.filter(kind=Article.Kind.TEASER).select_related("teaser_target")
    assert {
        t.title: (t.teaser_target.page_number, t.teaser_target.title) for t in teasers
    } == TEASERS
    # No placeholder was left behind: every article of the issue has its text.
    assert not Article.objects.filter(kind=Article.Kind.ARTICLE, body="").exists()
    assert set(Issue.objects.get().pages.values_list("number", "source_file")) == {
        (1, "第1版.txt"),
        (2, "p2.txt"),
        (3, "jinhua_p3.txt"),
        (4, "04.txt"),
    }


def test_a_teaser_s_placeholder_is_filled_by_its_page_under_the_article_s_title(issue):
    run(issue[0])
    placeholder = Article.objects.get(page_number=2)
    assert (placeholder.title, placeholder.body) == ("老旧小区加装电梯难在哪", "")
    run(issue[1])
    placeholder.refresh_from_db()
    assert placeholder.title == "老旧小区加装电梯难在哪？"
    assert placeholder.body.startswith("近日，瑞安市政协组织部分委员")
    assert placeholder.status == Article.Status.PUBLISHED
    # Filled in, it is credited and placed like any new article.
    assert ("戴雨桐", "reporter") in placeholder.credits.values_list("person__name", "role")
    assert placeholder.article_regions.get(is_primary=True).region.short_name == "瑞安"


def test_the_whole_issue_again_changes_nothing(issue):
    import_in("one per page, 4 to 1", issue)
    before = all_rows()
    import_in("folder", issue)
    import_in("one per page, 1 to 4", issue)
    assert all_rows() == before  # ids, times and all


def test_a_teaser_keeps_its_article_when_an_editor_retitles_it(issue):
    import_in("one per page, 1 to 4", issue)
    article = Article.objects.get(title="老旧小区加装电梯难在哪？")
    article.title = "加装电梯，难在哪里"
    article.edited_fields = ["title"]
    article.save()
    before = all_rows()
    run(issue[0])
    assert all_rows() == before

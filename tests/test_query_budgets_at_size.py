"""The same query budgets hold on an archive of a few thousand articles as on a few.

tests/test_site_query_budgets.py pins each page's queries on 3 and on 30
articles; here every page type is asked again of a generated archive of
2,000 articles, its busiest hubs included, and must stay within the same
budget.
"""

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.models import Count
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import Article, TaggedArticle
from newsletter.models import Issue
from newsletter.paging import Cursor
from people.models import Credit, Person
from tests.test_site_query_budgets import BUDGETS

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def archive(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command(
            "generate_corpus", "--articles", "2000", "--seed", "5",
            "--until", "2026-11-30", verbosity=0,
        )  # fmt: skip
        assert Article.objects.count() >= 2000
        yield urls()
        Issue.objects.all().delete()
        Person.objects.all().delete()


def urls() -> dict[str, str]:
    public = Article.objects.published().exclude(kind=Article.Kind.TEASER)
    issue = Issue.objects.published().order_by("-date").first()
    article = public.newest_first()[public.count() // 2]
    person = (Credit.objects.values("person__slug").annotate(n=Count("pk")).order_by("-n").first())[
        "person__slug"
    ]
    topic = (
        TaggedArticle.objects.values("tag__slug").annotate(n=Count("pk")).order_by("-n").first()
    )["tag__slug"]
    deep = public.newest_first()[public.count() - 30]
    return {
        "home": reverse("home"),
        "archive": reverse("issues:archive"),
        "issue": issue.get_absolute_url(),
        "page": issue.pages.order_by("-number").first().get_absolute_url(),
        "list": reverse("articles:list"),
        "list_deep": reverse("articles:list") + f"?after={Cursor.of(deep)}",
        "list_filtered": reverse("articles:list")
        + f"?region=hangzhou&topic={topic}&person={person}&q=政协&date_from=2020-01-01",
        "article": article.get_absolute_url(),
        "regions": reverse("regions:list"),
        "region": reverse("regions:detail", args=["hangzhou"]),
        "topics": reverse("topics:list"),
        "topic": reverse("topics:detail", args=[topic]),
        "people": reverse("people:list"),
        "person": reverse("people:detail", args=[person]),
    }


@pytest.mark.parametrize("name", [*BUDGETS, "list_deep"])
def test_a_big_archive_keeps_every_page_within_its_budget(client, archive, name):
    budget = BUDGETS["list" if name == "list_deep" else name]
    with CaptureQueriesContext(connection) as queries:
        response = client.get(archive[name])
    assert response.status_code == 200, archive[name]
    assert len(queries) <= budget, f"{name}: {len(queries)} queries, budget {budget}"
    if name in ("home", "issue", "page", "list", "list_deep", "region", "topic", "person"):
        assert len(response.context["articles"]) > 1, f"{name} shows the archive"

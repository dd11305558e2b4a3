"""What an import stores, read back from the rows inside its transaction.

The admin's preview runs the import, reads the plan and rolls back; the
confirmation runs it again and commits only if the plan it reads then has the
digest the editor saw, so exactly what was previewed is written.
"""

import bisect
import dataclasses
import hashlib
import json

from django.db.models import Prefetch

from newsletter.models import Page
from people.models import Credit

from .importing.parsed import ParsedPage
from .models import Article, ArticleRegion
from .page_import import PageLoader, PageReport

LEAD_CHARS = 140  # the first lines of an article's text, as the preview shows them


@dataclasses.dataclass(frozen=True)
class ImportPlan:
    pages: list[dict]  # per page: its issue, number, section, report and articles as stored
    digest: str


def import_plan(
    loader: PageLoader, reports: list[PageReport], parsed_pages: list[ParsedPage]
) -> ImportPlan:
    """The plan of a run whose loader has just loaded these pages (in its transaction)."""
    pages = [
        _page_plan(page, report, parsed, loader)
        for page, report, parsed in zip(loader.pages, reports, parsed_pages, strict=True)
    ]
    return ImportPlan(pages=pages, digest=plan_digest(pages))


def plan_digest(pages: list[dict]) -> str:
    """A fingerprint of the plan that two runs on the same database share.

    New rows' keys differ from run to run (a rolled-back sequence is not
    given back), so new people are compared by what they say, not their id.
    """
    stable = json.dumps(pages, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(stable.encode()).hexdigest()


def stored_articles(page: Page) -> list[dict]:
    """A page's articles as its rows say, in print order, with people, places and topics."""
    articles = (
        Article.objects.filter(page=page)
        .select_related("teaser_target")
        .prefetch_related(
            Prefetch("credits", Credit.objects.select_related("person__region").order_by("order")),
            Prefetch(
                "article_regions",
                ArticleRegion.objects.select_related("region").order_by("-is_primary", "pk"),
            ),
            "topics",
        )
        .order_by("position")
    )
    return [_article_plan(article) for article in articles]


def _page_plan(page: Page, report: PageReport, parsed: ParsedPage, loader: PageLoader) -> dict:
    page = Page.objects.select_related("issue").get(pk=page.pk)
    issue = page.issue
    starts = [item.line for item in parsed.articles]
    articles = stored_articles(page)
    pks = [entry.pop("pk") for entry in articles]
    for entry, pk in zip(articles, pks, strict=True):
        entry["action"] = loader.outcomes.get(pk, "kept")  # kept: not in the file, left as is
        for credit in entry["credits"]:
            if credit["person"]["id"] in loader.created_people:
                credit["person"].update(id=None, new=True)
        entry["repairs"], entry["close_calls"] = [], []
    printed = [e for e in articles if e["action"] != "kept"]
    for repair in report.repairs:
        if repair["kind"] != "punctuation":
            _at_line(printed, starts, repair["line"])["repairs"].append(repair)
    for call in report.close_calls:
        _at_line(printed, starts, call["line"])["close_calls"].append(call["description"])
    return {
        "issue": {
            "date": issue.date.isoformat(),
            "date_confirmed": issue.date_confirmed,
            "number": issue.number,
            "masthead": issue.masthead,
            "status": issue.get_status_display(),
        },
        "number": page.number,
        "section": page.section,
        "source_file": page.source_file,
        "encoding": page.encoding,
        "sha256": page.sha256,
        "report": dataclasses.asdict(report),
        "articles": articles,
    }


def _at_line(printed: list[dict], starts: list[int], line: int) -> dict:
    """The printed article whose text holds this line of the file."""
    return printed[max(bisect.bisect_right(starts, line) - 1, 0)]


def _article_plan(article: Article) -> dict:
    target = article.teaser_target
    return {
        "pk": article.pk,
        "position": article.position,
        "kind": article.get_kind_display(),
        "kicker": article.kicker,
        "title": article.title,
        "subtitle": article.subtitle,
        "source": article.source,
        "is_reprint": article.is_reprint,
        "dateline": article.dateline.isoformat() if article.dateline else None,
        "status": article.get_status_display(),
        "teaser_target": f"第{target.page_number}版 {target.title}" if target else "",
        "body": article.body,
        "lead": _lead(article.body),
        "credits": [
            {
                "role": credit.role,
                "role_label": credit.get_role_display(),
                "title": credit.title,
                "person": {
                    "id": credit.person.pk,
                    "new": False,
                    "name": credit.person.name,
                    "title": credit.person.title,
                    "region": credit.person.region.name if credit.person.region else "",
                },
            }
            for credit in article.credits.all()
        ],
        "regions": [
            {"name": place.region.name, "primary": place.is_primary}
            for place in article.article_regions.all()
        ],
        "topics": sorted(topic.name for topic in article.topics.all()),
    }


def _lead(body: str) -> str:
    lead = body[:LEAD_CHARS].replace("\n", " ¶ ")
    return lead + "…" if len(body) > LEAD_CHARS else lead

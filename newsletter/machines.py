"""The machines' entrances: sitemaps, robots.txt and the health check.

Sitemaps list public URLs only, each built from the one definition of public
(``published()``): articles, issues and their pages, and the hubs of regions,
topics and people that have public articles to show.
"""

import calendar
import datetime
import re

from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemaps_views
from django.contrib.sitemaps.views import SitemapIndexItem
from django.db import DatabaseError, connection
from django.db.models import Exists, OuterRef, Q
from django.http import Http404, HttpResponse, JsonResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.cache import cache_page, never_cache
from django.views.decorators.http import require_safe

from articles.models import Article, ArticleRegion, TaggedArticle, Topic
from people.models import Credit, Person

from .models import Issue, Page, Region
from .page_cache import cached_until_changed


def public_articles():
    """Articles with a page of their own: public, teasers (导读) aside."""
    return Article.objects.published().exclude(kind=Article.Kind.TEASER)


class HomeSitemap(Sitemap):
    changefreq = "daily"
    priority = 1.0

    def items(self) -> list[str]:
        return ["home", "articles:list"]

    def location(self, item: str) -> str:
        return reverse(item)


class ArticleSitemap(Sitemap):
    """The public articles of one month of issues (a few hundred URLs: cheap to build)."""

    changefreq = "monthly"
    priority = 0.8
    limit = 50000  # a month of a paper never comes near; no count is needed

    def __init__(self, year: int, month: int):
        self.first = datetime.date(year, month, 1)
        self.last = self.first + datetime.timedelta(days=calendar.monthrange(year, month)[1] - 1)

    def items(self):
        return (
            public_articles()
            .filter(issue_date__gte=self.first, issue_date__lte=self.last)
            .only("pk", "updated_at")
            .newest_first()
        )

    def lastmod(self, item: Article):
        return item.updated_at


class IssueSitemap(Sitemap):
    """The pages of one year's published issues; a front page at its issue's own URL."""

    changefreq = "monthly"
    priority = 0.7
    limit = 50000

    def __init__(self, year: int):
        self.year = year

    def items(self):
        return (
            Page.objects.filter(
                issue__in=Issue.objects.published(),
                issue__date__gte=datetime.date(self.year, 1, 1),
                issue__date__lte=datetime.date(self.year, 12, 31),
            )
            .select_related("issue")
            .only("number", "issue__date", "issue__updated_at")
            .order_by("-issue__date", "number")
        )

    def location(self, item: Page) -> str:
        return item.issue.get_absolute_url() if item.number == 1 else item.get_absolute_url()

    def lastmod(self, item: Page):
        return item.issue.updated_at


class RegionSitemap(Sitemap):
    """Regions with public articles about them or about a place under them."""

    changefreq = "weekly"
    priority = 0.5

    def items(self):
        in_subtree = (
            Q(region=OuterRef("pk"))
            | Q(region__parent=OuterRef("pk"))
            | Q(region__parent__parent=OuterRef("pk"))
        )
        has_public = ArticleRegion.objects.filter(in_subtree, article__in=public_articles())
        return Region.objects.filter(Exists(has_public)).only("slug").order_by("code")


class TopicSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.5

    def items(self):
        has_public = TaggedArticle.objects.filter(
            tag=OuterRef("pk"), content_object__in=public_articles()
        )
        return Topic.objects.filter(Exists(has_public)).only("slug").order_by("name")


class PersonSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.5
    limit = 5000

    def items(self):
        has_public = Credit.objects.filter(person=OuterRef("pk"), article__in=public_articles())
        return Person.objects.filter(Exists(has_public)).only("slug").order_by("pk")


FIXED_SECTIONS = {
    "home": HomeSitemap,
    "regions": RegionSitemap,
    "topics": TopicSitemap,
    "people": PersonSitemap,
}
ARTICLE_SECTION = re.compile(r"articles-(\d{4})-(\d{2})")
ISSUE_SECTION = re.compile(r"issues-(\d{4})")


def section_sitemap(section: str) -> Sitemap:
    """The sitemap a section name stands for (``articles-2025-04``, ``issues-2025`` …), or 404."""
    if section in FIXED_SECTIONS:
        return FIXED_SECTIONS[section]()
    if match := ARTICLE_SECTION.fullmatch(section):
        year, month = int(match[1]), int(match[2])
        if year >= 1 and 1 <= month <= 12:
            return ArticleSitemap(year, month)
    if (match := ISSUE_SECTION.fullmatch(section)) and int(match[1]) >= 1:
        return IssueSitemap(int(match[1]))
    raise Http404("没有这个站点地图")


def section_names() -> list[str]:
    """Every section: the fixed ones, then a year of issues and its months of articles."""
    names = ["home", "regions", "topics"]
    months = Issue.objects.published().dates("date", "month", order="DESC")
    for year in sorted({m.year for m in months}, reverse=True):
        names.append(f"issues-{year}")
        names += [f"articles-{m:%Y-%m}" for m in months if m.year == year]
    return names


@require_safe
def sitemap_index(request) -> TemplateResponse:
    """The sitemap index, built without counting articles: one section a month.

    Only the people section may run past one file; its pages are counted.
    """
    names = section_names()
    items = [SitemapIndexItem(_section_url(request, name), None) for name in names]
    people = cached_until_changed(
        "sitemap-people-pages", lambda: PersonSitemap().paginator.num_pages
    )
    items += [
        SitemapIndexItem(_section_url(request, "people", page), None)
        for page in range(1, people + 1)
    ]
    return TemplateResponse(
        request, "sitemap_index.xml", {"sitemaps": items}, content_type="application/xml"
    )


@require_safe
def sitemap_section(request, section: str) -> HttpResponse:
    return sitemaps_views.sitemap(request, {section: section_sitemap(section)}, section=section)


def _section_url(request, section: str, page: int = 1) -> str:
    url = request.build_absolute_uri(reverse("machines:sitemap-section", args=[section]))
    return f"{url}?p={page}" if page > 1 else url


@require_safe
@cache_page(60 * 60)
def robots_txt(request) -> HttpResponse:
    sitemap_url = request.build_absolute_uri(reverse("machines:sitemap"))
    lines = [
        "User-agent: *",
        "Allow: /",
        f"Sitemap: {sitemap_url}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@never_cache
@require_safe
def healthz(request) -> JsonResponse:
    """200 when the database answers ``SELECT 1``, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})

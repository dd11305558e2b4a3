"""The machines' entrances: sitemaps, robots.txt and the health check.

Sitemaps list public URLs only, each built from the one definition of public
(``published()``): articles, issues and their pages, and the hubs of regions,
topics and people that have public articles to show.
"""

from django.contrib.sitemaps import Sitemap
from django.db import DatabaseError, connection
from django.db.models import Exists, OuterRef, Q
from django.http import HttpResponse, JsonResponse
from django.urls import reverse
from django.views.decorators.cache import cache_page, never_cache
from django.views.decorators.http import require_safe

from articles.models import Article, ArticleRegion, TaggedArticle, Topic
from people.models import Credit, Person

from .models import Issue, Page, Region


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
    changefreq = "monthly"
    priority = 0.8

    def items(self):
        return public_articles().only("pk", "updated_at").order_by("-pk")

    def lastmod(self, item: Article):
        return item.updated_at


class IssueSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.7

    def items(self):
        return Issue.objects.published().only("date", "updated_at").order_by("-date")

    def lastmod(self, item: Issue):
        return item.updated_at


class PageSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.6

    def items(self):
        return (
            Page.objects.filter(issue__in=Issue.objects.published())
            .select_related("issue")
            .only("number", "issue__date")
            .order_by("-issue__date", "number")
        )


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

    def items(self):
        has_public = Credit.objects.filter(person=OuterRef("pk"), article__in=public_articles())
        return Person.objects.filter(Exists(has_public)).only("slug").order_by("pk")


SITEMAPS = {
    "home": HomeSitemap,
    "articles": ArticleSitemap,
    "issues": IssueSitemap,
    "pages": PageSitemap,
    "regions": RegionSitemap,
    "topics": TopicSitemap,
    "people": PersonSitemap,
}


@require_safe
@cache_page(60 * 60)
def robots_txt(request) -> HttpResponse:
    sitemap_url = request.build_absolute_uri(reverse("machines:sitemap"))
    lines = [
        "User-agent: *",
        "Allow: /",
        "Disallow: /admin/",
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

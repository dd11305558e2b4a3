"""Article pages: the filterable list, one article, and the topic hubs."""

from django.db.models import Count, Exists, OuterRef
from django.db.models.functions import Length
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.views.generic import DetailView, ListView
from django_filters.views import FilterView

from newsletter.page_cache import cached_until_changed
from newsletter.page_map import page_map
from newsletter.paging import KeysetPaginationMixin
from newsletter.structured_data import breadcrumb_list, logo_url, news_article
from newsletter.views import (
    chinese_date,
    credits_prefetch,
    is_staff,
    listed,
    page_label,
    visible_articles,
)

from .filter_chips import active_chips
from .filters import ArticleFilter
from .models import Article, ArticleRegion, TaggedArticle, Topic

FONT_SIZES = {"s": "小", "m": "中", "l": "大"}
FONT_SIZE_COOKIE = "size"
RELATED_COUNT = 5


def public_list():
    """Public articles as lists show them, newest issue first, then in print order."""
    return listed(Article.objects.published().exclude(kind=Article.Kind.TEASER).newest_first())


def related_articles(article: Article, count: int = RELATED_COUNT) -> list[Article]:
    """The newest public articles, up to this one's issue, that share a topic or a place.

    One query per kind of link, so each runs on the index that suits it (a rare
    county through its few ArticleRegion rows, a common topic down the print
    order); the province, which most articles name, is no link.
    """
    topics = [t.pk for t in article.topics.all()]
    places = [ar.region_id for ar in article.article_regions.all() if ar.region.parent_id]
    links = [
        TaggedArticle.objects.filter(content_object=OuterRef("pk"), tag__in=topics)
        if topics
        else None,
        ArticleRegion.objects.filter(article=OuterRef("pk"), region__in=places) if places else None,
    ]
    base = (
        Article.objects.published()
        .exclude(kind=Article.Kind.TEASER)
        .exclude(pk=article.pk)
        .filter(issue_date__lte=article.issue_date)
        .only("pk", "title", "issue_date", "page_number", "position")
        .newest_first()
    )
    found = {}
    for linked in (q for q in links if q is not None):
        found.update((a.pk, a) for a in base.filter(Exists(linked))[:count])
    newest_first = sorted(
        found.values(), key=lambda a: (-a.issue_date.toordinal(), a.page_number, a.position)
    )
    return newest_first[:count]


class ArticleListView(KeysetPaginationMixin, FilterView):
    """Every public article, newest first, filterable by region, topic, person, date, text."""

    template_name = "articles/article_list.html"
    filterset_class = ArticleFilter
    context_object_name = "articles"
    strict = True

    def get_queryset(self):
        return public_list()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        chips = active_chips(context["filter"], self.request.GET, self.request.path)
        context.update(
            chips=chips,
            filter_title=" · ".join(chip.text for chip in chips),
            filter_description="、".join(f"{chip.label}{chip.text}" for chip in chips),
        )
        return context


class ArticleDetailView(DetailView):
    """One article: body, byline, people, places, topics, 上一篇/下一篇 and related articles.

    A teaser (导读) whose target can be read redirects there. ``?size=s|m|l`` sets the
    reading size and remembers it in a cookie, so the switch works without JavaScript.
    """

    template_name = "articles/article_detail.html"
    context_object_name = "article"

    def get_queryset(self):
        return (
            visible_articles(self.request)
            .with_related()
            .select_related("page__issue", "teaser_target__page__issue", "teaser_target__issue")
            .prefetch_related(credits_prefetch())
        )

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        target = self.object.teaser_target
        is_teaser = self.object.kind == Article.Kind.TEASER
        if is_teaser and target is not None and (target.is_public or is_staff(request)):
            return redirect(target)
        context = self.get_context_data(object=self.object)
        response = self.render_to_response(context)
        patch_vary_headers(response, ["Cookie"])  # the reading size comes from a cookie
        asked = request.GET.get("size", "")
        if asked in FONT_SIZES:
            response.set_cookie(
                FONT_SIZE_COOKIE, asked, max_age=365 * 24 * 3600, samesite="Lax", httponly=True
            )
        return response

    def font_size(self) -> str:
        asked = self.request.GET.get("size", "")
        if asked in FONT_SIZES:
            return asked
        remembered = self.request.COOKIES.get(FONT_SIZE_COOKIE, "")
        return remembered if remembered in FONT_SIZES else "m"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        article = self.object
        credits = list(article.credits.all())
        siblings = list(
            visible_articles(self.request)
            .filter(page_id=article.page_id)
            .exclude(kind=Article.Kind.TEASER)
            .order_by("position")
            .only("pk", "title", "position", "kind")
            .annotate(length=Length("body"))
        )
        previous_article = next_article = None
        for i, sibling in enumerate(siblings):
            if sibling.pk == article.pk:
                previous_article = siblings[i - 1] if i > 0 else None
                next_article = siblings[i + 1] if i + 1 < len(siblings) else None
        paragraphs = article.paragraphs
        size = self.font_size()
        description = (paragraphs[0] if paragraphs else article.title)[:120]
        byline = [c for c in credits if c.is_byline]
        page, issue = article.page, article.issue
        trail = [
            ("首页", reverse("home")),
            (f"{issue.masthead} {chinese_date(issue.date)}", issue.get_absolute_url()),
            (page_label(page.number, page.section), page.get_absolute_url()),
            (article.title, article.get_absolute_url()),
        ]
        context.update(
            paragraphs=paragraphs,
            description=description,
            byline=byline,
            people=[c for c in credits if not c.is_byline],
            previous_article=previous_article,
            next_article=next_article,
            related=related_articles(article),
            preview=not article.is_public,
            size=size,
            sizes=[(key, FONT_SIZES[key]) for key in ("l", "m", "s")],
            canonical_path=article.get_absolute_url(),
            source_label=self.source_label(article),
            # The sidebar: this issue's pages and this page's articles (版面导航).
            pages=list(issue.pages.order_by("number")),  # each knows its issue: no query each
            page_map=page_map(siblings, current_pk=article.pk),
            og_image=logo_url(self.request),
            structured_data=[
                news_article(self.request, article, byline=byline, description=description),
                breadcrumb_list(self.request, trail),
            ],
        )
        return context

    @staticmethod
    def source_label(article: Article) -> str:
        if article.is_reprint and article.source:
            return f"据{article.source}"
        return article.source or "本报"


class TopicListView(ListView):
    """Every topic with the number of public articles it tags."""

    template_name = "articles/topic_list.html"
    context_object_name = "topics"

    def get_queryset(self):
        return Topic.objects.order_by("name")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        counts = cached_until_changed("topic-article-counts", topic_article_counts)
        for topic in context["topics"]:
            topic.article_count = counts.get(topic.pk, 0)
        return context


def topic_article_counts() -> dict[int, int]:
    """Public articles per topic: a pass over every tag of the archive."""
    tagged = TaggedArticle.objects.filter(content_object__in=Article.objects.published())
    return dict(tagged.values_list("tag").annotate(count=Count("pk")).order_by())


class TopicDetailView(KeysetPaginationMixin, ListView):
    """A topic and its public articles (the page renders even when there are none)."""

    template_name = "articles/topic_detail.html"
    context_object_name = "articles"

    def get_queryset(self):
        slug = self.kwargs["slug"]
        if len(slug) > 100:
            raise Http404("没有这个专题")
        self.topic = get_object_or_404(Topic, slug=slug)
        return public_list().with_topic(self.topic)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["topic"] = self.topic
        return context

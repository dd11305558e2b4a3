"""The reading site's publication pages: home, the archive, issues page by page, regions.

Only published content is public (``published()`` on issues and articles). Staff
may open drafts by URL to preview them; the page then shows a 预览 banner. Lists
and hubs show public content to everyone.
"""

import datetime
import re

from django.db.models import Count, Max, Min, Prefetch
from django.db.models.functions import ExtractYear, Length
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.generic import DetailView, ListView, RedirectView

from articles.models import Article
from people.models import Credit

from .models import Issue, Region
from .page_map import page_map
from .paging import KeysetPaginationMixin
from .structured_data import breadcrumb_list

ISSUE_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# What a reader may type into the date picker when the browser has no date input:
# 2025-04-18, 2025/4/18, 2025.4.18, 2025年4月18日, 20250418.
LOOSE_DATE = re.compile(
    r"\s*(\d{4})(?:[-/.年]\s*(\d{1,2})[-/.月]\s*(\d{1,2})日?|(\d{2})(\d{2}))\s*"
)
RECENT_COUNT = 10
SITE_NAME = "同心苑"


def is_staff(request) -> bool:
    return request.user.is_authenticated and request.user.is_staff


def visible_issues(request):
    return Issue.objects.all() if is_staff(request) else Issue.objects.published()


def visible_articles(request):
    return Article.objects.all() if is_staff(request) else Article.objects.published()


def credits_prefetch() -> Prefetch:
    """Bylines and people named, in credit order, with the person: one query."""
    return Prefetch(
        "credits", queryset=Credit.objects.select_related("person").order_by("order", "pk")
    )


def listed(queryset):
    """Articles as list pages show them: issue, page (and its issue), topics, regions."""
    return queryset.with_related().select_related("page__issue")


def parse_issue_date(value: str) -> datetime.date:
    """The ``YYYY-MM-DD`` of an issue URL, or 404."""
    if not ISSUE_DATE.fullmatch(value):
        raise Http404("日期格式应为 YYYY-MM-DD")
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise Http404("没有这一天") from None


def parse_loose_date(value: str) -> datetime.date | None:
    match = LOOSE_DATE.fullmatch(value or "")
    if not match:
        return None
    year, month, day, month2, day2 = match.groups()
    try:
        return datetime.date(int(year), int(month or month2), int(day or day2))
    except ValueError:
        return None


def issue_date_range() -> dict:
    """The first and last public issue dates, for the date picker's min and max."""
    bounds = Issue.objects.published().aggregate(first=Min("date"), last=Max("date"))
    return {
        "first": bounds["first"].isoformat() if bounds["first"] else "",
        "last": bounds["last"].isoformat() if bounds["last"] else "",
    }


def chinese_date(date: datetime.date) -> str:
    return f"{date.year}年{date.month}月{date.day}日"


def page_label(number: int, section: str) -> str:
    return f"第{number}版 · {section}" if section else f"第{number}版"


def is_placeholder(article: Article) -> bool:
    """A teaser's target waiting for its page's file (articles/page_import.py)."""
    return article.kind == Article.Kind.ARTICLE and not article.body


def mark_teasers(articles, *, preview: bool) -> None:
    """Give each teaser ``target_url`` (its article, when readable), ``target_page`` and
    ``target_missing`` (its page not imported yet: the target is an empty placeholder);
    give every article ``byline_credits`` (reporters and correspondents, prefetched).
    """
    for article in articles:
        article.byline_credits = [c for c in article.credits.all() if c.is_byline]
        article.target_url = None
        article.target_page = None
        article.target_label = ""
        article.target_missing = False
        if article.kind != Article.Kind.TEASER:
            continue
        target = article.teaser_target
        if target is not None:
            article.target_missing = is_placeholder(target)
            if (preview or target.is_public) and not article.target_missing:
                article.target_url = target.get_absolute_url()
            article.target_page = target.page
            article.target_label = page_label(target.page.number, target.page.section)


class ForgivingPaginationMixin:
    """Pagination that never fails: ``?page=abc`` shows page 1, ``?page=999`` the last.

    When the requested page was not served as asked, ``page_notice`` says so.
    """

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(
            queryset,
            page_size,
            orphans=self.get_paginate_orphans(),
            allow_empty_first_page=self.get_allow_empty(),
        )
        raw = self.request.GET.get(self.page_kwarg, "")
        page = paginator.get_page(raw)
        self.page_notice = ""
        if raw and raw != str(page.number):
            self.page_notice = f"没有第“{raw[:20]}”页，已显示第{page.number}页。"
        return paginator, page, page.object_list, page.has_other_pages()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["page_notice"] = getattr(self, "page_notice", "")
        return context


# ---------------------------------------------------------------- home


def page_articles(articles, page, *, preview: bool) -> list[Article]:
    """A page's articles in print order, with what the page template shows of each."""
    found = list(
        articles.filter(page=page)
        .select_related(
            "issue", "page__issue", "teaser_target__page__issue", "teaser_target__issue"
        )
        .prefetch_related(credits_prefetch())
        .annotate(length=Length("body"))
        .order_by("position")
    )
    mark_teasers(found, preview=preview)
    return found


def lead_story(articles: list[Article]) -> Article | None:
    """The page's 头条: its first full article."""
    return next((a for a in articles if a.kind == Article.Kind.ARTICLE), None)


def home(request):
    """The latest published issue's front page, lead story first, its page navigation,
    recent articles from the other pages."""
    issue = Issue.objects.published().order_by("-date").first()
    context = {"issue": issue, "pages": [], "front": None, "articles": [], "recent": []}
    if issue is not None:
        pages = list(issue.pages.order_by("number"))
        front = pages[0] if pages else None
        articles = []
        if front is not None:
            articles = page_articles(Article.objects.published(), front, preview=False)
        recent = (
            Article.objects.published()
            .exclude(kind=Article.Kind.TEASER)
            .select_related("issue", "page__issue")
            .newest_first()
        )
        if front is not None:
            recent = recent.exclude(page=front)
        lead = lead_story(articles)
        context.update(
            # The site's name once: some mastheads already hold it (浙江政协同心苑).
            title_prefix="" if SITE_NAME in issue.masthead else f"{SITE_NAME} — ",
            pages=pages,
            front=front,
            articles=articles,
            lead=lead,
            others=[a for a in articles if a is not lead],
            recent=list(recent[:RECENT_COUNT]),
        )
        context["date_range"] = issue_date_range()
    return render(request, "newsletter/home.html", context)


# ---------------------------------------------------------------- issues


class IssueArchiveView(ListView):
    """The published issues of one year (往期), by month; the latest year at /issues/.

    Twenty years are some 2,000 issues: a year a page, like a paper's own 往期.
    """

    template_name = "newsletter/issue_archive.html"
    context_object_name = "issues"

    def get_queryset(self):
        issues = Issue.objects.published()
        self.years = list(
            issues.annotate(year=ExtractYear("date"))
            .values_list("year")
            .annotate(count=Count("pk"))
            .order_by("-year")
        )
        asked = self.kwargs.get("year")
        if asked is None:
            self.year = self.years[0][0] if self.years else None
        elif asked in dict(self.years):
            self.year = asked
        else:
            raise Http404("这一年没有已发布的报纸")
        if self.year is None:
            return issues.none()
        return issues.filter(
            date__gte=datetime.date(self.year, 1, 1), date__lte=datetime.date(self.year, 12, 31)
        ).order_by("-date")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(year=self.year, years=self.years, date_range=issue_date_range())
        return context


class IssueDetailView(DetailView):
    """An issue's first page at the issue's own URL."""

    template_name = "newsletter/page_detail.html"
    context_object_name = "issue"

    def get_queryset(self):
        return visible_issues(self.request)

    def get_object(self, queryset=None):
        queryset = self.get_queryset() if queryset is None else queryset
        return get_object_or_404(queryset, date=parse_issue_date(self.kwargs["date"]))

    def current_page(self, pages):
        return pages[0] if pages else None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        issue = self.object
        preview = is_staff(self.request)
        pages = list(issue.pages.order_by("number"))
        page = self.current_page(pages)
        articles = []
        if page is not None:
            articles = page_articles(visible_articles(self.request), page, preview=preview)
        index = pages.index(page) if page is not None else -1
        canonical_path = (
            issue.get_absolute_url()
            if page is None or page == pages[0]
            else page.get_absolute_url()
        )
        trail = [
            ("首页", reverse("home")),
            (f"{issue.masthead} {chinese_date(issue.date)}", issue.get_absolute_url()),
        ]
        if page is not None:
            trail.append((page_label(page.number, page.section), page.get_absolute_url()))
        context.update(
            pages=pages,
            page=page,
            articles=articles,
            previous_page=pages[index - 1] if index > 0 else None,
            next_page=pages[index + 1] if 0 <= index < len(pages) - 1 else None,
            date_range=issue_date_range(),
            preview=issue.status != Issue.Status.PUBLISHED
            or any(not a.is_public for a in articles),
            canonical_path=canonical_path,
            page_map=page_map(articles),
            not_imported=page is not None and not articles and not_imported(page),
            breadcrumbs=breadcrumb_list(self.request, trail),
        )
        return context


def not_imported(page) -> bool:
    """A page that holds only teasers' placeholders: its file has not been imported."""
    printed = Article.objects.filter(page=page).exclude(kind=Article.Kind.ARTICLE, body="")
    return not printed.exists()


class IssuePageView(IssueDetailView):
    """One page (版) of an issue: its articles in print order."""

    def current_page(self, pages):
        number = self.kwargs["number"]
        for page in pages:
            if page.number == number:
                return page
        raise Http404("本期没有这一版")


class IssueJumpView(RedirectView):
    """The date picker's target: the published issue nearest to the date asked for."""

    permanent = False

    def get_redirect_url(self, *args, **kwargs):
        wanted = parse_loose_date(self.request.GET.get("date", "")[:40])
        if wanted is None:
            return reverse("issues:archive")
        issues = Issue.objects.published()
        before = issues.filter(date__lte=wanted).order_by("-date").first()
        after = issues.filter(date__gte=wanted).order_by("date").first()
        candidates = [i for i in (before, after) if i is not None]
        if not candidates:
            return reverse("issues:archive")
        nearest = min(candidates, key=lambda i: (abs((i.date - wanted).days), i.date))
        return nearest.get_absolute_url()


# ---------------------------------------------------------------- regions


class RegionListView(ListView):
    """The cities of Zhejiang, each with its counties, county-level cities and districts."""

    template_name = "newsletter/region_list.html"
    context_object_name = "cities"

    def get_queryset(self):
        return Region.objects.cities().prefetch_related(
            Prefetch("children", queryset=Region.objects.order_by("code"))
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["province"] = Region.objects.filter(level=Region.Level.PROVINCE).first()
        return context


class RegionDetailView(KeysetPaginationMixin, ListView):
    """A region, its sub-regions and the public articles about it or anywhere under it."""

    template_name = "newsletter/region_detail.html"
    context_object_name = "articles"

    def get_queryset(self):
        self.region = get_object_or_404(
            Region.objects.select_related("parent__parent"), slug=self.kwargs["slug"]
        )
        return listed(
            Article.objects.published()
            .in_region(self.region)
            .exclude(kind=Article.Kind.TEASER)
            .newest_first()
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        region = self.region
        ancestors = []
        parent = region.parent
        while parent is not None:
            ancestors.insert(0, parent)
            parent = parent.parent if parent.parent_id else None
        context.update(
            region=region,
            ancestors=ancestors,
            children=list(region.children.order_by("code")),
        )
        return context

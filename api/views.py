"""The API's endpoints: issues, their pages, articles, people, regions and topics.

Only what the reading site shows anyone is here, whoever asks (staff included):
``Article.objects.published()`` and ``Issue.objects.published()``, and the people
named in a published article. Every list reads a fixed number of queries, whatever
its length; article lists page by cursor like the site's (newsletter/paging.py).
"""

from django.core.paginator import Paginator
from ninja import Field, NinjaAPI, Query, Schema
from ninja.errors import HttpError
from ninja.openapi.docs import Swagger
from ninja.renderers import JSONRenderer

from articles.filters import ArticleFilter
from articles.models import Article, Topic
from articles.views import topic_article_counts
from newsletter.models import Issue, Region
from newsletter.page_cache import cached_until_changed
from newsletter.paging import COUNT_LIMIT, bounded_count
from newsletter.views import credits_prefetch, parse_issue_date
from people.models import Person
from people.views import people_directory

from . import errors, schemas
from .paging import article_page, issue_page, page_url
from .serialize import article_data, issue_data, page_ref, person_ref, region_ref
from .throttling import AnonymousClientThrottle

ISSUES_PER_PAGE = 50
PEOPLE_PER_PAGE = 200


class ChineseJSONRenderer(JSONRenderer):
    """UTF-8 as it is: 标题, not \\u6807\\u9898 (a third of the bytes, readable in curl)."""

    json_dumps_params = {"ensure_ascii": False}


api = NinjaAPI(
    title="同心苑 API",
    version="1",
    description=(
        "联谊报已发布内容的只读接口：期、版面、文章（署名、地区、专题）、人物、地区、专题。"
        "文章列表按出版日期从新到旧、再按版面顺序排列，用 next / previous 网址翻页。"
    ),
    urls_namespace="api",
    # The docs page loads swagger-ui from our own static files (ninja in INSTALLED_APPS),
    # so the site's CSP (default-src 'self', no unsafe-*) holds there too.
    docs=Swagger(settings={"defaultModelsExpandDepth": 0}),
    docs_url="/docs",
    throttle=[AnonymousClientThrottle()],
    renderer=ChineseJSONRenderer(),
)
errors.answer_in_chinese(api)


# ---------------------------------------------------------------- querysets


def articles_for_api(queryset):
    """Articles with everything ``article_data`` shows, in a fixed number of queries."""
    return queryset.with_related().prefetch_related(credits_prefetch())


ERRORS = {400: schemas.Error, 404: schemas.Error, 429: schemas.Error}


def read(path: str, **options):
    """A GET endpoint, and HEAD beside it (the same answer, as everywhere on the site),
    left out of the schema, where it would repeat the GET's operation."""

    def register(view):
        # The docstring's first sentence names the endpoint in the docs (not "List Issues").
        options.setdefault("summary", view.__doc__.split("。")[0])
        api.api_operation(["HEAD"], path, include_in_schema=False, **options)(view)
        return api.get(path, **options)(view)

    return register


# ---------------------------------------------------------------- issues


@read("/issues", response={200: schemas.IssuePage, **ERRORS}, tags=["期"])
def list_issues(request, after: str = "", before: str = ""):
    """已发布的各期，从新到旧，每页 50 期。"""
    issues, next_url, previous_url = issue_page(
        request, Issue.objects.published(), after=after, before=before, size=ISSUES_PER_PAGE
    )
    return {
        "next": next_url,
        "previous": previous_url,
        "results": [issue_data(issue) for issue in issues],
    }


@read("/issues/{date}", response={200: schemas.IssueDetailOut, **ERRORS}, tags=["期"])
def get_issue(request, date: str):
    """一期及其各版。日期形如 2025-04-17。"""
    issue = errors.found(Issue.objects.published(), "没有这一期", date=parse_issue_date(date))
    pages = issue.pages.order_by("number")
    return {**issue_data(issue), "pages": [page_ref(page, issue) for page in pages]}


@read(
    "/issues/{date}/pages/{int:number}",
    response={200: schemas.PageDetailOut, **ERRORS},
    tags=["期"],
)
def get_page(request, date: str, number: int):
    """一版：本版已发布的文章，按版内顺序（含导读）。"""
    issue = errors.found(Issue.objects.published(), "没有这一期", date=parse_issue_date(date))
    page = errors.found(issue.pages, "本期没有这一版", number=number)
    articles = articles_for_api(
        Article.objects.published().filter(page=page).select_related("teaser_target__issue")
    ).order_by("position")
    return {
        "issue": issue_data(issue),
        **page_ref(page, issue),
        "articles": [article_data(a, detail=True) for a in articles],
    }


# ---------------------------------------------------------------- articles


class ArticleFilters(Schema):
    """The site's article-list filters (articles/filters.py), with the same meaning."""

    q: str = Field("", description="关键词（全文检索）")
    region: str = Field("", description="地区 slug，含下辖县（市、区），如 huzhou")
    topic: str = Field("", description="专题 slug")
    person: str = Field("", description="人物的姓名或 slug")
    source: str = Field("", description="来源，如 本报、浙江日报")
    kind: str = Field("", description="类型：article / photo / brief")
    date_from: str = Field("", description="起始日期（含），如 2025-01-01")
    date_to: str = Field("", description="截止日期（含）")


@read("/articles", response={200: schemas.ArticlePage, **ERRORS}, tags=["文章"])
def list_articles(
    request,
    filters: Query[ArticleFilters],
    after: str = Query("", description="翻页位置：此篇之后（更早）"),
    before: str = Query("", description="翻页位置：此篇之前（较新）"),
    size: int = Query(20, ge=1, le=100, description="每页篇数"),
):
    """已发布的文章（不含导读），从新到旧、按版面顺序，可筛选。"""
    data = {name: value for name, value in filters.dict().items() if value}
    filterset = ArticleFilter(
        data, queryset=Article.objects.published().exclude(kind=Article.Kind.TEASER)
    )
    if not filterset.is_valid():
        raise HttpError(400, "筛选条件无效：" + errors.form_errors(filterset.errors))
    matching = filterset.qs
    articles, next_url, previous_url = article_page(
        request, articles_for_api(matching), after=after, before=before, size=size
    )
    key = f"api-count:{sorted(data.items())}"
    total = cached_until_changed(key, lambda: bounded_count(matching))
    return {
        "count": min(total, COUNT_LIMIT),
        "count_capped": total > COUNT_LIMIT,
        "count_limit": COUNT_LIMIT,
        "next": next_url,
        "previous": previous_url,
        "results": [article_data(a) for a in articles],
    }


@read(
    "/articles/{int:article_id}",
    response={200: schemas.ArticleDetailOut, **ERRORS},
    tags=["文章"],
)
def get_article(request, article_id: int):
    """一篇文章：正文、署名与文中人物（职务照录原文）、地区（主要地区在前）、专题。"""
    articles = articles_for_api(Article.objects.published()).select_related("teaser_target__issue")
    article = errors.found(articles, "没有这篇文章", pk=article_id)
    return article_data(article, detail=True)


# ---------------------------------------------------------------- people


@read("/people", response={200: schemas.PersonPage, **ERRORS}, tags=["人物"])
def list_people(request, page: int = Query(1, ge=1, description="页码")):
    """在已发布文章中出现的人物：委员、记者、通讯员、其他，每页 200 人。"""
    directory = cached_until_changed("people-directory", people_directory)
    paginator = Paginator(directory, PEOPLE_PER_PAGE)
    if page > paginator.num_pages:
        raise HttpError(400, f"没有第 {page} 页（共 {paginator.num_pages} 页）")
    shown = paginator.page(page)
    people = Person.objects.select_related("region").in_bulk([pk for pk, _ in shown])
    return {
        "count": paginator.count,
        "next": page_url(request, page=str(page + 1)) if shown.has_next() else None,
        "previous": page_url(request, page=str(page - 1)) if shown.has_previous() else None,
        "results": [person_data(people[pk], count) for pk, count in shown if pk in people],
    }


@read("/people/{slug}", response={200: schemas.PersonOut, **ERRORS}, tags=["人物"])
def get_person(request, slug: str):
    """一位在已发布文章中出现的人物。

    只在草稿中出现的人物视为不存在；其文章见 /api/articles?person=slug。
    """
    person = errors.found(Person.objects.select_related("region"), "没有这个人物", slug=slug)
    count = Article.objects.published().with_person(person).count()
    if not count:  # named in drafts only: answered as if unknown, so nothing leaks
        raise HttpError(404, "没有这个人物")
    return person_data(person, count)


def person_data(person: Person, article_count: int) -> dict:
    return {
        **person_ref(person),
        "title": person.title,
        "organisation": person.organisation,
        "region": region_ref(person.region) if person.region_id else None,
        "url": person.get_absolute_url(),
        "article_count": article_count,
    }


# ---------------------------------------------------------------- regions and topics


@read("/regions", response=list[schemas.RegionOut], tags=["地区与专题"])
def list_regions(request):
    """浙江省、各地级市及其县（市、区），按行政区划代码排列。"""
    regions = Region.objects.select_related("parent").order_by("code")
    return [
        {
            **region_ref(r),
            "code": r.code,
            "level": r.level,
            "parent": r.parent.slug if r.parent_id else None,
        }
        for r in regions
    ]


@read("/topics", response=list[schemas.TopicOut], tags=["地区与专题"])
def list_topics(request):
    """全部专题及其已发布文章数。"""
    counts = cached_until_changed("topic-article-counts", topic_article_counts)
    return [
        {
            "slug": t.slug,
            "name": t.name,
            "description": t.description,
            "article_count": counts.get(t.pk, 0),
        }
        for t in Topic.objects.order_by("name")
    ]

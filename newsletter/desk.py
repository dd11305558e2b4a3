"""The editors' desk: the admin site, whose index shows what is waiting for an editor."""

from dataclasses import dataclass, field

from django.contrib import admin
from django.db.models import Count
from django.urls import reverse

# Each panel of the index lists this many rows, with a link to all of them.
DESK_ROWS = 10


@dataclass
class DeskRow:
    label: str
    url: str
    note: str = ""


@dataclass
class DeskPanel:
    title: str
    all_url: str
    empty: str
    rows: list[DeskRow] = field(default_factory=list)
    more: bool = False  # more rows than shown


def _panel(title, changelist, query, empty, objects, row) -> DeskPanel:
    shown = list(objects[: DESK_ROWS + 1])
    return DeskPanel(
        title=title,
        all_url=reverse(changelist) + query,
        empty=empty,
        rows=[row(obj) for obj in shown[:DESK_ROWS]],
        more=len(shown) > DESK_ROWS,
    )


def _issue_row(issue) -> DeskRow:
    return DeskRow(
        label=str(issue),
        url=reverse("admin:newsletter_issue_change", args=[issue.pk]),
        note=f"{issue.get_status_display()} · {issue.num_articles} 篇",
    )


def _article_row(article) -> DeskRow:
    return DeskRow(
        label=article.title,
        url=reverse("admin:articles_article_change", args=[article.pk]),
        note=f"{article.issue_date:%Y-%m-%d} 第{article.page_number}版",
    )


def desk_panels(user) -> list[DeskPanel]:
    """What waits for an editor, each panel one query, shown only to who may see its rows."""
    from articles.models import Article

    from .models import Issue

    panels = []
    issues = Issue.objects.annotate(num_articles=Count("articles"))
    articles = Article.objects.only("title", "issue_date", "page_number", "position")
    if user.has_perm("newsletter.view_issue"):
        panels.append(
            _panel(
                "最新各期",
                "admin:newsletter_issue_changelist",
                "",
                "尚无一期。",
                issues.order_by("-date"),
                _issue_row,
            )
        )
    if user.has_perm("articles.view_article"):
        panels.append(
            _panel(
                "待审文章",
                "admin:articles_article_changelist",
                f"?status__exact={Article.Status.REVIEW}",
                "没有等待审核的文章。",
                articles.filter(status=Article.Status.REVIEW).newest_first(),
                _article_row,
            )
        )
    if user.has_perm("newsletter.view_issue"):
        panels.append(
            _panel(
                "出版日期待确认",
                "admin:newsletter_issue_changelist",
                "?date_confirmed__exact=0",
                "所有各期的日期均已确认。",
                issues.filter(date_confirmed=False).order_by("-date"),
                _issue_row,
            )
        )
    if user.has_perm("articles.view_article"):
        panels.append(
            _panel(
                "导读占位（等待所在版面导入）",
                "admin:articles_article_changelist",
                "?placeholder=1",
                "没有等待版面的导读占位。",
                articles.placeholders().newest_first(),
                _article_row,
            )
        )
    return panels


class DeskSite(admin.AdminSite):
    site_header = "同心苑 编辑部"
    site_title = "同心苑"
    index_title = "内容管理"

    def index(self, request, extra_context=None):
        context = {"desk_panels": desk_panels(request.user), **(extra_context or {})}
        return super().index(request, context)

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import BooleanField, Count, ExpressionWrapper, Prefetch, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.views.decorators.http import require_POST

from articles import workflow
from articles.models import Article
from articles.services import article_move, articles_replace

from .admin_history import HistoryAdmin
from .admin_import import import_view
from .models import Issue, Page, Region


class PageInline(admin.TabularInline):
    model = Page
    extra = 0
    fields = ["number", "section", "source_file", "encoding"]
    readonly_fields = ["source_file", "encoding"]
    ordering = ["number"]
    show_change_link = True


@admin.register(Issue)
class IssueAdmin(workflow.PublisherDeletes, HistoryAdmin):
    list_display = [
        "date",
        "number",
        "masthead",
        "status",
        "date_confirmed",
        "published_at",
        "article_count",
    ]
    list_filter = ["status", "date_confirmed"]
    search_fields = ["masthead", "number"]
    date_hierarchy = "date"
    inlines = [PageInline]
    actions = ["submit", "publish", "unpublish"]
    change_list_template = "admin/newsletter/issue/change_list.html"
    delete_permission = workflow.PUBLISH_ISSUE  # a published issue goes with its articles

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(num_articles=Count("articles"))

    @admin.display(description="文章数", ordering="num_articles")
    def article_count(self, obj):
        return obj.num_articles

    def get_urls(self):
        view = self.admin_site.admin_view(self.import_view)
        reorder = self.admin_site.admin_view(require_POST(self.reorder_view))
        return [
            path("import/", view, name="newsletter_issue_import"),
            path("<int:object_id>/reorder/", reorder, name="newsletter_issue_reorder"),
            *super().get_urls(),
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        context = dict(extra_context or {})
        if object_id.isdigit():
            context["print_order"] = Page.objects.filter(issue_id=object_id).prefetch_related(
                Prefetch(
                    "articles",
                    queryset=Article.objects.only("page", "position", "kind", "title", "status")
                    .annotate(no_text=ExpressionWrapper(Q(body=""), output_field=BooleanField()))
                    .order_by("position"),
                )
            )
            context["can_reorder"] = request.user.has_perm("articles.change_article")
        return super().change_view(request, object_id, form_url, extra_context=context)

    def reorder_view(self, request, object_id):
        """Move one article up or down on its page (the buttons of the print-order list)."""
        if not request.user.has_perm("articles.change_article"):
            raise PermissionDenied
        article_id, _, direction = request.POST.get("move", "").partition(":")
        offset = {"up": -1, "down": 1}.get(direction)
        if offset is None or not article_id.isdigit():
            raise Http404("无此调整")
        article = get_object_or_404(Article.objects.only("page"), pk=article_id, issue_id=object_id)
        if not article_move(article=article, offset=offset, user=request.user):
            self.message_user(request, "已在本版最前或最后，未调整。", messages.WARNING)
        url = reverse("admin:newsletter_issue_change", args=[object_id])
        return redirect(f"{url}#article-{article.pk}")

    def import_view(self, request):
        """Import printed pages: upload, preview, confirm (admin_import)."""
        return import_view(self, request)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # The date or a page number may have changed: articles keep copies of both.
        articles_replace(pages=form.instance.pages.all())

    def get_readonly_fields(self, request, obj=None):
        # Issues are published and withdrawn only by the actions below.
        if workflow.may_publish_issues(request.user):
            return ["status"]
        return ["status", "published_at"]

    def has_submit_permission(self, request):
        return request.user.has_perm(workflow.EDIT)

    def has_publish_permission(self, request):
        return workflow.may_publish_issues(request.user)

    def has_unpublish_permission(self, request):
        return request.user.has_perm(workflow.PUBLISH_ISSUE)

    @admin.action(description="提交审核所选期的草稿", permissions=["submit"])
    def submit(self, request, queryset):
        count = workflow.issues_submit(user=request.user, issues=queryset)
        self.message_user(request, f"已提交审核 {count} 篇文章。")

    @admin.action(description="发布所选期（连同其中待审的文章）", permissions=["publish"])
    def publish(self, request, queryset):
        issues, articles = workflow.issues_publish(user=request.user, issues=queryset)
        self.message_user(request, f"已发布 {issues} 期、其中待审的文章 {articles} 篇。")

    @admin.action(description="撤回所选期（设为草稿）", permissions=["unpublish"])
    def unpublish(self, request, queryset):
        count = workflow.issues_unpublish(user=request.user, issues=queryset)
        self.message_user(request, f"已撤回 {count} 期。")


class PageArticleInline(admin.TabularInline):
    model = Article
    fk_name = "page"
    extra = 0
    fields = ["position", "kind", "title", "status"]
    readonly_fields = ["status"]  # moved only through articles.workflow
    ordering = ["position"]
    show_change_link = True


@admin.register(Page)
class PageAdmin(HistoryAdmin):
    list_display = ["__str__", "issue", "number", "section", "encoding"]
    list_filter = ["issue__date", "section"]
    list_select_related = ["issue"]
    search_fields = ["section", "source_file"]
    readonly_fields = ["source_file", "encoding", "sha256"]
    autocomplete_fields = ["issue"]
    inlines = [PageArticleInline]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        articles_replace(pages=Page.objects.filter(pk=form.instance.pk))


class ChildRegionInline(admin.TabularInline):
    model = Region
    fk_name = "parent"
    extra = 0
    fields = ["code", "name", "short_name", "slug", "level"]
    show_change_link = True


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "code", "level", "parent", "match_short"]
    list_filter = ["level", ("parent", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["parent"]
    search_fields = ["name", "short_name", "aliases", "code"]
    autocomplete_fields = ["parent"]
    inlines = [ChildRegionInline]

    def has_delete_permission(self, request, obj=None):
        # Articles and people point at regions; the gazetteer is never pruned by hand.
        return False

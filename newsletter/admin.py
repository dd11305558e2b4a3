from django.contrib import admin
from django.urls import path

from articles.models import Article
from articles.services import articles_replace, issues_publish, issues_unpublish

from .admin_import import import_view
from .models import Issue, Page, Region


class PageInline(admin.TabularInline):
    model = Page
    extra = 0
    fields = ["number", "section", "source_file", "encoding"]
    readonly_fields = ["source_file", "encoding"]
    ordering = ["number"]
    show_change_link = True


class IssueArticleInline(admin.TabularInline):
    model = Article
    fk_name = "issue"
    extra = 0
    fields = ["page", "position", "kind", "title", "status"]
    ordering = ["page__number", "position"]
    show_change_link = True

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("page")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        # Only this issue's pages, not every page of the archive.
        if db_field.name == "page" and request.resolver_match.kwargs.get("object_id"):
            kwargs["queryset"] = Page.objects.filter(
                issue_id=request.resolver_match.kwargs["object_id"]
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Issue)
class IssueAdmin(admin.ModelAdmin):
    list_display = ["date", "number", "masthead", "status", "date_confirmed", "published_at"]
    list_filter = ["status", "date_confirmed"]
    search_fields = ["masthead", "number"]
    date_hierarchy = "date"
    inlines = [PageInline, IssueArticleInline]
    actions = ["publish", "unpublish"]
    change_list_template = "admin/newsletter/issue/change_list.html"

    def get_urls(self):
        view = self.admin_site.admin_view(self.import_view)
        return [path("import/", view, name="newsletter_issue_import"), *super().get_urls()]

    def import_view(self, request):
        """Import printed pages: upload, preview, confirm (admin_import)."""
        return import_view(self, request)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # The date or a page number may have changed: articles keep copies of both.
        articles_replace(pages=form.instance.pages.all())

    @admin.action(description="发布所选期（连同其中的文章）", permissions=["change"])
    def publish(self, request, queryset):
        count = issues_publish(issues=queryset)
        self.message_user(request, f"已发布 {count} 期。")

    @admin.action(description="撤回所选期（设为草稿）", permissions=["change"])
    def unpublish(self, request, queryset):
        count = issues_unpublish(issues=queryset)
        self.message_user(request, f"已撤回 {count} 期。")


class PageArticleInline(admin.TabularInline):
    model = Article
    fk_name = "page"
    extra = 0
    fields = ["position", "kind", "title", "status"]
    ordering = ["position"]
    show_change_link = True


@admin.register(Page)
class PageAdmin(admin.ModelAdmin):
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

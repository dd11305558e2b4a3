from django.contrib import admin
from taggit.models import Tag

from newsletter.admin_history import HistoryAdmin
from people.models import Credit

from .models import Article, ArticleRegion, TaggedArticle, Topic
from .search import article_index
from .services import articles_publish, articles_unpublish


class CreditInline(admin.TabularInline):
    model = Credit
    extra = 0
    fields = ["order", "person", "role", "title"]
    ordering = ["order"]
    autocomplete_fields = ["person"]


class ArticleRegionInline(admin.TabularInline):
    model = ArticleRegion
    extra = 0
    autocomplete_fields = ["region"]


class TopicInline(admin.TabularInline):
    model = TaggedArticle
    extra = 0
    autocomplete_fields = ["tag"]
    verbose_name = "专题"
    verbose_name_plural = "专题"


@admin.register(Article)
class ArticleAdmin(HistoryAdmin):
    list_display = ["title", "issue", "page", "position", "kind", "source", "status"]
    list_display_links = ["title"]
    list_filter = [
        "status",
        "kind",
        "source",
        "issue__date",
        ("regions", admin.RelatedOnlyFieldListFilter),
        ("tagged_items__tag", admin.RelatedOnlyFieldListFilter),
    ]
    list_select_related = ["issue", "page"]
    search_fields = ["title", "subtitle", "kicker", "body", "credits__person__name"]
    date_hierarchy = "issue__date"
    autocomplete_fields = ["page", "teaser_target"]
    exclude = ["topics"]
    inlines = [CreditInline, ArticleRegionInline, TopicInline]
    actions = ["publish", "unpublish"]
    fieldsets = [
        (None, {"fields": ["page", "position", "kind", "status", "published_at"]}),
        ("标题", {"fields": ["kicker", "title", "subtitle"]}),
        ("来源", {"fields": ["source", "is_reprint", "dateline"]}),
        ("正文", {"fields": ["body", "teaser_target"]}),
    ]

    @admin.action(description="发布所选文章", permissions=["change"])
    def publish(self, request, queryset):
        self.message_user(request, f"已发布 {articles_publish(articles=queryset)} 篇文章。")

    @admin.action(description="撤回所选文章（设为草稿）", permissions=["change"])
    def unpublish(self, request, queryset):
        self.message_user(request, f"已撤回 {articles_unpublish(articles=queryset)} 篇文章。")

    def save_model(self, request, obj, form, change):
        if change:
            # Remember what editors corrected by hand, so a re-import keeps it.
            obj.edited_fields = sorted(set(obj.edited_fields) | set(form.changed_data))
        super().save_model(request, obj, form, change)
        article_index(obj)


@admin.register(Topic)
class TopicAdmin(HistoryAdmin):
    list_display = ["name", "slug", "keywords"]
    search_fields = ["name", "keywords"]


# Topics are the project's tags; taggit's own Tag model holds nothing here.
admin.site.unregister(Tag)

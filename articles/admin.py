from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ActionForm
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path
from django.utils.decorators import method_decorator
from django.views.decorators.http import require_POST
from taggit.models import Tag

from newsletter.admin_history import HistoryAdmin
from people.models import Credit

from . import workflow
from .models import Article, ArticleRegion, TaggedArticle, Topic
from .search import article_index


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


class WorkflowActionForm(ActionForm):
    note = forms.CharField(label="退回意见", required=False)


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
    action_form = WorkflowActionForm
    change_form_template = "admin/articles/article/change_form.html"
    fieldsets = [
        (None, {"fields": ["page", "position", "kind", "status", "published_at", "review_note"]}),
        ("标题", {"fields": ["kicker", "title", "subtitle"]}),
        ("来源", {"fields": ["source", "is_reprint", "dateline"]}),
        ("正文", {"fields": ["body", "teaser_target"]}),
    ]

    def get_readonly_fields(self, request, obj=None):
        # The status moves only through articles.workflow; when an article goes public
        # (published_at, a future time schedules it) is the publisher's decision too.
        if request.user.has_perm(workflow.PUBLISH):
            return ["status", "review_note"]
        return ["status", "published_at", "review_note"]

    def get_urls(self):
        view = self.admin_site.admin_view(self.transition_view)
        url = path(
            "<path:object_id>/transition/<str:name>/", view, name="articles_article_transition"
        )
        return [url, *super().get_urls()]

    @method_decorator(require_POST)
    def transition_view(self, request, object_id, name):
        """One article's transition, from a button on its change page."""
        article = self.get_object(request, object_id)
        if article is None:
            raise Http404
        if not self.has_change_permission(request, article):
            raise PermissionDenied
        try:
            moved = workflow.articles_transition(
                user=request.user,
                articles=Article.objects.filter(pk=article.pk),
                name=name,
                note=request.POST.get("note", ""),
            )
        except workflow.NoteRequired as refusal:
            self.message_user(request, str(refusal), messages.ERROR)
            return redirect("admin:articles_article_change", article.pk)
        label = workflow.TRANSITIONS[name].label
        if moved:
            self.message_user(request, f"已{label}：{article}。", messages.SUCCESS)
        else:
            self.message_user(
                request,
                f"“{article}”当前为{article.get_status_display()}，不能{label}。",
                messages.ERROR,
            )
        return redirect("admin:articles_article_change", article.pk)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context["transitions"] = workflow.transitions_for(request.user, obj) if obj else []
        return super().render_change_form(request, context, add, change, form_url, obj)

    def get_actions(self, request):
        actions = super().get_actions(request)
        for transition in workflow.allowed_transitions(request.user):
            actions[transition.name] = (
                self._transition_action(transition),
                transition.name,
                transition.action_label,
            )
        return actions

    def _transition_action(self, transition):
        def action(modeladmin, request, queryset):
            try:
                moved = workflow.articles_transition(
                    user=request.user,
                    articles=queryset,
                    name=transition.name,
                    note=request.POST.get("note", ""),
                )
            except (workflow.TransitionRefused, workflow.NoteRequired) as refusal:
                self.message_user(request, str(refusal), messages.ERROR)
                return
            skipped = queryset.count() - moved
            rest = f"；{skipped} 篇状态不符，未改动" if skipped else ""
            self.message_user(request, f"已{transition.label} {moved} 篇文章{rest}。")

        return action

    def changelist_view(self, request, extra_context=None):
        response = super().changelist_view(request, extra_context)
        action_form = getattr(response, "context_data", {}).get("action_form")
        if action_form and not request.user.has_perm(workflow.PUBLISH):
            del action_form.fields["note"]  # only 退回 takes a note
        return response

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

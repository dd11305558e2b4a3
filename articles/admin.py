from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ActionForm
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Exists, OuterRef, Q
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.decorators import method_decorator
from django.views.decorators.http import require_POST
from taggit.models import Tag

from newsletter.admin_history import HistoryAdmin
from people.models import Credit, Person

from . import workflow
from .models import Article, ArticleRegion, TaggedArticle, Topic
from .retagging import articles_retag, topics_merge
from .search import article_index, get_backend

# The re-tagging report lists this many changed articles; the count covers them all.
RETAG_REPORT_LIMIT = 200


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
    fields = ["tag", "source"]
    readonly_fields = ["source"]
    autocomplete_fields = ["tag"]
    verbose_name = "专题"
    verbose_name_plural = "专题"


class WorkflowActionForm(ActionForm):
    note = forms.CharField(label="退回意见", required=False)


class PersonFilter(admin.SimpleListFilter):
    """Articles crediting one person (?person=<id>), linked from the person's page."""

    title = "人物"
    parameter_name = "person"

    def lookups(self, request, model_admin):
        # Only the person asked for: the whole directory would be thousands of links.
        value = self.value()
        if not value:
            return []
        person = Person.objects.filter(pk=value).first() if value.isdigit() else None
        return [(value, person.name if person else "（无此人物）")]

    def queryset(self, request, queryset):
        value = self.value()
        if not value:
            return queryset
        if not value.isdigit():
            return queryset.none()
        return queryset.filter(
            Exists(Credit.objects.filter(article=OuterRef("pk"), person_id=value))
        )


class PlaceholderFilter(admin.SimpleListFilter):
    """Teasers' placeholders: articles with no text yet that teasers point at."""

    title = "导读占位"
    parameter_name = "placeholder"

    def lookups(self, request, model_admin):
        return [("1", "等待版面导入")]

    def queryset(self, request, queryset):
        if self.value() == "1":
            return queryset.placeholders()
        return queryset


@admin.register(Article)
class ArticleAdmin(workflow.PublisherDeletes, HistoryAdmin):
    list_display = ["title", "issue", "page", "position", "kind", "source", "status"]
    list_display_links = ["title"]
    list_filter = [
        "status",
        "kind",
        "source",
        "issue_date",
        # Every region and topic: "only those used" would scan the archive on each page.
        "regions",
        "tagged_items__tag",
        PlaceholderFilter,
        PersonFilter,
    ]
    list_select_related = ["issue", "page"]
    search_fields = ["title", "subtitle", "kicker", "body"]  # and bylines: get_search_results
    # No date_hierarchy: it would run a search twice more (range, then years); the
    # issue_date filter does its work.
    delete_permission = workflow.PUBLISH
    show_full_result_count = False  # a second count of the whole archive on every search
    autocomplete_fields = ["page", "teaser_target"]
    exclude = ["topics"]
    inlines = [CreditInline, ArticleRegionInline, TopicInline]
    action_form = WorkflowActionForm
    change_form_template = "admin/articles/article/change_form.html"
    actions = ["retag"]
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

    @admin.action(description="按当前关键词重新标注专题", permissions=["change"])
    def retag(self, request, queryset):
        report = articles_retag(articles=queryset, user=request.user)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": "重新标注专题",
            "report": report,
            "shown": report.changes[:RETAG_REPORT_LIMIT],
        }
        return TemplateResponse(request, "admin/articles/article/retag_report.html", context)

    def get_search_fields(self, request):
        if get_backend().name == "substring":
            return self.search_fields
        # The body is searched through the full-text index (get_search_results).
        return [f for f in self.search_fields if f != "body"]

    def get_search_results(self, request, queryset, search_term):
        results, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        term = search_term.strip()
        if not term:
            return results, may_have_duplicates
        # People's names through the small people table, not a join of every credit.
        credited = Credit.objects.filter(person__name__icontains=term).values("article_id")
        found = Q(pk__in=results.values("pk")) | Q(pk__in=credited)
        backend = get_backend()
        # One character would mean a substring scan of every body: titles and names only.
        if backend.name != "substring" and len(term) > 1:
            found |= Q(pk__in=backend.match(queryset, term).values("pk"))
        return queryset.filter(found), False

    def save_formset(self, request, form, formset, change):
        if formset.model is TaggedArticle:
            # A topic the editor adds or changes here is theirs: re-tagging leaves it alone.
            for row in formset.save(commit=False):
                row.source = TaggedArticle.Source.MANUAL
                row.save()
            for row in formset.deleted_objects:
                row.delete()
            return
        super().save_formset(request, form, formset, change)

    def save_model(self, request, obj, form, change):
        if change:
            # Remember what editors corrected by hand, so a re-import keeps it.
            obj.edited_fields = sorted(set(obj.edited_fields) | set(form.changed_data))
        super().save_model(request, obj, form, change)
        article_index(obj)


@admin.register(Topic)
class TopicAdmin(HistoryAdmin):
    list_display = ["name", "slug", "keywords", "article_count"]
    search_fields = ["name", "keywords"]
    fields = ["name", "slug", "keywords", "description"]
    actions = ["merge"]

    def get_readonly_fields(self, request, obj=None):
        # A renamed topic keeps its address: links to /topics/<slug>/ keep working.
        return ["slug"] if obj else []

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(num_articles=Count("tagged_articles"))

    @admin.display(description="文章数", ordering="num_articles")
    def article_count(self, obj):
        return obj.num_articles

    @admin.action(description="合并所选专题", permissions=["change", "delete"])
    def merge(self, request, queryset):
        topics = list(queryset.order_by("-num_articles", "pk"))
        if len(topics) < 2:
            self.message_user(request, "合并需要至少勾选两个专题。", messages.WARNING)
            return None
        if request.POST.get("keep"):
            keep = next((t for t in topics if str(t.pk) == request.POST["keep"]), None)
            if keep is None:
                self.message_user(request, "要保留的专题不在所选之中。", messages.ERROR)
                return None
            others = [t for t in topics if t.pk != keep.pk]
            gained = topics_merge(keep=keep, others=others, user=request.user)
            names = "、".join(t.name for t in others)
            self.message_user(
                request,
                f"已将 {names} 合并到 {keep.name}，新增 {gained} 篇文章的标注。",
                messages.SUCCESS,
            )
            return None
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": "合并专题",
            "topics": topics,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/articles/topic/merge.html", context)


# Topics are the project's tags; taggit's own Tag model holds nothing here.
admin.site.unregister(Tag)

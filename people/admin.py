from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse

from newsletter.admin_history import HistoryAdmin

from .models import Credit, Person
from .services import people_merge, person_split

# A person's change page lists this many credits a page; all of them are in the article list.
CREDITS_PER_PAGE = 50
# The split page lists this many of a person's credits, newest first.
SPLIT_LIST_LIMIT = 500


class PersonSplitForm(forms.Form):
    name = forms.CharField(label="新人物姓名", max_length=32)
    title = forms.CharField(label="新人物现任职务", max_length=200, required=False)
    credits = forms.ModelMultipleChoiceField(
        label="移到新人物的署名", queryset=Credit.objects.none()
    )

    def __init__(self, *args, person: Person, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["credits"].queryset = person.credits.all()
        self.fields["credits"].error_messages["required"] = "请至少勾选一条署名。"
        self.fields["credits"].error_messages["invalid_choice"] = "所选署名不属于此人物。"


@admin.register(Person)
class PersonAdmin(HistoryAdmin):
    list_display = ["name", "kind", "title", "region", "credit_count"]
    list_filter = ["kind", ("region", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["region"]
    search_fields = ["name", "title", "organisation"]
    autocomplete_fields = ["region"]
    actions = ["merge"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(num_credits=Count("credits"))

    @admin.display(description="出现次数", ordering="num_credits")
    def credit_count(self, obj):
        return obj.num_credits

    def get_urls(self):
        split = self.admin_site.admin_view(self.split_view)
        route = path("<int:object_id>/split/", split, name="people_person_split")
        return [route, *super().get_urls()]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        person = self.get_object(request, object_id)
        context = dict(extra_context or {})
        if person is not None:
            context.update(self._credits_context(request, person))
        return super().change_view(request, object_id, form_url, extra_context=context)

    def _credits_context(self, request, person: Person) -> dict:
        """One page of the person's credits, newest first, each with its article and issue."""
        credits = (
            Credit.objects.filter(person=person)
            .select_related("article")
            .only(
                "article",
                "role",
                "title",
                "article__title",
                "article__issue_date",
                "article__page_number",
                "article__position",
            )
            .order_by("-article__issue_date", "article__page_number", "article__position", "pk")
        )
        page = Paginator(credits, CREDITS_PER_PAGE).get_page(request.GET.get("credits_page"))
        return {
            "credits_page": page,
            "credits_articles_url": reverse("admin:articles_article_changelist")
            + f"?person={person.pk}",
            "can_split": self.has_change_permission(request, person),
        }

    @admin.action(description="合并所选人物（同一人的重复条目）", permissions=["change", "delete"])
    def merge(self, request, queryset):
        people = list(queryset.order_by("-num_credits", "pk"))
        if len(people) < 2:
            self.message_user(request, "合并需要至少勾选两位人物。", messages.WARNING)
            return None
        if request.POST.get("keep"):
            keep = next((p for p in people if str(p.pk) == request.POST["keep"]), None)
            if keep is None:
                self.message_user(request, "要保留的人物不在所选之中。", messages.ERROR)
                return None
            others = [p for p in people if p.pk != keep.pk]
            moved = people_merge(keep=keep, others=others, user=request.user)
            names = "、".join(p.name for p in others)
            self.message_user(
                request, f"已将 {names} 合并到 {keep.name}，移交署名 {moved} 条。", messages.SUCCESS
            )
            return None
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": "合并人物",
            "people": people,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/people/person/merge.html", context)

    def split_view(self, request, object_id):
        """Move some of a person's credits onto a new person."""
        person = get_object_or_404(Person, pk=object_id)
        if not (self.has_change_permission(request, person) and self.has_add_permission(request)):
            raise PermissionDenied
        form = PersonSplitForm(request.POST or None, person=person, initial={"name": person.name})
        if request.method == "POST" and form.is_valid():
            new = person_split(
                person=person,
                credits=form.cleaned_data["credits"],
                name=form.cleaned_data["name"],
                title=form.cleaned_data["title"],
                user=request.user,
            )
            self.message_user(
                request,
                f"已将 {len(form.cleaned_data['credits'])} 条署名移到新人物 {new.name}。",
                messages.SUCCESS,
            )
            return redirect("admin:people_person_change", new.pk)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": person,
            "title": f"拆分人物：{person.name}",
            "form": form,
            "credits": person.credits.select_related("article").order_by(
                "-article__issue_date", "article__page_number", "article__position", "pk"
            )[:SPLIT_LIST_LIMIT],
            "credit_count": person.credits.count(),
            "limit": SPLIT_LIST_LIMIT,
            "checked": {str(pk) for pk in request.POST.getlist("credits")},
        }
        return TemplateResponse(request, "admin/people/person/split.html", context)

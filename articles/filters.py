"""The article list's filters: query strings in, queryset filters out (never a write).

Every value arrives from a URL a reader may have typed, shared or mangled, so each
field validates: an unknown region or topic, an impossible date or an overlong
text make the form invalid, and the view (strict) shows an empty result with the
errors instead of failing.
"""

import datetime
import re

import django_filters
from django import forms
from django.db.models import Exists, OuterRef, Q
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join

from articles.models import Article, Topic
from articles.search import articles_matching
from newsletter.models import Region
from newsletter.page_cache import cached_until_changed
from people.models import Credit

Q_MAX_LENGTH = 100
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
PERSON_MAX_LENGTH = 64


class QuickSelect(forms.Select):
    """A <select> built in Python: rendering each of 100 regions' <option> through the
    template engine cost more than the rest of the list page."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (option["value"], " selected" if option["selected"] else "", option["label"])
                for _, group, _ in widget["optgroups"]
                for option in group
            ),
        )
        return format_html(
            '<select name="{}"{}>{}</select>', name, flatatt(widget["attrs"]), options
        )


class RegionChoiceField(forms.ModelChoiceField):
    """Regions in code order (province, city, its counties …), counties indented."""

    def label_from_instance(self, obj: Region) -> str:
        if obj.level == Region.Level.COUNTY:
            return f"\u3000\u3000{obj.name}"
        if obj.level == Region.Level.CITY:
            return f"\u3000{obj.name}"
        return obj.name


class RegionFilter(django_filters.ModelChoiceFilter):
    field_class = RegionChoiceField


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")

    def format_value(self, value):
        # A date input may only hold an ISO date: an invalid one (2025-13-40) is not
        # echoed back into the input (the form shows the error instead).
        value = super().format_value(value)
        if isinstance(value, str) and value:
            if not ISO_DATE.fullmatch(value):
                return None
            try:
                datetime.date.fromisoformat(value)
            except ValueError:
                return None
        return value


def sources() -> list[tuple[str, str]]:
    """The outlets of public articles: a scan of the whole archive, so cached until it changes."""
    found = (
        Article.objects.published()
        .exclude(source="")
        .order_by("source")
        .values_list("source", flat=True)
        .distinct()
    )
    return [(s, s) for s in found]


class ArticleFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label="关键词",
        method="filter_text",
        max_length=Q_MAX_LENGTH,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    region = RegionFilter(
        label="地区",
        queryset=Region.objects.all(),
        to_field_name="slug",
        empty_label="全部地区",
        method="filter_region",
        widget=QuickSelect,
    )
    topic = django_filters.ModelChoiceFilter(
        label="专题",
        queryset=Topic.objects.all(),
        to_field_name="slug",
        empty_label="全部专题",
        method="filter_topic",
        widget=QuickSelect,
    )
    person = django_filters.CharFilter(
        label="人物",
        method="filter_person",
        max_length=PERSON_MAX_LENGTH,
        help_text="姓名或网址名",
    )
    source = django_filters.ChoiceFilter(
        label="来源", choices=(), empty_label="全部来源", widget=QuickSelect
    )
    kind = django_filters.ChoiceFilter(
        label="类型",
        choices=[c for c in Article.Kind.choices if c[0] != Article.Kind.TEASER],
        empty_label="全部类型",
        widget=QuickSelect,
    )
    date_from = django_filters.DateFilter(
        label="起始日期", field_name="issue_date", lookup_expr="gte", widget=DateInput
    )
    date_to = django_filters.DateFilter(
        label="截止日期", field_name="issue_date", lookup_expr="lte", widget=DateInput
    )

    class Meta:
        model = Article
        fields = ["q", "region", "topic", "person", "source", "kind", "date_from", "date_to"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["source"].extra["choices"] = cached_until_changed("article-sources", sources)
        # The region and topic menus as plain (slug, label) pairs, cached; choosing one
        # still looks it up by slug, so an unknown slug stays a form error.
        for name in ("region", "topic"):
            field = self.form.fields[name]
            field.widget.choices = cached_until_changed(
                f"{name}-choices",
                lambda field=field: [(str(v), label) for v, label in field.choices],
            )

    def filter_region(self, queryset, name, value):
        return queryset.in_region(value)

    def filter_topic(self, queryset, name, value):
        return queryset.with_topic(value)

    def filter_person(self, queryset, name, value):
        value = value.strip()
        credits = Credit.objects.filter(article=OuterRef("pk")).filter(
            Q(person__slug=value) | Q(person__name=value)
        )
        return queryset.filter(Exists(credits))

    def filter_text(self, queryset, name, value):
        return articles_matching(value, queryset)

    @property
    def active_count(self) -> int:
        """How many filters the reader set (0 for an unbound or invalid form)."""
        if not self.is_bound or not self.form.is_valid():
            return 0
        return sum(1 for v in self.form.cleaned_data.values() if v not in (None, ""))

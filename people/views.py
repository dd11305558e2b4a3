"""People pages: who appears in the paper, and every public article each appears in."""

from django.db.models import Case, Count, Exists, IntegerField, OuterRef, Prefetch, Value, When
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.views.generic import ListView

from articles.models import Article
from newsletter.page_cache import cached_until_changed
from newsletter.paging import KeysetPaginationMixin
from newsletter.views import ForgivingPaginationMixin, is_staff, listed

from .models import Credit, Person

KIND_ORDER = [
    Person.Kind.MEMBER,
    Person.Kind.REPORTER,
    Person.Kind.CORRESPONDENT,
    Person.Kind.OTHER,
]


class PersonListView(ForgivingPaginationMixin, ListView):
    """Members, reporters, correspondents and others who appear in public articles."""

    template_name = "people/person_list.html"
    context_object_name = "people"
    paginate_by = 200

    def get_queryset(self):
        kind_rank = Case(
            *[When(kind=kind, then=Value(i)) for i, kind in enumerate(KIND_ORDER)],
            default=Value(len(KIND_ORDER)),
            output_field=IntegerField(),
        )
        public = Credit.objects.filter(
            person=OuterRef("pk"), article__in=Article.objects.published()
        )
        return (
            Person.objects.filter(Exists(public))
            .annotate(kind_rank=kind_rank)
            .order_by("kind_rank", "name", "pk")
        )

    def get_paginator(self, queryset, per_page, **kwargs):
        paginator = super().get_paginator(queryset, per_page, **kwargs)
        # Who has public articles is a semi-join over every credit: counted once per change.
        paginator.count = cached_until_changed("people-with-articles", queryset.count)
        return paginator

    def get_context_data(self, **kwargs):
        """Article counts for the people shown only: counting everyone's would read every credit."""
        context = super().get_context_data(**kwargs)
        people = context["people"] = list(context["people"])
        counts = dict(
            Credit.objects.filter(person__in=people, article__in=Article.objects.published())
            .values_list("person")
            .annotate(count=Count("article", distinct=True))
        )
        for person in people:
            person.article_count = counts.get(person.pk, 0)
        return context


class PersonDetailView(KeysetPaginationMixin, ListView):
    """A person and the public articles they appear in, with the title they held then.

    A person who appears in no public article is a 404 to readers (their name
    would otherwise leak from a draft); staff see the page with a 预览 banner.
    """

    template_name = "people/person_detail.html"
    context_object_name = "articles"

    def get_queryset(self):
        self.person = get_object_or_404(
            Person.objects.select_related("region"), slug=self.kwargs["slug"]
        )
        return listed(
            Article.objects.published()
            .with_person(self.person)
            .newest_first()
            .prefetch_related(
                Prefetch(
                    "credits",
                    queryset=Credit.objects.filter(person=self.person).order_by("order", "pk"),
                    to_attr="person_credits",
                )
            )
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if not context["total"] and not is_staff(self.request):
            raise Http404("没有这个人物的公开文章")
        context["person"] = self.person
        context["preview"] = not context["total"]
        return context

"""People pages: who appears in the paper, and every public article each appears in."""

from django.db.models import Case, Count, IntegerField, Prefetch, Q, Value, When
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
        return cached_until_changed("people-directory", people_directory)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        shown = context["people"]  # (id, count) pairs of this page
        people = Person.objects.in_bulk([pk for pk, _ in shown])
        context["people"] = [people[pk] for pk, _ in shown if pk in people]
        for person, (_, count) in zip(context["people"], shown, strict=False):
            person.article_count = count
        return context


def people_directory() -> list[tuple[int, int]]:
    """(id, number of public articles) of everyone named in one, in directory order.

    Counting reads every credit of the archive: callers cache it until content changes.
    """
    kind_rank = Case(
        *[When(kind=kind, then=Value(i)) for i, kind in enumerate(KIND_ORDER)],
        default=Value(len(KIND_ORDER)),
        output_field=IntegerField(),
    )
    public = Q(credits__article__in=Article.objects.published())
    return list(
        Person.objects.annotate(
            article_count=Count("credits__article", distinct=True, filter=public),
            kind_rank=kind_rank,
        )
        .filter(article_count__gt=0)
        .order_by("kind_rank", "name", "pk")
        .values_list("pk", "article_count")
    )


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

"""/search/: Chinese full-text search over public articles (the form, the results page).

A function view: it composes a form, a search (``articles.search``) and a page
of results. A query too long is a form error shown on a 400 page (a NUL never
gets here: newsletter/request_guards.py); an empty query shows the form;
nothing here can reach the database with what the reader typed except as
bound parameters.
"""

from django import forms
from django.core.paginator import Paginator
from django.shortcuts import render

from newsletter.paging import bounded_count, count_context
from newsletter.views import listed

from .models import Article
from .search import search_articles
from .search_tokens import MAX_QUERY_LENGTH

RESULTS_PER_PAGE = 20


class SearchForm(forms.Form):
    q = forms.CharField(
        label="搜索文章",
        required=False,
        max_length=MAX_QUERY_LENGTH,
        error_messages={"max_length": f"搜索词太长了，请不超过 {MAX_QUERY_LENGTH} 个字。"},
        widget=forms.TextInput(
            attrs={
                "type": "search",
                "placeholder": "标题、正文、人名、地名……",
                "autocomplete": "off",
                "enterkeyhint": "search",
            }
        ),
    )

    def clean_q(self) -> str:
        # Whitespace of any kind (full-width spaces included) separates words.
        return " ".join(self.cleaned_data["q"].split())


def public_articles():
    """What search looks through: public articles, teasers (导读) aside."""
    return Article.objects.published().exclude(kind=Article.Kind.TEASER)


def search(request):
    form = SearchForm(request.GET)
    context = {"form": form, "query": "", "page_obj": None, "articles": []}
    if not form.is_valid():
        return render(request, "articles/search.html", context, status=400)
    query = form.cleaned_data["q"]
    if query:
        results = search_articles(query, articles=public_articles())
        # The ranked ids (a hundred at most) in one query; only the page's rows in full.
        paginator = Paginator(list(results.articles.values_list("pk", flat=True)), RESULTS_PER_PAGE)
        page_obj = paginator.get_page(request.GET.get("page"))
        shown = listed(Article.objects.filter(pk__in=page_obj.object_list)).in_bulk()
        page_obj.object_list = [shown[pk] for pk in page_obj.object_list]
        total = bounded_count(results.matches)
        context.update(
            query=query,
            page_obj=page_obj,
            paginator=paginator,
            articles=results.decorate(page_obj.object_list),
            **count_context(total),
            ranked_only=total > results.ranked_limit,
            ranked_count=results.ranked_limit,
        )
    return render(request, "articles/search.html", context)

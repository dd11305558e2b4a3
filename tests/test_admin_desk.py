"""The desk: the admin index, an issue in print order with reordering, counts, Chinese search."""

import datetime
import re

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse

from articles.models import Article
from articles.search import reindex_articles
from newsletter.models import Issue
from tests.factories import (
    ArticleFactory,
    CreditFactory,
    IssueFactory,
    PageFactory,
    PersonFactory,
)

pytestmark = pytest.mark.django_db


def panel(html: str, title: str) -> str:
    """The index panel of that title, up to the next one."""
    start = html.index(title)
    end = html.find('class="module desk-panel"', start)
    return html[start : end if end != -1 else len(html)]


def test_index_shows_what_waits_for_an_editor(client, editor, django_assert_max_num_queries):
    newest = IssueFactory(date=datetime.date(2026, 3, 2))
    ArticleFactory.create_batch(2, page=PageFactory(issue=newest))
    unconfirmed = IssueFactory(date=datetime.date(2026, 1, 5), date_confirmed=False)
    waiting = ArticleFactory(title="待审的稿子", status=Article.Status.REVIEW)
    ArticleFactory(title="已发布的稿子")
    placeholder = ArticleFactory(title="等待第二版", body="", status=Article.Status.DRAFT)
    ArticleFactory(kind=Article.Kind.TEASER, title="导读", teaser_target=placeholder)
    ArticleFactory(title="空正文但无导读指向", body="")
    client.force_login(editor)
    with django_assert_max_num_queries(16):
        html = client.get(reverse("admin:index")).content.decode()
    latest = panel(html, "最新各期")
    assert latest.index("2026年3月2日") < latest.index("2026年1月5日")
    assert "已发布 · 2 篇" in latest
    review = panel(html, "待审文章")
    assert "待审的稿子" in review and "已发布的稿子" not in review
    assert reverse("admin:articles_article_change", args=[waiting.pk]) in review
    assert "?status__exact=review" in review
    dates = panel(html, "出版日期待确认")
    assert reverse("admin:newsletter_issue_change", args=[unconfirmed.pk]) in dates
    assert "2026年3月2日" not in dates and "?date_confirmed__exact=0" in dates
    placeholders = panel(html, "导读占位")
    assert "等待第二版" in placeholders and "空正文但无导读指向" not in placeholders
    assert "?placeholder=1" in placeholders


def test_index_panels_are_bounded_and_their_queries_fixed(
    client, editor, django_assert_max_num_queries
):
    for _ in range(12):
        ArticleFactory(status=Article.Status.REVIEW, page__issue__date_confirmed=False)
    client.force_login(editor)
    with django_assert_max_num_queries(16):
        html = client.get(reverse("admin:index")).content.decode()
    assert panel(html, "待审文章").count("<tr>") == 11  # ten rows and the link to all
    assert "还有更多" in panel(html, "出版日期待确认")


def test_index_says_when_nothing_waits(client, editor):
    client.force_login(editor)
    html = client.get(reverse("admin:index")).content.decode()
    assert "没有等待审核的文章" in html and "没有等待版面的导读占位" in html


def test_the_all_links_list_exactly_those_rows(client, editor):
    placeholder = ArticleFactory(body="", status=Article.Status.DRAFT)
    ArticleFactory(kind=Article.Kind.TEASER, teaser_target=placeholder)
    review = ArticleFactory(status=Article.Status.REVIEW)
    client.force_login(editor)
    changelist = reverse("admin:articles_article_changelist")
    shown = client.get(changelist, {"placeholder": "1"}).context["cl"].result_list
    assert list(shown) == [placeholder]
    shown = client.get(changelist, {"status__exact": "review"}).context["cl"].result_list
    assert list(shown) == [review]


def test_issue_page_lists_pages_and_articles_in_print_order(
    client, editor, django_assert_max_num_queries
):
    issue = IssueFactory()
    second = PageFactory(issue=issue, number=2, section="综合新闻")
    first = PageFactory(issue=issue, number=1, section="要闻")
    ArticleFactory(page=second, position=1, title="二版头条")
    ArticleFactory(page=first, position=2, title="一版次条")
    ArticleFactory(page=first, position=1, title="一版头条")
    ArticleFactory.create_batch(20, page=second)
    client.force_login(editor)
    with django_assert_max_num_queries(20):
        html = client.get(reverse("admin:newsletter_issue_change", args=[issue.pk])).content
    html = html.decode()
    order = html[html.index('id="print-order"') :]
    assert order.index("一版头条") < order.index("一版次条") < order.index("二版头条")
    assert "第1版 要闻（2 篇）" in order and "第2版 综合新闻（21 篇）" in order


@pytest.fixture
def page_of_three():
    page = PageFactory()
    return [ArticleFactory(page=page, position=n, title=f"第{n}篇") for n in (1, 2, 3)]


def positions(articles) -> list[int]:
    return [Article.objects.get(pk=a.pk).position for a in articles]


def reorder(client, article, direction):
    url = reverse("admin:newsletter_issue_reorder", args=[article.issue_id])
    return client.post(url, {"move": f"{article.pk}:{direction}"})


def test_moving_an_article_swaps_it_with_its_neighbour(client, editor, page_of_three):
    first, _, third = page_of_three
    client.force_login(editor)
    response = reorder(client, third, "up")
    assert response.status_code == 302
    assert response.url.endswith(f"#article-{third.pk}")
    assert positions(page_of_three) == [1, 3, 2]
    reorder(client, first, "down")
    assert positions(page_of_three) == [2, 3, 1]


def test_moving_past_either_end_changes_nothing(client, editor, page_of_three):
    first, _, third = page_of_three
    client.force_login(editor)
    response = client.post(
        reverse("admin:newsletter_issue_reorder", args=[first.issue_id]),
        {"move": f"{first.pk}:up"},
        follow=True,
    )
    assert "已在本版最前或最后" in response.content.decode()
    reorder(client, third, "down")
    assert positions(page_of_three) == [1, 2, 3]


def test_reordering_refuses_get_bad_input_other_issues_and_users_without_permission(
    client, django_user_model, editor, page_of_three
):
    first = page_of_three[0]
    url = reverse("admin:newsletter_issue_reorder", args=[first.issue_id])
    client.force_login(editor)
    assert client.get(url, {"move": f"{first.pk}:down"}).status_code == 405
    assert client.post(url, {"move": f"{first.pk}:sideways"}).status_code == 404
    assert client.post(url, {"move": "x:down"}).status_code == 404
    other_issue = reverse("admin:newsletter_issue_reorder", args=[IssueFactory().pk])
    assert client.post(other_issue, {"move": f"{first.pk}:down"}).status_code == 404
    viewer = django_user_model.objects.create_user(username="viewer", is_staff=True)
    viewer.user_permissions.add(
        *Permission.objects.filter(codename__in=["view_issue", "view_article"])
    )
    client.force_login(viewer)
    assert client.post(url, {"move": f"{first.pk}:down"}).status_code == 403
    assert positions(page_of_three) == [1, 2, 3]


def test_reordering_needs_the_csrf_token(editor, page_of_three):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    assert reorder(client, page_of_three[0], "down").status_code == 403
    assert positions(page_of_three) == [1, 2, 3]


def test_issue_list_counts_articles_in_fixed_queries(client, editor, django_assert_max_num_queries):
    for size in (1, 2, 3):
        ArticleFactory.create_batch(size, page=PageFactory())
    client.force_login(editor)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("admin:newsletter_issue_changelist"))
    assert sorted(i.num_articles for i in response.context["cl"].result_list) == [1, 2, 3]


# Admin search, in Chinese, on SQLite (substrings) and PostgreSQL (the search index).


def searched(client, admin_name, term):
    response = client.get(reverse(f"admin:{admin_name}_changelist"), {"q": term})
    assert response.status_code == 200
    return set(response.context["cl"].result_list)


def test_article_search_finds_a_word_inside_the_body(client, editor):
    hit = ArticleFactory(body="今年以来，全市推进数字乡村建设，成效明显。")
    headline = ArticleFactory(title="乡村振兴新篇章", body="正文。")
    ArticleFactory(body="城市更新稳步推进。")
    reindex_articles()
    client.force_login(editor)
    assert searched(client, "articles_article", "乡村") == {hit, headline}
    assert searched(client, "articles_article", "数字乡村") == {hit}
    assert searched(client, "articles_article", "没有的词") == set()


def test_article_search_with_one_character_reads_titles_and_names(client, editor):
    """On PostgreSQL one character would mean a substring scan of every body."""
    in_title = ArticleFactory(title="春茶开采", body="正文。")
    by_name = CreditFactory(person=PersonFactory(name="茶小玲")).article
    ArticleFactory(body="别的内容。")
    reindex_articles()
    client.force_login(editor)
    assert searched(client, "articles_article", "茶") == {in_title, by_name}


def test_article_search_finds_a_credited_persons_name(client, editor):
    credit = CreditFactory(person=PersonFactory(name="欧阳修远"))
    ArticleFactory()
    reindex_articles()
    client.force_login(editor)
    assert searched(client, "articles_article", "欧阳修远") == {credit.article}


def test_issue_and_person_search_in_chinese(client, editor):
    issue = IssueFactory(masthead="联谊报")
    IssueFactory(masthead="政协周刊")
    person = PersonFactory(name="钱学明", organisation="嘉兴市工商联")
    PersonFactory(name="孙立", organisation="湖州日报")
    client.force_login(editor)
    assert searched(client, "newsletter_issue", "联谊") == {issue}
    assert searched(client, "people_person", "工商联") == {person}
    assert searched(client, "people_person", "学明") == {person}
    assert Issue.objects.count() == 2


def test_on_postgresql_article_search_reads_the_body_through_the_index(client, editor):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    if connection.vendor != "postgresql":
        pytest.skip("the search index is PostgreSQL's; SQLite matches substrings")
    hit = ArticleFactory(body="委员们围绕数字乡村建言献策。")
    reindex_articles()
    client.force_login(editor)
    with CaptureQueriesContext(connection) as queries:
        assert searched(client, "articles_article", "数字乡村") == {hit}
    sql = "\n".join(q["sql"] for q in queries.captured_queries)
    assert "search_vector" in sql
    assert not re.search(r'"body"(::text)?\) LIKE', sql)

"""Issues: the archive by year and month, an issue page by page, teasers, the date picker."""

import datetime

import pytest
from django.urls import reverse

from articles.models import Article
from newsletter.models import Issue
from tests.factories import ArticleFactory, IssueFactory, PageFactory

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.fixture
def issue():
    """2025-04-18: 1版 要闻, 2版 综合新闻, 3版 议政."""
    issue = IssueFactory(date=D(2025, 4, 18), number=1234)
    for number, section in [(1, "要闻"), (2, "综合新闻"), (3, "议政")]:
        PageFactory(issue=issue, number=number, section=section)
    return issue


def page(issue, number):
    return issue.pages.get(number=number)


def test_archive_shows_the_latest_year_by_month_and_links_every_year(client):
    IssueFactory(date=D(2023, 6, 1), number=1)
    IssueFactory(date=D(2024, 12, 30), number=2)
    IssueFactory(date=D(2025, 4, 11), number=3)
    IssueFactory(date=D(2025, 4, 18), number=4)
    IssueFactory(date=D(2025, 5, 2), number=5, status=Issue.Status.DRAFT)

    response = client.get(reverse("issues:archive"))

    assert response.status_code == 200
    assert [i.date for i in response.context["issues"]] == [D(2025, 4, 18), D(2025, 4, 11)]
    assert response.context["years"] == [(2025, 2), (2024, 1), (2023, 1)]
    html = response.content.decode()
    assert "第4期" in html and "第5期" not in html
    assert "/issues/2025-05-02/" not in html and "/issues/2024-12-30/" not in html
    assert '<a href="/issues/2024/">2024年</a>' in html
    assert '<span aria-current="page">2025年</span>' in html


def test_archive_of_a_year_lists_its_issues_by_month(client):
    IssueFactory(date=D(2024, 3, 5), number=1)
    IssueFactory(date=D(2024, 12, 30), number=2)
    IssueFactory(date=D(2025, 4, 11), number=3)

    response = client.get(reverse("issues:year", args=[2024]))

    assert [i.date for i in response.context["issues"]] == [D(2024, 12, 30), D(2024, 3, 5)]
    html = response.content.decode()
    assert html.index("12月") < html.index("3月")
    assert "<title>往期 · 2024年 · 同心苑</title>" in html


@pytest.mark.parametrize("year", [2019, 0, 99999, 10**30])
def test_archive_of_a_year_without_issues_is_404(client, year):
    IssueFactory(date=D(2024, 3, 5))
    assert client.get(f"/issues/{year}/").status_code == 404


def test_empty_archive_says_so(client):
    assert "目前还没有已发布的报纸" in client.get(reverse("issues:archive")).content.decode()


def test_issue_url_shows_its_first_page_in_print_order(client, issue):
    b = ArticleFactory(page=page(issue, 1), position=2, title="第二条")
    a = ArticleFactory(page=page(issue, 1), position=1, title="头条")
    ArticleFactory(page=page(issue, 2), title="二版文章")

    response = client.get(issue.get_absolute_url())

    assert response.status_code == 200
    assert response.context["page"] == page(issue, 1)
    assert response.context["articles"] == [a, b]
    html = response.content.decode()
    assert "二版文章" not in html
    assert "第1234期" in html
    assert "版面导航" in html
    for number in (1, 2, 3):
        assert f'href="{page(issue, number).get_absolute_url()}"' in html
    assert f'href="{page(issue, 2).get_absolute_url()}" rel="next"' in html
    assert "上一版" not in html


def test_page_url_shows_that_page_with_previous_and_next(client, issue):
    ArticleFactory(page=page(issue, 2), title="二版文章")
    ArticleFactory(page=page(issue, 1), title="一版文章")

    response = client.get(reverse("issues:page", kwargs={"date": "2025-04-18", "number": 2}))

    assert response.status_code == 200
    html = response.content.decode()
    assert "二版文章" in html and "一版文章" not in html
    assert "第2版 · 综合新闻" in html
    assert "上一版：第1版 要闻" in html
    assert "下一版：第3版 议政" in html
    assert '<a href="/issues/2025-04-18/2/" aria-current="page">' in html


@pytest.mark.parametrize(
    "date", ["2025-13-40", "2025-02-30", "20250418", "2025-4-18", "abc", "2025-04-18x"]
)
def test_malformed_issue_dates_are_404(client, issue, date):
    assert client.get(f"/issues/{date}/").status_code == 404
    assert client.get(f"/issues/{date}/1/").status_code == 404


def test_unknown_issue_or_page_is_404(client, issue):
    assert client.get("/issues/2025-04-19/").status_code == 404
    assert client.get("/issues/2025-04-18/9/").status_code == 404


def test_issue_without_pages_still_renders(client):
    issue = IssueFactory(date=D(2025, 6, 1))
    response = client.get(issue.get_absolute_url())
    assert response.status_code == 200
    assert "本期暂无版面" in response.content.decode()


def test_teaser_links_to_its_public_target(client, issue):
    target = ArticleFactory(page=page(issue, 2), title="海曙政协建言非遗技艺活态传承")
    ArticleFactory(
        page=page(issue, 1),
        kind=Article.Kind.TEASER,
        title="海曙政协建言非遗技艺活态传承",
        teaser_target=target,
    )

    html = client.get(issue.get_absolute_url()).content.decode()

    assert f'<a href="{target.get_absolute_url()}">海曙政协建言非遗技艺活态传承</a>' in html
    assert "导读" in html
    assert f'见<a href="{page(issue, 2).get_absolute_url()}">第2版 · 综合新闻</a>' in html


def test_teaser_to_an_unpublished_target_is_plain_text_pointing_at_the_page(client, issue):
    target = ArticleFactory(
        page=page(issue, 3),
        title="民盟省委会:让乡村文旅火出圈",
        status=Article.Status.DRAFT,
        published_at=None,
    )
    ArticleFactory(
        page=page(issue, 1),
        kind=Article.Kind.TEASER,
        title="民盟省委会:让乡村文旅火出圈",
        teaser_target=target,
    )

    html = client.get(issue.get_absolute_url()).content.decode()

    assert target.get_absolute_url() not in html
    assert "民盟省委会:让乡村文旅火出圈" in html
    assert f'见<a href="{page(issue, 3).get_absolute_url()}">第3版 · 议政</a>' in html


def test_teaser_whose_article_was_deleted_shows_its_title_alone(client, issue):
    ArticleFactory(page=page(issue, 1), kind=Article.Kind.TEASER, title="无指向的导读")
    html = client.get(issue.get_absolute_url()).content.decode()
    assert "无指向的导读" in html
    assert "见<a" not in html


def test_date_picker_is_a_get_form_with_a_labelled_date_input(client, issue):
    html = client.get(issue.get_absolute_url()).content.decode()
    assert f'action="{reverse("issues:jump")}"' in html
    assert '<label for="issue-date">' in html
    assert 'type="date" name="date" value="2025-04-18"' in html


@pytest.mark.parametrize(
    ("asked", "expected"),
    [
        ("2025-04-18", "2025-04-18"),
        ("2025-04-13", "2025-04-11"),  # 2 days after the 11th, 5 before the 18th
        ("2025-04-16", "2025-04-18"),
        ("2025-04-01", "2025-04-11"),
        ("2030-01-01", "2025-04-18"),
        ("2025年4月12日", "2025-04-11"),
        ("2025/4/17", "2025-04-18"),
    ],
)
def test_jump_redirects_to_the_nearest_published_issue(client, asked, expected):
    IssueFactory(date=D(2025, 4, 11))
    IssueFactory(date=D(2025, 4, 18))
    IssueFactory(date=D(2025, 4, 15), status=Issue.Status.DRAFT)

    response = client.get(reverse("issues:jump"), {"date": asked})

    assert response.status_code == 302
    assert response.url == f"/issues/{expected}/"


def test_jump_breaks_ties_towards_the_earlier_issue(client):
    IssueFactory(date=D(2025, 4, 11))
    IssueFactory(date=D(2025, 4, 13))
    assert client.get(reverse("issues:jump"), {"date": "2025-04-12"}).url == "/issues/2025-04-11/"


@pytest.mark.parametrize("asked", ["", "junk", "2025-13-40", "x" * 5000])
def test_jump_with_a_bad_date_goes_to_the_archive(client, asked):
    IssueFactory(date=D(2025, 4, 18))
    response = client.get(reverse("issues:jump"), {"date": asked})
    assert response.status_code == 302
    assert response.url == reverse("issues:archive")


def test_jump_without_issues_goes_to_the_archive(client):
    response = client.get(reverse("issues:jump"), {"date": "2025-04-18"})
    assert response.url == reverse("issues:archive")

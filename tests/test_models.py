"""Constraints the database enforces, and the querysets the site leans on."""

import datetime

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from articles.models import Article, ArticleRegion
from newsletter.models import Issue, Page, Region
from people.models import Credit
from tests.factories import (
    ArticleFactory,
    CreditFactory,
    IssueFactory,
    PageFactory,
    PersonFactory,
    TopicFactory,
    region,
)

pytestmark = pytest.mark.django_db


def rejected(create):
    with pytest.raises(IntegrityError), transaction.atomic():
        create()


def test_duplicate_issue_date_rejected():
    IssueFactory(date=datetime.date(2025, 4, 22))
    rejected(lambda: IssueFactory(date=datetime.date(2025, 4, 22)))


def test_duplicate_issue_number_rejected_but_many_unnumbered_allowed():
    IssueFactory(number=7)
    rejected(lambda: IssueFactory(number=7))
    IssueFactory(number=None)
    IssueFactory(number=None)
    assert Issue.objects.filter(number=None).count() == 2


def test_duplicate_page_number_in_one_issue_rejected():
    page = PageFactory(number=2)
    PageFactory(number=2)  # another issue
    rejected(lambda: PageFactory(issue=page.issue, number=2))


def test_page_number_zero_rejected():
    rejected(lambda: PageFactory(number=0))


def test_duplicate_position_on_a_page_rejected():
    article = ArticleFactory(position=1)
    rejected(lambda: ArticleFactory(page=article.page, position=1))


def test_empty_title_rejected():
    rejected(lambda: ArticleFactory(title=""))


def test_only_teasers_point_to_another_article():
    target = ArticleFactory()
    rejected(lambda: ArticleFactory(kind=Article.Kind.ARTICLE, teaser_target=target))
    assert ArticleFactory(kind=Article.Kind.TEASER, teaser_target=target).teaser_target == target


def test_one_primary_region_per_article():
    article = ArticleFactory(regions=[region("湖州")])
    rejected(
        lambda: ArticleRegion.objects.create(
            article=article, region=region("安吉"), is_primary=True
        )
    )
    ArticleRegion.objects.create(article=article, region=region("安吉"), is_primary=False)
    rejected(lambda: ArticleRegion.objects.create(article=article, region=region("安吉")))


def test_region_code_must_be_six_digits():
    rejected(
        lambda: Region.objects.create(
            parent=region("湖州"),
            level="county",
            code="33A",
            name="某县",
            short_name="某",
            slug="mou",
        )
    )


def test_only_the_province_is_a_root():
    rejected(
        lambda: Region.objects.create(
            level="county", code="339999", name="某县", short_name="某", slug="mou"
        )
    )


def test_credit_role_unique_per_person_and_article():
    credit = CreditFactory(role=Credit.Role.REPORTER)
    rejected(lambda: CreditFactory(article=credit.article, person=credit.person, role="reporter"))


def test_deleting_a_person_with_credits_is_refused():
    from django.db.models import ProtectedError

    credit = CreditFactory()
    with pytest.raises(ProtectedError):
        credit.person.delete()


def test_article_takes_its_issue_from_its_page():
    page = PageFactory()
    assert ArticleFactory(page=page).issue == page.issue


def test_person_slug_is_pinyin_and_unique():
    first = PersonFactory(name="周霜", slug="")
    second = PersonFactory(name="周霜", slug="")
    assert (first.slug, second.slug) == ("zhou-shuang", "zhou-shuang-2")


def test_published_excludes_drafts_future_and_draft_issues():
    public = ArticleFactory()
    ArticleFactory(status=Article.Status.DRAFT, published_at=None)
    ArticleFactory(published_at=timezone.now() + datetime.timedelta(days=1))
    ArticleFactory(page=PageFactory(issue=IssueFactory(status=Issue.Status.DRAFT)))
    assert list(Article.objects.published()) == [public]


def test_in_region_includes_descendants():
    huzhou = ArticleFactory(regions=[region("湖州")])
    anji = ArticleFactory(regions=[region("安吉")])
    wuxing = ArticleFactory(regions=[region("宁波"), region("吴兴")])
    ArticleFactory(regions=[region("宁波")])
    ArticleFactory()
    assert set(Article.objects.in_region(region("湖州"))) == {huzhou, anji, wuxing}
    assert set(Article.objects.in_region(region("安吉"))) == {anji}


def test_with_topic_and_in_region_chain():
    ai = TopicFactory(name="人工智能")
    youth = TopicFactory(name="青年")
    both = ArticleFactory(regions=[region("吴兴")], topics=[ai, youth])
    ArticleFactory(regions=[region("吴兴")], topics=[youth])
    ArticleFactory(regions=[region("绍兴")], topics=[ai])
    found = Article.objects.published().in_region(region("湖州")).with_topic(ai)
    assert list(found) == [both]


def test_topic_slug_is_pinyin():
    assert TopicFactory(name="海洋牧场").slug == "hai-yang-mu-chang"


def test_str_in_chinese():
    issue = IssueFactory(date=datetime.date(2025, 4, 22), number=1234)
    page = PageFactory(issue=issue, number=2, section="综合新闻")
    assert str(issue) == "2025年4月22日 第1234期"
    assert str(page) == "第2版 综合新闻"
    assert isinstance(str(Page), str)

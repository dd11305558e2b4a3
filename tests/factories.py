"""factory_boy factories: each test sets only what it asserts."""

import datetime

import factory
from django.utils import timezone

from articles.models import Article, ArticleRegion, Topic
from newsletter.models import Issue, Page, Region
from people.models import Credit, Person


class IssueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Issue

    date = factory.Sequence(lambda n: datetime.date(2025, 1, 1) + datetime.timedelta(days=n))
    number = factory.Sequence(lambda n: n + 1)
    status = Issue.Status.PUBLISHED


class PageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Page

    issue = factory.SubFactory(IssueFactory)
    number = 1
    section = "要闻"


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article
        skip_postgeneration_save = True

    page = factory.SubFactory(PageFactory)
    position = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"测试文章标题{n}")
    source = "本报"
    body = "第一段正文。\n第二段正文。"
    status = Article.Status.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if create and extracted:
            self.topics.add(*extracted)

    @factory.post_generation
    def regions(self, create, extracted, **kwargs):
        """``regions=[primary, other, …]``: the first is the primary region."""
        if create and extracted:
            for i, region in enumerate(extracted):
                ArticleRegion.objects.create(article=self, region=region, is_primary=i == 0)


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"专题{n}")


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    name = factory.Sequence(lambda n: f"张{chr(0x4E00 + n)}")
    slug = factory.Sequence(lambda n: f"person-{n}")
    kind = Person.Kind.MEMBER


class CreditFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Credit

    article = factory.SubFactory(ArticleFactory)
    person = factory.SubFactory(PersonFactory)
    role = Credit.Role.MENTIONED
    title = "市政协委员"


def region(short_name: str) -> Region:
    """A region from the shipped gazetteer (the data migration loads all of Zhejiang)."""
    return Region.objects.get(short_name=short_name)

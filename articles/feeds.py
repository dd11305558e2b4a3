"""RSS and Atom feeds of the latest public articles: all of them, by region, by topic.

Items are ``Article.objects.published()`` only (teasers aside: they point at an
article that is itself in the feed), newest issue first, in print order.
"""

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

from newsletter.models import Region

from .models import Article, Topic

FEED_LENGTH = 30
DESCRIPTION_LENGTH = 200


def feed_articles():
    return (
        Article.objects.published()
        .exclude(kind=Article.Kind.TEASER)
        .select_related("issue", "page")
        .prefetch_related("topics")
        .newest_first()
    )


class LatestArticlesFeed(Feed):
    feed_type = Rss201rev2Feed
    title = "同心苑 · 最新文章"
    description = "浙江政协《联谊报》最新刊发的文章"
    language = "zh-cn"
    author_name = "联谊报"

    def link(self, obj=None) -> str:
        return reverse("articles:list")

    def items(self, obj=None):
        return feed_articles()[:FEED_LENGTH]

    def item_title(self, item: Article) -> str:
        return f"{item.title}:{item.subtitle}" if item.subtitle else item.title

    def item_description(self, item: Article) -> str:
        text = "".join(item.paragraphs)
        if len(text) > DESCRIPTION_LENGTH:
            text = text[:DESCRIPTION_LENGTH] + "…"
        return text

    def item_pubdate(self, item: Article):
        return item.published_at

    def item_updateddate(self, item: Article):
        return item.updated_at

    def item_categories(self, item: Article) -> list[str]:
        return [topic.name for topic in item.topics.all()]


class LatestArticlesAtomFeed(LatestArticlesFeed):
    feed_type = Atom1Feed
    subtitle = LatestArticlesFeed.description


class RegionArticlesFeed(LatestArticlesFeed):
    """A city's feed includes its counties and districts (安吉 is in 湖州)."""

    def get_object(self, request, slug: str) -> Region:
        return get_object_or_404(Region, slug=slug)

    def title(self, obj: Region) -> str:
        return f"同心苑 · {obj.name}"

    def description(self, obj: Region) -> str:
        return f"《联谊报》关于{obj.name}的最新文章"

    def link(self, obj: Region) -> str:
        return obj.get_absolute_url()

    def items(self, obj: Region):
        return feed_articles().in_region(obj)[:FEED_LENGTH]


class RegionArticlesAtomFeed(RegionArticlesFeed):
    feed_type = Atom1Feed

    def subtitle(self, obj: Region) -> str:
        return self.description(obj)


class TopicArticlesFeed(LatestArticlesFeed):
    def get_object(self, request, slug: str) -> Topic:
        return get_object_or_404(Topic, slug=slug)

    def title(self, obj: Topic) -> str:
        return f"同心苑 · 专题：{obj.name}"

    def description(self, obj: Topic) -> str:
        return obj.description or f"《联谊报》“{obj.name}”专题的最新文章"

    def link(self, obj: Topic) -> str:
        return obj.get_absolute_url()

    def items(self, obj: Topic):
        return feed_articles().with_topic(obj)[:FEED_LENGTH]


class TopicArticlesAtomFeed(TopicArticlesFeed):
    feed_type = Atom1Feed

    def subtitle(self, obj: Topic) -> str:
        return self.description(obj)

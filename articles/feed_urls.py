"""/feeds/: RSS and Atom, for everything, a region (with the places under it) or a topic."""

from django.urls import path

from . import feeds

app_name = "feeds"

urlpatterns = [
    path("latest/rss/", feeds.LatestArticlesFeed(), name="latest"),
    path("latest/atom/", feeds.LatestArticlesAtomFeed(), name="latest-atom"),
    path("regions/<slug:slug>/", feeds.RegionArticlesFeed(), name="region"),
    path("regions/<slug:slug>/atom/", feeds.RegionArticlesAtomFeed(), name="region-atom"),
    path("topics/<str:slug>/", feeds.TopicArticlesFeed(), name="topic"),
    path("topics/<str:slug>/atom/", feeds.TopicArticlesAtomFeed(), name="topic-atom"),
]

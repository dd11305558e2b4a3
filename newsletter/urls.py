from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from api.views import api
from newsletter import views as newsletter_views

urlpatterns = [
    path(settings.ADMIN_URL, admin.site.urls),
    # The reading site.
    path("", newsletter_views.home, name="home"),
    path("issues/", include("newsletter.issue_urls")),
    path("regions/", include("newsletter.region_urls")),
    path("articles/", include("articles.urls")),
    path("topics/", include("articles.topic_urls")),
    path("people/", include("people.urls")),
    # Search, feeds and the machines' entrances.
    path("search/", include("articles.search_urls")),
    path("feeds/", include("articles.feed_urls")),
    path("", include("newsletter.machine_urls")),
    # The read-only JSON API and its docs page (/api/docs).
    path("api/", api.urls),
]

# Anything unanswered; the database being unavailable answers 503 (error_views.py).
handler500 = "newsletter.error_views.server_error"

"""Machines' entrances at the site root: /sitemap.xml, /robots.txt, /healthz."""

from django.contrib.sitemaps import views as sitemaps_views
from django.urls import path

from . import machines

app_name = "machines"

urlpatterns = [
    # An index of one sitemap per kind, each paginated (?p=) past 50,000 URLs.
    path(
        "sitemap.xml",
        sitemaps_views.index,
        {"sitemaps": machines.SITEMAPS, "sitemap_url_name": "machines:sitemap-section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        sitemaps_views.sitemap,
        {"sitemaps": machines.SITEMAPS},
        name="sitemap-section",
    ),
    path("robots.txt", machines.robots_txt, name="robots"),
    path("healthz", machines.healthz, name="healthz"),
]

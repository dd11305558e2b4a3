"""Machines' entrances at the site root: /sitemap.xml, /robots.txt, /healthz."""

from django.urls import path

from . import machines

app_name = "machines"

urlpatterns = [
    # An index of small sitemaps: hubs, a year of issues, a month of articles.
    path("sitemap.xml", machines.sitemap_index, name="sitemap"),
    path("sitemap-<str:section>.xml", machines.sitemap_section, name="sitemap-section"),
    path("robots.txt", machines.robots_txt, name="robots"),
    path("healthz", machines.healthz, name="healthz"),
]

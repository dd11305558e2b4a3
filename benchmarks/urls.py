"""The production URLconf plus the baseline every page is measured against."""

from django.urls import include, path

from newsletter.urls import handler500  # noqa: F401  (served as in production: 503 in an outage)

from . import views

urlpatterns = [
    path("bench/baseline/", views.baseline, name="bench-baseline"),
    path("", include("newsletter.urls")),
]

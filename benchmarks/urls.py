"""The production URLconf plus the baseline every page is measured against."""

from django.urls import include, path

from . import views

urlpatterns = [
    path("bench/baseline/", views.baseline, name="bench-baseline"),
    path("", include("newsletter.urls")),
]

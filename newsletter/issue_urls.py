"""/issues/: the archive, one issue page by page, and the date picker's jump."""

from django.urls import path

from . import views

app_name = "issues"

urlpatterns = [
    path("", views.IssueArchiveView.as_view(), name="archive"),
    path("jump/", views.IssueJumpView.as_view(), name="jump"),
    path("<int:year>/", views.IssueArchiveView.as_view(), name="year"),
    path("<str:date>/", views.IssueDetailView.as_view(), name="detail"),
    path("<str:date>/<int:number>/", views.IssuePageView.as_view(), name="page"),
]

"""/topics/: the topics (专题) and each one's articles; slugs may be Chinese."""

from django.urls import path

from . import views

app_name = "topics"

urlpatterns = [
    path("", views.TopicListView.as_view(), name="list"),
    path("<str:slug>/", views.TopicDetailView.as_view(), name="detail"),
]

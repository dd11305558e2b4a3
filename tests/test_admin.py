"""The editors' desk: the 编辑 group can do content, not accounts."""

import pytest
from django.urls import reverse

from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_admin_login_page_is_in_chinese(client):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert "登录" in response.content.decode()


def test_editor_can_open_the_article_admin(client, editor):
    article = ArticleFactory(title="青年夜校走红")
    client.force_login(editor)
    changelist = client.get(reverse("admin:articles_article_changelist"))
    assert changelist.status_code == 200
    assert "青年夜校走红" in changelist.content.decode()
    change = client.get(reverse("admin:articles_article_change", args=[article.pk]))
    assert change.status_code == 200


def test_editor_cannot_open_the_user_admin(client, editor):
    client.force_login(editor)
    assert client.get(reverse("admin:auth_user_changelist")).status_code == 403
    assert client.get(reverse("admin:auth_group_changelist")).status_code == 403


def test_editor_group_has_exactly_content_permissions():
    from django.contrib.auth.models import Group

    codenames = set(Group.objects.get(name="编辑").permissions.values_list("codename", flat=True))
    assert {"change_article", "add_issue", "change_person", "change_topic"} <= codenames
    assert not {c for c in codenames if c.endswith(("_user", "_group", "_permission"))}
    assert "delete_region" not in codenames


def test_editor_corrections_are_remembered(client, editor):
    article = ArticleFactory(title="原标题", body="第一段。\n第二段。")
    client.force_login(editor)
    url = reverse("admin:articles_article_change", args=[article.pk])
    form = client.get(url).context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None}
    data.update(
        {
            "page": article.page_id,
            "title": "改正后的标题",
            "body": "第一段。\r\n第二段。",  # a browser sends a textarea's lines so
            "published_at_0": article.published_at.strftime("%Y-%m-%d"),
            "published_at_1": article.published_at.strftime("%H:%M:%S"),
        }
    )
    for prefix in ("credits", "article_regions", "tagged_items"):
        data.update({f"{prefix}-TOTAL_FORMS": 0, f"{prefix}-INITIAL_FORMS": 0})
    data.pop("published_at", None)
    data.pop("dateline", None)
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    article.refresh_from_db()
    assert article.title == "改正后的标题"
    assert article.body == "第一段。\n第二段。"
    assert article.edited_fields == ["title"]


def test_topics_are_the_only_tags_in_the_admin(admin_client):
    html = admin_client.get(reverse("admin:index")).content.decode()
    assert reverse("admin:articles_topic_changelist") in html
    assert "/admin/taggit/" not in html


def test_publishing_an_issue_leaves_teaser_placeholders_as_drafts(client, editor, chief):
    from django.core.management import call_command

    from articles.models import Article
    from newsletter.models import Issue

    call_command("import_pages", "seeds/", verbosity=0)
    issue = Issue.objects.get()
    for user, action in ((editor, "submit"), (chief, "publish")):
        client.force_login(user)
        client.post(
            reverse("admin:newsletter_issue_changelist"),
            {"action": action, "_selected_action": [issue.pk]},
        )
    assert Article.objects.published().count() == 8
    placeholders = Article.objects.filter(teasers__isnull=False)
    assert placeholders.count() == 2
    assert not placeholders.filter(status=Article.Status.PUBLISHED).exists()

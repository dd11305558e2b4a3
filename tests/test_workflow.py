"""The review workflow in the admin: 编辑 submit, 值班主编 publish, withdraw and send back."""

import datetime
from pathlib import Path
from unittest import mock

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from articles.models import Article
from newsletter.models import Issue

from .factories import ArticleFactory, IssueFactory, PageFactory

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:articles_article_changelist")
ISSUES = reverse("admin:newsletter_issue_changelist")
SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_05b83c2a48b8b92d.txt"

# name: (from, to)
TRANSITIONS = {
    "submit": ("draft", "review"),
    "publish": ("review", "published"),
    "send_back": ("review", "draft"),
    "unpublish": ("published", "draft"),
}
# What each role may do; the superuser may do everything.
ALLOWED = {
    "editor": {"submit"},
    "chief": set(TRANSITIONS),
    "admin_user": set(TRANSITIONS),
}
CASES = [(role, name) for role in ALLOWED for name in TRANSITIONS]


@pytest.fixture
def login(client, request):
    """Log in as the role's user (a fixture name) and return the client."""

    def log_in(role):
        client.force_login(request.getfixturevalue(role))
        return client

    return log_in


def article_in(status, **fields):
    published_at = timezone.now() if status == "published" else None
    return ArticleFactory(status=status, published_at=published_at, **fields)


def transition_url(article, name):
    return reverse("admin:articles_article_transition", args=[article.pk, name])


def test_the_chief_editors_group_is_the_editors_and_publishing():
    def codenames(name):
        return set(Group.objects.get(name=name).permissions.values_list("codename", flat=True))

    editors, chiefs = codenames("编辑"), codenames("值班主编")
    assert chiefs - editors == {"publish_article", "publish_issue"}
    assert editors <= chiefs
    assert "change_article" in editors


@pytest.mark.parametrize(
    "role, status, buttons",
    [
        ("editor", "draft", ["提交审核"]),
        ("editor", "review", []),
        ("editor", "published", []),
        ("chief", "draft", ["提交审核"]),
        ("chief", "review", ["发布", "退回"]),
        ("chief", "published", ["撤回"]),
        ("admin_user", "review", ["发布", "退回"]),
    ],
)
def test_the_change_page_shows_only_the_transitions_the_user_may_take(login, role, status, buttons):
    article = article_in(status)
    response = login(role).get(reverse("admin:articles_article_change", args=[article.pk]))
    html = response.content.decode()
    assert [t.label for t in response.context["transitions"]] == buttons
    for name in TRANSITIONS:
        shown = transition_url(article, name) in html
        assert shown == (name in [t.name for t in response.context["transitions"]])
    assert 'name="status"' not in html  # never a form field


@pytest.mark.parametrize("role, name", CASES)
def test_each_transition_by_its_button_for_each_role(login, role, name):
    source, target = TRANSITIONS[name]
    article = article_in(source)
    response = login(role).post(transition_url(article, name), {"note": "标题有误"})
    article.refresh_from_db()
    if name in ALLOWED[role]:
        assert response.status_code == 302
        assert article.status == target
    else:
        assert response.status_code == 403
        assert article.status == source


@pytest.mark.parametrize("role, name", CASES)
def test_each_transition_as_a_list_action_for_each_role(login, role, name):
    source, target = TRANSITIONS[name]
    article, other = article_in(source), article_in(source)
    response = login(role).post(
        CHANGELIST, {"action": name, "_selected_action": [article.pk], "note": "标题有误"}
    )
    assert response.status_code == 302
    article.refresh_from_db()
    other.refresh_from_db()
    assert article.status == (target if name in ALLOWED[role] else source)
    assert other.status == source


@pytest.mark.parametrize("role", ALLOWED)
def test_the_list_offers_each_user_only_their_actions(login, role):
    article_in("draft")
    choices = login(role).get(CHANGELIST).context["action_form"].fields["action"].choices
    offered = {name for name, _ in choices} - {"", "delete_selected", "retag"}
    assert offered == ALLOWED[role]


def test_an_editor_posting_a_publish_action_changes_nothing(login):
    article = article_in("review")
    response = login("editor").post(
        CHANGELIST, {"action": "publish", "_selected_action": [article.pk]}, follow=True
    )
    article.refresh_from_db()
    assert (article.status, article.published_at) == ("review", None)
    assert "未选择动作" in response.content.decode()


def test_an_editor_posting_status_in_the_change_form_changes_only_the_text(login):
    article = article_in("review", title="原标题")
    client = login("editor")
    url = reverse("admin:articles_article_change", args=[article.pk])
    data = {
        "page": article.page_id,
        "position": article.position,
        "kind": article.kind,
        "title": "改正后的标题",
        "source": article.source,
        "body": article.body,
        "status": "published",
        "published_at_0": "2025-01-01",
        "published_at_1": "00:00:00",
        "review_note": "",
    }
    for prefix in ("credits", "article_regions", "tagged_items"):
        data.update({f"{prefix}-TOTAL_FORMS": 0, f"{prefix}-INITIAL_FORMS": 0})
    response = client.post(url, data)
    assert response.status_code == 302
    article.refresh_from_db()
    assert (article.title, article.status, article.published_at) == ("改正后的标题", "review", None)


def test_an_editor_cannot_publish_an_issue_through_its_form(login):
    issue = IssueFactory(status="draft")
    response = login("editor").get(reverse("admin:newsletter_issue_change", args=[issue.pk]))
    assert not {"status", "published_at"} & set(response.context["adminform"].form.fields)


def test_sending_back_needs_a_note_and_keeps_it_until_resubmitted(login):
    article = article_in("review")
    client = login("chief")
    response = client.post(transition_url(article, "send_back"), {"note": "  "}, follow=True)
    article.refresh_from_db()
    assert article.status == "review"
    assert "请写明退回意见" in response.content.decode()

    client.post(transition_url(article, "send_back"), {"note": "第二段数字待核实"})
    article.refresh_from_db()
    assert (article.status, article.review_note) == ("draft", "第二段数字待核实")

    client.post(transition_url(article, "submit"))
    article.refresh_from_db()
    assert (article.status, article.review_note) == ("review", "")


def test_sending_back_from_the_list_takes_the_note_field(login):
    article = article_in("review")
    login("chief").post(
        CHANGELIST, {"action": "send_back", "_selected_action": [article.pk], "note": "请补图"}
    )
    article.refresh_from_db()
    assert (article.status, article.review_note) == ("draft", "请补图")


def test_a_list_action_moves_only_the_articles_in_the_right_status(login):
    ready, draft = article_in("review"), article_in("draft")
    response = login("chief").post(
        CHANGELIST, {"action": "publish", "_selected_action": [ready.pk, draft.pk]}, follow=True
    )
    assert Article.objects.get(pk=ready.pk).status == "published"
    assert Article.objects.get(pk=draft.pk).status == "draft"
    assert "已发布 1 篇文章；1 篇状态不符，未改动" in response.content.decode()


def test_a_transition_from_the_wrong_status_changes_nothing(login):
    article = article_in("draft")
    response = login("chief").post(transition_url(article, "publish"), follow=True)
    article.refresh_from_db()
    assert article.status == "draft"
    assert "当前为草稿，不能发布" in response.content.decode()


def test_an_unknown_transition_or_a_get_is_refused(login):
    article = article_in("review")
    client = login("chief")
    assert client.post(transition_url(article, "delete")).status_code == 403
    assert client.get(transition_url(article, "publish")).status_code == 405
    article.refresh_from_db()
    assert article.status == "review"


def test_a_teasers_placeholder_is_never_submitted_or_published(login):
    placeholder = article_in("draft", body="")
    client = login("chief")
    change = client.get(reverse("admin:articles_article_change", args=[placeholder.pk]))
    assert change.context["transitions"] == []
    client.post(transition_url(placeholder, "submit"))
    placeholder.refresh_from_db()
    assert placeholder.status == "draft"


def test_an_editor_sees_no_note_field_and_no_publishing_times(login):
    article = article_in("draft")
    client = login("editor")
    assert "note" not in client.get(CHANGELIST).context["action_form"].fields
    form = client.get(reverse("admin:articles_article_change", args=[article.pk]))
    assert "published_at" not in form.context["adminform"].form.fields
    assert "note" in login("chief").get(CHANGELIST).context["action_form"].fields


def test_publishing_keeps_a_scheduled_time(login):
    due = timezone.now() + datetime.timedelta(hours=2)
    article = ArticleFactory(status="review", published_at=due)
    login("chief").post(transition_url(article, "publish"))
    article.refresh_from_db()
    assert (article.status, article.published_at) == ("published", due)
    assert not Article.objects.published().exists()
    with mock.patch("django.utils.timezone.now", return_value=due + datetime.timedelta(seconds=1)):
        assert list(Article.objects.published()) == [article]


def test_each_transition_is_recorded_with_who_and_why(login, chief):
    article = article_in("review")
    login("chief").post(transition_url(article, "send_back"), {"note": "标题太长"})
    version = Version.objects.get_for_object(article).get()
    assert version.revision.comment == "退回：标题太长"
    assert version.revision.user == chief
    assert version.field_dict["status"] == "draft"


# Issues


@pytest.fixture
def issue():
    """A draft issue: an article waiting for review, a draft and a teaser's placeholder."""
    page = PageFactory(issue=IssueFactory(status="draft"))
    for title, status, body in (("待审稿", "review", "正文。"), ("草稿", "draft", "正文。")):
        ArticleFactory(page=page, title=title, status=status, published_at=None, body=body)
    ArticleFactory(page=page, title="占位稿", status="draft", published_at=None, body="")
    return page.issue


def statuses(issue):
    return dict(issue.articles.values_list("title", "status"))


def test_an_editor_submits_an_issues_drafts_but_not_its_placeholders(login, issue):
    login("editor").post(ISSUES, {"action": "submit", "_selected_action": [issue.pk]})
    assert statuses(issue) == {"待审稿": "review", "草稿": "review", "占位稿": "draft"}


def test_publishing_an_issue_publishes_its_articles_waiting_for_review(login, issue):
    login("chief").post(ISSUES, {"action": "publish", "_selected_action": [issue.pk]})
    issue.refresh_from_db()
    assert issue.status == "published" and issue.published_at is not None
    assert statuses(issue) == {"待审稿": "published", "草稿": "draft", "占位稿": "draft"}
    assert list(Article.objects.published().values_list("title", flat=True)) == ["待审稿"]


def test_publishing_an_issue_keeps_its_articles_scheduled_times(login, issue):
    due = timezone.now() + datetime.timedelta(days=1)
    issue.articles.filter(title="待审稿").update(published_at=due)
    login("chief").post(ISSUES, {"action": "publish", "_selected_action": [issue.pk]})
    assert not Article.objects.published().exists()
    with mock.patch("django.utils.timezone.now", return_value=due):
        assert list(Article.objects.published().values_list("title", flat=True)) == ["待审稿"]


@pytest.mark.parametrize("action", ["publish", "unpublish"])
def test_an_editor_posting_an_issue_publishing_action_changes_nothing(login, issue, action):
    published = IssueFactory(status="published")
    selected = issue if action == "publish" else published
    before = statuses(issue), list(Issue.objects.values_list("pk", "status", "published_at"))
    login("editor").post(ISSUES, {"action": action, "_selected_action": [selected.pk]})
    after = statuses(issue), list(Issue.objects.values_list("pk", "status", "published_at"))
    assert after == before


def test_a_chief_withdraws_an_issue(login):
    issue = IssueFactory(status="published")
    article = ArticleFactory(page=PageFactory(issue=issue))
    login("chief").post(ISSUES, {"action": "unpublish", "_selected_action": [issue.pk]})
    issue.refresh_from_db()
    article.refresh_from_db()
    assert (issue.status, article.status) == ("draft", "published")
    assert not Article.objects.published().exists()


@pytest.mark.parametrize(
    "role, offered",
    [
        ("editor", {"submit"}),
        ("chief", {"submit", "publish", "unpublish"}),
        ("admin_user", {"submit", "publish", "unpublish"}),
    ],
)
def test_the_issue_list_offers_each_user_only_their_actions(login, role, offered):
    IssueFactory()
    choices = login(role).get(ISSUES).context["action_form"].fields["action"].choices
    assert {name for name, _ in choices} - {"", "delete_selected"} == offered


# The import form's 发布


def import_seed(client, **options):
    """Upload the seed page, then confirm its preview: (the upload form, the confirmation)."""
    url = reverse("admin:newsletter_issue_import")
    form = client.get(url).context["upload"]
    upload = SimpleUploadedFile("p1.txt", SEED.read_bytes(), content_type="text/plain")
    preview = client.post(
        url, {"step": "upload", "files": [upload], "date": "2025-04-22", **options}
    )
    ticket = preview.context["confirm"]["ticket"].value()
    return form, client.post(url, {"step": "confirm", "ticket": ticket})


def test_an_editors_import_form_has_no_publish_option_and_ignores_a_posted_one(login):
    form, confirmed = import_seed(login("editor"), publish="on")
    assert "publish" not in form.fields
    assert confirmed.status_code == 302
    assert Issue.objects.get().status == "draft"
    assert not Article.objects.exclude(status="draft").exists()


def test_a_chief_editor_publishes_on_import(login):
    form, confirmed = import_seed(login("chief"), publish="on")
    assert "publish" in form.fields
    assert confirmed.status_code == 302
    assert Issue.objects.get().status == "published"
    assert Article.objects.published().count() == 8


# Deleting a published article takes it off the site: a publisher's call too.


@pytest.mark.parametrize("role, allowed", [("editor", False), ("chief", True)])
def test_only_a_publisher_deletes_a_published_article(login, role, allowed):
    published, draft = article_in("published"), article_in("draft")
    client = login(role)
    url = reverse("admin:articles_article_delete", args=[published.pk])
    assert client.post(url, {"post": "yes"}).status_code == (302 if allowed else 403)
    response = client.post(
        CHANGELIST,
        {"action": "delete_selected", "_selected_action": [published.pk], "post": "yes"},
    )
    assert response.status_code in ((302,) if allowed else (403,))
    assert Article.objects.filter(pk=published.pk).exists() is not allowed
    client.post(url.replace(str(published.pk), str(draft.pk)), {"post": "yes"})
    assert not Article.objects.filter(pk=draft.pk).exists()  # a draft is the editor's to delete


@pytest.mark.parametrize("role, allowed", [("editor", False), ("chief", True)])
def test_only_a_publisher_deletes_a_published_issue(login, role, allowed):
    article = article_in("published")
    client = login(role)
    url = reverse("admin:newsletter_issue_delete", args=[article.issue_id])
    assert client.post(url, {"post": "yes"}).status_code == (302 if allowed else 403)
    response = client.post(
        reverse("admin:newsletter_issue_changelist"),
        {"action": "delete_selected", "_selected_action": [article.issue_id], "post": "yes"},
    )
    assert response.status_code in ((302,) if allowed else (403,))
    assert Article.objects.filter(pk=article.pk).exists() is not allowed

"""The review workflow: who may move an article (or an issue) from one status to another.

草稿 → 待审 (提交审核, editors) → 已发布 (发布, chief editors); back to 草稿 by 退回 (with a
note) from 待审, or 撤回 from 已发布. The 编辑 group may change articles, not publish them;
the 值班主编 group also holds publish_article and publish_issue (newsletter's data
migrations). Every interface (admin buttons, list actions, the import form) goes through
these functions, which check the permission themselves, so a crafted request is refused
here whatever it names.
"""

import dataclasses

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.utils import timezone

from newsletter.history import add_to_revision, revision
from newsletter.models import Issue
from newsletter.page_cache import content_changed

from .models import Article

Status = Article.Status
EDIT = "articles.change_article"
PUBLISH = "articles.publish_article"
PUBLISH_ISSUE = "newsletter.publish_issue"


class TransitionRefused(PermissionDenied):
    """A transition the user may not take; nothing was changed. Uncaught, it is a 403."""


class NoteRequired(ValueError):
    """退回 without a note; nothing was changed."""


@dataclasses.dataclass(frozen=True)
class Transition:
    name: str
    label: str  # the button and the revision comment
    sources: tuple[str, ...]
    target: str
    permission: str
    needs_note: bool = False

    @property
    def action_label(self) -> str:
        return f"{self.label}所选文章（{self.sources[0].label} → {self.target.label}）"


TRANSITIONS = {
    t.name: t
    for t in (
        Transition("submit", "提交审核", (Status.DRAFT,), Status.REVIEW, EDIT),
        Transition("publish", "发布", (Status.REVIEW,), Status.PUBLISHED, PUBLISH),
        Transition("send_back", "退回", (Status.REVIEW,), Status.DRAFT, PUBLISH, needs_note=True),
        Transition("unpublish", "撤回", (Status.PUBLISHED,), Status.DRAFT, PUBLISH),
    )
}

# A teaser's placeholder (an article with no text yet) waits for its page's import as a
# draft: it is never submitted or published.
PLACEHOLDER = Q(kind=Article.Kind.ARTICLE, body="")


def allowed_transitions(user) -> list[Transition]:
    """The transitions the user may take on some article: the list actions."""
    return [t for t in TRANSITIONS.values() if user.has_perm(t.permission)]


def transitions_for(user, article: Article) -> list[Transition]:
    """The transitions the user may take on this article now: the change page's buttons."""
    placeholder = article.kind == Article.Kind.ARTICLE and not article.body
    return [
        t
        for t in allowed_transitions(user)
        if article.status in t.sources and not (placeholder and t.target != Status.DRAFT)
    ]


def may_publish_issues(user) -> bool:
    return user.has_perm(PUBLISH_ISSUE) and user.has_perm(PUBLISH)


def articles_transition(*, user, articles: QuerySet[Article], name: str, note: str = "") -> int:
    """Take the named transition on those of the articles it applies to; how many moved.

    The others (another status, a placeholder) are left as they are. Publishing keeps a
    time already set, so an article published for a future time stays hidden until then.
    """
    transition = TRANSITIONS.get(name)
    if transition is None:
        raise TransitionRefused(f"没有“{name}”这种操作。")
    if not user.has_perm(transition.permission):
        raise TransitionRefused(f"您没有{transition.label}文章的权限，未做任何改动。")
    note = note.strip()
    if transition.needs_note and not note:
        raise NoteRequired(f"{transition.label}时请写明退回意见，未做任何改动。")
    comment = f"{transition.label}：{note}" if note else transition.label
    with revision(user=user, comment=comment):
        return _move(articles, transition, note=note)


def issues_submit(*, user, issues: QuerySet[Issue]) -> int:
    """Submit the issues' drafts for review (placeholders excepted); how many articles moved."""
    if not user.has_perm(EDIT):
        raise TransitionRefused("您没有提交审核的权限，未做任何改动。")
    with revision(user=user, comment="提交审核（整期）"):
        articles = Article.objects.filter(issue__in=issues)
        return _move(articles, TRANSITIONS["submit"])


def issues_publish(*, user, issues: QuerySet[Issue]) -> tuple[int, int]:
    """Publish the issues and their articles waiting for review: (issues, articles).

    Drafts stay drafts: nobody has submitted them, so they are not ready; the issue is
    public without them until they are submitted and published one by one.
    """
    if not may_publish_issues(user):
        raise TransitionRefused("您没有发布期的权限，未做任何改动。")
    now = timezone.now()
    with revision(user=user, comment="发布（整期）"):
        issues.filter(published_at__isnull=True).update(published_at=now)
        count = issues.update(status=Issue.Status.PUBLISHED, updated_at=now)
        add_to_revision(*issues)
        articles = Article.objects.filter(issue__in=issues)
        published = _move(articles, TRANSITIONS["publish"])
        content_changed()
    return count, published


def issues_unpublish(*, user, issues: QuerySet[Issue]) -> int:
    """Withdraw issues: their articles keep their status but are no longer public."""
    if not user.has_perm(PUBLISH_ISSUE):
        raise TransitionRefused("您没有撤回期的权限，未做任何改动。")
    with revision(user=user, comment="撤回（整期）"):
        count = issues.update(status=Issue.Status.DRAFT, updated_at=timezone.now())
        add_to_revision(*issues)
        content_changed()
    return count


def _move(articles: QuerySet[Article], transition: Transition, *, note: str = "") -> int:
    """One update() of the articles the transition applies to, inside the caller's revision."""
    now = timezone.now()
    eligible = articles.filter(status__in=transition.sources)
    if transition.target != Status.DRAFT:
        eligible = eligible.exclude(PLACEHOLDER)
    pks = list(eligible.order_by().values_list("pk", flat=True))
    # Filtered on the status again, so that of two people moving an article at once,
    # the second finds it moved and changes nothing.
    moved = Article.objects.filter(pk__in=pks, status__in=transition.sources)
    if transition.target == Status.PUBLISHED:
        moved.filter(published_at__isnull=True).update(published_at=now)
    # A note belongs to the 退回 that wrote it; the resubmitted draft has answered it.
    fields = {"status": transition.target, "updated_at": now}
    if transition.needs_note or transition.target == Status.REVIEW:
        fields["review_note"] = note
    count = moved.update(**fields)
    add_to_revision(*Article.objects.filter(pk__in=pks))
    if count:
        content_changed()
    return count


class PublisherDeletes:
    """Admin mixin: deleting published rows takes them off the site, as 撤回 does, so it
    needs the publishing permission (delete_permission). Issues and articles share the
    status value "published"."""

    delete_permission: str

    def has_delete_permission(self, request, obj=None):
        published = obj is not None and obj.status == Status.PUBLISHED
        if published and not request.user.has_perm(self.delete_permission):
            return False
        return super().has_delete_permission(request, obj)

    def delete_queryset(self, request, queryset):
        published = queryset.filter(status=Status.PUBLISHED)
        if not request.user.has_perm(self.delete_permission) and published.exists():
            name = queryset.model._meta.verbose_name
            raise TransitionRefused(f"已发布的{name}只有值班主编可以删除，未做任何改动。")
        super().delete_queryset(request, queryset)

"""Revision history (django-reversion): which rows keep one, and recording bulk writes.

Every model with a history is registered here and nowhere else. An article's
revision holds its credits, regions and topics (the rows edited inline with it),
so restoring or recovering it brings them back. Issues, pages, people and topics
hold only their own row: restoring one never deletes the rows that point at it.
"""

from collections.abc import Iterable, Mapping

import reversion
from django.apps import apps
from django.db.models import Model, Prefetch

# Model label → the reverse relations its revisions hold.
HISTORY = {
    "newsletter.Issue": (),
    "newsletter.Page": (),
    "people.Person": (),
    "people.Credit": (),
    "articles.Topic": (),
    "articles.TaggedArticle": (),
    "articles.ArticleRegion": (),
    "articles.Article": ("credits", "article_regions", "tagged_items"),
}
# Derived from other fields, and kilobytes a row: re-made by article_index() on restore.
EXCLUDED = {"articles.Article": ("search_text", "search_vector")}


def _prefetch(label: str) -> list[Prefetch]:
    """What record_changes() fetches with a row: what it follows, with what their names show."""
    if label != "articles.Article":
        return []
    return [
        Prefetch(name, apps.get_model(model).objects.select_related(related))
        for name, model, related in (
            ("credits", "people.Credit", "person"),
            ("article_regions", "articles.ArticleRegion", "region"),
            ("tagged_items", "articles.TaggedArticle", "tag"),
        )
    ]


def register_models() -> None:
    """Register the models above; safe to call more than once.

    Called from the first history admin's __init__ (the admin is set up before
    this project's apps are ready, and reversion's VersionAdmin would otherwise
    register its models by guesswork) and from NewsletterConfig.ready().
    """
    for label, follow in HISTORY.items():
        model = apps.get_model(label)
        if not reversion.is_registered(model):
            reversion.register(model, follow=follow, exclude=EXCLUDED.get(label, ()))


def record_changes(
    changed: Mapping[type[Model], Iterable[int]], *, comment: str, user=None
) -> None:
    """Record rows written without signals (bulk_create, update()), as they are now.

    Each row gets a revision of its own, so that restoring one article never
    reverts another written in the same run. Call it inside the writing
    transaction; rows deleted since are skipped.
    """
    for model, pks in changed.items():
        rows = model._default_manager.filter(pk__in=pks)
        for row in rows.prefetch_related(*_prefetch(model._meta.label)):
            with reversion.create_revision(atomic=False):
                reversion.set_user(user)
                reversion.set_comment(comment)
                reversion.add_to_revision(row)

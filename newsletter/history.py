"""Revision history (django-reversion): which rows keep one, and recording bulk writes.

Every model with a history is registered here and nowhere else. An article's
revision holds its credits, regions and topics (the rows edited inline with it),
so restoring or recovering it brings them back. Issues, pages, people and topics
hold only their own row: restoring one never deletes the rows that point at it.
"""

import contextlib
from collections.abc import Iterable, Mapping

import reversion
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.db import router, transaction
from django.db.models import Model, Prefetch
from django.utils import timezone
from reversion.models import Revision, Version

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

    Each row gets a revision of its own, holding what it follows as a save in the
    admin would, so that restoring one article never reverts another written in
    the same run. They are written in two queries, not reversion's several a
    revision: an import records hundreds. Call it inside the writing transaction.
    """
    rows = [
        row
        for model, pks in changed.items()
        for row in model._default_manager.filter(pk__in=pks).prefetch_related(
            *_prefetch(model._meta.label)
        )
    ]
    now = timezone.now()
    revisions = Revision.objects.bulk_create(
        Revision(date_created=now, user=user, comment=comment) for _ in rows
    )
    Version.objects.bulk_create(
        _version(obj, revision)
        for revision, row in zip(revisions, rows, strict=True)
        for obj in (row, *_followed(row))
    )


def _followed(row: Model) -> list[Model]:
    return [obj for name in HISTORY[row._meta.label] for obj in getattr(row, name).all()]


def _version(obj: Model, revision: Revision) -> Version:
    """The version of obj that reversion.add_to_revision() would store."""
    model = type(obj)
    excluded = EXCLUDED.get(model._meta.label, ())
    fields = [f.name for f in model._meta.local_fields + model._meta.local_many_to_many]
    return Version(
        revision=revision,
        content_type=ContentType.objects.get_for_model(model),
        object_id=str(obj.pk),
        db=router.db_for_write(model),
        format="json",
        serialized_data=serializers.serialize(
            "json", [obj], fields=[f for f in fields if f not in excluded]
        ),
        object_repr=str(obj),
    )


def add_to_revision(*objects: Model) -> None:
    """Add rows written by update() or bulk operations (which send no signal) to the
    open revision."""
    for obj in objects:
        reversion.add_to_revision(obj)


@contextlib.contextmanager
def revision(*, user, comment: str):
    """One transaction, recorded in the history as one revision: by user, with comment."""
    with transaction.atomic(), reversion.create_revision():
        reversion.set_user(user)
        reversion.set_comment(comment)
        yield

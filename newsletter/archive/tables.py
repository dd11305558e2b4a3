"""What the archive holds, and how a value is written to JSON and read back.

A new content model is one line in ``ARCHIVED_MODELS``.
"""

import datetime
import decimal
import uuid

from django.apps import apps
from django.db import models

FORMAT = "tongxinyuan-archive"
# Raise it when the file's layout changes; a restore refuses any other.
VERSION = 1

# In dependency order (foreign keys are checked at commit, but a reader follows it).
ARCHIVED_MODELS = (
    "newsletter.Region",
    "newsletter.Issue",
    "newsletter.Page",
    "people.Person",
    "articles.Topic",
    "articles.Article",
    "articles.ArticleRegion",
    "articles.TaggedArticle",
    "people.Credit",
    "reversion.Revision",
    "reversion.Version",
)
# Written by migrations (the gazetteer, the starting topics), so present in every
# new database: a restore replaces them with the archive's rather than refusing.
SEEDED_BY_MIGRATIONS = ("newsletter.Region", "articles.Topic")


def archived_models() -> list[type[models.Model]]:
    """The archived models whose app is installed (django-reversion's is optional)."""
    installed = {config.label for config in apps.get_app_configs()}
    return [
        apps.get_model(label) for label in ARCHIVED_MODELS if label.partition(".")[0] in installed
    ]


def seeded_by_migrations(model: type[models.Model]) -> bool:
    return model._meta.label in SEEDED_BY_MIGRATIONS


def table_fields(model: type[models.Model]) -> list[models.Field]:
    """The stored columns, less those the database computes (the search vector)."""
    return [f for f in model._meta.concrete_fields if not f.generated]


def is_external(field: models.Field) -> bool:
    """A foreign key to a row kept outside the archive: written as that row's natural key."""
    return field.is_relation and field.related_model._meta.label not in ARCHIVED_MODELS


def describe(field: models.Field) -> dict:
    """A field's entry in the file's schema."""
    entry = {"name": field.name, "type": field.get_internal_type(), "null": field.null}
    if field.is_relation:
        entry["to"] = field.related_model._meta.label_lower
        if is_external(field):
            entry["by"] = "natural_key"
    return entry


def to_json(value):
    """``json.dumps``' fallback: dates and times in full ISO 8601 (Django's encoder
    cuts microseconds to milliseconds, which a restore would then lose)."""
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")

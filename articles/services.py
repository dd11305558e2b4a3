"""Services that write articles: publishing, and (in page_import) the import loader."""

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from newsletter.models import Issue

from .models import Article


def articles_publish(*, articles: QuerySet[Article]) -> int:
    """Publish articles; those published before keep their original time."""
    now = timezone.now()
    with transaction.atomic():
        articles.filter(published_at__isnull=True).update(published_at=now)
        return articles.update(status=Article.Status.PUBLISHED)


def articles_unpublish(*, articles: QuerySet[Article]) -> int:
    return articles.update(status=Article.Status.DRAFT)


def issues_publish(*, issues: QuerySet[Issue]) -> int:
    """Publish issues together with every article in them."""
    now = timezone.now()
    with transaction.atomic():
        issues.filter(published_at__isnull=True).update(published_at=now)
        count = issues.update(status=Issue.Status.PUBLISHED)
        articles_publish(articles=Article.objects.filter(issue__in=issues))
    return count

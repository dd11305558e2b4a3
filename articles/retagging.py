"""Topics: re-tagging articles from the current vocabulary, merging topics."""

from dataclasses import dataclass, field

from django.db.models import QuerySet

from newsletter.history import add_to_revision, revision
from newsletter.page_cache import content_changed

from .importing.topics import article_topics
from .models import Article, TaggedArticle, Topic
from .page_import import build_vocabulary


@dataclass
class RetagChange:
    article: Article
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


@dataclass
class RetagReport:
    looked_at: int = 0
    changes: list[RetagChange] = field(default_factory=list)  # articles whose topics changed


def articles_retag(*, articles: QuerySet[Article], user=None, batch_size: int = 500) -> RetagReport:
    """Re-tag articles by the importer's rules with today's keywords.

    Only topics the vocabulary chose (auto) are added or removed; a topic an
    editor set by hand stays, and the vocabulary never adds it a second time.
    """
    vocabulary = build_vocabulary()
    topics = {t.name: t for t in Topic.objects.all()}
    report = RetagReport()
    with revision(user=user, comment="按当前关键词重新标注专题"):
        queryset = (
            articles.select_related(None)
            .order_by("pk")
            .only("pk", "title", "kicker", "subtitle", "body")
        )
        batch: list[Article] = []
        for article in queryset.iterator(chunk_size=batch_size):
            batch.append(article)
            if len(batch) == batch_size:
                _retag_batch(batch, vocabulary, topics, report)
                batch = []
        _retag_batch(batch, vocabulary, topics, report)
        if report.changes:
            content_changed()
    return report


def _retag_batch(batch, vocabulary, topics, report: RetagReport) -> None:
    report.looked_at += len(batch)
    if not batch:
        return
    current: dict[int, dict[str, TaggedArticle]] = {a.pk: {} for a in batch}
    for row in TaggedArticle.objects.filter(content_object__in=current).select_related("tag"):
        current[row.content_object_id][row.tag.name] = row
    new_rows, stale = [], []
    for article in batch:
        rows = current[article.pk]
        headline = "\n".join(p for p in (article.title, article.kicker, article.subtitle) if p)
        wanted = set(article_topics(headline, "\n".join(article.paragraphs), vocabulary))
        change = RetagChange(article=article)
        for name in sorted(wanted - rows.keys()):
            new_rows.append(
                TaggedArticle(
                    content_object=article, tag=topics[name], source=TaggedArticle.Source.AUTO
                )
            )
            change.added.append(name)
        for name, row in sorted(rows.items()):
            if row.source == TaggedArticle.Source.AUTO and name not in wanted:
                stale.append(row.pk)
                change.removed.append(name)
        if change.added or change.removed:
            report.changes.append(change)
            add_to_revision(article)
    TaggedArticle.objects.bulk_create(new_rows)
    TaggedArticle.objects.filter(pk__in=stale).delete()


def topics_merge(*, keep: Topic, others: list[Topic], user=None) -> int:
    """Merge topics into one: their articles move over (one row an article, hand-set
    wins over auto), their keywords join the kept topic's, and they are deleted.
    Returns how many articles gained the kept topic."""
    others = [t for t in others if t.pk != keep.pk]
    with revision(
        user=user, comment=f"合并专题：{keep.name} ← {'、'.join(t.name for t in others)}"
    ):
        rows = TaggedArticle.objects.filter(tag__in=[keep, *others]).order_by("pk")
        by_article: dict[int, list[TaggedArticle]] = {}
        for row in rows.select_for_update():
            by_article.setdefault(row.content_object_id, []).append(row)
        new_rows, manual = [], []
        for article_id, tagged in by_article.items():
            hand_set = any(r.source == TaggedArticle.Source.MANUAL for r in tagged)
            source = TaggedArticle.Source.MANUAL if hand_set else TaggedArticle.Source.AUTO
            own = next((r for r in tagged if r.tag_id == keep.pk), None)
            if own is None:
                new_rows.append(
                    TaggedArticle(content_object_id=article_id, tag=keep, source=source)
                )
            elif own.source != source:
                manual.append(own.pk)
        words = [*keep.keyword_list]
        for topic in others:
            words += [topic.name, *topic.keyword_list]
        keep.keywords = "、".join(dict.fromkeys(words))
        keep.save(update_fields=["keywords"])
        TaggedArticle.objects.filter(pk__in=manual).update(source=TaggedArticle.Source.MANUAL)
        TaggedArticle.objects.filter(tag__in=others).delete()
        TaggedArticle.objects.bulk_create(new_rows)
        Topic.objects.filter(pk__in=[t.pk for t in others]).delete()
        content_changed()
    return len(new_rows)

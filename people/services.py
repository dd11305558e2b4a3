"""Services that write people: merging duplicates, splitting one person in two."""

from django.db.models import QuerySet

from newsletter.history import add_to_revision, revision
from newsletter.page_cache import content_changed

from .models import Credit, Person

# What the kept person lacks is taken from the merged ones, in this order.
_FILLED_FIELDS = ("title", "organisation", "region")


def people_merge(*, keep: Person, others: list[Person], user=None) -> int:
    """Merge duplicates into ``keep``; returns how many credits moved to it.

    Every credit of the others moves over. Where the kept person already has
    a credit in the same article and role (one person twice in one byline),
    the two are one credit: the fuller title as printed stays. Empty title,
    organisation and region of the kept person are filled from the others;
    the others are then deleted, and the merge is one revision in the history.
    """
    others = [p for p in others if p.pk != keep.pk]
    with revision(
        user=user, comment=f"合并人物：{keep.name} ← {'、'.join(p.name for p in others)}"
    ):
        credits = Credit.objects.select_for_update().filter(person__in=[keep, *others])
        # The kept person's own credits first: they are the ones that stay.
        credits = sorted(credits, key=lambda c: (c.person_id != keep.pk, c.pk))
        kept: dict[tuple[int, str], Credit] = {}
        changed, duplicates, moved = set(), [], 0
        for credit in credits:
            key = (credit.article_id, credit.role)
            twin = kept.get(key)
            if twin is None:
                kept[key] = credit
                if credit.person_id != keep.pk:
                    credit.person = keep
                    changed.add(credit)
                    moved += 1
            else:
                if len(credit.title) > len(twin.title) or credit.order < twin.order:
                    twin.title = max(twin.title, credit.title, key=len)
                    twin.order = min(twin.order, credit.order)
                    changed.add(twin)
                duplicates.append(credit.pk)
        Credit.objects.filter(pk__in=duplicates).delete()
        Credit.objects.bulk_update(changed, ["person", "title", "order"])
        for name in _FILLED_FIELDS:
            values = [getattr(p, name) for p in others if getattr(p, name)]
            if not getattr(keep, name) and values:
                setattr(keep, name, values[0])
        keep.save()
        add_to_revision(*changed)
        Person.objects.filter(pk__in=[p.pk for p in others]).delete()
        content_changed()
    return moved


def person_split(
    *, person: Person, credits: QuerySet[Credit], name: str, title: str = "", user=None
) -> Person:
    """Move some of a person's credits onto a new person of the given name (a namesake
    the importer took for the same man); the new person keeps the kind and region."""
    with revision(user=user, comment=f"拆分人物：{person.name} → {name}"):
        new = Person(name=name, kind=person.kind, title=title, region=person.region)
        new.full_clean()
        new.save()
        moved = list(credits.filter(person=person).select_for_update())
        for credit in moved:
            credit.person = new
        Credit.objects.bulk_update(moved, ["person"])
        add_to_revision(person, *moved)
        content_changed()
    return new

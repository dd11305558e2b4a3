"""Rows to the dicts the schemas describe. Every related list read here was prefetched
by the view (``api.views.articles_for_api``): serialising causes no query."""

from articles.models import Article
from newsletter.models import Issue, Page, Region
from people.models import Person


def region_ref(region: Region) -> dict:
    return {"slug": region.slug, "name": region.name, "short_name": region.short_name}


def person_ref(person: Person) -> dict:
    return {"slug": person.slug, "name": person.name, "kind": person.kind}


def article_data(article: Article, *, detail: bool = False) -> dict:
    data = {
        "id": article.pk,
        "url": article.get_absolute_url(),
        "issue_date": article.issue_date,
        "page_number": article.page_number,
        "position": article.position,
        "section": article.page.section,
        "kind": article.kind,
        "kicker": article.kicker,
        "title": article.title,
        "subtitle": article.subtitle,
        "source": article.source,
        "is_reprint": article.is_reprint,
        "published_at": article.published_at,
        # Prefetched primary first (ArticleQuerySet.with_related).
        "regions": [
            {**region_ref(link.region), "is_primary": link.is_primary}
            for link in article.article_regions.all()
        ],
        "topics": [{"slug": t.slug, "name": t.name} for t in article.topics.all()],
        "credits": [
            {"person": person_ref(c.person), "role": c.role, "title": c.title}
            for c in article.credits.all()
        ],
    }
    if detail:
        target = article.teaser_target
        data.update(
            dateline=article.dateline,
            paragraphs=article.paragraphs,
            # A teaser's target may still be a draft placeholder: then it points nowhere.
            teaser_target=target.pk if target is not None and target.is_public else None,
        )
    return data


def issue_data(issue: Issue) -> dict:
    return {
        "date": issue.date,
        "number": issue.number,
        "masthead": issue.masthead,
        "published_at": issue.published_at,
        "url": issue.get_absolute_url(),
    }


def page_ref(page: Page, issue: Issue) -> dict:
    page.issue = issue  # get_absolute_url() reads the issue's date
    return {"number": page.number, "section": page.section, "url": page.get_absolute_url()}

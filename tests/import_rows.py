"""Every row an import writes, dumped to compare two states of the database."""

from articles.models import Article, ArticleRegion, TaggedArticle
from newsletter.models import Issue, Page
from people.models import Credit, Person

IMPORTED = (Issue, Page, Article, Person, Credit, ArticleRegion, TaggedArticle)
TIMES = ("created_at", "updated_at", "published_at")


def all_rows() -> dict[str, list[dict]]:
    """Every column of every row, ids and times included: for "nothing changed"."""
    return {model.__name__: list(model.objects.order_by("pk").values()) for model in IMPORTED}


def content_rows() -> dict[str, list]:
    """What the rows say, with ids replaced by natural keys and times by whether they are set.

    Two imports of the same pages in different orders must give equal dumps.
    """

    def plain(row: dict, *drop: str) -> dict:
        row = {k: v for k, v in row.items() if k not in drop and k != "id"}
        return row | {t: row[t] is not None for t in TIMES if t in row}

    pages = {p.pk: (p.issue.date, p.number) for p in Page.objects.select_related("issue")}
    articles = {a["id"]: pages[a["page_id"]] + (a["position"],) for a in Article.objects.values()}
    people = dict(Person.objects.values_list("pk", "slug"))
    return {
        "issues": sorted((plain(row) for row in Issue.objects.values()), key=lambda r: r["date"]),
        "pages": sorted(
            (plain(row, "issue_id") | {"key": pages[row["id"]]} for row in Page.objects.values()),
            key=lambda r: r["key"],
        ),
        "articles": sorted(
            (
                plain(row, "issue_id", "page_id", "teaser_target_id")
                | {
                    "key": articles[row["id"]],
                    "teaser_target": articles.get(row["teaser_target_id"]),
                }
                for row in Article.objects.values()
            ),
            key=lambda r: r["key"],
        ),
        "people": sorted((plain(row) for row in Person.objects.values()), key=lambda r: r["slug"]),
        "credits": sorted(
            (
                plain(row, "article_id", "person_id")
                | {"article": articles[row["article_id"]], "person": people[row["person_id"]]}
                for row in Credit.objects.values()
            ),
            key=lambda r: (r["article"], r["order"], r["person"], r["role"]),
        ),
        "regions": sorted(
            (articles[row["article_id"]], row["region_id"], row["is_primary"])
            for row in ArticleRegion.objects.values()
        ),
        "topics": sorted(
            (articles[row["content_object_id"]], row["tag_id"])
            for row in TaggedArticle.objects.values()
        ),
    }

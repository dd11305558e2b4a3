"""schema.org data for search engines and link previews: NewsArticle and BreadcrumbList.

Plain dictionaries, built from rows the views already loaded (no query of their
own); ``{% ld_json %}`` (newsletter/templatetags/ld_json.py) writes them into the page.
"""

from django.templatetags.static import static

PUBLISHER_NAME = "同心苑 · 浙江政协《联谊报》"
LOGO = "icons/icon-512.png"


def logo_url(request) -> str:
    """The paper's logo, absolute (``STATIC_URL`` may already be: a CDN)."""
    return request.build_absolute_uri(static(LOGO))


def publisher(request) -> dict:
    return {
        "@type": "Organization",
        "name": PUBLISHER_NAME,
        "url": request.build_absolute_uri("/"),
        "logo": {"@type": "ImageObject", "url": logo_url(request)},
    }


def news_article(request, article, *, byline, description: str) -> dict:
    """The article: headline, dates, its reporters with their roles, section and places."""
    issue_date = article.issue.date.isoformat()
    published = article.published_at or article.issue.date
    # A publication scheduled after the last edit was modified when it appeared.
    modified = max(article.updated_at, article.published_at or article.updated_at)
    url = request.build_absolute_uri(article.get_absolute_url())
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title[:110],
        "description": description,
        "datePublished": published.isoformat(),
        "dateModified": modified.isoformat(),
        "url": url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "image": [logo_url(request)],
        "inLanguage": "zh-CN",
        "author": [
            {
                "@type": "Person",
                "name": credit.person.name,
                "jobTitle": credit.title or credit.get_role_display(),
                "url": request.build_absolute_uri(credit.person.get_absolute_url()),
            }
            for credit in byline
        ]
        or [{"@type": "Organization", "name": article.source or article.issue.masthead}],
        "publisher": publisher(request),
        "isPartOf": {
            "@type": "PublicationIssue",
            "datePublished": issue_date,
            "name": f"{article.issue.masthead} {issue_date}",
        },
        "contentLocation": [
            {"@type": "Place", "name": ar.region.name} for ar in article.article_regions.all()
        ],
    }
    if article.subtitle:
        data["alternativeHeadline"] = article.subtitle
    if article.page.section:
        data["articleSection"] = article.page.section
    if not data["contentLocation"]:
        del data["contentLocation"]
    return data


def breadcrumb_list(request, trail: list[tuple[str, str]]) -> dict:
    """``trail``: (name, path) from the home page down to the page itself."""
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": name,
                "item": request.build_absolute_uri(path),
            }
            for position, (name, path) in enumerate(trail, start=1)
        ],
    }

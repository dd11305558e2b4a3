"""Hostile content renders as text everywhere: public pages, feeds, sitemaps,
the admin and the import's reports.

Every text field an editor or an imported file can fill carries markup, an
entity and Django template syntax; no page may carry it unescaped, and none
may evaluate the template syntax (the secret key never appears).
"""

import json
import re
import xml.etree.ElementTree as ET
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse
from django.utils.html import escape

from articles.models import Article
from tests.factories import ArticleFactory, CreditFactory, PersonFactory, TopicFactory, region

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert(1)</script>"
ATTRIBUTE = '"><img src=x onerror=alert(1)>'
ENTITY = "&amp;lt;"
TEMPLATE = "{{ settings.SECRET_KEY }}{% debug %}"
HOSTILE = SCRIPT + ATTRIBUTE + ENTITY + TEMPLATE
# What must never reach a page as markup.
RAW = (SCRIPT, "<img src=x", ENTITY)


def assert_rendered_as_text(html: str, *texts: str):
    for raw in RAW:
        assert raw not in html
    assert settings.SECRET_KEY not in html
    assert "sql_queries" not in html  # what {% debug %} would print
    for text in texts:
        assert escape(text) in html, text


@pytest.fixture
def hostile():
    """An article whose every text field is hostile, with a hostile topic and person."""
    topic = TopicFactory(name="专题" + SCRIPT)
    article = ArticleFactory(
        kicker="引题" + HOSTILE,
        title="标题" + HOSTILE,
        subtitle="副题" + HOSTILE,
        source="来源" + SCRIPT,
        body=f"正文{HOSTILE}\n第二段{HOSTILE}",
        topics=[topic],
        regions=[region("杭州")],
    )
    # Region-less content, shown on the same lists.
    unplaced = ArticleFactory(page=article.page, title="无地区" + HOSTILE, body="正文" + HOSTILE)
    person = PersonFactory(name=ATTRIBUTE, title="职务" + HOSTILE)
    CreditFactory(article=article, person=person, title="文中职务" + HOSTILE)
    return article, unplaced, topic, person


def test_public_pages_render_hostile_content_as_text(client, hostile):
    article, unplaced, topic, person = hostile
    date = article.issue_date.isoformat()
    headline = (article.title, unplaced.title)
    pages = {
        "/": headline,
        f"/issues/{date}/": (article.title,),
        f"/issues/{date}/1/": (*headline, article.kicker, article.subtitle),
        "/articles/": (*headline, article.kicker, article.subtitle, topic.name),
        article.get_absolute_url(): (
            article.kicker,
            article.title,
            article.subtitle,
            f"正文{HOSTILE}",
            f"第二段{HOSTILE}",
            topic.name,
            person.name,
        ),
        unplaced.get_absolute_url(): (unplaced.title, f"正文{HOSTILE}"),
        f"/regions/{region('杭州').slug}/": (article.title,),
        topic.get_absolute_url(): (topic.name, article.title),
        "/topics/": (topic.name,),
        person.get_absolute_url(): (person.name, article.title),
        "/people/": (person.name,),
    }
    for url, texts in pages.items():
        response = client.get(url)
        assert response.status_code == 200, url
        assert_rendered_as_text(response.content.decode(), *texts)


@pytest.mark.parametrize("query", [SCRIPT, ATTRIBUTE, "标题" + SCRIPT, TEMPLATE, ENTITY])
def test_search_results_highlight_without_unescaping(client, hostile, query):
    html = client.get("/search/", {"q": query}).content.decode()
    for raw in RAW:
        assert raw not in html
    assert settings.SECRET_KEY not in html
    assert f'value="{escape(query)}"' in re.sub(r"\s+", " ", html)  # back in its box, as text
    # Highlighting cuts the escaped title with <mark>, yet never lets markup through.
    assert re.search(r"<mark>[^<]*</mark>", html)
    assert "&lt;" in html


def test_the_article_list_filters_echo_hostile_values_as_text(client, hostile):
    html = client.get(
        "/articles/", {"q": HOSTILE, "source": HOSTILE, "date_from": HOSTILE}
    ).content.decode()
    for raw in RAW:
        assert raw not in html
    assert settings.SECRET_KEY not in html


@pytest.mark.parametrize("url", ["/feeds/latest/rss/", "/feeds/latest/atom/"])
def test_feeds_xml_escape_hostile_content(client, hostile, url):
    article, *_ = hostile
    response = client.get(url)
    body = response.content.decode()
    assert SCRIPT not in body and "<img src=x" not in body
    assert settings.SECRET_KEY not in body
    # Well-formed XML that gives the headline back literally.
    texts = [element.text or "" for element in ET.fromstring(response.content).iter()]
    assert f"{article.title}:{article.subtitle}" in texts


def test_topic_feeds_and_sitemaps_stay_well_formed(client, hostile):
    _, _, topic, _ = hostile
    urls = [
        reverse("feeds:topic", args=[topic.slug]),
        reverse("feeds:topic-atom", args=[topic.slug]),
        "/sitemap.xml",
    ]
    index = ET.fromstring(client.get("/sitemap.xml").content)
    urls += [loc.text.removeprefix("http://testserver") for loc in index.iter() if "loc" in loc.tag]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        ET.fromstring(response.content)  # raises on broken XML
        assert SCRIPT.encode() not in response.content, url


def test_the_admin_renders_hostile_content_as_text(admin_client, hostile):
    article, _, topic, person = hostile
    pages = {
        reverse("admin:articles_article_changelist"): (article.title,),
        reverse("admin:articles_article_change", args=[article.pk]): (
            article.kicker,
            article.title,
            article.subtitle,
            article.body,
        ),
        reverse("admin:articles_topic_changelist"): (topic.name,),
        reverse("admin:people_person_changelist"): (person.name,),
        reverse("admin:people_person_change", args=[person.pk]): (person.name, person.title),
        reverse("admin:newsletter_issue_change", args=[article.issue_id]): (article.title,),
    }
    for url, texts in pages.items():
        response = admin_client.get(url)
        assert response.status_code == 200, url
        assert_rendered_as_text(response.content.decode(), *texts)


# The ASCII comma is repaired, so the reports quote the hostile line.
PAGE = f"议政\n\n标题{SCRIPT}\n\n联谊报　4月23日,正文{HOSTILE}。市政协委员调研。\n"


@pytest.fixture
def page_file(tmp_path):
    path = tmp_path / "p1.txt"
    path.write_text(PAGE, encoding="utf-8")
    return path


def run(*args) -> str:
    out = StringIO()
    call_command("import_pages", *map(str, args), stdout=out, stderr=StringIO(), verbosity=2)
    return out.getvalue()


def test_the_json_report_carries_hostile_text_literally(page_file):
    report = json.loads(run(page_file, "--date", "2025-04-23", "--format", "json"))
    (page,) = report["pages"]
    assert page["created"] == [f"标题{SCRIPT}"]
    assert any(HOSTILE in repair["after"] for repair in page["repairs"])
    article = Article.objects.get()
    assert article.title == f"标题{SCRIPT}"
    assert HOSTILE in article.body  # stored as written: escaping is the pages' job


def test_the_text_report_prints_hostile_text_as_written(page_file):
    out = run(page_file, "--date", "2025-04-23", "--dry-run")
    assert f"正文{HOSTILE}。" in out  # the repaired line, as written
    assert settings.SECRET_KEY not in out
    assert not Article.objects.exists()


def test_the_admin_import_preview_renders_hostile_text_as_text(
    admin_client, page_file, settings, tmp_path
):
    settings.IMPORT_STAGING_DIR = tmp_path / "staging"
    response = admin_client.post(
        reverse("admin:newsletter_issue_import"),
        {"step": "upload", "files": page_file.open("rb"), "date": "2025-04-23"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert_rendered_as_text(html, f"标题{SCRIPT}")
    assert f"正文{escape(HOSTILE)}" in html  # the first lines of the text
    assert not Article.objects.exists()

"""Every page type parses as HTML5 without a single parse error."""

import html5lib
import pytest
from django.core.management import call_command

from articles.models import Article, Topic
from newsletter.models import Issue, Region
from people.models import Person

pytestmark = pytest.mark.django_db


@pytest.fixture
def paths():
    call_command("import_pages", "seeds/", "--publish", verbosity=0)
    issue = Issue.objects.get()
    return [
        "/",
        "/issues/",
        issue.get_absolute_url(),
        issue.pages.get(number=1).get_absolute_url(),
        "/articles/",
        "/articles/?region=huzhou&topic=qingnian",
        "/articles/?page=abc&date_from=2025-13-40",
        Article.objects.published().get(title__startswith="让青年夜校").get_absolute_url(),
        "/regions/",
        Region.objects.get(short_name="湖州").get_absolute_url(),
        "/topics/",
        Topic.objects.get(name="青年").get_absolute_url(),
        "/people/",
        Person.objects.get(name="李上葵").get_absolute_url(),
        "/search/?q=青年夜校",
        "/articles/999999/",
    ]


def test_every_page_is_well_formed_html5(client, paths):
    for path in paths:
        response = client.get(path)
        parser = html5lib.HTMLParser(strict=True)
        parser.parse(response.content)  # raises on the first parse error
        assert response.content.startswith(b"<!doctype html>"), path
        assert b'<html lang="zh-CN">' in response.content, path

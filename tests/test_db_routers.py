"""Read replicas: anonymous readers' pages read from a replica, the rest from the primary.

``replica_1`` is a mirror of the test database (tests/settings.py); a test turns
it on by listing it in DATABASE_REPLICAS, as DATABASE_REPLICA_URLS does in
production.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connections, router
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from articles.models import Article
from newsletter.db_routers import ReplicaReadsMiddleware
from tests.factories import ArticleFactory

ROOT = Path(__file__).resolve().parent.parent
REPLICA = "replica_1"


@pytest.fixture
def replica(settings):
    settings.DATABASE_REPLICAS = [REPLICA]


def read_alias_during(request, *, write_first=False) -> str:
    """The database a read in this request's view would use."""

    def view(request):
        if write_first:
            assert router.db_for_write(Article) == "default"
        return Article.objects.all().db

    request.user = getattr(request, "user", AnonymousUser())
    return ReplicaReadsMiddleware(view)(request)


@pytest.mark.parametrize("method", ["get", "head"])
def test_anonymous_reads_of_public_pages_go_to_the_replica(replica, method):
    assert read_alias_during(getattr(RequestFactory(), method)("/articles/")) == REPLICA


@pytest.mark.parametrize("method", ["post", "put", "delete"])
def test_other_methods_read_from_the_primary(replica, method):
    assert read_alias_during(getattr(RequestFactory(), method)("/articles/")) == "default"


def test_the_admin_reads_from_the_primary(replica):
    assert read_alias_during(RequestFactory().get("/admin/articles/article/")) == "default"


def test_after_a_write_the_request_reads_from_the_primary(replica):
    request = RequestFactory().get("/articles/")
    assert read_alias_during(request, write_first=True) == "default"


def test_outside_a_request_everything_uses_the_primary(replica):
    assert Article.objects.all().db == "default"
    assert router.db_for_write(Article) == "default"


def test_without_replicas_everything_uses_the_primary(settings):
    settings.DATABASE_REPLICAS = []
    assert read_alias_during(RequestFactory().get("/articles/")) == "default"


# End to end: the replica connection must see committed rows, hence transaction=True.
on_committed_rows = pytest.mark.django_db(transaction=True, databases=["default", REPLICA])


@on_committed_rows
def test_an_anonymous_reader_is_served_from_the_replica(replica, client):
    article = ArticleFactory(title="从副本读出的文章")
    with (
        CaptureQueriesContext(connections["default"]) as primary,
        CaptureQueriesContext(connections[REPLICA]) as copy,
    ):
        response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    assert "从副本读出的文章" in response.text
    assert any("articles_article" in q["sql"] for q in copy.captured_queries)
    assert primary.captured_queries == []


@on_committed_rows
def test_signed_in_staff_read_from_the_primary(replica, client, django_user_model):
    article = ArticleFactory()
    client.force_login(django_user_model.objects.create_superuser("chief", password="x"))
    with CaptureQueriesContext(connections[REPLICA]) as copy:
        assert client.get(article.get_absolute_url()).status_code == 200
        assert client.get("/admin/articles/article/").status_code == 200
    assert copy.captured_queries == []


def settings_under(env: dict[str, str], expression: str) -> str:
    """Evaluate an expression on newsletter.settings loaded in a fresh process with env."""
    environment = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    environment.update(env, DEBUG="1", DJANGO_SETTINGS_MODULE="newsletter.settings")
    code = f"import django; django.setup(); from django.conf import settings; print({expression})"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=environment, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_replica_urls_become_mirrored_aliases():
    urls = "postgres://reader@replica-a:5432/tx,postgres://reader@replica-b:5432/tx"
    described = settings_under(
        {"DATABASE_REPLICA_URLS": urls, "DATABASE_URL": "postgres://writer@primary:5432/tx"},
        "settings.DATABASE_REPLICAS, "
        "[(a, d['HOST'], d['TEST']['MIRROR']) for a, d in settings.DATABASES.items()]",
    )
    assert described == (
        "['replica_1', 'replica_2'] [('default', 'primary', None), "
        "('replica_1', 'replica-a', 'default'), ('replica_2', 'replica-b', 'default')]"
    )


def test_static_files_can_come_from_a_cdn():
    described = settings_under(
        {"STATIC_URL": "https://cdn.example.org/static/"},
        "__import__('django.templatetags.static').templatetags.static.static('css/site.css'), "
        "settings.CONTENT_SECURITY_POLICY['DIRECTIVES']['style-src'], "
        "settings.CROSS_ORIGIN_RESOURCE_POLICY",
    )
    assert described == (
        "https://cdn.example.org/static/css/site.css "
        "[\"'self'\", 'https://cdn.example.org'] same-site"
    )

"""The page cache: whole public pages for anonymous readers, in Django's cache (Redis or memory).

Every cached page's key holds the current content *generation*, a token in
the cache that every write to what pages show replaces (after its transaction
commits). A write therefore makes every cached page unreachable at once;
nothing has to know which pages showed what. Model signals bump it for every
save and delete of a content model; services that write with ``update()`` or
``bulk_create()`` (which send no signals) call ``content_changed()``
themselves.

An article published for a later time appears without any write, so no page
is kept past the next scheduled publication, nor past ``PAGE_CACHE_SECONDS``.

Cached pages carry an ``ETag`` and a ``Last-Modified`` (when the content last
changed), and conditional requests are answered 304 from the cache without
rendering. Anyone with a session (only staff log in) bypasses the cache both
ways and gets ``no-store`` pages.
"""

import contextlib
import contextvars
import datetime
import hashlib
import logging
import uuid
from collections.abc import Callable
from typing import TypeVar

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone
from django.utils.cache import (
    add_never_cache_headers,
    cc_delim_re,
    get_conditional_response,
    patch_cache_control,
    set_response_etag,
)
from django.utils.http import http_date, parse_http_date_safe
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)
T = TypeVar("T")
_in_bulk_write = contextvars.ContextVar("page_cache_in_bulk_write", default=False)

GENERATION_KEY = "page-cache:generation"
# Errors of an unreachable cache: pages are then rendered, never failed.
CACHE_ERRORS = (RedisError, OSError)
# 404s are cached too: a guessed or withdrawn URL costs no query, and the next
# write (a publication) makes it stale like any page.
CACHED_STATUSES = {200, 404}
# The only cookie a public page reads (articles.views.FONT_SIZE_COOKIE): its value,
# not the whole Cookie header, is part of the key, so other cookies don't split it.
KEY_COOKIES = ("size",)
# What pages show: a write to any of these bumps the generation.
CONTENT_MODELS = (
    "articles.Article",
    "articles.ArticleRegion",
    "articles.TaggedArticle",
    "articles.Topic",
    "newsletter.Issue",
    "newsletter.Page",
    "newsletter.Region",
    "people.Person",
    "people.Credit",
)


# ---------------------------------------------------------------- the generation


def content_changed() -> None:
    """Make every cached page stale, once the current transaction commits (at once outside one).

    ``robust``: the write has been committed; an unreachable cache is logged, not
    turned into an error for the editor.
    """
    transaction.on_commit(_bump_generation, robust=True)


def _new_generation() -> tuple[str, float]:
    return uuid.uuid4().hex, timezone.now().timestamp()


def _bump_generation() -> None:
    cache.set(GENERATION_KEY, _new_generation(), timeout=None)


def current_generation() -> tuple[str, float]:
    """The generation's token and when it changed (a fresh one if the cache lost it)."""
    return cache.get_or_set(GENERATION_KEY, _new_generation, timeout=None)


@contextlib.contextmanager
def bulk_writes():
    """Saves in this block queue no bump each: the bulk writer calls ``content_changed()``
    once when done (an import of thousands of pages would queue a bump per row)."""
    token = _in_bulk_write.set(True)
    try:
        yield
    finally:
        _in_bulk_write.reset(token)


def _on_write(sender, **kwargs) -> None:
    if _in_bulk_write.get() or not kwargs.get("action", "post_").startswith("post_"):
        return  # m2m_changed also sends pre_add, pre_remove, pre_clear
    content_changed()


def connect_signals() -> None:
    """Called once from the app config: every save and delete of content bumps the generation."""
    from django.apps import apps

    for label in CONTENT_MODELS:
        for signal in (post_save, post_delete, m2m_changed):
            signal.connect(_on_write, sender=apps.get_model(label))


# ---------------------------------------------------------------- scheduled publication


def publication_schedule(token: str, now: float) -> tuple[float, float | None]:
    """(the latest publication time due at ``now``, the next one after it), as timestamps.

    Cached per generation, and good for any ``now`` between the two (a slow
    request's may be earlier than the one that cached it); two index lookups when not.
    """
    from articles.models import Article

    key = f"page-cache:schedule:{token}"
    cached = cache.get(key)
    if cached is not None and cached[0] <= now and (cached[1] is None or now < cached[1]):
        return cached
    moment = datetime.datetime.fromtimestamp(now, tz=datetime.UTC)
    times = Article.objects.filter(status=Article.Status.PUBLISHED).values_list(
        "published_at", flat=True
    )
    last = times.filter(published_at__lte=moment).order_by("-published_at").first()
    upcoming = times.filter(published_at__gt=moment).order_by("published_at").first()
    schedule = (
        last.timestamp() if last else 0.0,
        upcoming.timestamp() if upcoming else None,
    )
    limit = max(settings.PAGE_CACHE_SECONDS, settings.QUERY_CACHE_SECONDS)
    cache.set(key, schedule, timeout=_seconds_until(now, schedule[1], limit))
    return schedule


def _seconds_until(now: float, due: float | None, limit: int | None = None) -> int:
    """Whole seconds a page made now may be kept: never past ``due``, nor the maximum."""
    limit = settings.PAGE_CACHE_SECONDS if limit is None else limit
    return limit if due is None else min(limit, int(due - now))


# ---------------------------------------------------------------- values computed from content

_MISSING = object()


def cached_until_changed(key: str, compute: Callable[[], T]) -> T:
    """A value computed from the whole archive (a count, a list of choices), kept until
    the content next changes or an article comes due, ``QUERY_CACHE_SECONDS`` at most
    (0: always computed). An unreachable cache means computing it, never an error."""
    limit = settings.QUERY_CACHE_SECONDS
    if not limit:
        return compute()
    digest = hashlib.md5(key.encode(), usedforsecurity=False).hexdigest()
    now = timezone.now().timestamp()
    try:
        token, _ = current_generation()
        last_due, next_due = publication_schedule(token, now)
        full_key = f"query-cache:{token}:{last_due}:{digest}"
        value = cache.get(full_key, _MISSING)
    except CACHE_ERRORS:
        logger.warning("Cache unreachable: %s computed afresh", key, exc_info=True)
        return compute()
    if value is _MISSING:
        value = compute()
        with contextlib.suppress(*CACHE_ERRORS):
            cache.set(full_key, value, timeout=_seconds_until(now, next_due, limit))
    return value


# ---------------------------------------------------------------- the middleware


def page_key(request, token: str) -> str:
    cookies = "\n".join(request.COOKIES.get(name, "") for name in KEY_COOKIES)
    url = request.build_absolute_uri()
    digest = hashlib.md5(f"{url}\n{cookies}".encode(), usedforsecurity=False).hexdigest()
    return f"page-cache:{token}:{digest}"


def conditional(request, response):
    """A 304 when the reader's copy is current (Django's ConditionalGetMiddleware's test)."""
    return get_conditional_response(
        request,
        etag=response.get("ETag"),
        last_modified=parse_http_date_safe(response.get("Last-Modified", "")),
        response=response,
    )


def is_cacheable(request, response) -> bool:
    """A response every anonymous reader of this URL would get alike."""
    varies = {h.strip().lower() for h in cc_delim_re.split(response.get("Vary", "")) if h.strip()}
    control = {c.strip().lower() for c in cc_delim_re.split(response.get("Cache-Control", ""))}
    return (
        response.status_code in CACHED_STATUSES
        and not response.streaming
        and not response.cookies  # e.g. the reading size being set
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")  # a form with this reader's token
        and varies <= {"cookie"}  # and the one cookie that counts is in the key
        and not control & {"private", "no-store", "no-cache"}  # the admin, /healthz
    )


class PageCacheMiddleware:
    """Serves and stores anonymous readers' GET and HEAD pages (see the module's docstring).

    Sits right after WhiteNoise: static files never reach it, and a hit skips
    sessions, CSRF, authentication and messages, so it costs no query; the
    headers those add are stored with the page, and the security headers
    (SecurityMiddleware, newsletter/security_headers.py) are added to every answer.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.PAGE_CACHE_SECONDS:
            return self.get_response(request)
        if settings.SESSION_COOKIE_NAME in request.COOKIES:
            response = self.get_response(request)
            if not response.has_header("Cache-Control"):
                add_never_cache_headers(response)  # staff's previews stay out of every cache
            return response
        if request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        now = timezone.now().timestamp()
        try:
            # Read before rendering: a write during rendering leaves this page under
            # the old generation, where no one will look for it.
            token, changed_at = current_generation()
            key = page_key(request, token)
            cached = cache.get(key)
        except CACHE_ERRORS:
            logger.warning("页面缓存不可用，直接生成页面。", exc_info=True)
            return self.get_response(request)
        if cached is not None and cached[0] > now:
            return conditional(request, cached[1])
        response = self.get_response(request)
        if not is_cacheable(request, response):
            return response
        try:
            # As of the request's start, which is what the page shows.
            last_due, next_due = publication_schedule(token, now)
            set_response_etag(response)
            response["Last-Modified"] = http_date(max(changed_at, last_due))
            if not response.has_header("Cache-Control"):
                # Browsers and proxies may keep it but must ask again each time: a 304.
                patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
            seconds = _seconds_until(now, next_due)
            if seconds > 0:
                cache.set(key, (now + seconds, response), timeout=seconds)
        except CACHE_ERRORS:
            logger.warning("页面缓存不可用，页面未存入。", exc_info=True)
        return conditional(request, response)

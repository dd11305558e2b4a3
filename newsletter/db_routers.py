"""Read replicas: anonymous readers' pages read from a replica, everything else from the primary.

The rule is kept simple so that nobody reads a stale copy of what they just
wrote: only GET and HEAD requests of anonymous visitors outside the admin
read from a replica (chosen at random per query); once such a request writes
anything, it reads from the primary for the rest of it. Editors, the admin,
POSTs, management commands and tests without replicas all use the primary.
Replicas are the aliases in ``settings.DATABASE_REPLICAS`` (from
``DATABASE_REPLICA_URLS``); with none, the router changes nothing.
"""

import random
from contextvars import ContextVar

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS
from django.urls import reverse

_replica_reads = ContextVar("replica_reads", default=False)


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        if settings.DATABASE_REPLICAS and _replica_reads.get():
            return random.choice(settings.DATABASE_REPLICAS)
        return DEFAULT_DB_ALIAS

    def db_for_write(self, model, **hints):
        # What the request reads next may be what it just wrote: not on a lagging replica.
        _replica_reads.set(False)
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints):
        return True  # replicas hold the same rows as the primary

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == DEFAULT_DB_ALIAS


class ReplicaReadsMiddleware:
    """Lets the router send this request's reads to a replica when it is safe to."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _replica_reads.set(
            request.method in ("GET", "HEAD")
            and not request.path.startswith(reverse("admin:index"))
            and not request.user.is_authenticated
        )
        try:
            return self.get_response(request)
        finally:
            _replica_reads.reset(token)

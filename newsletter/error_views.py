"""Error pages Django lets a project replace by setting: the CSRF failure (403) and the 500."""

import logging
import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError, connections
from django.http import HttpResponse
from django.shortcuts import render
from django.template import loader
from django.utils.cache import add_never_cache_headers
from django.views import defaults

RETRY_AFTER_SECONDS = 30


def database_unavailable(error: BaseException | None) -> bool:
    """What an unreachable database raises: refused or timed-out connections, a server
    shutting down or starting up, a statement or lock over its timeout (timeouts.py),
    a connection the server closed. Not the code's fault, and it passes.

    The driver's own classes too: Django does not wrap every call into the driver
    (closing a server-side cursor the server has just dropped raises psycopg's).
    """
    drivers = {connections[alias].Database for alias in settings.DATABASES}
    kinds = (OperationalError, InterfaceError)
    kinds += tuple(kind for d in drivers for kind in (d.OperationalError, d.InterfaceError))
    return isinstance(error, kinds)


def csrf_failure(request, reason=""):
    """A form sent without a valid CSRF token: most often an expired page or blocked cookies.

    The reason is for the log (Django logs it), never shown: it helps nobody who reads Chinese.
    """
    return render(request, "403_csrf.html", status=403)


def server_error(request):
    """``handler500``: any exception no view or middleware answered, wherever it arose.

    Django calls it while handling the exception, so ``sys.exc_info()`` is that
    exception. The database being unavailable gets a 503 with ``Retry-After``,
    kept by no cache; anything else Django's 500 (templates/500.html). Both
    render without a request context, so neither needs the database.
    """
    if database_unavailable(sys.exc_info()[1]):
        response = HttpResponse(loader.render_to_string("503.html"), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        add_never_cache_headers(response)
        return response
    return defaults.server_error(request)


class DatabaseUnavailableLog(logging.Filter):
    """Shortens ``django.request``'s record of a 503 to one line, the driver's message.

    Django logs every unanswered exception with its traceback: in an outage that
    is thirty lines a request, all the same, burying whatever else the log says.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        if database_unavailable(error):
            record.msg = f"{record.getMessage()} ({type(error).__name__}: {error})"
            record.args = ()
            record.exc_info = record.exc_text = None
        return True

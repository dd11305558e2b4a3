"""Gzip for the reading site's pages, and only where BREACH has nothing to steal.

BREACH recovers a secret from the size of compressed responses that also reflect
the attacker's input. An anonymous reader's page holds no secret (no session, no
CSRF token: the site's only forms are GET searches), so it is compressed; any
response that rendered a CSRF token (the admin's login, error pages with a form)
and anything sent to a browser with a session (staff) is sent as it is. Django's
GZipMiddleware also pads each compressed body with random bytes (since 4.2).

It sits outside the page cache: the cache keeps one uncompressed copy per URL,
compressed per request by what the reader accepts (``Vary: Accept-Encoding``).
Static files never reach it; whitenoise sends them pre-compressed.
"""

from django.conf import settings
from django.middleware.gzip import GZipMiddleware


class PublicGZipMiddleware(GZipMiddleware):
    def process_response(self, request, response):
        # A page that rendered a CSRF token sends the CSRF cookie with it (get_token());
        # a session, begun or sent, is staff's.
        if settings.SESSION_COOKIE_NAME in request.COOKIES or response.cookies.keys() & {
            settings.CSRF_COOKIE_NAME,
            settings.SESSION_COOKIE_NAME,
        }:
            return response
        return super().process_response(request, response)

"""Guards every request passes before any view: one place, so no new view can forget them.

``RefuseUnstorableInput``: PostgreSQL refuses a NUL character in text (``DataError``,
a 500), and any path, query parameter, form value or cookie may end up in a query.
A NUL in the path answers 404 (no page has such an address), anywhere else 400.
Invalid UTF-8 needs no guard: Django keeps it percent-encoded in the path and
replaces it in parameters (U+FFFD), so no lone surrogate reaches the database.

``ReadOnlyPublicSite``: the reading site only reads, so it answers GET and HEAD and
nothing else (405): no ``OPTIONS`` or ``TRACE`` is answered with the page. Its
forms (search, list filters, the date picker) are GET forms; the admin keeps its
own methods.
"""

from django.core.exceptions import BadRequest
from django.http import Http404, HttpResponseNotAllowed
from django.urls import reverse

NUL = "\x00"
READING_METHODS = ("GET", "HEAD")
URLENCODED = "application/x-www-form-urlencoded"


def _has_nul(query_dict) -> bool:
    return any(NUL in key or NUL in "".join(values) for key, values in query_dict.lists())


def _form_has_nul(request) -> bool:
    # A urlencoded body only: reading a multipart body here would parse uploads
    # before the view chooses how; Django's form fields refuse NULs there.
    return request.content_type == URLENCODED and _has_nul(request.POST)


class RefuseUnstorableInput:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if NUL in request.path_info:
            raise Http404("网址中有无效字符")
        cookies = "".join(f"{key}{value}" for key, value in request.COOKIES.items())
        if _has_nul(request.GET) or NUL in cookies or _form_has_nul(request):
            raise BadRequest("请求中有无效字符")
        return self.get_response(request)


class ReadOnlyPublicSite:
    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = reverse("admin:index")

    def __call__(self, request):
        if request.method not in READING_METHODS and not request.path_info.startswith(
            self.admin_prefix
        ):
            return HttpResponseNotAllowed(READING_METHODS)
        return self.get_response(request)

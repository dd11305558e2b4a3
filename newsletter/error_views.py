"""Error pages Django lets a project replace by setting: the CSRF failure (403)."""

from django.shortcuts import render


def csrf_failure(request, reason=""):
    """A form sent without a valid CSRF token: most often an expired page or blocked cookies.

    The reason is for the log (Django logs it), never shown: it helps nobody who reads Chinese.
    """
    return render(request, "403_csrf.html", status=403)

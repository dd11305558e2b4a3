"""Security headers on every answer: pages, error pages, cache hits and static files.

Both middlewares sit right after SecurityMiddleware, before WhiteNoise and the
page cache, so a static file, a guard's 400 and a cached page get exactly what
a freshly rendered page gets.
"""

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.urls import reverse

# Features the site never uses, denied to it and to anything it could embed.
DENIED_FEATURES = [
    "accelerometer",
    "browsing-topics",
    "camera",
    "display-capture",
    "geolocation",
    "gyroscope",
    "interest-cohort",
    "magnetometer",
    "microphone",
    "midi",
    "payment",
    "publickey-credentials-get",
    "usb",
    "xr-spatial-tracking",
]
PERMISSIONS_POLICY = ", ".join(f"{feature}=()" for feature in DENIED_FEATURES)


class SitePolicyCSPMiddleware(CSPMiddleware):
    """The strict CONTENT_SECURITY_POLICY everywhere, loosened by ADMIN_CSP_UPDATE in the admin."""

    def __init__(self, get_response):
        super().__init__(get_response)
        self.admin_prefix = reverse("admin:index")

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and request.path_info.startswith(self.admin_prefix):
            parts.update = {**settings.ADMIN_CSP_UPDATE, **(parts.update or {})}
        return parts


class CrossOriginHeaders:
    """What Django's SecurityMiddleware does not set: CORP and a Permissions-Policy."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault(
            "Cross-Origin-Resource-Policy", settings.CROSS_ORIGIN_RESOURCE_POLICY
        )
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response

"""Rate limits for anonymous API clients, counted per client address in Django's cache."""

from django.conf import settings
from ninja.throttling import AnonRateThrottle

from newsletter.client_ip import client_ip


class AnonymousClientThrottle(AnonRateThrottle):
    """ninja's anonymous throttle, with the rate read from ``API_THROTTLE_RATE`` on each
    request and the address the login lock-out believes (X-Forwarded-For only from
    TRUSTED_PROXIES), so a client cannot pick a fresh address per request. An empty
    rate turns the limit off (the test suite, or a deployment limiting at its proxy)."""

    def __init__(self):
        super().__init__(rate=settings.API_THROTTLE_RATE or None)

    def allow_request(self, request) -> bool:
        if not settings.API_THROTTLE_RATE:
            return True
        self.num_requests, self.duration = self.parse_rate(settings.API_THROTTLE_RATE)
        return super().allow_request(request)

    def get_ident(self, request) -> str | None:
        return client_ip(request)

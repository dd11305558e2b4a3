"""The client's address for the login lock-out (django-axes' AXES_CLIENT_IP_CALLABLE).

X-Forwarded-For is believed only when the request comes from a proxy listed in
TRUSTED_PROXIES: anyone else could write any address into it. Each trusted proxy
appends the address it received the request from, so the chain is read from the
right, skipping our own proxies; the first other entry is the client. Entries
further left were written by the client and are never read.
"""

from functools import cache
from ipaddress import IPv4Network, IPv6Network, ip_address, ip_network

from django.conf import settings


@cache
def _trusted_networks(entries: tuple[str, ...]) -> tuple[IPv4Network | IPv6Network, ...]:
    return tuple(ip_network(entry, strict=False) for entry in entries)


def _is_trusted(address: str) -> bool:
    try:
        parsed = ip_address(address)
    except ValueError:
        return False
    return any(parsed in network for network in _trusted_networks(tuple(settings.TRUSTED_PROXIES)))


def client_ip(request) -> str | None:
    remote = request.META.get("REMOTE_ADDR")
    if not remote or not _is_trusted(remote):
        return remote
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    for entry in reversed([part.strip() for part in forwarded.split(",") if part.strip()]):
        if _is_trusted(entry):
            continue
        try:
            return str(ip_address(entry))
        except ValueError:
            break  # not what a proxy of ours writes: fall back to the proxy's own address
    return remote

"""The address of the person at the other end, as the proxy in front of us reports it.

Behind ``TRUSTED_PROXY_COUNT`` proxies, each appending the address it received from to
``CLIENT_IP_HEADER`` (X-Forwarded-For), the client is the entry that many places from
the end: anything before it was written by the client and proves nothing. With no proxy
configured the header is ignored and the connecting address is the client."""

import ipaddress

from django.conf import settings


def _valid(address: str) -> str | None:
    try:
        return str(ipaddress.ip_address(address.strip()))
    except ValueError:
        return None


def client_address(request) -> str | None:
    remote = request.META.get("REMOTE_ADDR")
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies <= 0:
        return remote
    forwarded = [part for part in request.META.get(settings.CLIENT_IP_HEADER, "").split(",") if part.strip()]
    if len(forwarded) < proxies:
        return remote  # not through the configured proxies: trust only the connection
    return _valid(forwarded[-proxies]) or remote

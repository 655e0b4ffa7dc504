"""The lock-out keys on the username and the client address, the address read from the
proxy's header as configured: nobody can lock another person out from elsewhere."""

import pytest
from django.test import Client
from django.urls import reverse

from accounts.client import client_address
from tests.factories.accounts import TEST_PASSWORD

PROXY = "10.0.0.5"
ATTACKER, OWNER = "203.0.113.9", "198.51.100.20"


def _behind_proxy(forwarded: str) -> Client:
    return Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded)


def _login(client: Client, password: str):
    return client.post(reverse("accounts:login"), {"username": "bdv", "password": password})


@pytest.fixture
def one_proxy(settings):
    settings.TRUSTED_PROXY_COUNT = 1


def test_failures_from_one_address_behind_the_proxy_do_not_lock_the_owner_elsewhere(one_proxy, staff_user):
    attacker = _behind_proxy(ATTACKER)
    for _ in range(6):
        _login(attacker, "sai")
    assert _login(attacker, TEST_PASSWORD).status_code == 429
    assert _login(_behind_proxy(OWNER), TEST_PASSWORD).status_code == 302


def test_an_address_the_client_writes_into_the_header_is_not_believed(one_proxy, staff_user):
    # The proxy appends the address it saw; what the attacker wrote before it counts for nothing.
    for _ in range(6):
        _login(_behind_proxy(f"{OWNER}, {ATTACKER}"), "sai")
    assert _login(_behind_proxy(OWNER), TEST_PASSWORD).status_code == 302
    assert _login(_behind_proxy(f"{OWNER}, {ATTACKER}"), TEST_PASSWORD).status_code == 429


def test_without_a_configured_proxy_the_header_is_ignored(rf, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_address(rf.get("/", REMOTE_ADDR=ATTACKER, HTTP_X_FORWARDED_FOR=OWNER)) == ATTACKER


@pytest.mark.parametrize(
    ("count", "forwarded", "expected"),
    [
        (1, f"{OWNER}, {ATTACKER}", ATTACKER),
        (2, f"1.2.3.4, {OWNER}, 10.0.0.1", OWNER),
        (2, ATTACKER, PROXY),  # fewer hops than configured: only the connection is trusted
        (1, "not-an-address", PROXY),
        (1, "2001:db8::1", "2001:db8::1"),
    ],
)
def test_the_client_is_the_entry_the_trusted_proxies_wrote(rf, settings, count, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = count
    assert client_address(rf.get("/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded)) == expected

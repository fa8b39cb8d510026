"""Rate limiting keys on the client address and trusts X-Forwarded-For only from configured proxies."""

from __future__ import annotations

import pytest

from workreport_api.edge.rate_limit import ClientAddress, RateLimiter

from ..conftest import ClientFactory


@pytest.mark.parametrize("seeded_url", ["sqlite"], indirect=True)
def test_429_problem_with_retry_after(make_client: ClientFactory) -> None:
    client = make_client(rate_limit_per_minute=3)
    assert [client.get("/healthz").status_code for _ in range(3)] == [200, 200, 200]
    limited = client.get("/v1/measures")
    assert limited.status_code == 429
    assert int(limited.headers["retry-after"]) >= 1
    assert limited.headers["content-type"] == "application/problem+json"
    assert limited.json()["type"].endswith("/problems/rate-limited")
    assert limited.headers["access-control-allow-origin"] == "*"


@pytest.mark.parametrize("seeded_url", ["sqlite"], indirect=True)
def test_forwarded_for_is_ignored_from_untrusted_peers(make_client: ClientFactory) -> None:
    client = make_client(rate_limit_per_minute=2)
    statuses = [client.get("/healthz", headers={"x-forwarded-for": f"203.0.113.{i}"}).status_code for i in range(3)]
    assert statuses == [200, 200, 429], "spoofed X-Forwarded-For must not create new clients"


@pytest.mark.parametrize("seeded_url", ["sqlite"], indirect=True)
def test_forwarded_for_from_a_trusted_proxy_names_the_client(make_client: ClientFactory) -> None:
    client = make_client(rate_limit_per_minute=2, trusted_proxies="testclient, 127.0.0.1, ::1")
    statuses = [client.get("/healthz", headers={"x-forwarded-for": f"203.0.113.{i}"}).status_code for i in range(3)]
    assert statuses == [200, 200, 200]


@pytest.mark.parametrize(
    ("trusted", "peer", "forwarded", "client"),
    [
        ("", "10.0.0.1", b"1.2.3.4", "10.0.0.1"),
        ("10.0.0.0/8", "10.0.0.1", b"1.2.3.4", "1.2.3.4"),
        ("10.0.0.0/8", "10.0.0.1", b"6.6.6.6, 1.2.3.4, 10.0.0.5", "1.2.3.4"),
        ("10.0.0.0/8", "192.0.2.1", b"1.2.3.4", "192.0.2.1"),
        ("10.0.0.0/8", "10.0.0.1", None, "10.0.0.1"),
        ("10.0.0.0/8", "10.0.0.1", b"10.0.0.2", "10.0.0.2"),
    ],
)
def test_client_address(trusted: str, peer: str, forwarded: bytes | None, client: str) -> None:
    assert ClientAddress(trusted)(peer, forwarded) == client


def test_token_bucket_refills() -> None:
    now = [0.0]
    limiter = RateLimiter(60, clock=lambda: now[0])
    assert all(limiter.check("a") == 0 for _ in range(60))
    assert limiter.check("a") >= 1
    assert limiter.check("b") == 0
    now[0] += 1.0
    assert limiter.check("a") == 0

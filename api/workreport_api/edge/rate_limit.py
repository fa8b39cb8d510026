"""Per-client rate limiting (token bucket); the client is the peer address, or X-Forwarded-For from trusted proxies.

Kept below Litestar rather than Litestar's RateLimitConfig: a limit must count
cache hits and 304s, which never reach Litestar; its middleware JSON-encodes a
log of every request's timestamp per client into a store on every request
(26% of the edge's cached rate, against 88% with this limiter on), uses fixed
windows, adds RateLimit-* headers and trusts no proxy. This is a token bucket,
one dict entry per client; see bench/README.md, "Edge layer".
"""

from __future__ import annotations

import ipaddress
import math
import time
from collections.abc import Callable

from ..settings import Settings
from .request import Request


class ClientAddress:
    """Which address a request comes from, trusting X-Forwarded-For only from configured proxies.

    Proxies are IP addresses or networks (10.0.0.0/8); any other entry must equal the peer name exactly
    (a Unix socket path, or a test client's name).
    """

    def __init__(self, trusted_proxies: str) -> None:
        self.networks: list[ipaddress.IPv4Network | ipaddress.IPv6Network] = []
        self.names: set[str] = set()
        for item in (part.strip() for part in trusted_proxies.split(",")):
            if not item:
                continue
            try:
                self.networks.append(ipaddress.ip_network(item, strict=False))
            except ValueError:
                self.names.add(item)

    def _is_trusted(self, address: str) -> bool:
        if address in self.names:
            return True
        try:
            ip = ipaddress.ip_address(address)
        except ValueError:
            return False
        return any(ip in network for network in self.networks)

    def __call__(self, peer: str, forwarded_for: bytes | None) -> str:
        if not forwarded_for or not self._is_trusted(peer):
            return peer
        hops = [hop.strip() for hop in forwarded_for.decode("latin-1").split(",") if hop.strip()]
        for hop in reversed(hops):  # the right-most address a trusted proxy did not add
            if not self._is_trusted(hop):
                return hop
        return hops[0] if hops else peer


class RateLimiter:
    """Allow ``per_minute`` requests per client, refilled continuously."""

    MAX_CLIENTS = 100_000

    def __init__(self, per_minute: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.capacity = float(per_minute)
        self.rate = per_minute / 60.0
        self.clock = clock
        self._buckets: dict[str, tuple[float, float]] = {}

    def check(self, client: str) -> float:
        """0 when allowed; otherwise the seconds to wait before retrying."""
        now = self.clock()
        tokens, last = self._buckets.get(client, (self.capacity, now))
        tokens = min(self.capacity, tokens + (now - last) * self.rate)
        if tokens >= 1:
            self._remember(client, (tokens - 1, now))
            return 0.0
        self._remember(client, (tokens, now))
        return max(1.0, math.ceil((1 - tokens) / self.rate))

    def _remember(self, client: str, state: tuple[float, float]) -> None:
        if len(self._buckets) >= self.MAX_CLIENTS and client not in self._buckets:
            self._buckets.clear()
        self._buckets[client] = state


def worker_share(per_minute: int, workers: int) -> int:
    """Each worker's part of a rate limit, so the total across workers never exceeds the configured one."""
    return max(1, per_minute // max(1, workers))


class RequestLimiter:
    """The configured limit (``rate_limit_per_minute``, shared out among workers) applied to requests."""

    def __init__(self, settings: Settings) -> None:
        self.limiter = RateLimiter(worker_share(settings.rate_limit_per_minute, settings.workers))
        self.client_address = ClientAddress(settings.trusted_proxies)

    def wait(self, request: Request) -> float:
        """0 when the request may go on; otherwise the seconds its client must wait."""
        peer = (request.scope.get("client") or ("unknown", 0))[0]
        return self.limiter.check(self.client_address(peer, request.headers.get(b"x-forwarded-for")))

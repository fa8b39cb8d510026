"""Edge layer: what the cached path costs with our edge, and what it would cost through Litestar's own configuration.

    python -m bench.edge_layer                      # about 2 minutes: 5 s per run, 1 run per figure
    python -m bench.edge_layer --duration 5 --reps 3

Every server is one worker on the same uvicorn stack (httptools), on
127.0.0.1 (WORKREPORT_BENCH_PORTS to choose the ports), loaded in turn with
wrk (1 thread, 32 connections) on the page of 50 measures:

- **edge**: ``workreport serve`` with the response cache: a hit never enters
  Litestar; CORS, security headers, validators and compression come from the edge;
- **edge + rate limit**: the same with our limiter on (a limit never reached);
- **Litestar, bare**: a Litestar app whose one route returns the precomputed
  bytes of the same response: the least any request costs once it enters
  Litestar, which is where CORSConfig, CompressionConfig and RateLimitConfig act;
- **Litestar + CORSConfig / CompressionConfig (brotli) / RateLimitConfig / all
  three**: the same route with Litestar's own configuration for each concern.

A cache hit must carry CORS, be compressed and be rate limited like any other
response, so handing a concern to Litestar means every hit enters Litestar: the
Litestar rows are the cached path that design would have.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import subprocess
import tempfile
import urllib.request
from importlib import resources
from pathlib import Path
from typing import Any

from litestar import Litestar, Response, get
from litestar.config.compression import CompressionConfig
from litestar.config.cors import CORSConfig
from litestar.datastructures import ResponseHeader
from litestar.middleware.rate_limit import RateLimitConfig
from litestar.static_files import create_static_files_router

from .load import Result, median_of, run_wrk
from .processes import BIN, free_port, ours, started

PATH = "/v1/measures?limit=50"
BODY_ENV = "EDGE_BENCH_BODY"
VARIANT_ENV = "EDGE_BENCH_VARIANT"
EXPOSED = ["ETag", "Link", "Last-Modified", "Retry-After", "Deprecation", "Sunset", "Content-Disposition"]


def litestar_app(
    cors: bool = False, compression: bool = False, rate_limit: bool = False, security: bool = False, static: bool = False
) -> Litestar:
    """A Litestar app serving the precomputed page of 50 (read from $EDGE_BENCH_BODY) with the chosen configuration."""
    body = Path(os.environ[BODY_ENV]).read_bytes()
    headers = {"cache-control": "public, max-age=300", "etag": '"0123456789abcdef0123456789abcdef"', "vary": "Accept, Accept-Encoding"}

    @get("/v1/measures", sync_to_thread=False)
    def page() -> Response[bytes]:
        return Response(body, media_type="application/json", headers=headers)

    handlers: list[Any] = [page]
    if static:
        handlers.append(create_static_files_router("/static/docs", directories=[SWAGGER_UI], include_in_schema=False))
    return Litestar(
        route_handlers=handlers,
        cors_config=CORSConfig(allow_origins=["*"], expose_headers=EXPOSED) if cors else None,
        compression_config=CompressionConfig(backend="brotli", minimum_size=512, brotli_quality=5) if compression else None,
        middleware=[RateLimitConfig(rate_limit=("second", 1_000_000)).middleware] if rate_limit else [],
        response_headers=SECURITY if security else [],
        openapi_config=None,
        debug=False,
    )


SWAGGER_UI = Path(str(resources.files("swagger_ui").joinpath("static")))
SECURITY = [
    ResponseHeader(name=name, value=value)
    for name, value in (
        ("x-content-type-options", "nosniff"),
        ("referrer-policy", "no-referrer"),
        ("cross-origin-resource-policy", "cross-origin"),
        ("content-security-policy", "default-src 'none'; frame-ancestors 'none'"),
    )
]
FACTORIES: dict[str, dict[str, bool]] = {
    "bare": {},
    "cors": {"cors": True},
    "compression": {"compression": True},
    "rate_limit": {"rate_limit": True},
    "security": {"security": True},
    "all": {"cors": True, "compression": True, "rate_limit": True, "security": True},
    "static": {"static": True},
}


def factory() -> Litestar:
    """The variant named by $EDGE_BENCH_VARIANT (uvicorn --factory)."""
    return litestar_app(**FACTORIES[os.environ[VARIANT_ENV]])


ORIGIN = {"Origin": "https://example.org"}
"""Sent with every request: Litestar's CORS middleware answers only requests that carry an Origin."""
BR = {**ORIGIN, "Accept-Encoding": "br"}
ASSET = "/static/docs/swagger-ui.css"

ROWS = [
    ("edge", None, PATH, ORIGIN),
    ("edge", None, PATH, BR),
    ("edge", None, ASSET, ORIGIN),
    ("edge + rate limit", "limit", PATH, ORIGIN),
    ("Litestar, bare", "bare", PATH, ORIGIN),
    ("Litestar + CORSConfig", "cors", PATH, ORIGIN),
    ("Litestar + response_headers (security)", "security", PATH, ORIGIN),
    ("Litestar + CompressionConfig (brotli)", "compression", PATH, BR),
    ("Litestar + RateLimitConfig", "rate_limit", PATH, ORIGIN),
    ("Litestar + all four", "all", PATH, BR),
    ("Litestar static files router", "static", ASSET, ORIGIN),
]
"""(label, server: None for the edge, "limit" for the edge with a rate limit, else a Litestar variant; path; headers)."""


def uvicorn_command(port: int) -> list[str]:
    return [
        str(BIN / "uvicorn"),
        "bench.edge_layer:factory",
        "--factory",
        "--port",
        str(port),
        "--http",
        "httptools",
        "--no-access-log",
        "--log-level",
        "warning",
        "--no-server-header",
    ]


def row(label: str, path: str, headers: dict[str, str], result: Result, reference: Result | None) -> str:
    ratio = f"{result.rps / reference.rps:.0%}" if reference else "100%"
    failures = result.errors + result.non_2xx_3xx
    what = "page of 50" if path == PATH else "docs CSS"
    coding = headers.get("Accept-Encoding", "identity")
    return f"| {label} | {what}, {coding} | {result.rps:,.0f} | {result.p50_ms:.2f} | {result.p99_ms:.2f} | {ratio} | {failures} |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--duration", type=float, default=5.0, help="seconds per wrk run (default 5)")
    parser.add_argument("--reps", type=int, default=1, help="rounds; each figure is the median of its rounds (default 1)")
    args = parser.parse_args()
    runs: dict[int, list[Result]] = {index: [] for index in range(len(ROWS))}
    with tempfile.TemporaryDirectory() as folder, contextlib.ExitStack() as stack:
        database = Path(folder) / "bench.sqlite3"
        url = f"sqlite:///{database}"
        subprocess.run([str(BIN / "workreport"), "init", "--database-url", url], check=True, capture_output=True)
        body_file = Path(folder) / "page.json"
        servers: dict[str | None, str] = {}
        for server_key in dict.fromkeys(key for _, key, _, _ in ROWS):  # all up at once, loaded one at a time
            port = free_port()
            if server_key in (None, "limit"):
                command, env = ours(url, port)
                if server_key == "limit":
                    env["WORKREPORT_RATE_LIMIT_PER_MINUTE"] = str(10**9)
                ready = "/readyz"
            else:
                command, env, ready = uvicorn_command(port), {BODY_ENV: str(body_file), VARIANT_ENV: server_key}, PATH
            servers[server_key] = stack.enter_context(started(server_key or "edge", command, port, ready, env)).base_url
            if server_key is None:
                body_file.write_bytes(urllib.request.urlopen(servers[None] + PATH).read())
        for _ in range(args.reps):  # rounds interleave the servers, so a busy moment on a shared machine hits them all
            for index, (_, key, path, headers) in enumerate(ROWS):
                runs[index].append(run_wrk(servers[key] + path, args.duration, headers=headers))
    results = [median_of(runs[index]) for index in range(len(ROWS))]
    edge = {
        (path, headers.get("Accept-Encoding", "")): results[index]
        for index, (_, key, path, headers) in reversed(list(enumerate(ROWS)))
        if key is None
    }
    lines = [
        "| server | request | req/s | p50 ms | p99 ms | ÷ edge, same request | errors |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    for (label, _, path, headers), result in zip(ROWS, results, strict=True):
        lines.append(row(label, path, headers, result, edge[(path, headers.get("Accept-Encoding", ""))]))
    print("\n".join(lines))


if __name__ == "__main__":
    main()

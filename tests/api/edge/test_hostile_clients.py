"""Issue 17 reproductions that need no real socket: cache poisoning, cache memory, Accept floods, dates, ETags, downloads."""

from __future__ import annotations

import asyncio
import datetime
import json
from pathlib import Path
from typing import Any

import pytest
from litestar.testing import TestClient

from workreport_api.app import create_app, litestar_of
from workreport_api.cli import main
from workreport_api.db.reading import ReleaseInfo
from workreport_api.edge.asgi import Edge
from workreport_api.edge.directives import STATE_KEY, CacheDirective
from workreport_api.edge.rate_limit import worker_share
from workreport_api.edge.release_watch import ReleaseWatcher
from workreport_api.edge.request_headers import HeaderError, MediaRange, combine, format_accept, parse_accept, ranked
from workreport_api.edge.sending import SEND_CHUNK, send_body
from workreport_api.settings import Settings

from ...conftest import ReadOnlyApps

SQLITE = pytest.mark.parametrize("seeded_url", ["sqlite"], indirect=True)
SHARED = pytest.mark.parametrize("reader", ["sqlite"], indirect=True)
"""Tests over a seeded database (the others need none)."""
PROBLEM = "application/problem+json"


def raw_get(edge: Edge, path: str, headers: list[tuple[bytes, bytes]]) -> tuple[int, dict[bytes, bytes], bytes]:
    """One GET straight into the ASGI app with exactly these header fields (test clients merge repeats)."""
    target, _, query = path.partition("?")
    scope = {
        "type": "http",
        "method": "GET",
        "path": target,
        "raw_path": target.encode(),
        "query_string": query.encode(),
        "headers": [(b"host", b"testserver.local"), *headers],
        "client": ("127.0.0.1", 1234),
        "state": {},
    }
    messages: list[Any] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: Any) -> None:
        messages.append(message)

    asyncio.run(edge(scope, receive, send))
    start = messages[0]
    return start["status"], dict(start["headers"]), b"".join(m.get("body", b"") for m in messages[1:])


@pytest.fixture
def edge(seeded_url: str) -> Edge:
    return create_app(Settings.from_env({}, database_url=seeded_url, release_check_seconds=0.0))


# -- 1. one reading of repeated headers ------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "first", "second"),
    [("/v1/measures", "text/csv", "*/*"), ("/v1/bodies", "application/x-ndjson", ""), ("/v1/targets", "", "text/csv")],
)
@SQLITE
def test_two_accept_headers_cannot_poison_the_cache(edge: Edge, url: str, first: str, second: str) -> None:
    status, headers, _ = raw_get(edge, url, [(b"accept", first.encode()), (b"accept", second.encode())])
    combined = [part for part in (first, second) if part]
    expected = {"text/csv": b"text/csv", "application/x-ndjson": b"application/x-ndjson", "*/*": b"application/json"}[combined[0]]
    assert status == 200 and headers[b"content-type"].startswith(expected)
    status, headers, body = raw_get(edge, url, [])
    assert status == 200
    assert headers[b"content-type"].startswith(b"application/json")
    assert json.loads(body)["data"]


@SQLITE
def test_repeated_singleton_header_is_refused(edge: Edge) -> None:
    status, headers, body = raw_get(edge, "/v1", [(b"if-modified-since", b"Sat, 28 Nov 2026 18:00:00 GMT"), (b"if-modified-since", b"x")])
    assert status == 400
    assert headers[b"content-type"] == PROBLEM.encode()
    assert "if-modified-since" in json.loads(body)["detail"]
    assert headers[b"access-control-allow-origin"] == b"*"


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("text/csv", [MediaRange("text/csv", 1000)]),
        ("TEXT/CSV ; Q=0.5 , */*;q=0.1", [MediaRange("text/csv", 500), MediaRange("*/*", 100)]),
        ("text/csv;q=2, application/json;q=abc", [MediaRange("text/csv", 0), MediaRange("application/json", 0)]),
        ("text/csv;charset=utf-8;q=0.300", [MediaRange("text/csv", 300)]),
        (" , ,", []),
        ("a/b;q=1.000, c/d;q=0.", [MediaRange("a/b", 1000), MediaRange("c/d", 0)]),
    ],
)
def test_accept_parse_and_canonical_form_agree(header: str, expected: list[MediaRange]) -> None:
    parsed = parse_accept(header)
    assert parsed == expected
    assert parse_accept(format_accept(parsed)) == parsed


def test_ranking_keeps_client_order_for_equal_weights_at_any_length() -> None:
    ranges = parse_accept(", ".join(["x/y;q=0.5"] * 20_000 + ["*/*"]))
    assert ranked(ranges)[0] == MediaRange("*/*", 1000)
    ordered = ranked(parse_accept("a/a;q=0.5, b/b, c/c;q=0.5, d/d"))
    assert [item.media for item in ordered] == ["b/b", "d/d", "a/a", "c/c"]


def test_combine_merges_list_fields_and_rewrites_what_the_app_sees() -> None:
    fields, rewritten = combine(
        [(b"host", b"x"), (b"accept", b"text/csv"), (b"accept", b""), (b"if-none-match", b'"a"'), (b"if-none-match", b'"b"')]
    )
    assert fields[b"accept"] == b"text/csv"
    assert fields[b"if-none-match"] == b'"a", "b"'
    assert rewritten is not None
    assert sorted(rewritten) == sorted([(b"host", b"x"), (b"accept", b"text/csv"), (b"if-none-match", b'"a", "b"')])
    assert combine([(b"host", b"x"), (b"accept", b"text/csv")])[1] is None
    with pytest.raises(HeaderError):
        combine([(b"origin", b"https://a.test"), (b"origin", b"https://b.test")])


# -- 2. and 3. bounded keys, bounded headers ------------------------------------------------------


@SQLITE
def test_long_accept_headers_never_fill_the_cache(edge: Edge) -> None:
    for index in range(150):
        accept = f"application/json, x-{index}/" + "y" * 10_000
        assert raw_get(edge, "/v1/units/bed", [(b"accept", accept.encode())])[0] == 200
    for index in range(300):  # short distinct keys are cached, within the budget
        assert raw_get(edge, "/v1/units/bed", [(b"accept", f"application/json, x/{index}".encode())])[0] == 200
    assert len(edge.cache) > 0 and edge.cache.bytes <= edge.cache.max_bytes
    assert all(len(key[2]) <= 512 for key in edge.cache._entries)


@SHARED
def test_header_section_over_the_limit_is_431(reader: TestClient[Any]) -> None:
    response = reader.get("/v1/units/bed", headers={"accept": "a/b, " * 200_000 + "*/*"})
    assert response.status_code == 431
    assert response.headers["content-type"] == PROBLEM
    assert response.headers["access-control-allow-origin"] == "*"
    many = reader.get("/v1", headers=[(f"x-h{i}", "1") for i in range(150)])
    assert many.status_code == 431


def test_an_accept_of_many_entries_ending_with_any_is_served(read_only_apps: ReadOnlyApps) -> None:
    client = read_only_apps.client("sqlite", max_header_bytes=1024 * 1024)
    response = client.get("/v1/units/bed", headers={"accept": "x/y, " * 20_000 + "*/*"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/json")


# -- 5. dates ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value", ["Sat, 28 Nov 99999999999999999999 18:00:00 GMT", "Sat, 99 Nov 2026 18:00:00 GMT", "\x7f\x00", "Mon, 01 Jan 0000 00:00:00 GMT"]
)
@SHARED
def test_unreadable_if_modified_since_is_ignored(reader: TestClient[Any], value: str) -> None:
    response = reader.get("/v1", headers={"if-modified-since": value})
    assert response.status_code == 200
    assert response.headers["access-control-allow-origin"] == "*"
    again = reader.get("/v1", headers={"if-modified-since": value})
    assert again.status_code == 200


@SQLITE
def test_unexpected_edge_failure_is_problem_json_with_cors(client: TestClient[Any], monkeypatch: pytest.MonkeyPatch) -> None:
    def explode(request: Any, etag: str, loaded_at: Any, exists: bool = True) -> bool:
        raise RuntimeError("boom")

    for module in ("asgi", "relay", "responses"):
        monkeypatch.setattr(f"workreport_api.edge.{module}.fresh", explode)
    response = client.get("/v1")
    assert response.status_code == 500
    assert response.headers["content-type"] == PROBLEM
    assert response.headers["access-control-allow-origin"] == "*"
    assert "boom" not in response.text


# -- 6. validators that follow the bytes ----------------------------------------------------------


@SQLITE
def test_etag_changes_when_the_release_changes_even_if_the_content_does_not(
    client: TestClient[Any], seeded_url: str, tmp_path: Path
) -> None:
    """/v1, the catalog and the data package name the release: after ingest then remove their bytes and ETags change."""
    urls = ["/v1", "/v1/catalog", "/v1/export/datapackage.json"]
    before = {url: client.get(url) for url in urls}
    source = tmp_path / "small.txt"
    source.write_text("(一)第一章\n新增養老床位3000張。\n", encoding="utf-8")
    common = ["--database-url", seeded_url]
    assert main(["ingest", str(source), "--document-id", "small-2013", "--title", "小", "--year", "2013", *common]) == 0
    assert main(["remove", "small-2013", *common]) == 0
    for url in urls:
        after = client.get(url)
        assert after.status_code == 200
        assert after.content != before[url].content, url
        assert after.headers["etag"] != before[url].headers["etag"], url
        stale = client.get(url, headers={"if-none-match": before[url].headers["etag"]})
        assert stale.status_code == 200, url


@SHARED
@pytest.mark.parametrize(("url", "status"), [("/v1/measures/nope", 404), ("/v1/measures?limit=0", 400), ("/nope", 404)])
def test_if_none_match_star_does_not_hide_errors(reader: TestClient[Any], url: str, status: int) -> None:
    assert reader.get(url, headers={"if-none-match": "*"}).status_code == status


@SHARED
def test_if_none_match_star_matches_an_existing_representation(reader: TestClient[Any]) -> None:
    assert reader.get("/v1/measures", headers={"if-none-match": "*"}).status_code == 304


# -- 7. single flight never waits for a slow client ------------------------------------------


def test_a_slow_reader_does_not_stall_the_next_identical_request(tmp_path: Path) -> None:
    """The first request's client reads slowly; the second gets its answer within the short single-flight wait."""
    release = ReleaseInfo(1, "sha256:x", datetime.datetime(2026, 11, 28, tzinfo=datetime.UTC))

    async def app(scope: Any, receive: Any, send: Any) -> None:
        scope["state"][STATE_KEY] = CacheDirective(release)
        await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"text/csv")]})
        for _ in range(3):
            await send({"type": "http.response.body", "body": b"a,b\n" * 1000, "more_body": True})
        await send({"type": "http.response.body", "body": b"", "more_body": False})

    class Watcher(ReleaseWatcher):
        async def current(self) -> ReleaseInfo | None:
            return release

    settings = Settings.from_env({}, database_url=f"sqlite:///{tmp_path / 'x.sqlite3'}", single_flight_wait_seconds=0.2)
    edge = Edge(app, settings, Watcher(None, 1.0))  # type: ignore[arg-type]
    scope = {
        "type": "http",
        "method": "GET",
        "path": "/v1/measures.csv",
        "raw_path": b"/v1/measures.csv",
        "query_string": b"",
        "headers": [],
    }

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def slow_send(message: Any) -> None:
        await asyncio.sleep(2.0)

    received: list[Any] = []

    async def fast_send(message: Any) -> None:
        received.append(message)

    async def scenario() -> float:
        slow = asyncio.create_task(edge(dict(scope), receive, slow_send))
        await asyncio.sleep(0.05)
        started = asyncio.get_running_loop().time()
        await edge(dict(scope), receive, fast_send)
        elapsed = asyncio.get_running_loop().time() - started
        slow.cancel()
        return elapsed

    elapsed = asyncio.run(scenario())
    assert elapsed < 1.5
    assert received[0]["status"] == 200
    assert b"".join(m.get("body", b"") for m in received[1:]) == b"a,b\n" * 3000


# -- 8. bounded memory per download and a cap on concurrent ones ---------------------------------


def test_large_bodies_are_sent_in_slices() -> None:
    messages: list[Any] = []

    async def record(message: Any) -> None:
        messages.append(message)

    body = bytes(range(256)) * (3 * SEND_CHUNK // 256 + 7)
    asyncio.run(send_body("GET", record, body))
    assert len(messages) > 3 and all(len(m["body"]) <= SEND_CHUNK for m in messages)
    assert b"".join(m["body"] for m in messages) == body
    assert [m["more_body"] for m in messages] == [True] * (len(messages) - 1) + [False]


@SQLITE
@pytest.mark.parametrize("url", ["/v1/export/measures.csv", "/v1/measures?format=ndjson", "/v1/export/dataset.json"])
def test_downloads_beyond_the_limit_get_503_with_retry_after(seeded_url: str, url: str) -> None:
    app = create_app(Settings.from_env({}, database_url=seeded_url, release_check_seconds=0.0, max_concurrent_exports=1, cache_max_bytes=0))
    client: TestClient[Any] = TestClient(app, base_url="http://testserver.local")
    downloads = litestar_of(app).state.api.downloads
    downloads.wait = 0.2  # a download first waits this long for a slot
    asyncio.run(downloads.take())  # the one slot, held by the test
    try:
        busy = client.get(url)
        assert busy.status_code == 503
        assert busy.headers["content-type"] == PROBLEM
        assert busy.headers["retry-after"]
        assert busy.json()["type"].endswith("/problems/overloaded")
    finally:
        downloads.give_back()
    for _ in range(3):  # each finished download gives its slot back
        assert client.get(url).status_code == 200


# -- 10. rate limit across workers, releases that go backwards ---------------------------------


@pytest.mark.parametrize(("per_minute", "workers", "share"), [(30, 1, 30), (30, 2, 15), (30, 4, 7), (1, 4, 1)])
def test_rate_limit_is_divided_among_workers(per_minute: int, workers: int, share: int) -> None:
    assert worker_share(per_minute, workers) == share
    assert worker_share(per_minute, workers) * workers <= max(per_minute, workers)


def test_the_watcher_follows_a_database_rebuilt_with_lower_ids(monkeypatch: pytest.MonkeyPatch) -> None:
    moment = datetime.datetime(2026, 11, 28, tzinfo=datetime.UTC)
    old, rebuilt = ReleaseInfo(9, "sha256:a", moment), ReleaseInfo(1, "sha256:b", moment + datetime.timedelta(seconds=3))
    watcher = ReleaseWatcher(None, 0.0)  # type: ignore[arg-type]
    answers = iter([old, rebuilt])
    monkeypatch.setattr(watcher, "_fetch", lambda: next(answers))
    assert asyncio.run(watcher.current()) == old
    assert asyncio.run(watcher.current()) == rebuilt
    watcher.observe(old)  # a slow handler reporting what it read before the rebuild
    assert watcher._release == rebuilt


def test_settings_refuse_unusable_limits() -> None:
    from workreport_api.settings import SettingsError

    for name in ("WORKREPORT_MAX_HEADER_BYTES", "WORKREPORT_MAX_CONNECTIONS", "WORKREPORT_MAX_CONCURRENT_EXPORTS", "WORKREPORT_WORKERS"):
        with pytest.raises(SettingsError):
            Settings.from_env({name: "0"})

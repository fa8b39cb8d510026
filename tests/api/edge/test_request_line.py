"""What the edge refuses before routing: the request line and the header section (edge/request_line.py)."""

from __future__ import annotations

import pytest

from workreport_api.edge.request import Request
from workreport_api.edge.request_line import MAX_PATH, MAX_QUERY, header_problem, header_size_problem, request_line_problem
from workreport_api.settings import Settings


def request(path: bytes, query: bytes = b"", headers: list[tuple[bytes, bytes]] | None = None) -> Request:
    return Request({"type": "http", "method": "GET", "path": "/", "raw_path": path, "query_string": query, "headers": headers or []})


@pytest.mark.parametrize(
    ("path", "query", "expected"),
    [
        (b"/v1/measures", b"limit=5", None),
        (b"/v1/search", b"q=%E5%85%BB%E8%80%81", None),
        (b"/v1/search", b"q=a+b", None),
        (b"/v1/a%2Fb", b"", None),
        (b"/" + b"a" * MAX_PATH, b"", ("uri-too-long", 414)),
        (b"/v1", b"q=" + b"a" * MAX_QUERY, ("uri-too-long", 414)),
        (b"/v1/%zz", b"", ("bad-request", 400)),
        (b"/v1", b"q=%4", ("bad-request", 400)),
        (b"/v1/%FF", b"", ("bad-request", 400)),
        (b"/v1", b"q=%C3%28", ("bad-request", 400)),
        (b"/v1/%00", b"", ("bad-request", 400)),
        (b"/v1", b"q=a%00b", ("bad-request", 400)),
        ("/v1/養老".encode(), b"", None),
    ],
)
def test_request_line_problem(path: bytes, query: bytes, expected: tuple[str, int] | None) -> None:
    problem = request_line_problem(request(path, query))
    assert (problem[:2] if problem else None) == expected


@pytest.mark.parametrize(
    ("path", "query", "word"),
    [(b"/v1/%zz", b"", "path"), (b"/v1", b"q=%zz", "query string"), (b"/v1/%FF", b"", "UTF-8"), (b"/v1/%00", b"", "NUL")],
)
def test_request_line_problem_says_which_part_and_why(path: bytes, query: bytes, word: str) -> None:
    problem = request_line_problem(request(path, query))
    assert problem is not None and word in problem[2]


@pytest.mark.parametrize(
    ("headers", "max_bytes", "max_count", "expected"),
    [
        ([(b"host", b"x")], 100, 10, None),
        ([(b"a", b"b")] * 11, 10_000, 10, "at most 10 header fields"),
        ([(b"host", b"x" * 100)], 50, 10, "50 bytes in all, not 108"),
        ([], 0, 0, None),
    ],
)
def test_header_size_problem(headers: list[tuple[bytes, bytes]], max_bytes: int, max_count: int, expected: str | None) -> None:
    problem = header_size_problem(headers, max_bytes, max_count)
    if expected is None:
        assert problem is None
    else:
        assert problem is not None and expected in problem


def test_header_problem_reads_the_headers_or_refuses_them() -> None:
    settings = Settings.from_env({}, max_header_count=3)
    ok = request(b"/v1", headers=[(b"accept", b"TEXT/CSV"), (b"accept", b"*/*")])
    assert header_problem(ok, settings) is None
    assert ok.headers[b"accept"] == b"text/csv, */*"
    assert ok.scope["headers"] == [(b"accept", b"text/csv, */*")]  # the app sees the same reading
    repeated = request(b"/v1", headers=[(b"host", b"a"), (b"host", b"b")])
    assert header_problem(repeated, settings) == ("bad-request", 400, "the host header may be sent once, not 2 times")
    many = request(b"/v1", headers=[(b"x-a", b"1")] * 4)
    problem = header_problem(many, settings)
    assert problem is not None and problem[:2] == ("headers-too-large", 431)

"""ETags, Last-Modified, 304 decisions and the caching header fields (edge/validators.py)."""

from __future__ import annotations

import datetime

import pytest

from workreport_api.db.reading import ReleaseInfo
from workreport_api.edge.request import Request
from workreport_api.edge.validators import Validators, data_etag, fresh, http_date, parse_http_date, static_etag

LOADED = datetime.datetime(2026, 11, 28, 18, 0, 0, 250_000, tzinfo=datetime.UTC)
RELEASE = ReleaseInfo(3, "sha256:abc", LOADED)
KEY = (b"/v1/measures", b"limit=5", b"")


def request(**headers: str) -> Request:
    made = Request({"type": "http", "method": "GET", "path": "/", "raw_path": b"/", "query_string": b"", "headers": []})
    made.headers = {name.replace("_", "-").encode(): value.encode() for name, value in headers.items()}
    return made


@pytest.mark.parametrize(
    ("headers", "exists", "expected"),
    [
        ({}, True, False),
        ({"if_none_match": '"tag"'}, True, True),
        ({"if_none_match": 'W/"tag"'}, True, True),
        ({"if_none_match": '"tag-br"'}, True, True),
        ({"if_none_match": '"tag-gz", "other"'}, True, True),
        ({"if_none_match": '"other"'}, True, False),
        ({"if_none_match": "*"}, True, True),
        ({"if_none_match": "*"}, False, False),
        ({"if_none_match": '"other"', "if_modified_since": "Sat, 28 Nov 2026 18:00:00 GMT"}, True, False),
        ({"if_modified_since": "Sat, 28 Nov 2026 18:00:00 GMT"}, True, True),
        ({"if_modified_since": "Sat, 28 Nov 2026 17:59:59 GMT"}, True, False),
        ({"if_modified_since": "not a date"}, True, False),
        ({"if_modified_since": "Sat, 28 Nov 20260000000000000000 18:00:00 GMT"}, True, False),
    ],
)
def test_fresh(headers: dict[str, str], exists: bool, expected: bool) -> None:
    assert fresh(request(**headers), "tag", LOADED, exists) is expected


def test_if_modified_since_needs_a_load_time() -> None:
    assert fresh(request(if_modified_since="Sat, 28 Nov 2026 18:00:00 GMT"), "tag", None) is False


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (b"Sat, 28 Nov 2026 18:00:00 GMT", datetime.datetime(2026, 11, 28, 18, tzinfo=datetime.UTC)),
        (b"Sat, 28 Nov 2026 18:00:00", datetime.datetime(2026, 11, 28, 18, tzinfo=datetime.UTC)),
        (b"yesterday", None),
        (b"", None),
    ],
)
def test_parse_http_date(value: bytes, expected: datetime.datetime | None) -> None:
    assert parse_http_date(value) == expected


def test_http_date_is_gmt() -> None:
    assert http_date(LOADED) == b"Sat, 28 Nov 2026 18:00:00 GMT"


def test_data_etag_follows_the_release_and_the_key() -> None:
    etag = data_etag(RELEASE, KEY)
    assert len(etag) == 32 and etag == data_etag(RELEASE, KEY)
    assert etag != data_etag(ReleaseInfo(4, "sha256:abc", LOADED), KEY)
    assert etag != data_etag(ReleaseInfo(3, "sha256:abd", LOADED), KEY)
    assert etag != data_etag(ReleaseInfo(3, "sha256:abc", LOADED + datetime.timedelta(seconds=1)), KEY)
    assert etag != data_etag(RELEASE, (b"/v1/measures", b"limit=5", b"text/csv"))
    assert static_etag(b"a") != static_etag(b"b") and len(static_etag(b"a")) == 32


@pytest.mark.parametrize(
    ("coding", "data", "vary_origin", "expected"),
    [
        ("identity", True, False, [(b"etag", b'"t"'), (b"cache-control", b"public, max-age=60"), (b"vary", b"Accept, Accept-Encoding")]),
        ("br", True, False, [(b"etag", b'"t-br"'), (b"cache-control", b"public, max-age=60"), (b"vary", b"Accept, Accept-Encoding")]),
        ("gzip", False, False, [(b"etag", b'"t-gz"'), (b"cache-control", b"public, max-age=3600"), (b"vary", b"Accept-Encoding")]),
        (
            "identity",
            True,
            True,
            [(b"etag", b'"t"'), (b"cache-control", b"public, max-age=60"), (b"vary", b"Accept, Accept-Encoding, Origin")],
        ),
        ("identity", False, True, [(b"etag", b'"t"'), (b"cache-control", b"public, max-age=3600"), (b"vary", b"Accept-Encoding, Origin")]),
    ],
)
def test_validator_headers(coding: str, data: bool, vary_origin: bool, expected: list[tuple[bytes, bytes]]) -> None:
    validators = Validators(60, vary_origin)
    assert validators.headers("t", coding, None, data) == expected
    assert validators.headers("t", coding, LOADED, data) == [*expected, (b"last-modified", b"Sat, 28 Nov 2026 18:00:00 GMT")]

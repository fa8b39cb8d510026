"""The page envelope's links and meta are what the standard library's urlencode, parse_qsl and json.dumps give."""

from __future__ import annotations

import json
from urllib.parse import parse_qsl, urlencode

import pytest

from workreport_api.resources.responses import _encode_query, _json_string, _page_tail, _parse_query

QUERIES = [
    "",
    "limit=50",
    "unit=har&limit=50",
    "unit=har&limit=2&",
    "&&unit=har",
    "a=&b=1",
    "flag&limit=3",
    "=x&limit=3",
    "a=b=c",
    "q=%E5%85%BB%E8%80%81&limit=5",
    "q=a+b&limit=5",
    "q=%2B%26%3D&x=%zz",
    "q=養老&limit=1",
    "cursor=WyIxIiwiYSJd&limit=2",
    "limit=1;x=2",
]


@pytest.mark.parametrize("query", QUERIES)
def test_parse_query_is_parse_qsl(query: str) -> None:
    assert _parse_query(query) == parse_qsl(query, separator="&")


@pytest.mark.parametrize("query", QUERIES)
def test_encode_query_is_urlencode(query: str) -> None:
    params = parse_qsl(query, separator="&")
    assert _encode_query(params) == urlencode(params)
    assert _encode_query([*params, ("cursor", "WyIxIiwiYSJd")]) == urlencode([*params, ("cursor", "WyIxIiwiYSJd")])


@pytest.mark.parametrize(
    "text", ["", "abc", "http://127.0.0.1:8000/v1/measures?limit=50", 'a"b', "a\\b", "養老", "a\nb", "\x7f", "\x00", "\u2028", "a b"]
)
def test_json_string_is_json_dumps(text: str) -> None:
    assert _json_string(text) == json.dumps(text, ensure_ascii=False)


@pytest.mark.parametrize("next_cursor", [None, "WyIxIiwiYSJd"])
def test_page_tail_is_the_envelope_json_dumps_writes(next_cursor: str | None) -> None:
    links = {
        "self": "http://x/v1/targets?unit=har&limit=2",
        "next": f"http://x/v1/targets?unit=har&limit=2&cursor={next_cursor}" if next_cursor else None,
    }
    meta = {"total": 12, "limit": 2, "next_cursor": next_cursor}
    expected = (
        ',"meta":'
        + json.dumps(meta, separators=(",", ":"))
        + ',"links":'
        + json.dumps(links, ensure_ascii=False, separators=(",", ":"))
        + "}"
    )
    assert _page_tail(12, 2, next_cursor, links) == expected.encode()

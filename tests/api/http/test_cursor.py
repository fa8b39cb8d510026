"""Cursors: what we issue decodes back; anything else is a CursorError before any query."""

from __future__ import annotations

import base64
import json
from typing import Any

import pytest

from workreport_api.http.cursor import MAX_KEY_INT, CursorError, decode_cursor, encode_cursor

DOCUMENT_ORDER = (str, int, str)


def forged(*values: Any) -> str:
    return base64.urlsafe_b64encode(json.dumps(list(values)).encode()).decode().rstrip("=")


@pytest.mark.parametrize("key", [("shanghai-2012", 0, "shanghai-2012.c01"), ("a", MAX_KEY_INT, "b"), ("x" * 200, 5, "y.z_w-1")])
def test_issued_cursors_round_trip(key: tuple[Any, ...]) -> None:
    assert decode_cursor(encode_cursor(key), DOCUMENT_ORDER) == key


@pytest.mark.parametrize(
    ("cursor", "message"),
    [
        (forged("1", "shanghai-2012", 99999999999999999999, "x"), "out of range"),
        (forged("1", "shanghai-2012", MAX_KEY_INT + 1, "x"), "out of range"),
        (forged("1", "shanghai-2012", -1, "x"), "out of range"),
        (forged("1", "shanghai-\ud800", 1, "x"), "out of range"),
        (forged("1", "shanghai-2012", 1, "\udfff"), "out of range"),
        (forged("1", "shanghai\x002012", 1, "x"), "out of range"),
        (forged("1", "shanghai-2012", 1, "x\x1f"), "out of range"),
        (forged("1", "shanghai-2012", 1, "x" * 201), "out of range"),
        (forged("1", "", 1, "x"), "out of range"),
        (forged("1", "Shanghai 2012", 1, "x"), "out of range"),
        (forged("1", "shanghai-2012", 1.0, "x"), "for this list"),
        (forged("1", "shanghai-2012", True, "x"), "for this list"),
        (forged("1", "shanghai-2012", None, "x"), "for this list"),
        (forged("2", "shanghai-2012", 1, "x"), "not one this API issued"),
        (forged("1", "shanghai-2012", 1), "not one this API issued"),
        ("W" * 513, "too long"),
        (base64.urlsafe_b64encode(b'["1","a",1' + b"9" * 5000 + b',"b"]').decode()[:512], "not one this API issued"),
        (base64.urlsafe_b64encode(b'["1","\xed\xa0\x80",1,"b"]').decode(), "not one this API issued"),
    ],
    ids=[
        "huge-int", "int64-overflow", "negative", "surrogate", "low-surrogate", "nul", "control", "long-id", "empty-id",
        "not-an-id", "float", "bool", "null", "version", "short", "too-long", "digits", "utf8-surrogate",
    ],
)  # fmt: skip
def test_forged_cursors_are_refused(cursor: str, message: str) -> None:
    with pytest.raises(CursorError, match=message):
        decode_cursor(cursor, DOCUMENT_ORDER)

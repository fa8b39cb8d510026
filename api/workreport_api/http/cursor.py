"""Opaque page cursors: the sort key of the last record seen, base64url-encoded."""

from __future__ import annotations

import base64
import binascii
import json
import re
from typing import overload

from workreport_schema import ID_MAX_LENGTH, ID_PATTERN

from ..db.collections import Key

MAX_CURSOR_LENGTH = 512
_VERSION = "1"
MAX_KEY_INT = 2**63 - 1
"""Integers in a key are positions (seq): 0 to the largest signed 64-bit integer, the columns' range on both engines."""
_ID = re.compile(ID_PATTERN)


class CursorError(ValueError):
    """A cursor we did not issue (or for another kind of list)."""


def encode_cursor(key: Key) -> str:
    raw = json.dumps([_VERSION, *key], ensure_ascii=False, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


@overload
def decode_cursor(cursor: str, shape: tuple[type[int]]) -> tuple[int]: ...
@overload
def decode_cursor(cursor: str, shape: tuple[type[str | int], ...]) -> Key: ...
def decode_cursor(cursor: str, shape: tuple[type[str | int], ...]) -> Key:
    """The key in a cursor, checked against the expected types of the list's sort key."""
    if len(cursor) > MAX_CURSOR_LENGTH:
        raise CursorError("cursor is too long")
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        values = json.loads(raw.decode())
    except (binascii.Error, ValueError, UnicodeDecodeError):
        raise CursorError("cursor is not one this API issued") from None
    if not isinstance(values, list) or len(values) != len(shape) + 1 or values[0] != _VERSION:
        raise CursorError("cursor is not one this API issued")
    key = tuple(values[1:])
    for value, kind in zip(key, shape, strict=True):
        if type(value) is not kind:
            raise CursorError("cursor is not one this API issued for this list")
        if not _in_range(value):
            raise CursorError("cursor holds a value out of range")
    return key


def _in_range(value: object) -> bool:
    """Checked before any query: a value the database cannot take (a huge int, a lone surrogate, NUL) is a 400, not a 500.

    Strings in keys are record ids, so they must be ids (ASCII, bounded length),
    which also rules out lone surrogates, NUL and other control characters.
    """
    if isinstance(value, int):
        return 0 <= value <= MAX_KEY_INT
    if isinstance(value, str):
        return 0 < len(value) <= ID_MAX_LENGTH and _ID.fullmatch(value) is not None
    return False

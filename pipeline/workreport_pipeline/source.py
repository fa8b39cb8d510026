"""Stage 1, read: the exact source text, UTF-8 only."""

from __future__ import annotations

import hashlib
from pathlib import Path


class SourceError(Exception):
    """The source cannot be used; the message is one line for the user."""


def read_source(path: Path) -> str:
    """The file's exact text. Nothing is normalised: spans index into these code points."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise SourceError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise SourceError(f"{path}: is a directory, not a file") from None
    except OSError as error:
        raise SourceError(f"{path}: cannot read: {error.strerror}") from None
    return decode_source(raw, str(path))


def decode_source(raw: bytes, name: str = "source") -> str:
    """Decode UTF-8 strictly and refuse empty input."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise SourceError(f"{name}: not UTF-8 (invalid byte at offset {error.start})") from None
    if not text.strip():
        raise SourceError(f"{name}: the text is empty")
    return text


def sha256_hex(text: str) -> str:
    """SHA-256 of the text's UTF-8 bytes (equal to the file's when read by read_source)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()

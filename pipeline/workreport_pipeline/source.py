"""Stage 1, read: the exact source text, UTF-8 only.

The text is the file's bytes decoded as UTF-8, less one leading byte order mark
(U+FEFF) if there is one: offsets count code points from the first character
after it, and ``source_sha256`` is the hash of that text. Line ends are kept as
written (LF, CRLF or CR); spans never include them. Control characters other
than tab, CR and LF are refused, as is a file over the size limit, before any
other work.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

BOM = "\ufeff"
DEFAULT_MAX_SOURCE_BYTES = 8 * 1024 * 1024
"""Largest source file accepted by default (8 MiB): far above any work report, well below what exhausts memory."""

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
"""C0 control characters other than tab, LF and CR."""


class SourceError(Exception):
    """The source cannot be used; the message is one line for the user."""


def check_size(path: Path, max_bytes: int = DEFAULT_MAX_SOURCE_BYTES) -> None:
    """Refuse a file over the limit from its size alone, before any other work (read_source checks again as it reads)."""
    try:
        size = path.stat().st_size
    except OSError:
        return  # read_source says why it cannot be read
    if path.is_file() and size > max_bytes:
        raise SourceError(_too_large(path, max_bytes))


def _too_large(path: Path, max_bytes: int) -> str:
    return f"{path}: larger than the limit of {max_bytes} bytes (see --max-source-bytes)"


def read_source(path: Path, max_bytes: int = DEFAULT_MAX_SOURCE_BYTES) -> str:
    """The file's exact text (less a leading BOM). Nothing is normalised: spans index into these code points."""
    try:
        with path.open("rb") as file:
            raw = file.read(max_bytes + 1)
    except FileNotFoundError:
        raise SourceError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise SourceError(f"{path}: is a directory, not a file") from None
    except OSError as error:
        raise SourceError(f"{path}: cannot read: {error.strerror}") from None
    if len(raw) > max_bytes:
        raise SourceError(_too_large(path, max_bytes))
    return decode_source(raw, str(path))


def decode_source(raw: bytes, name: str = "source") -> str:
    """Decode UTF-8 strictly, drop one leading BOM, refuse control characters and empty input."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise SourceError(f"{name}: not UTF-8 (invalid byte at offset {error.start})") from None
    bom = len(BOM.encode()) if text.startswith(BOM) else 0
    text = text[1:] if bom else text
    control = _CONTROL.search(text)
    if control:
        offset = bom + len(text[: control.start()].encode())
        line = text.count("\n", 0, control.start()) + 1
        raise SourceError(
            f"{name}: control character U+{ord(control.group()):04X} at byte offset {offset} (line {line}); only tab, CR and LF are allowed"
        )
    if not text.strip():
        raise SourceError(f"{name}: the text is empty")
    return text


def sha256_hex(text: str) -> str:
    """SHA-256 of the text's UTF-8 bytes (the file's bytes less a leading BOM, when read by read_source)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()

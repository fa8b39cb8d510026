"""Extract a dataset from files: the entry point commands and the API's ingest share."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .assemble import ValidationFailed, extract
from .curation import CurationError, load_curation
from .document_info import DocumentInfo, DocumentInfoError, load_document_toml, settle_language, with_overrides
from .normalise import detect_language
from .source import DEFAULT_MAX_SOURCE_BYTES, SourceError, read_source
from .stages.segment import SegmentError

PIPELINE_ERRORS = (SourceError, SegmentError, DocumentInfoError, CurationError, ValidationFailed)
"""Every failure of the pipeline that comes from its input; each message is one line."""


def extract_files(
    source: Path,
    document: Path | None = None,
    curation: Path | None = None,
    warn: Callable[[str], None] | None = None,
    max_source_bytes: int = DEFAULT_MAX_SOURCE_BYTES,
    **flags: Any,
) -> dict[str, Any]:
    """Read the inputs and extract; flags (id, title, year, language, issuer) override document.toml.

    Without a stated language (document.toml or flag) the script is detected
    from the text; a stated language the text contradicts is kept, and ``warn``
    gets a one-line message.
    """
    text = read_source(source, max_source_bytes)
    info: DocumentInfo | None = load_document_toml(document) if document else None
    info, warning = settle_language(with_overrides(info, **flags), detect_language(text))
    if warning is not None and warn is not None:
        warn(warning)
    return extract(text, info, load_curation(curation))


def render_dataset(data: dict[str, Any]) -> str:
    """The exact text of a dataset file: stable key order, two-space indent, UTF-8, final newline."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def write_atomically(path: Path, content: str) -> None:
    """Write through a temporary file and rename, so a failure never leaves half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(content)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise

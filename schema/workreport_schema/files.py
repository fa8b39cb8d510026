"""Dataset files as text, and writing any file so that a failure never leaves half of it.

Shared by every command that writes a dataset or a published document
(``workreport-pipeline extract``, ``workreport export``, ``workreport openapi``),
so the same dataset is the same bytes whichever tool wrote it.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path


def render_dataset(data: Mapping[str, object]) -> str:
    """The exact text of a dataset file: stable key order, two-space indent, UTF-8, final newline."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def write_atomically(path: Path, content: str) -> None:
    """Write UTF-8 text through a temporary file and rename, so a failure never leaves half a file.

    Missing parent folders are created; the file gets the usual permissions (0666 less the umask).
    """
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

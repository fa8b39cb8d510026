"""One document's extracted records on disk while they are checked, hashed and loaded.

Why: held in memory as dicts, a large source's records take about 45 times the
source's size (a 4.8 MB report held over 200 MB of them). Written as one compact
JSON line each, to a temporary file per collection, they take about 3 times the
source on disk and almost nothing in memory: the content hash and the loader
read them back one at a time, in whatever order they need.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from workreport_schema import COLLECTIONS, SCHEMA_VERSION, Dataset, streamed_content_hash

OPTIONAL_COLLECTIONS = frozenset({"results"})
"""Collections a dataset leaves out when they are empty (the model dumps them as None)."""


class RecordSpool:
    """Records of each collection appended to a temporary file, read back as dicts; a context manager that deletes them."""

    def __init__(self) -> None:
        self._folder = tempfile.TemporaryDirectory(prefix="workreport-spool-")
        self._files: dict[str, IO[str]] = {}
        self._counts: dict[str, int] = dict.fromkeys(COLLECTIONS, 0)
        self.release: dict[str, Any] = {}
        """The release block; its content hash is set once every record is in (``seal``)."""

    def __enter__(self) -> RecordSpool:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        """Delete the files; the spool cannot be read after this."""
        for handle in self._files.values():
            handle.close()
        self._files.clear()
        self._folder.cleanup()

    def append(self, collection: str, record: dict[str, Any]) -> None:
        """Add a record at the end of its collection."""
        handle = self._files.get(collection)
        if handle is None:
            path = Path(self._folder.name) / f"{collection}.ndjson"
            handle = self._files[collection] = path.open("w+", encoding="utf-8")
        handle.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n")
        self._counts[collection] += 1

    def count(self, collection: str) -> int:
        return self._counts[collection]

    def records(self, collection: str) -> Iterator[dict[str, Any]]:
        """The collection's records in the order they were added, one at a time (every call starts from the first)."""
        handle = self._files.get(collection)
        if handle is None:
            return
        handle.flush()
        with Path(handle.name).open(encoding="utf-8") as reading:
            for line in reading:
                yield json.loads(line)

    @property
    def document(self) -> dict[str, Any]:
        """The one document of the spool."""
        (document,) = self.records("documents")
        return document

    def _collections(self) -> list[str]:
        """Collections as a dataset has them: model order, optional ones only when they have records."""
        return [name for name in Dataset.model_fields if name in COLLECTIONS and (name not in OPTIONAL_COLLECTIONS or self._counts[name])]

    def content_hash(self) -> str:
        """The content hash of the dataset the spool holds, as ``workreport_schema.content_hash`` computes it."""
        parts: dict[str, Any] = {"schema_version": SCHEMA_VERSION}
        for name in self._collections():
            parts[name] = lambda name=name: self.records(name)
        return streamed_content_hash(parts)

    def seal(self) -> None:
        """Set the release's content hash from the records."""
        self.release["content_hash"] = self.content_hash()

    def to_dataset(self) -> dict[str, Any]:
        """The whole dataset in memory, keys in model order (for writing dataset.json and for tests)."""
        data: dict[str, Any] = {"schema_version": SCHEMA_VERSION, "release": self.release}
        for name in self._collections():
            data[name] = list(self.records(name))
        return data

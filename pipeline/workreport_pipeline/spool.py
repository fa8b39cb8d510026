"""One document's extracted records on disk while they are checked, hashed and loaded.

Why: held in memory as dicts, a large source's records take about 45 times the
source's size (a 4.8 MB report held over 200 MB of them). Written as one compact
JSON line each, to a temporary file per collection, they take about 3 times the
source on disk and almost nothing in memory: the content hash and the loader
read them back one at a time, in whatever order they need.
"""

from __future__ import annotations

import json
import shutil
import tempfile
import weakref
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import IO, cast

from workreport_schema import (
    COLLECTIONS,
    SCHEMA_VERSION,
    Dataset,
    DatasetJSON,
    DocumentJSON,
    RecordJSON,
    RecordSource,
    ReleaseJSON,
    streamed_content_hash,
)

OPTIONAL_COLLECTIONS = frozenset({"results"})
"""Collections a dataset leaves out when they are empty (the model dumps them as None)."""


@dataclass(frozen=True)
class SpoolHandle:
    """A spool handed from one process to another (a batch worker to the loader): its folder, counts and release."""

    folder: str
    counts: dict[str, int]
    release: ReleaseJSON


class RecordSpool(RecordSource):
    """Records of each collection appended to a temporary file, read back as dicts; a context manager that deletes them.

    ``folder`` is where the spool's own temporary folder goes (the system's by default).
    """

    def __init__(self, folder: str | None = None) -> None:
        self._path = Path(tempfile.mkdtemp(prefix="workreport-spool-", dir=folder))
        self._cleanup = weakref.finalize(self, shutil.rmtree, self._path, ignore_errors=True)
        self._files: dict[str, IO[str]] = {}
        self._counts: dict[str, int] = dict.fromkeys(COLLECTIONS, 0)
        self.release = cast("ReleaseJSON", {})  # empty until the pipeline sets it (assemble), before anything reads it
        """The release block; its content hash is set once every record is in (``seal``)."""

    def detach(self) -> SpoolHandle:
        """Hand the spool over: its files stay until a ``RecordSpool.attach`` of the handle is closed."""
        for handle in self._files.values():
            handle.close()
        self._files.clear()
        self._cleanup.detach()
        return SpoolHandle(str(self._path), dict(self._counts), self.release)

    @classmethod
    def attach(cls, handle: SpoolHandle) -> RecordSpool:
        """The spool a ``detach`` handed over; closing it deletes its files."""
        spool = cls.__new__(cls)
        spool._path = Path(handle.folder)
        spool._cleanup = weakref.finalize(spool, shutil.rmtree, spool._path, ignore_errors=True)
        spool._files = {}
        spool._counts = dict(handle.counts)
        spool.release = handle.release
        return spool

    def __enter__(self) -> RecordSpool:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        """Delete the files; the spool cannot be read after this."""
        for handle in self._files.values():
            handle.close()
        self._files.clear()
        self._cleanup()

    def append(self, collection: str, record: Mapping[str, object]) -> None:
        """Add a record at the end of its collection."""
        handle = self._files.get(collection)
        if handle is None:
            handle = self._files[collection] = self._file(collection).open("a", encoding="utf-8")
        handle.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n")
        self._counts[collection] += 1

    def count(self, collection: str) -> int:
        return self._counts[collection]

    def read(self, collection: str) -> Iterator[RecordJSON]:
        """The collection's records in the order they were added, one at a time (every call starts from the first)."""
        handle = self._files.get(collection)
        if handle is not None:
            handle.flush()
        if not self._counts[collection]:
            return
        with self._file(collection).open(encoding="utf-8") as reading:
            for line in reading:
                yield json.loads(line)

    def _file(self, collection: str) -> Path:
        return self._path / f"{collection}.ndjson"

    @property
    def document(self) -> DocumentJSON:
        """The one document of the spool."""
        (document,) = self.records("documents")
        return document

    def _collections(self) -> list[str]:
        """Collections as a dataset has them: model order, optional ones only when they have records."""
        return [name for name in Dataset.model_fields if name in COLLECTIONS and (name not in OPTIONAL_COLLECTIONS or self._counts[name])]

    def content_hash(self) -> str:
        """The content hash of the dataset the spool holds, as ``workreport_schema.content_hash`` computes it."""
        parts: dict[str, object] = {"schema_version": SCHEMA_VERSION}
        for name in self._collections():
            parts[name] = lambda name=name: self.records(name)
        return streamed_content_hash(parts)

    def seal(self) -> None:
        """Set the release's content hash from the records."""
        self.release["content_hash"] = self.content_hash()

    def to_dataset(self) -> DatasetJSON:
        """The whole dataset in memory, keys in model order (for writing dataset.json and for tests)."""
        data: dict[str, object] = {"schema_version": SCHEMA_VERSION, "release": self.release}
        for name in self._collections():
            data[name] = list(self.records(name))
        return cast("DatasetJSON", data)  # every collection of the model, in its order

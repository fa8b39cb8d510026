"""Content hashes of releases: the same records always give the same hash."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Mapping
from functools import partial
from typing import Any


def canonical_json(value: object) -> bytes:
    """Canonical JSON bytes: sorted keys, no spaces, UTF-8."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def content_hash(dataset: Mapping[str, object]) -> str:
    """``sha256:<hex>`` of a dataset's records, ignoring its release block.

    The hash of ``canonical_json`` of the dataset without ``release``, fed record
    by record: the same bytes, without building the whole JSON text (several
    times the source's size) in memory.
    """
    parts: dict[str, Any] = {}
    for key, value in dataset.items():
        if key != "release":
            parts[key] = partial(iter, value) if isinstance(value, list) else value
    return streamed_content_hash(parts)


def streamed_content_hash(parts: Mapping[str, Any | Callable[[], Iterable[Any]]]) -> str:
    """``content_hash`` of a dataset given as its top-level values, lists as callables that yield their items.

    A spooled dataset (records on disk) hashes to the same value as the same
    dataset held in memory, reading one record at a time.
    """
    digest = hashlib.sha256(b"{")
    for position, key in enumerate(sorted(parts)):
        digest.update((b"," if position else b"") + canonical_json(key) + b":")
        value = parts[key]
        if callable(value):
            digest.update(b"[")
            for index, item in enumerate(value()):
                digest.update((b"," if index else b"") + canonical_json(item))
            digest.update(b"]")
        else:
            digest.update(canonical_json(value))
    digest.update(b"}")
    return "sha256:" + digest.hexdigest()

"""Content hashes of releases: the same records always give the same hash."""

from __future__ import annotations

import hashlib
import json
from typing import Any


def canonical_json(value: Any) -> bytes:
    """Canonical JSON bytes: sorted keys, no spaces, UTF-8."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def content_hash(dataset: dict[str, Any]) -> str:
    """``sha256:<hex>`` of a dataset's records, ignoring its release block.

    The hash of ``canonical_json`` of the dataset without ``release``, fed record
    by record: the same bytes, without building the whole JSON text (several
    times the source's size) in memory.
    """
    digest = hashlib.sha256(b"{")
    for position, key in enumerate(sorted(key for key in dataset if key != "release")):
        digest.update((b"," if position else b"") + canonical_json(key) + b":")
        value = dataset[key]
        if isinstance(value, list):
            digest.update(b"[")
            for index, item in enumerate(value):
                digest.update((b"," if index else b"") + canonical_json(item))
            digest.update(b"]")
        else:
            digest.update(canonical_json(value))
    digest.update(b"}")
    return "sha256:" + digest.hexdigest()

"""Content hashes of releases: the same records always give the same hash."""

from __future__ import annotations

import hashlib
import json
from typing import Any


def canonical_json(value: Any) -> bytes:
    """Canonical JSON bytes: sorted keys, no spaces, UTF-8."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def content_hash(dataset: dict[str, Any]) -> str:
    """``sha256:<hex>`` of a dataset's records, ignoring its release block."""
    body = {key: value for key, value in dataset.items() if key != "release"}
    return "sha256:" + hashlib.sha256(canonical_json(body)).hexdigest()

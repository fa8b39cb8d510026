"""API test clients over a fresh seeded database (SQLite, or PostgreSQL where parametrized)."""

from __future__ import annotations

from typing import Any

from litestar.testing import TestClient

from ..conftest import SEED_DATASET, ClientFactory

__all__ = ["BASE", "ClientFactory", "all_pages", "seed_text"]

BASE = "http://127.0.0.1:8000"


def seed_text() -> str:
    import json

    data: dict[str, Any] = json.loads(SEED_DATASET.read_text(encoding="utf-8"))
    return str(data["documents"][0]["text"])


def all_pages(client: TestClient[Any], url: str) -> list[dict[str, Any]]:
    """Every record of a list, following next links (bounded)."""
    records: list[dict[str, Any]] = []
    for _ in range(100):
        response = client.get(url)
        assert response.status_code == 200, response.text
        body = response.json()
        records.extend(body["data"])
        url = body["links"]["next"]
        if url is None:
            return records
        url = url.removeprefix(BASE)
    raise AssertionError("too many pages")

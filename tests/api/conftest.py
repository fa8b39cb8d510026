"""API test clients over a fresh seeded database (SQLite, or PostgreSQL where parametrized)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from litestar.testing import TestClient

from workreport_api.app import create_app
from workreport_api.settings import Settings

from ..conftest import SEED_DATASET

BASE = "http://127.0.0.1:8000"
ClientFactory = Callable[..., TestClient[Any]]


@pytest.fixture
def make_client(seeded_url: str) -> Iterator[ClientFactory]:
    """Build clients over the same seeded database with other settings (rate limits, cache, deprecation)."""
    clients: list[TestClient[Any]] = []

    def build(**overrides: Any) -> TestClient[Any]:
        settings = Settings.from_env({}, database_url=seeded_url, release_check_seconds=0.0, **overrides)
        client: TestClient[Any] = TestClient(create_app(settings), base_url="http://testserver.local", raise_server_exceptions=False)
        client.__enter__()
        clients.append(client)
        return client

    yield build
    for client in clients:
        client.__exit__(None, None, None)


@pytest.fixture
def client(make_client: ClientFactory) -> TestClient[Any]:
    return make_client()


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

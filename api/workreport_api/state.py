"""What handlers share: settings, the database engine and the release watcher."""

from __future__ import annotations

from dataclasses import dataclass

from litestar.di import NamedDependency
from sqlalchemy import Engine

from .http.release_watch import ReleaseWatcher
from .settings import Settings


@dataclass(frozen=True)
class ApiState:
    settings: Settings
    engine: Engine
    watcher: ReleaseWatcher

    @property
    def base_url(self) -> str:
        return self.settings.public_base_url.rstrip("/")


Api = NamedDependency[ApiState]
"""How handlers ask for the shared state (the ``api`` dependency)."""

"""What handlers share: settings, the database engine and the release watcher."""

from __future__ import annotations

from dataclasses import dataclass, field

from litestar.di import NamedDependency
from sqlalchemy import Engine

from .edge.release_watch import ReleaseWatcher
from .http.slots import DownloadSlots
from .settings import Settings


@dataclass(frozen=True)
class ApiState:
    settings: Settings
    engine: Engine
    watcher: ReleaseWatcher
    downloads: DownloadSlots = field(init=False)
    """Whole-collection downloads in progress (bounded by ``max_concurrent_exports``)."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "downloads", DownloadSlots(self.settings.max_concurrent_exports))

    @property
    def base_url(self) -> str:
        return self.settings.public_base_url.rstrip("/")


Api = NamedDependency[ApiState]
"""How handlers ask for the shared state (the ``api`` dependency)."""

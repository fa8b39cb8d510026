"""workreport's database, loader, `workreport` command and read-only HTTP API v1.

``create_app()`` builds the ASGI application from ``Settings`` (the environment by default). The application is
imported when first asked for, so the commands that never serve (``init``, ``ingest``, ``export``) and the storage
layer do not load the web framework.
"""

import typing

from .settings import Settings, SettingsError

if typing.TYPE_CHECKING:
    from .app import API_VERSION, create_app

__all__ = ["API_VERSION", "Settings", "SettingsError", "create_app"]
_FROM_APP = ("API_VERSION", "create_app")


def __getattr__(name: str) -> object:
    if name in _FROM_APP:
        from . import app

        return getattr(app, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *_FROM_APP})

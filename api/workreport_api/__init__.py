"""workreport's database, loader, `workreport` command and read-only HTTP API v1.

``create_app()`` builds the ASGI application from ``Settings`` (the environment by default).
"""

from .app import API_VERSION, create_app
from .settings import Settings, SettingsError

__all__ = ["API_VERSION", "Settings", "SettingsError", "create_app"]

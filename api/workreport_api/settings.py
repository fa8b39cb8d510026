"""Settings from the environment (prefix ``WORKREPORT_``); each field says what it is for."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent

BUNDLED = PACKAGE / "bundled"
"""Package data: ``migrations/`` and ``seeds/``, the repository's top-level folders of the same names.

In the repository they are symbolic links to those folders (the source of
truth); building a wheel or an sdist copies what they point at, so an
installed package carries its own copies.
"""

REPOSITORY = PACKAGE.parents[1]
"""The repository, when this package runs from a checkout (``RUNS_FROM_CHECKOUT``)."""

RUNS_FROM_CHECKOUT = (REPOSITORY / "api" / "pyproject.toml").is_file() and (REPOSITORY / "migrations" / "env.py").is_file()
"""True for the editable install of a checkout, False for a package installed from a wheel or an sdist."""


def default_database_path(environ: Mapping[str, str]) -> Path:
    """Where the SQLite database lives unless ``WORKREPORT_DATABASE_URL`` says otherwise.

    From a checkout: ``var/workreport.sqlite3`` in the repository (what ``make
    run`` serves). Installed: a per-user data file,
    ``$XDG_DATA_HOME/workreport/workreport.sqlite3`` (``~/.local/share/...``
    when ``XDG_DATA_HOME`` is unset or not absolute), the same whichever folder
    the command runs from.
    """
    if RUNS_FROM_CHECKOUT:
        return REPOSITORY / "var" / "workreport.sqlite3"
    data_home = environ.get("XDG_DATA_HOME", "")
    base = Path(data_home) if Path(data_home).is_absolute() else Path.home() / ".local" / "share"
    return base / "workreport" / "workreport.sqlite3"


class SettingsError(ValueError):
    """An environment variable has an unusable value; the message is one line."""


def _doc(text: str) -> dict[str, str]:
    return {"doc": text}


@dataclass(frozen=True)
class Settings:
    """Runtime configuration. ``Settings.from_env()`` reads ``WORKREPORT_<FIELD>`` for each field."""

    database_url: str = field(
        default=f"sqlite:///{default_database_path(os.environ)}",
        metadata=_doc("SQLAlchemy URL of the database: an SQLite file (created on demand) or postgresql+psycopg://user@host/db."),
    )
    public_base_url: str = field(
        default="http://127.0.0.1:8000",
        metadata=_doc("Address used in links, the catalog and the $id of served JSON Schema files."),
    )
    cors_allow_origins: str = field(default="*", metadata=_doc("Comma-separated origins allowed by CORS; * allows any."))
    rate_limit_per_minute: int = field(
        default=0, metadata=_doc("Requests per minute allowed per client address; 0 turns rate limiting off.")
    )
    trusted_proxies: str = field(
        default="",
        metadata=_doc("Comma-separated proxy addresses whose X-Forwarded-For is trusted for the client address (empty: none)."),
    )
    log_level: str = field(default="info", metadata=_doc("Log level: debug, info, warning, error."))
    cache_max_bytes: int = field(
        default=64 * 1024 * 1024, metadata=_doc("Memory budget of the response cache per worker, in bytes; 0 turns it off.")
    )
    cache_max_age: int = field(default=300, metadata=_doc("Cache-Control max-age of data responses, in seconds."))
    deprecated_since: str = field(
        default="",
        metadata=_doc(
            "ISO date from which API v1 is deprecated: every response then carries Deprecation (RFC 9745) and a deprecation Link."
        ),
    )
    sunset: str = field(
        default="", metadata=_doc("ISO date after which v1 may be withdrawn, sent as the Sunset header (RFC 8594) when set.")
    )
    release_check_seconds: float = field(
        default=1.0, metadata=_doc("How often a worker looks for a new data release; a load shows within this many seconds.")
    )
    max_header_bytes: int = field(
        default=16 * 1024,
        metadata=_doc("Largest request header section (request line and fields), in bytes; beyond it 431 problem+json."),
    )
    max_header_count: int = field(default=100, metadata=_doc("Most header fields a request may have; beyond it 431 problem+json."))
    header_timeout_seconds: float = field(
        default=10.0, metadata=_doc("Time a client has to send a whole request header section; then 408 and the connection is closed.")
    )
    keep_alive_seconds: int = field(default=5, metadata=_doc("Idle time after which a kept-alive connection is closed."))
    max_connections: int = field(
        default=1000, metadata=_doc("Open connections per worker; a connection beyond it gets 503 problem+json and is closed.")
    )
    max_concurrent_exports: int = field(
        default=2,
        metadata=_doc("Whole-collection downloads (exports, CSV and NDJSON lists) at once per worker; one more waits 2 s, then 503."),
    )
    single_flight_wait_seconds: float = field(
        default=1.0,
        metadata=_doc("How long a request waits for an identical one already being computed before computing its own."),
    )
    search_candidates: int = field(
        default=200,
        metadata=_doc(
            "Matches /v1/search ranks per query of 4 or more characters, or with document= (the first in index order; "
            "shorter queries rank every match); a query matching more costs the same, "
            "later matches follow in index order and its total is an estimate (meta.total_estimated)."
        ),
    )
    search_list_exact: int = field(
        default=1000,
        metadata=_doc(
            "Matches a list filtered by q (/v1/measures?q=) counts exactly; with more, its page is read in list order "
            "and its total is an estimate (meta.total_estimated), unless the list is within one document."
        ),
    )
    workers: int = field(
        default=1, metadata=_doc("Worker processes (set by `workreport serve --workers`); the rate limit is divided among them.")
    )
    seeds_dir: str = field(
        default=str(BUNDLED / "seeds"),
        metadata=_doc("Folder of bundled documents that `workreport init` loads (default: those shipped in the package)."),
    )
    migrations_dir: str = field(
        default=str(BUNDLED / "migrations"), metadata=_doc("Folder of the Alembic migrations (default: those shipped in the package).")
    )

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None, **overrides: object) -> Settings:
        """Settings from ``WORKREPORT_*`` variables, then explicit overrides (command-line flags)."""
        env = os.environ if environ is None else environ
        values: dict[str, object] = {}
        for spec in fields(cls):
            raw = env.get(f"WORKREPORT_{spec.name.upper()}")
            if raw is None:
                continue
            if spec.type in ("float", float):
                try:
                    values[spec.name] = float(raw)
                except ValueError:
                    raise SettingsError(f"WORKREPORT_{spec.name.upper()} must be a number, not {raw!r}") from None
            elif spec.type in ("int", int):
                try:
                    values[spec.name] = int(raw)
                except ValueError:
                    raise SettingsError(f"WORKREPORT_{spec.name.upper()} must be an integer, not {raw!r}") from None
            elif spec.type in ("bool", bool):
                if raw.lower() not in {"1", "0", "true", "false", "yes", "no", ""}:
                    raise SettingsError(f"WORKREPORT_{spec.name.upper()} must be true or false, not {raw!r}")
                values[spec.name] = raw.lower() in {"1", "true", "yes"}
            else:
                values[spec.name] = raw
        values.update({key: value for key, value in overrides.items() if value is not None})
        settings = cls(**values)  # type: ignore[arg-type]
        settings.check()
        return settings

    def check(self) -> None:
        """Refuse values that cannot work, with the variable's name."""
        import datetime

        for name in ("deprecated_since", "sunset"):
            value = getattr(self, name)
            if value:
                try:
                    datetime.datetime.fromisoformat(value)
                except ValueError:
                    raise SettingsError(f"WORKREPORT_{name.upper()} must be an ISO date such as 2027-06-30, not {value!r}") from None
        if not self.public_base_url.startswith(("http://", "https://")):
            raise SettingsError(f"WORKREPORT_PUBLIC_BASE_URL must start with http:// or https://, not {self.public_base_url!r}")
        if self.log_level.lower() not in {"debug", "info", "warning", "error", "critical"}:
            raise SettingsError(f"WORKREPORT_LOG_LEVEL must be debug, info, warning or error, not {self.log_level!r}")
        if self.rate_limit_per_minute < 0 or self.cache_max_bytes < 0 or self.release_check_seconds < 0:
            raise SettingsError("rate limit, cache size and release check interval cannot be negative")
        for name in (
            "max_header_bytes",
            "max_header_count",
            "max_connections",
            "max_concurrent_exports",
            "workers",
            "keep_alive_seconds",
            "search_candidates",
            "search_list_exact",
        ):
            if getattr(self, name) < 1:
                raise SettingsError(f"WORKREPORT_{name.upper()} must be at least 1")
        if self.header_timeout_seconds <= 0 or self.single_flight_wait_seconds < 0:
            raise SettingsError("WORKREPORT_HEADER_TIMEOUT_SECONDS must be positive and WORKREPORT_SINGLE_FLIGHT_WAIT_SECONDS not negative")

    @staticmethod
    def documentation() -> list[tuple[str, str, str]]:
        """(variable, default, description) for every setting (the README table is checked against it)."""
        return [(f"WORKREPORT_{spec.name.upper()}", str(spec.default), spec.metadata["doc"]) for spec in fields(Settings)]

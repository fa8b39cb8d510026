"""Alembic environment: the URL comes from workreport's settings; batch mode on SQLite."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Engine

from workreport_api.db import tables
from workreport_api.db.engine import make_engine
from workreport_api.settings import Settings

config = context.config
target_metadata = tables.metadata

# Objects the migrations manage by hand (FTS5 virtual tables, trigram indexes) that autogenerate must ignore.
UNMANAGED_PREFIXES = ("search_fts", "ix_search_entries_folded_trgm", "sqlite_")


def include_object(obj: object, name: str | None, type_: str, reflected: bool, compare_to: object) -> bool:
    return not (name or "").startswith(UNMANAGED_PREFIXES)


def _engine() -> Engine:
    engine = config.attributes.get("engine")
    if engine is not None:
        return engine  # type: ignore[no-any-return]
    url = config.attributes.get("database_url") or Settings.from_env().database_url
    return make_engine(url)


def run_migrations_offline() -> None:
    url = config.attributes.get("database_url") or Settings.from_env().database_url
    context.configure(url=url, target_metadata=target_metadata, literal_binds=True, render_as_batch=url.startswith("sqlite"))
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    engine = _engine()
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    with engine.connect() as connection:
        _run(connection)


def _run(connection: object) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",  # type: ignore[attr-defined]
        include_object=include_object,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()

"""Migrations through Alembic, and the check that a database is at the revision this code knows."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import Engine
from sqlalchemy import exc as sa_exc

from ..settings import Settings
from .engine import DatabaseError, redact


def alembic_config(settings: Settings) -> Config:
    """An Alembic configuration for our migrations folder (no alembic.ini needed)."""
    config = Config()
    config.set_main_option("script_location", settings.migrations_dir)
    config.set_main_option("path_separator", "os")
    return config


def head_revision(settings: Settings) -> str:
    head = ScriptDirectory.from_config(alembic_config(settings)).get_current_head()
    assert head is not None
    return head


@contextmanager
def friendly_errors(engine: Engine) -> Iterator[None]:
    """Turn driver errors into one-line DatabaseErrors naming the (redacted) database."""
    try:
        yield
    except sa_exc.OperationalError as error:
        reason = str(error.orig).strip().splitlines()[0] if error.orig else str(error)
        raise DatabaseError(f"cannot use the database at {redact(str(engine.url))}: {reason}") from None
    except sa_exc.DatabaseError as error:
        reason = str(error.orig).strip().splitlines()[0] if error.orig else str(error)
        raise DatabaseError(f"the database at {redact(str(engine.url))} is not usable: {reason}") from None


@dataclass(frozen=True)
class MigrationState:
    current: str | None
    head: str
    known: frozenset[str]

    @property
    def status(self) -> str:
        """current, empty (never migrated), behind (an older revision) or unknown (a revision we do not know)."""
        if self.current == self.head:
            return "current"
        if self.current is None:
            return "empty"
        return "behind" if self.current in self.known else "unknown"


def migration_state(engine: Engine, settings: Settings) -> MigrationState:
    """Where the database stands relative to this code's migrations."""
    script = ScriptDirectory.from_config(alembic_config(settings))
    known = frozenset(revision.revision for revision in script.walk_revisions())
    with friendly_errors(engine), engine.connect() as connection:
        current = MigrationContext.configure(connection).get_current_revision()
        connection.rollback()
    return MigrationState(current, head_revision(settings), known)


def require_current(engine: Engine, settings: Settings) -> None:
    """Refuse to work on a database that is not at this code's head revision."""
    state = migration_state(engine, settings)
    if state.status == "empty":
        raise DatabaseError(f"the database at {redact(str(engine.url))} is not initialised; run `workreport init`")
    if state.status == "behind":
        raise DatabaseError(f"the database is at revision {state.current}, older than {state.head}; run `workreport db upgrade`")
    if state.status == "unknown":
        raise DatabaseError(
            f"the database is at revision {state.current}, which this version of workreport does not know; upgrade workreport"
        )


def _run(engine: Engine, settings: Settings, action: str, revision: str) -> None:
    config = alembic_config(settings)
    with friendly_errors(engine), engine.begin() as connection:
        config.attributes["connection"] = connection
        try:
            if action == "upgrade":
                command.upgrade(config, revision)
            else:
                command.downgrade(config, revision)
        except CommandError as error:
            raise DatabaseError(f"cannot {action} to {revision}: {error}") from None


def upgrade(engine: Engine, settings: Settings, revision: str = "head") -> None:
    state = migration_state(engine, settings)
    if state.status == "unknown":
        raise DatabaseError(
            f"the database is at revision {state.current}, which this version of workreport does not know; upgrade workreport"
        )
    _run(engine, settings, "upgrade", revision)


def downgrade(engine: Engine, settings: Settings, revision: str) -> None:
    _run(engine, settings, "downgrade", revision)

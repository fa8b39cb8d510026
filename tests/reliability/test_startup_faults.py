"""`workreport serve` refuses, with one line and a non-zero exit, to start half-working."""

from __future__ import annotations

import sqlite3
import subprocess
from pathlib import Path

import pytest

from workreport_api.cli import main

from ..servers import BIN, free_port


def _serve(url: str) -> subprocess.CompletedProcess[str]:
    command = [str(BIN / "workreport"), "serve", "--port", str(free_port()), "--database-url", url]
    return subprocess.run(command, capture_output=True, text=True, timeout=60)


def _one_line_error(result: subprocess.CompletedProcess[str], message: str) -> None:
    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stderr.count("\n") == 1 and message in result.stderr, result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.slow
def test_missing_file(tmp_path: Path) -> None:
    _one_line_error(_serve(f"sqlite:///{tmp_path / 'missing.sqlite3'}"), "no database file")
    assert not (tmp_path / "missing.sqlite3").exists(), "serve must not create an empty database"


@pytest.mark.slow
def test_unreadable_path(tmp_path: Path) -> None:
    folder = tmp_path / "a-folder.sqlite3"
    folder.mkdir()
    _one_line_error(_serve(f"sqlite:///{folder}"), "no database file")


@pytest.mark.slow
@pytest.mark.parametrize("content", [b"garbage" * 1000, b"SQLite format 3\x00" + b"\xff" * 5000])
def test_corrupt_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "corrupt.sqlite3"
    path.write_bytes(content)
    result = _serve(f"sqlite:///{path}")
    assert result.returncode == 1 and result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert "not usable" in result.stderr or "cannot use" in result.stderr


@pytest.mark.slow
@pytest.mark.parametrize(("revision", "message"), [("0001", "older than"), ("beef0000", "does not know")])
def test_older_or_unknown_migration(tmp_path: Path, revision: str, message: str) -> None:
    path = tmp_path / "db.sqlite3"
    assert main(["init", "--database-url", f"sqlite:///{path}"]) == 0
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = ?", (revision,))
    _one_line_error(_serve(f"sqlite:///{path}"), message)


@pytest.mark.slow
def test_unreachable_postgres() -> None:
    _one_line_error(_serve(f"postgresql+psycopg://postgres@127.0.0.1:{free_port()}/nowhere"), "cannot use the database")

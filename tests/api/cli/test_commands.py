"""The workreport CLI: init, ingest, remove, export, db — and one-line errors with a non-zero exit."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from workreport_api.cli import main
from workreport_schema import validate_data

from ...conftest import ENGINES, SEED_DATASET


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize("database_url", ENGINES, indirect=True)
def test_init_twice_changes_nothing(database_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(["init", "--database-url", database_url], capsys)
    assert code == 0 and "loaded shanghai-2012" in out and "release 1" in out
    code, out, _ = _run(["init", "--database-url", database_url], capsys)
    assert (code, out) == (0, "shanghai-2012: up to date\n")
    code, out, _ = _run(["db", "current", "--database-url", database_url], capsys)
    assert code == 0 and "(current;" in out


@pytest.mark.parametrize("seeded_url", ENGINES, indirect=True)
def test_ingest_export_remove(seeded_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "report.txt"
    source.write_text("（一）民生\n新增养老床位3000张，力争新增就业岗位十万个。", encoding="utf-8")
    argv = [
        "ingest",
        str(source),
        "--document-id",
        "x-2013",
        "--title",
        "某市报告",
        "--year",
        "2013",
        "--language",
        "zh-Hans",
        "--database-url",
        seeded_url,
    ]
    code, out, err = _run(argv, capsys)
    assert (code, err) == (0, "") and "loaded x-2013" in out
    output = tmp_path / "x.json"
    assert _run(["export", "--document", "x-2013", "-o", str(output), "--database-url", seeded_url], capsys)[0] == 0
    data = json.loads(output.read_text(encoding="utf-8"))
    assert validate_data(data, "dataset") == ("dataset", [])
    assert [(t["value"], t["unit"], t["commitment"]) for t in data["targets"]] == [(3000, "bed", "firm"), (100000, "job", "aspirational")]
    code, out, _ = _run(["export", "--format", "ndjson", "--collection", "units", "--database-url", seeded_url], capsys)
    assert code == 0 and all(json.loads(line)["ucum"] for line in out.splitlines())
    folder = tmp_path / "csv"
    assert _run(["export", "--format", "csv", "-o", str(folder), "--database-url", seeded_url], capsys)[0] == 0
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [f"{n}.csv" for n in ("documents", "chapters", "paragraphs", "measures", "targets", "results", "units", "bodies")]
        + [f"{n}.csv" for n in ("indicators", "outcomes", "series")]
        + ["datapackage.json", "schemas"]
    )
    assert _run(["remove", "x-2013", "--database-url", seeded_url], capsys)[:2] == (0, "removed x-2013 (release 3)\n")
    code, out, _ = _run(["export", "--database-url", seeded_url], capsys)
    assert out == SEED_DATASET.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("flags", "language", "warning"),
    [
        ([], "zh-Hans", ""),
        (
            ["--language", "zh-Hant"],
            "zh-Hant",
            "workreport: warning: the text is written in zh-Hans but the language given is zh-Hant; using zh-Hant\n",
        ),
    ],
)
def test_ingest_detects_the_language_and_warns_on_a_mismatch(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], flags: list[str], language: str, warning: str
) -> None:
    source, database = tmp_path / "report.txt", f"sqlite:///{tmp_path / 'x.sqlite3'}"
    source.write_text("（一）民生\n区民政局要新增养老床位3000张。", encoding="utf-8")
    assert _run(["db", "upgrade", "--database-url", database], capsys)[0] == 0
    argv = ["ingest", str(source), "--document-id", "x-2013", "--title", "某市报告", "--year", "2013", "--issuer", "某市人民政府"]
    code, out, err = _run([*argv, *flags, "--database-url", database], capsys)
    assert (code, err) == (0, warning) and "loaded x-2013" in out
    output = tmp_path / "x.json"
    assert _run(["export", "--document", "x-2013", "-o", str(output), "--database-url", database], capsys)[0] == 0
    data = json.loads(output.read_text(encoding="utf-8"))
    assert data["documents"][0]["language"] == language
    issuer = next(b for b in data["bodies"] if b["id"] == data["documents"][0]["issuer"])
    assert issuer["names"][language] == "某市人民政府" and issuer["provenance"][f"names/{language}"] == "curated"


@pytest.mark.parametrize("shared_url", ENGINES, indirect=True)
@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["remove", "nope"], "no document with id 'nope'"),
        (["export", "--document", "nope"], "no document with id 'nope'"),
        (["ingest", "/nonexistent/report.txt", "--document-id", "a", "--title", "t", "--year", "2012"], "no such file"),
        (["export", "--format", "csv"], "csv needs --collection"),
        (["db", "downgrade", "zzzz"], "cannot downgrade to zzzz"),
    ],
)
def test_bad_input_is_one_line(shared_url: str, argv: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Refused commands change nothing: they run against the session's shared database, whose rows are checked at the end."""
    code, _, err = _run([*argv, "--database-url", shared_url], capsys)
    assert code == 1 and message in err and err.count("\n") == 1 and "Traceback" not in err


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("postgresql+psycopg://nobody@127.0.0.1:1/none", "cannot use the database at postgresql+psycopg://nobody@127.0.0.1:1/none"),
        ("mysql://x@y/z", "unsupported database 'mysql'"),
        ("not a url", "not a database URL"),
    ],
)
def test_unusable_database_urls(url: str, message: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(["export", "--database-url", url], capsys)
    assert code == 1 and message in err and err.count("\n") == 1


def test_password_is_never_printed(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(["export", "--database-url", "postgresql+psycopg://u:s3cret@127.0.0.1:1/db"], capsys)
    assert code == 1 and "s3cret" not in err and "***" in err


@pytest.mark.parametrize("content", [b"", b"this is not a database, just bytes" * 200])
def test_corrupt_or_empty_sqlite_file(tmp_path: Path, content: bytes, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "broken.sqlite3"
    path.write_bytes(content)
    code, _, err = _run(["export", "--database-url", f"sqlite:///{path}"], capsys)
    assert code == 1 and err.count("\n") == 1
    assert ("not initialised" in err) if not content else ("not usable" in err or "cannot use" in err)


def test_unknown_migration(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import sqlite3

    url = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    assert main(["init", "--database-url", url]) == 0
    with sqlite3.connect(tmp_path / "db.sqlite3") as connection:
        connection.execute("UPDATE alembic_version SET version_num = 'abc999'")
    code, _, err = _run(["export", "--database-url", url], capsys)
    assert code == 1 and "revision abc999, which this version of workreport does not know" in err
    code, _, err = _run(["init", "--database-url", url], capsys)
    assert code == 1 and "does not know" in err


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["ingest", "report.txt", "--year", "abc"], "invalid int value: 'abc'"),
        (["ingest", "report.txt", "--max-source-bytes", "x"], "not a whole number"),
        (["nosuch"], "invalid choice: 'nosuch'"),
        (["export", "--format", "xml"], "invalid choice: 'xml'"),
        (["serve", "--port"], "expected one argument"),
    ],
)
def test_usage_errors_are_one_line_and_status_1(argv: list[str], words: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(argv)
    err = capsys.readouterr().err
    assert stopped.value.code == 1
    assert err.count("\n") == 1 and words in err and err.startswith("workreport") and "--help" in err

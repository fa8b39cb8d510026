"""``workreport ingest`` on awkward sources and options, on both engines: a BOM, CRLF, control characters, empty titles, a size limit.

Bad input is one line on standard error and exit status 1, and the data loaded
before is left exactly as it was.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from workreport_api.cli import main

from ...conftest import ENGINES, ROOT, SEED_DATASET

SEED = ROOT / "seeds" / "shanghai-2012"
SEED_DATA: dict[str, Any] = json.loads(SEED_DATASET.read_text(encoding="utf-8"))
on_a_fresh_database = pytest.mark.parametrize("seeded_url", ENGINES, indirect=True)
on_the_shared_database = pytest.mark.parametrize("shared_url", ENGINES, indirect=True)


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _ingest_seed(source: Path, url: str, capsys: pytest.CaptureFixture[str], *flags: str) -> tuple[int, str, str]:
    argv = ["ingest", str(source), "--document", str(SEED / "document.toml"), "--curation", str(SEED / "curation"), *flags]
    return _run([*argv, "--database-url", url], capsys)


def _unchanged(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(["export", "--database-url", url], capsys)
    assert code == 0 and out == SEED_DATASET.read_text(encoding="utf-8")


@on_a_fresh_database
@pytest.mark.parametrize("newline", [b"\n", b"\r\n"], ids=["lf", "crlf"])
def test_a_source_with_a_bom_loads_every_chapter(
    seeded_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], newline: bytes
) -> None:
    """Was: 7 chapters, 434 measures, exit 0 — the first heading hid behind the BOM."""
    source = tmp_path / "source.txt"
    source.write_bytes(b"\xef\xbb\xbf" + (SEED / "source.txt").read_bytes().replace(b"\n", newline))
    code, out, err = _ingest_seed(source, seeded_url, capsys)
    assert (code, err) == (0, "")
    assert "8 chapters, 32 paragraphs, 434 measures, 65 targets" in out
    if newline == b"\n":  # the BOM is dropped: the same text, offsets and hash as the seed
        _unchanged(seeded_url, capsys)


@on_a_fresh_database
def test_crlf_spans_are_exact_on_the_stored_text(seeded_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "source.txt"
    source.write_bytes((SEED / "source.txt").read_bytes().replace(b"\n", b"\r\n"))
    assert _ingest_seed(source, seeded_url, capsys, "--document-id", "crlf-2012")[0] == 0
    code, out, _ = _run(["export", "--document", "crlf-2012", "--database-url", seeded_url], capsys)
    assert code == 0
    data = json.loads(out)  # read back from the database: the text and spans as stored
    text = data["documents"][0]["text"]
    assert "\r\n" in text and text == source.read_bytes().decode("utf-8")
    counts = {}
    for collection in ("chapters", "paragraphs", "measures", "targets"):
        counts[collection] = len(data[collection])
        for record in data[collection]:
            span = record["source"]
            assert text[span["start"] : span["end"]] == span["quote"] and "\r" not in span["quote"]
    assert counts == {name: len(SEED_DATA[name]) for name in counts}


@on_the_shared_database
@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"(\xe4\xb8\x80)\xe6\xb0\x91\xe7\x94\x9f\n\xe6\x96\xb0\xe5\xa2\x9e\x00\xe3\x80\x82", "control character U+0000 at byte offset 18"),
        ("(一)民生\n推進\x07建設。".encode(), "control character U+0007 at byte offset 18"),
    ],
    ids=["nul", "bell"],
)
def test_control_characters_are_refused_alike(
    shared_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, message: str
) -> None:
    """Was: NUL loaded on SQLite, and on PostgreSQL failed with a message that blamed the database."""
    source = tmp_path / "source.txt"
    source.write_bytes(content)
    code, out, err = _ingest_seed(source, shared_url, capsys, "--document-id", "shanghai-2012")
    assert code == 1 and out == "" and err.count("\n") == 1 and message in err
    assert "database" not in err and "Traceback" not in err
    _unchanged(shared_url, capsys)


@on_the_shared_database
@pytest.mark.parametrize(
    ("flags", "message"),
    [
        (["--title", ""], "title is empty"),
        (["--title", "   "], "title is empty"),
        (["--issuer", ""], "issuer name is empty"),
        (["--issuer", "  "], "issuer name is empty"),
        (["--document-id", ""], "document id '' is not valid"),
        (["--document-id", "   "], "document id '   ' is not valid"),
    ],
    ids=["empty-title", "blank-title", "empty-issuer", "blank-issuer", "empty-id", "blank-id"],
)
def test_bad_string_options_are_one_line(
    shared_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], flags: list[str], message: str
) -> None:
    """Was: --title '' printed a pydantic traceback, --title '   ' was accepted, --issuer '' never finished."""
    code, out, err = _ingest_seed(SEED / "source.txt", shared_url, capsys, *flags)
    assert code == 1 and out == "" and err.count("\n") == 1 and message in err and "Traceback" not in err
    _unchanged(shared_url, capsys)


@on_the_shared_database
def test_a_source_over_the_limit_is_refused_before_any_work(shared_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    size = (SEED / "source.txt").stat().st_size
    unreachable = "postgresql+psycopg://nobody@127.0.0.1:1/none"
    argv = ["ingest", str(SEED / "source.txt"), "--document", str(SEED / "document.toml"), "--max-source-bytes", str(size - 1)]
    code, out, err = _run([*argv, "--database-url", unreachable], capsys)  # the database is not even opened
    assert code == 1 and out == "" and err.count("\n") == 1 and f"larger than the limit of {size - 1} bytes" in err
    code, _, err = _run([*argv, "--database-url", shared_url], capsys)
    assert code == 1 and "larger than the limit" in err
    _unchanged(shared_url, capsys)

"""``workreport-pipeline extract`` and ``report``: results, one-line errors, nothing written on failure."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from workreport_pipeline.cli import main

from .conftest import SEED

GOOD = "(一)民生\n新增養老床位5000張。"


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_extract_with_document_toml(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "seed.json"
    code, stdout, _ = _run(
        [
            "extract",
            str(SEED / "source.txt"),
            "--document",
            str(SEED / "document.toml"),
            "--curation",
            str(SEED / "curation"),
            "-o",
            str(out),
        ],
        capsys,
    )
    assert code == 0 and "8 chapters, 32 paragraphs" in stdout
    assert out.read_text(encoding="utf-8") == (SEED / "dataset.json").read_text(encoding="utf-8")


def test_extract_with_flags_only(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source, out = tmp_path / "report.txt", tmp_path / "out.json"
    source.write_text(GOOD, encoding="utf-8")
    argv = [
        "extract",
        str(source),
        "-o",
        str(out),
        "--document-id",
        "x-2020",
        "--title",
        "某市報告",
        "--year",
        "2020",
        "--issuer",
        "某市人民政府",
    ]
    code, _, err = _run(argv, capsys)
    assert (code, err) == (0, "")
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["documents"][0]["id"] == "x-2020"
    assert data["targets"][0]["value"] == 5000 and data["targets"][0]["unit"] == "bed"
    assert data["targets"][0]["period"] == {"start": "2020-01-01", "end": "2020-12-31"}


def test_flags_override_document_toml(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.json"
    argv = ["extract", str(SEED / "source.txt"), "--document", str(SEED / "document.toml"), "--document-id", "other-2012", "-o", str(out)]
    assert _run(argv, capsys)[0] == 0
    assert json.loads(out.read_text(encoding="utf-8"))["chapters"][0]["id"] == "other-2012.c03"


@pytest.mark.parametrize(
    ("content", "flags", "message"),
    [
        (None, [], "no such file"),
        (b"\xff\xfe(\x00", [], "not UTF-8"),
        (b"   \n", [], "empty"),
        ("沒有標題。".encode(), [], "no chapter heading"),
        (GOOD.encode(), ["--language", "fr"], "language 'fr' is not supported"),
        (GOOD.encode(), ["--document-id", "Bad Id"], "document id 'Bad Id' is not valid"),
        (GOOD.encode(), ["--year", "1800"], "year 1800 is not valid"),
        (GOOD.encode(), ["--curation", "/nonexistent/curation"], "no such folder"),
    ],
    ids=["missing", "not-utf8", "empty", "no-heading", "language", "bad-id", "bad-year", "no-curation"],
)
def test_bad_input_is_one_line_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes | None, flags: list[str], message: str
) -> None:
    source, out = tmp_path / "report.txt", tmp_path / "out.json"
    if content is not None:
        source.write_bytes(content)
    argv = ["extract", str(source), "-o", str(out), "--document-id", "x-2020", "--title", "t", "--year", "2020", *flags]
    code, stdout, err = _run(argv, capsys)
    assert code == 1 and stdout == ""
    assert err.count("\n") == 1 and message in err and "Traceback" not in err
    assert not out.exists()
    assert list(tmp_path.iterdir()) == ([source] if content is not None else [])


def test_missing_flags_without_document(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "report.txt"
    source.write_text(GOOD, encoding="utf-8")
    code, _, err = _run(["extract", str(source), "-o", str(tmp_path / "o.json")], capsys)
    assert code == 1 and "--document-id, --title, --year" in err


def test_report_markdown_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(["report", str(SEED / "dataset.json")], capsys)
    assert code == 0
    assert "| **total** | 32 |" in out
    assert "`line-number`" in out and "`year`" in out and "`code-name`" in out
    code, out, _ = _run(["report", "--format", "json", str(SEED / "dataset.json")], capsys)
    report = json.loads(out)
    assert report["numbers_as_targets"] == 30
    assert {item["number"] for item in report["skipped_numbers"] if item["reason"] == "line-number"} == {"11", "12", "13", "16", "5", "17"}


def test_report_refuses_bad_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(["report", str(tmp_path / "missing.json")], capsys)[0] == 2
    bad = tmp_path / "bad.json"
    bad.write_text('{"schema_version": "1.0.0", "release": {}}', encoding="utf-8")
    code, _, err = _run(["report", str(bad)], capsys)
    assert code == 1 and "not a valid dataset" in err

"""``workreport-pipeline extract`` and ``report``: results, one-line errors, nothing written on failure."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from workreport_pipeline.cli import main

from .conftest import SEED

GOOD = "(一)民生\n新增養老床位5000張。"


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _flags_only(tmp_path: Path, *flags: str, content: str = GOOD) -> tuple[list[str], Path]:
    """An extract command line over a small report, described by flags alone (later flags win)."""
    source, out = tmp_path / "report.txt", tmp_path / "out.json"
    source.write_text(content, encoding="utf-8")
    return ["extract", str(source), "-o", str(out), "--document-id", "x-2020", "--title", "t", "--year", "2020", *flags], out


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
    argv, out = _flags_only(tmp_path, "--title", "某市報告", "--issuer", "某市人民政府")
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


@pytest.mark.parametrize(
    ("flags", "message"),
    [
        (["--title", ""], "title is empty"),
        (["--title", "   "], "title is empty"),
        (["--title", "a\x01b"], "title contains the control character U+0001"),
        (["--title", "題" * 501], "title is longer than 500 characters"),
        (["--issuer", ""], "issuer name is empty"),
        (["--issuer", " \t "], "issuer name is empty"),
        (["--issuer", "市\x00政府"], "issuer name contains the control character U+0000"),
        (["--document-id", ""], "document id '' is not valid"),
        (["--document-id", "  "], "document id '  ' is not valid"),
    ],
    ids=["empty-title", "blank-title", "control-title", "long-title", "empty-issuer", "blank-issuer", "nul-issuer", "empty-id", "blank-id"],
)
def test_bad_string_options_are_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str], flags: list[str], message: str) -> None:
    argv, out = _flags_only(tmp_path, *flags)
    code, stdout, err = _run(argv, capsys)
    assert code == 1 and stdout == "" and not out.exists()
    assert err.count("\n") == 1 and message in err and "Traceback" not in err


def test_surrounding_white_space_in_a_title_is_dropped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    argv, out = _flags_only(tmp_path, "--title", " 某市報告 ", "--issuer", " 某市人民政府")
    assert _run(argv, capsys)[0] == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["documents"][0]["title"]["zh-Hant"] == "某市報告"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"(\xe4\xb8\x80)\xe6\xb0\x91\xe7\x94\x9f\n\x00", "control character U+0000 at byte offset 12 (line 2)"),
        ("(一)民生\n新增養老床位\x015000張。".encode(), "control character U+0001 at byte offset 30 (line 2)"),
        ("\ufeff(一)民生\n新增\x1b。".encode(), "control character U+001B at byte offset 21 (line 2)"),
        ("(一)民生\n新增\x0c。".encode(), "control character U+000C"),
        ("(一)民生\x0b新增。".encode(), "control character U+000B"),
    ],
    ids=["nul", "soh", "esc-after-bom", "form-feed", "vertical-tab"],
)
def test_control_characters_are_refused_naming_the_offset(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, message: str
) -> None:
    source, out = tmp_path / "report.txt", tmp_path / "out.json"
    source.write_bytes(content)
    argv = ["extract", str(source), "-o", str(out), "--document-id", "x-2020", "--title", "t", "--year", "2020"]
    code, _, err = _run(argv, capsys)
    assert code == 1 and err.count("\n") == 1 and message in err and not out.exists()


def test_a_source_over_the_limit_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source, out = tmp_path / "report.txt", tmp_path / "out.json"
    source.write_text(GOOD, encoding="utf-8")
    size = source.stat().st_size
    base = ["extract", str(source), "-o", str(out), "--document-id", "x-2020", "--title", "t", "--year", "2020"]
    code, _, err = _run([*base, "--max-source-bytes", str(size - 1)], capsys)
    assert code == 1 and err.count("\n") == 1 and f"larger than the limit of {size - 1} bytes" in err and not out.exists()
    assert _run([*base, "--max-source-bytes", str(size)], capsys)[0] == 0


def _spans_are_exact(data: dict[str, Any]) -> None:
    text = data["documents"][0]["text"]
    for collection in ("chapters", "paragraphs", "measures", "targets"):
        for record in data[collection]:
            span = record["source"]
            assert text[span["start"] : span["end"]] == span["quote"], record["id"]
            assert "\r" not in span["quote"] and "\n" not in span["quote"], record["id"]


@pytest.mark.parametrize(
    ("prefix", "newline"),
    [(b"\xef\xbb\xbf", b"\n"), (b"", b"\r\n"), (b"\xef\xbb\xbf", b"\r\n"), (b"", b"\r")],
    ids=["bom", "crlf", "bom-crlf", "cr"],
)
def test_bom_and_line_ends_read_exactly(tmp_path: Path, capsys: pytest.CaptureFixture[str], prefix: bytes, newline: bytes) -> None:
    """The seed with a BOM and/or other line ends: every chapter and measure, spans exact on the text kept."""
    seed = json.loads((SEED / "dataset.json").read_text(encoding="utf-8"))
    raw = (SEED / "source.txt").read_bytes()
    source, out = tmp_path / "source.txt", tmp_path / "out.json"
    source.write_bytes(prefix + raw.replace(b"\n", newline))
    argv = ["extract", str(source), "--document", str(SEED / "document.toml"), "--curation", str(SEED / "curation"), "-o", str(out)]
    assert _run(argv, capsys)[0] == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    for collection in ("chapters", "paragraphs", "measures", "targets"):
        assert len(data[collection]) == len(seed[collection]), collection
        assert [r["source"]["quote"] for r in data[collection]] == [r["source"]["quote"] for r in seed[collection]]
    text = data["documents"][0]["text"]
    assert text == raw.decode("utf-8").replace("\n", newline.decode()) and not text.startswith("\ufeff")
    _spans_are_exact(data)
    if newline == b"\n":  # the BOM is not part of the text: offsets and hash are those of the file without it
        assert data["documents"][0]["source_sha256"] == seed["documents"][0]["source_sha256"]
        assert [r["source"] for r in data["measures"]] == [r["source"] for r in seed["measures"]]


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (('zh-Hant = "2012年上海市政府工作報告"', 'zh-Hant = "  "'), "title is empty"),
        (('name = "上海市人民政府"', 'name = ""'), "issuer name is empty"),
        (('en = "Shanghai Municipal Government Work Report 2012"', 'en = "a\\u0000b"'), "title en contains the control character U+0000"),
        (('en = "Holds task sections', 'en = "\\u0007Holds task sections'), "note en contains the control character U+0007"),
    ],
    ids=["blank-title", "empty-issuer", "nul-title-en", "bell-note-en"],
)
def test_bad_text_in_document_toml_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], edit: tuple[str, str], message: str
) -> None:
    toml = (SEED / "document.toml").read_text(encoding="utf-8")
    assert edit[0] in toml
    document, out = tmp_path / "document.toml", tmp_path / "out.json"
    document.write_text(toml.replace(edit[0], edit[1], 1), encoding="utf-8")
    code, _, err = _run(["extract", str(SEED / "source.txt"), "--document", str(document), "-o", str(out)], capsys)
    assert code == 1 and err.count("\n") == 1 and message in err and not out.exists()


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["extract"], "the following arguments are required"),
        (["extract", "x.txt", "-o", "y.json", "--year", "soon"], "invalid int value: 'soon'"),
        (["report"], "the following arguments are required"),
        (["nosuch"], "invalid choice"),
    ],
)
def test_usage_errors_are_one_line_and_status_1(argv: list[str], words: str, capsys: pytest.CaptureFixture[str]) -> None:
    from workreport_pipeline.cli.main import main as pipeline_main

    with pytest.raises(SystemExit) as stopped:
        pipeline_main(argv)
    err = capsys.readouterr().err
    assert stopped.value.code == 1
    assert err.count("\n") == 1 and words in err and err.startswith("workreport-pipeline")

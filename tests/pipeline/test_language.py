"""The document's language: detected from the script when not given, a warning when the given one disagrees."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from workreport_pipeline.cli import main
from workreport_pipeline.document_info import DocumentInfo, IssuerInfo, settle_language
from workreport_pipeline.normalise import detect_language
from workreport_schema import Language

SIMPLIFIED = "（一）民生\n新增养老床位5000张，推进廉租住房建设。"
TRADITIONAL = "(一)民生\n新增養老床位5000張,推進廉租住房建設。"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (SIMPLIFIED, Language.ZH_HANS),
        (TRADITIONAL, Language.ZH_HANT),
        ("区商务委要加强统计监测", Language.ZH_HANS),
        ("區商務委要加強統計監測", Language.ZH_HANT),
        # mostly Traditional with one Simplified slip: the majority wins
        ("區商務委要加強統計监測", Language.ZH_HANT),
        ("区商务委要加强统计監测", Language.ZH_HANS),
        # characters common to both scripts, or none at all: no telling sign
        ("(一)民生\n新增5000", None),
        ("人民政府", None),
        ("2012 report", None),
        ("", None),
    ],
)
def test_detect_language(text: str, language: Language | None) -> None:
    assert detect_language(text) is language


def _info(language: Language, stated: bool) -> DocumentInfo:
    return DocumentInfo(id="x", title="t", year=2020, language=language, issuer=IssuerInfo(name="某市人民政府"), language_stated=stated)


@pytest.mark.parametrize(
    ("given", "stated", "detected", "language", "warns"),
    [
        (Language.ZH_HANT, False, Language.ZH_HANS, Language.ZH_HANS, False),
        (Language.ZH_HANT, False, Language.ZH_HANT, Language.ZH_HANT, False),
        (Language.ZH_HANT, False, None, Language.ZH_HANT, False),
        (Language.ZH_HANT, True, Language.ZH_HANS, Language.ZH_HANT, True),
        (Language.ZH_HANS, True, Language.ZH_HANT, Language.ZH_HANS, True),
        (Language.ZH_HANS, True, Language.ZH_HANS, Language.ZH_HANS, False),
        (Language.ZH_HANS, True, None, Language.ZH_HANS, False),
    ],
)
def test_settle_language(given: Language, stated: bool, detected: Language | None, language: Language, warns: bool) -> None:
    info, warning = settle_language(_info(given, stated), detected)
    assert info.language is language
    assert (warning is not None) is warns


@pytest.mark.parametrize(
    ("text", "flags", "language", "warning"),
    [
        (SIMPLIFIED, [], "zh-Hans", None),
        (TRADITIONAL, [], "zh-Hant", None),
        (SIMPLIFIED, ["--language", "zh-Hans"], "zh-Hans", None),
        (TRADITIONAL, ["--language", "zh-Hant"], "zh-Hant", None),
        (
            SIMPLIFIED,
            ["--language", "zh-Hant"],
            "zh-Hant",
            "workreport-pipeline: warning: the text is written in zh-Hans but the language given is zh-Hant; using zh-Hant\n",
        ),
        (
            TRADITIONAL,
            ["--language", "zh-Hans"],
            "zh-Hans",
            "workreport-pipeline: warning: the text is written in zh-Hant but the language given is zh-Hans; using zh-Hans\n",
        ),
    ],
)
def test_cli_detects_the_language_and_warns_on_a_mismatch(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, flags: list[str], language: str, warning: str | None
) -> None:
    source, out = tmp_path / "report.txt", tmp_path / "out.json"
    source.write_text(text, encoding="utf-8")
    argv = ["extract", str(source), "-o", str(out), "--document-id", "x-2020", "--title", "某市报告", "--year", "2020", *flags]
    assert main(argv) == 0
    captured = capsys.readouterr()
    assert captured.err == (warning or "")
    assert json.loads(out.read_text(encoding="utf-8"))["documents"][0]["language"] == language


def test_document_toml_without_a_language_is_detected(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source, document, out = tmp_path / "report.txt", tmp_path / "document.toml", tmp_path / "out.json"
    source.write_text(SIMPLIFIED, encoding="utf-8")
    document.write_text('id = "x-2020"\nyear = 2020\n[title]\nzh-Hans = "某市报告"\n[issuer]\nname = "某市人民政府"\n', encoding="utf-8")
    assert main(["extract", str(source), "--document", str(document), "-o", str(out)]) == 0
    assert capsys.readouterr().err == ""
    assert json.loads(out.read_text(encoding="utf-8"))["documents"][0]["language"] == "zh-Hans"


@pytest.mark.parametrize(
    ("text", "issuer", "language", "other", "derived"),
    [
        (SIMPLIFIED, "测试市人民政府", "zh-Hans", "zh-Hant", "測試市人民政府"),
        (TRADITIONAL, "測試市人民政府", "zh-Hant", "zh-Hans", "测试市人民政府"),
    ],
)
def test_issuer_is_stored_under_the_document_language(
    tmp_path: Path, text: str, issuer: str, language: str, other: str, derived: str
) -> None:
    source, out = tmp_path / "report.txt", tmp_path / "out.json"
    source.write_text(text, encoding="utf-8")
    argv = ["extract", str(source), "-o", str(out), "--document-id", "x-2020", "--title", "某市报告", "--year", "2020", "--issuer", issuer]
    assert main(argv) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    (body,) = [b for b in data["bodies"] if b["id"] == data["documents"][0]["issuer"]]
    assert body["names"] == {language: issuer, other: derived}
    assert body["provenance"] == {f"names/{language}": "curated", f"names/{other}": "derived"}

"""Golden bodies of a short made-up report, written once in each script (fixtures/bodies-*.txt).

The Simplified fixture uses full-width punctuation, the Traditional one ASCII
punctuation; both say the same thing, so they must give the same bodies, roles
and ids, each name published in the script it is written in.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from workreport_pipeline.cli import main
from workreport_pipeline.report import quality_report, render_markdown
from workreport_pipeline.run import extract_files
from workreport_schema import validate_data

FIXTURES = Path(__file__).parent / "fixtures"

# (measure ordinal in its paragraph, name as written in Simplified, role, basis); the issuer fallback has no name.
GOLDEN_ZH_HANS = {
    "c01.p01.m01": [("区商务委", "lead", "explicit"), ("区统计局", "participant", "explicit"), ("区财政局", "participant", "explicit")],
    "c01.p01.m02": [("市人力资源社会保障局", "lead", "explicit")],
    "c01.p01.m03": [(None, "lead", "issuer")],
    "c01.p01.m04": [("市发展改革委", "lead", "explicit"), ("财政局", "lead", "explicit"), ("审计局", "lead", "explicit")],
    "c02.p01.m01": [("市住房城乡建设管理委", "lead", "explicit")],
    "c02.p01.m02": [(None, "lead", "issuer")],
    "c02.p01.m03": [(None, "lead", "issuer")],
    "c02.p01.m04": [(None, "lead", "issuer")],
    "c02.p01.m05": [("区卫生健康委", "lead", "explicit"), ("区民政局", "participant", "explicit")],
    "c02.p01.m06": [(None, "lead", "issuer")],
}
GOLDEN_ZH_HANT = {
    "c01.p01.m01": [("區商務委", "lead", "explicit"), ("區統計局", "participant", "explicit"), ("區財政局", "participant", "explicit")],
    "c01.p01.m02": [("市人力資源社會保障局", "lead", "explicit")],
    "c01.p01.m03": [(None, "lead", "issuer")],
    "c01.p01.m04": [("市發展改革委", "lead", "explicit"), ("財政局", "lead", "explicit"), ("審計局", "lead", "explicit")],
    "c02.p01.m01": [("市住房城鄉建設管理委", "lead", "explicit")],
    "c02.p01.m02": [(None, "lead", "issuer")],
    "c02.p01.m03": [(None, "lead", "issuer")],
    "c02.p01.m04": [(None, "lead", "issuer")],
    "c02.p01.m05": [("區衛生健康委", "lead", "explicit"), ("區民政局", "participant", "explicit")],
    "c02.p01.m06": [(None, "lead", "issuer")],
}
# Bodies found by pattern: (zh-Hans, zh-Hant) names; 財政局 and 審計局 share the prefix 市 of 市發展改革委.
FOUND = {
    ("区商务委", "區商務委"),
    ("区统计局", "區統計局"),
    ("区财政局", "區財政局"),
    ("市人力资源社会保障局", "市人力資源社會保障局"),
    ("市发展改革委", "市發展改革委"),
    ("市财政局", "市財政局"),
    ("市审计局", "市審計局"),
    ("市住房城乡建设管理委", "市住房城鄉建設管理委"),
    ("区卫生健康委", "區衛生健康委"),
    ("区民政局", "區民政局"),
}
ISSUERS = {"zh-Hans": "测试市人民政府", "zh-Hant": "測試市人民政府"}


def _extract(language: str) -> dict[str, Any]:
    return extract_files(
        FIXTURES / f"bodies-{language}.txt", id="test-2020", title="测试报告", year=2020, language=language, issuer=ISSUERS[language]
    )


@pytest.mark.parametrize(("language", "golden"), [("zh-Hans", GOLDEN_ZH_HANS), ("zh-Hant", GOLDEN_ZH_HANT)])
def test_golden_bodies(language: str, golden: dict[str, list[tuple[str | None, str, str]]]) -> None:
    data = _extract(language)
    assert validate_data(data, "dataset") == ("dataset", [])
    assert data["documents"][0]["language"] == language
    got = {
        m["id"].removeprefix("test-2020."): [(a.get("source", {}).get("quote"), a["role"], a["basis"]) for a in m["bodies"]]
        for m in data["measures"]
    }
    assert got == golden


@pytest.mark.parametrize("language", ["zh-Hans", "zh-Hant"])
def test_found_bodies_are_published_as_written(language: str) -> None:
    data = _extract(language)
    found = [b for b in data["bodies"] if b["id"] != data["documents"][0]["issuer"]]
    assert {(b["names"]["zh-Hans"], b["names"]["zh-Hant"]) for b in found} == FOUND
    other = "zh-Hant" if language == "zh-Hans" else "zh-Hans"
    for body in found:
        assert "en" not in body["names"]
        assert body["provenance"] == {"classification": "derived", f"names/{language}": "extracted", f"names/{other}": "derived"}
        assert body["classification"] == "government_department"


def test_both_scripts_give_the_same_ids() -> None:
    simplified, traditional = _extract("zh-Hans"), _extract("zh-Hant")
    assert [[a["body_id"] for a in m["bodies"]] for m in simplified["measures"]] == [
        [a["body_id"] for a in m["bodies"]] for m in traditional["measures"]
    ]
    assert sorted(b["id"] for b in simplified["bodies"]) == sorted(b["id"] for b in traditional["bodies"])


# The first place each found body is written in the Simplified fixture, and in how many measures.
FIRST_WRITTEN = {
    "区商务委": ("区商务委", 1),
    "区统计局": ("区统计局", 1),
    "区财政局": ("区财政局", 1),
    "市人力资源社会保障局": ("市人力资源社会保障局", 1),
    "市发展改革委": ("市发展改革委", 1),
    "市财政局": ("财政局", 1),
    "市审计局": ("审计局", 1),
    "市住房城乡建设管理委": ("市住房城乡建设管理委", 1),
    "区卫生健康委": ("区卫生健康委", 1),
    "区民政局": ("区民政局", 1),
}


def test_quality_report_lists_the_found_bodies(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = _extract("zh-Hans")
    text = data["documents"][0]["text"]
    report = quality_report(data)
    assert {(b.zh_hans, b.zh_hant) for b in report.found_bodies} == FOUND
    for body in report.found_bodies:
        quote, measures = FIRST_WRITTEN[body.zh_hans]
        assert body.first_offset is not None and text[body.first_offset : body.first_offset + len(quote)] == quote
        assert body.measures == measures
    markdown = render_markdown(report)
    assert "not curated (10)" in markdown
    for body in report.found_bodies:
        assert f"| `{body.body_id}` | {body.zh_hant} | {body.zh_hans} | `government_department` | 1 |" in markdown
    path = tmp_path / "out.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert main(["report", str(path), "--format", "json"]) == 0
    listed = json.loads(capsys.readouterr().out)["found_bodies"]
    assert sorted(body["zh_hans"] for body in listed) == sorted(FIRST_WRITTEN)

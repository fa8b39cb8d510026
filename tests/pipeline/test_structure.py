"""Whole reports: headings, parts and sections, roles, ids, the preamble, and two fixtures with golden chapters."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from workreport_pipeline.cli import main
from workreport_pipeline.normalise import fold
from workreport_pipeline.run import extract_files
from workreport_pipeline.spans import Span
from workreport_pipeline.stages.ids import chapter_id
from workreport_pipeline.stages.roles import part_role
from workreport_pipeline.stages.segment import PART_TITLE_MAX, SegmentError, heading, segment
from workreport_schema import ChapterLevel, ChapterRole, validate_data

FIXTURES = Path(__file__).parent / "fixtures"
PART, SECTION = ChapterLevel.PART, ChapterLevel.SECTION


@pytest.mark.parametrize(
    ("line", "level", "ordinal", "title"),
    [
        ("一、过去一年的工作", PART, 1, "过去一年的工作"),
        ("二、今年的主要任務", PART, 2, "今年的主要任務"),
        ("三.努力建設人民滿意的政府", PART, 3, "努力建設人民滿意的政府"),
        ("四．其他事項", PART, 4, "其他事項"),
        ("  五、 带空格的标题 ", PART, 5, "带空格的标题"),
        ("一. 2012年工作回顧", PART, 1, "2012年工作回顧"),
        ("十二、附则", PART, 12, "附则"),
        ("第一部分 2012年工作回顾", PART, 1, "2012年工作回顾"),
        ("第二部分：今年主要任务", PART, 2, "今年主要任务"),
        ("第三部分、加強政府自身建設", PART, 3, "加強政府自身建設"),
        ("(一)經濟發展", SECTION, 1, "經濟發展"),
        ("（二）民生保障", SECTION, 2, "民生保障"),
        ("(十一)標題,帶逗號", SECTION, 11, "標題,帶逗號"),
    ],
)
def test_headings(line: str, level: ChapterLevel, ordinal: int, title: str) -> None:
    found = heading(fold(line), Span(0, len(line)))
    assert found is not None
    assert (found.level, found.ordinal, found.title.slice(line)) == (level, ordinal, title)


@pytest.mark.parametrize(
    "line",
    [
        "一,过去一年的工作",  # an ASCII comma is not a heading mark
        "一，过去一年的工作",  # nor a full-width one
        "一、坚持稳中求进，推进改革。",  # a list item: a sentence, not a title
        "一、二、三产业协调发展，推进产业结构调整。",
        "重点抓好一、二级医院建设",  # 一、 inside a line
        "一是加快发展现代服务业",
        "一、" + "很" * (PART_TITLE_MAX + 1),  # too long for a title
        "一、",
        "第一部分",
        "1、过去一年的工作",  # Arabic numerals number list items, not parts
        "(1)經濟發展",
    ],
)
def test_not_headings(line: str) -> None:
    assert heading(fold(line), Span(0, len(line))) is None


@pytest.mark.parametrize(
    ("title", "role"),
    [
        ("过去一年的工作", ChapterRole.REVIEW),
        ("過去一年工作回顧", ChapterRole.REVIEW),
        ("2012年工作回顾", ChapterRole.REVIEW),
        ("去年工作", ChapterRole.REVIEW),
        ("过去五年的工作", ChapterRole.REVIEW),
        ("今年的主要任务", ChapterRole.TASKS),
        ("2013年主要任務", ChapterRole.TASKS),
        ("今年工作安排", ChapterRole.TASKS),
        ("努力建设人民满意的政府", ChapterRole.SELF_BUILDING),
        ("加強政府自身建設", ChapterRole.SELF_BUILDING),
        ("政府自身改革和建设", ChapterRole.SELF_BUILDING),
        ("附录：名词解释", ChapterRole.OTHER),
        ("2012年工作回顾和2013年主要任务", ChapterRole.OTHER),  # two roles: never guessed
    ],
)
def test_part_roles(title: str, role: ChapterRole) -> None:
    assert part_role(fold(title)) is role


def _structure(text: str) -> list[tuple[ChapterLevel, int, int | None, str]]:
    return [(c.level, c.ordinal, c.part, c.title.slice(text)) for c in segment(text, fold(text)).chapters]


def test_section_numbering_restarts_in_each_part() -> None:
    text = "一、甲\n(一)子\n內容。\n(二)丑\n二、乙\n（一）寅\n內容。\n第三部分 丙\n(一)卯"
    assert _structure(text) == [
        (PART, 1, None, "甲"),
        (SECTION, 1, 1, "子"),
        (SECTION, 2, 1, "丑"),
        (PART, 2, None, "乙"),
        (SECTION, 1, 2, "寅"),
        (PART, 3, None, "丙"),
        (SECTION, 1, 3, "卯"),
    ]


def test_sections_before_the_first_part_have_no_part() -> None:
    assert _structure("(一)甲\n一、乙\n(一)丙") == [(SECTION, 1, None, "甲"), (PART, 1, None, "乙"), (SECTION, 1, 1, "丙")]


def test_an_excerpt_without_parts_is_sections_only() -> None:
    assert _structure("(三)甲\n推進。\n(四)乙") == [(SECTION, 3, None, "甲"), (SECTION, 4, None, "乙")]


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("一、甲\n(一)子\n(一)丑", "chapter number 1 appears twice in part 1"),
        ("(二)子\n(二)丑", "chapter number 2 appears twice"),
        ("一、甲\n二、乙\n一、丙", "part number 1 appears twice"),
        ("第一部分 甲\n一、乙", "part number 1 appears twice"),
    ],
)
def test_duplicate_numbers(text: str, error: str) -> None:
    with pytest.raises(SegmentError, match=error):
        segment(text, fold(text))


@pytest.mark.parametrize(
    ("line", "heading_text", "title", "first_paragraph"),
    [
        (
            "（一）着力扩大国内需求。把恢复和扩大消费摆在优先位置。",
            "（一）着力扩大国内需求。",
            "着力扩大国内需求",
            "把恢复和扩大消费摆在优先位置。",
        ),
        ("(二)保障民生;新增養老床位5000張。", "(二)保障民生;", "保障民生", "新增養老床位5000張。"),
        ("(三)標題結尾。", "(三)標題結尾。", "標題結尾", None),
        ("(四)標題,帶逗號", "(四)標題,帶逗號", "標題,帶逗號", None),
    ],
)
def test_a_section_heading_may_carry_its_first_paragraph(line: str, heading_text: str, title: str, first_paragraph: str | None) -> None:
    text = "一、今年的主要任務\n" + line + "\n推進工作。"
    (_, section) = segment(text, fold(text)).chapters
    assert (section.heading.slice(text), section.title.slice(text)) == (heading_text, title)
    paragraphs = [p.span.slice(text) for p in section.paragraphs]
    assert paragraphs == ([first_paragraph] if first_paragraph else []) + ["推進工作。"]
    assert [p.ordinal for p in section.paragraphs] == list(range(1, len(paragraphs) + 1))


def test_preamble_is_everything_before_the_first_heading() -> None:
    text = "各位代表：\n\n现在，我代表市人民政府报告工作。\n一、过去一年的工作\n内容。"
    result = segment(text, fold(text))
    assert result.preamble_span is not None
    assert result.preamble_span.slice(text) == "各位代表：\n\n现在，我代表市人民政府报告工作。"
    assert segment("(一)甲\n內容。", fold("(一)甲\n內容。")).preamble_span is None


@pytest.mark.parametrize(
    ("ordinal", "level", "part", "expected"),
    [
        (3, SECTION, None, "x-2012.c03"),  # an excerpt without parts: the ids it always had
        (2, PART, None, "x-2012.pt02"),
        (1, SECTION, 1, "x-2012.pt01.c01"),
        (1, SECTION, 2, "x-2012.pt02.c01"),  # (一) under another part: another id
        (12, SECTION, 10, "x-2012.pt10.c12"),
    ],
)
def test_chapter_ids(ordinal: int, level: ChapterLevel, part: int | None, expected: str) -> None:
    assert chapter_id("x-2012", ordinal, level, part) == expected


def _extract_fixture(name: str, language: str) -> dict[str, Any]:
    flags = {"id": "example-2013", "title": "某市政府工作報告", "year": 2013, "language": language, "issuer": "某市人民政府"}
    return extract_files(FIXTURES / name, **flags)


FIXTURE_CASES = {
    "whole-zh-hans.txt": "zh-Hans",
    "whole-zh-hant-ascii.txt": "zh-Hant",
}


def fixture_datasets() -> list[tuple[str, dict[str, Any]]]:
    """Each fixture extracted (the coverage test walks them too)."""
    return [(name, _extract_fixture(name, language)) for name, language in FIXTURE_CASES.items()]


D = "example-2013"
GOLDEN_CHAPTERS = {
    "whole-zh-hans.txt": [
        (f"{D}.pt01", "part", None, "review", "一", "过去一年的工作"),
        (f"{D}.pt01.c01", "section", f"{D}.pt01", None, "一", "经济运行总体平稳"),
        (f"{D}.pt01.c02", "section", f"{D}.pt01", None, "二", "民生保障持续加强"),
        (f"{D}.pt02", "part", None, "tasks", "二", "今年的主要任务"),
        (f"{D}.pt02.c01", "section", f"{D}.pt02", None, "一", "着力稳定经济增长"),
        (f"{D}.pt02.c02", "section", f"{D}.pt02", None, "二", "更加注重保障和改善民生"),
        (f"{D}.pt02.c03", "section", f"{D}.pt02", None, "三", "加强社会管理"),
        (f"{D}.pt03", "part", None, "self_building", "三", "努力建设人民满意的政府"),
    ],
    "whole-zh-hant-ascii.txt": [
        (f"{D}.pt01", "part", None, "review", "一", "2012年工作回顧"),
        (f"{D}.pt01.c01", "section", f"{D}.pt01", None, "一", "經濟發展穩中有進"),
        (f"{D}.pt01.c02", "section", f"{D}.pt01", None, "二", "社會事業全面進步"),
        (f"{D}.pt02", "part", None, "tasks", "二", "2013年主要任務"),
        (f"{D}.pt02.c01", "section", f"{D}.pt02", None, "一", "保持經濟平穩較快發展"),
        (f"{D}.pt02.c02", "section", f"{D}.pt02", None, "二", "切實保障和改善民生"),
        (f"{D}.pt02.c03", "section", f"{D}.pt02", None, "三", "推進社會事業發展"),
        (f"{D}.pt03", "part", None, "self_building", "三", "加強政府自身建設"),
    ],
}
GOLDEN_PREAMBLE = {
    "whole-zh-hans.txt": "各位代表：\n\n现在，我代表市人民政府，向大会报告政府工作，请予审议，并请市政协委员和其他列席人员提出意见。",
    "whole-zh-hant-ascii.txt": "各位代表:\n現在,我代表市人民政府,向大會報告政府工作,請予審議。",
}
LEADING_CONTEXT_MEASURES = {
    "whole-zh-hans.txt": [
        "物价牵动民心，必须保持物价总水平基本稳定",
        "在城郊结合地区，新建义务教育学校20所",
        "在城乡结合部，充实基层治安力量，使社会更加和谐",
    ],
    "whole-zh-hant-ascii.txt": ["在郊區,新建幼兒園40所"],
}


@pytest.fixture(scope="module", params=sorted(FIXTURE_CASES))
def whole(request: pytest.FixtureRequest) -> tuple[str, dict[str, Any]]:
    name: str = request.param
    return name, _extract_fixture(name, FIXTURE_CASES[name])


def test_whole_report_chapters(whole: tuple[str, dict[str, Any]]) -> None:
    name, data = whole
    language = data["documents"][0]["language"]
    found = [(c["id"], c["level"], c.get("parent_id"), c.get("role"), c["numeral"], c["title"][language]) for c in data["chapters"]]
    assert found == GOLDEN_CHAPTERS[name]
    assert validate_data(data, "dataset") == ("dataset", [])


def test_whole_report_preamble(whole: tuple[str, dict[str, Any]]) -> None:
    name, data = whole
    document = data["documents"][0]
    preamble = document["preamble"]
    assert preamble["quote"] == GOLDEN_PREAMBLE[name]
    assert document["text"][preamble["start"] : preamble["end"]] == preamble["quote"]
    assert preamble["start"] == 0


def test_review_parts_hold_no_measures_and_other_parts_do(whole: tuple[str, dict[str, Any]]) -> None:
    _, data = whole
    review = {c["id"] for c in data["chapters"] if c.get("role") == "review" or c.get("parent_id", "").endswith(".pt01")}
    assert review == {f"{D}.pt01", f"{D}.pt01.c01", f"{D}.pt01.c02"}
    with_measures = {m["chapter_id"] for m in data["measures"]}
    assert not review & with_measures
    assert {f"{D}.pt02.c01", f"{D}.pt02.c02", f"{D}.pt03"} <= with_measures
    assert all(t["measure_id"].startswith((f"{D}.pt02", f"{D}.pt03")) for t in data["targets"])


def test_leading_context_is_in_the_measure(whole: tuple[str, dict[str, Any]]) -> None:
    name, data = whole
    language = data["documents"][0]["language"]
    texts = [m["text"][language] for m in data["measures"]]
    for expected in LEADING_CONTEXT_MEASURES[name]:
        assert expected in texts


def test_ids_are_unique_and_paragraphs_sit_under_their_chapter(whole: tuple[str, dict[str, Any]]) -> None:
    _, data = whole
    for collection in ("chapters", "paragraphs", "measures", "targets"):
        ids = [record["id"] for record in data[collection]]
        assert len(ids) == len(set(ids)), collection
    for paragraph in data["paragraphs"]:
        assert paragraph["id"].startswith(paragraph["chapter_id"] + ".p")


def test_cli_extracts_a_whole_report_unchanged(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.json"
    argv = ["extract", str(FIXTURES / "whole-zh-hans.txt"), "-o", str(out), "--document-id", D, "--title", "某市政府工作報告"]
    argv += ["--year", "2013", "--language", "zh-Hans", "--issuer", "某市人民政府"]
    assert main(argv) == 0
    assert "8 chapters" in capsys.readouterr().out
    assert json.loads(out.read_text(encoding="utf-8"))["chapters"] == _extract_fixture("whole-zh-hans.txt", "zh-Hans")["chapters"]


def test_curation_names_a_section_under_a_part(tmp_path: Path) -> None:
    folder = tmp_path / "curation"
    folder.mkdir()
    (folder / "chapters.toml").write_text(
        'curated = true\n[[chapter]]\nordinal = 2\nen = "Tasks"\n[[chapter]]\npart = 2\nordinal = 1\nen = "Stable growth"\n',
        encoding="utf-8",
    )
    (folder / "assignments.toml").write_text(
        'curated = true\n[[assignment]]\npart = 2\nchapter = 2\nparagraph = 1\nbody = "org.trade-unions"\nrationale = "For the test."\n',
        encoding="utf-8",
    )
    flags = {"id": D, "title": "某市政府工作報告", "year": 2013, "language": "zh-Hant", "issuer": "某市人民政府"}
    data = extract_files(FIXTURES / "whole-zh-hant-ascii.txt", curation=folder, **flags)
    english = {c["id"]: c["title"].get("en") for c in data["chapters"]}
    assert (english[f"{D}.pt02"], english[f"{D}.pt02.c01"], english[f"{D}.pt01.c01"]) == ("Tasks", "Stable growth", None)
    curated = {m["id"] for m in data["measures"] for a in m["bodies"] if a["basis"] == "paragraph_default"}
    assert curated == {m["id"] for m in data["measures"] if m["paragraph_id"] == f"{D}.pt02.c02.p01"}
    assert curated

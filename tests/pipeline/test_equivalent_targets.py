"""Quantities that state one thing in two units are linked (equivalent_target_ids); two commitments never are."""

from __future__ import annotations

import pytest

from workreport_pipeline.assemble import extract
from workreport_pipeline.curation import Curation
from workreport_pipeline.normalise import fold
from workreport_schema import Language, validate_data

from .conftest import made_up_document

CASES = [
    # (why, paragraph, language, the stated quantities linked to each other, pairwise)
    (
        "floor area and dwellings, full-width",
        "新開工建設保障性住房1100萬平方米、17.08萬套(間)。",
        Language.ZH_HANT,
        [["1100萬平方米", "17.08萬套(間)"]],
    ),
    (
        "the same in Simplified, ASCII full stop",
        "新开工建设保障性住房1100万平方米、17.08万套(间).",
        Language.ZH_HANS,
        [["1100万平方米", "17.08万套(间)"]],
    ),
    ("joined by 和", "供應保障性住房770萬平方米和11.4萬套(間)。", Language.ZH_HANT, [["770萬平方米", "11.4萬套(間)"]]),
    ("two counts are two commitments", "新建學校20所、醫院10所。", Language.ZH_HANT, []),
    ("two areas are two commitments", "新增綠地1000公頃、林地2萬畝。", Language.ZH_HANT, []),
    ("words between them: not one list", "新開工建設保障性住房1100萬平方米,其中公共租賃住房5萬套。", Language.ZH_HANT, []),
]


@pytest.mark.parametrize(("why", "paragraph", "language", "linked"), CASES, ids=[case[0] for case in CASES])
def test_equivalent_targets(why: str, paragraph: str, language: Language, linked: list[list[str]]) -> None:
    heading = "一、今年的主要任務\n" if language is Language.ZH_HANT else "一、今年的主要任务\n"
    data = extract(heading + paragraph, made_up_document(language), Curation())
    assert validate_data(data, "dataset") == ("dataset", [])
    by_id = {t["id"]: t for t in data["targets"]}
    assert len(by_id) >= 2, why
    found = sorted(
        sorted(fold(by_id[other]["stated"]["text"]) for other in [t["id"], *t["equivalent_target_ids"]])
        for t in data["targets"]
        if t.get("equivalent_target_ids")
    )
    expected = sorted(sorted(fold(text) for text in group) for group in linked for _ in group)
    assert found == expected, why

"""The whole pipeline on short texts we wrote, in both scripts and both punctuation widths."""

from __future__ import annotations

from typing import Any

import pytest

from workreport_pipeline.assemble import extract
from workreport_pipeline.curation import AssignmentRule, CuratedBody, Curation, CurationError
from workreport_schema import BodyClassification, BodyRole, Language, validate_data

from .conftest import made_up_document

TRADITIONAL = (
    "(一)保障民生\n就業是民生之本,新增就業崗位五十萬個以上,力爭幫助1萬人成功創業。實現全年新建住房價格穩中有降。\n"
    "(二)城市建設\n推進11號線建設,辦好2012年賽事。與中國科學院合作新建一所大學。"
)
SIMPLIFIED = (
    "（一）保障民生\n就业是民生之本，新增就业岗位五十万个以上，力争帮助1万人成功创业。实现全年新建住房价格稳中有降。\n"
    "（二）城市建设\n推进11号线建设，办好2012年赛事。与中国科学院合作新建一所大学。"
)


def _targets(data: dict[str, Any]) -> list[tuple[Any, ...]]:
    return [(t["type"], t.get("value"), t.get("unit"), t.get("comparator"), t["commitment"], t.get("direction")) for t in data["targets"]]


EXPECTED_TARGETS = [
    ("quantitative", 500000, "job", "gte", "firm", None),
    ("quantitative", 10000, "person", "eq", "aspirational", None),
    ("qualitative", None, None, None, "firm", "decrease"),
    ("quantitative", 1, "university", "eq", "firm", None),
]


@pytest.mark.parametrize(
    ("text", "language"), [(TRADITIONAL, Language.ZH_HANT), (SIMPLIFIED, Language.ZH_HANS)], ids=["hant-ascii", "hans-fullwidth"]
)
def test_same_facts_from_either_script(text: str, language: Language) -> None:
    data = extract(text, made_up_document(language), Curation())
    assert validate_data(data, "dataset") == ("dataset", [])
    assert [c["ordinal"] for c in data["chapters"]] == [1, 2]
    assert _targets(data) == EXPECTED_TARGETS
    for record in [*data["chapters"], *data["paragraphs"], *data["measures"], *data["targets"]]:
        assert text[record["source"]["start"] : record["source"]["end"]] == record["source"]["quote"]
    measure_texts = [m["text"][language.value] for m in data["measures"]]
    assert not any("是民生之本" in t for t in measure_texts)
    assert all(m["bodies"] for m in data["measures"])


def test_labels_keep_the_source_script_and_derive_the_other() -> None:
    hant = extract(TRADITIONAL, made_up_document(Language.ZH_HANT), Curation())
    hans = extract(SIMPLIFIED, made_up_document(Language.ZH_HANS), Curation())
    assert hant["measures"][0]["text"] == {"zh-Hant": "新增就業崗位五十萬個以上", "zh-Hans": "新增就业岗位五十万个以上"}
    assert hant["measures"][0]["provenance"] == {"text/zh-Hans": "derived", "text/zh-Hant": "extracted"}
    assert hans["measures"][0]["provenance"] == {"text/zh-Hans": "extracted", "text/zh-Hant": "derived"}
    assert hans["measures"][0]["text"]["zh-Hant"] == "新增就業崗位五十萬個以上"


def test_explicit_partner_and_issuer_fallback() -> None:
    data = extract(TRADITIONAL, made_up_document(Language.ZH_HANT), Curation())
    university = next(m for m in data["measures"] if "大學" in m["text"]["zh-Hant"])
    assert [(b["body_id"], b["role"], b["basis"]) for b in university["bodies"]] == [
        ("cn.chinese-academy-of-sciences", "partner", "explicit"),
        ("issuer.test-2012", "lead", "issuer"),
    ]
    assert university["bodies"][0]["source"]["quote"] == "中國科學院"
    assert {b["id"] for b in data["bodies"]} == {"cn.chinese-academy-of-sciences", "issuer.test-2012"}


def test_curation_is_applied_and_marked() -> None:
    body = CuratedBody("test.labour-bureau", "測試市勞動局", "Labour Bureau", BodyClassification.GOVERNMENT_DEPARTMENT)
    rule = AssignmentRule(1, 1, "test.labour-bureau", BodyRole.LEAD, "Jobs are the labour bureau's.", "就業崗位")
    data = extract(TRADITIONAL, made_up_document(Language.ZH_HANT), Curation({(None, 1): "People's livelihoods"}, (body,), (rule,)))
    assert data["chapters"][0]["title"]["en"] == "People's livelihoods"
    assert data["chapters"][0]["provenance"]["title/en"] == "curated"
    jobs = data["measures"][0]
    assert jobs["bodies"] == [
        {"body_id": "test.labour-bureau", "role": "lead", "basis": "curated", "rationale": "Jobs are the labour bureau's."}
    ]
    assert next(b for b in data["bodies"] if b["id"] == "test.labour-bureau")["provenance"]["names/en"] == "curated"


@pytest.mark.parametrize(
    ("curation", "message"),
    [
        (Curation({(None, 9): "Nine"}), "chapter 9 is not in the text"),
        (Curation({(2, 1): "One of two"}), "chapter 1 of part 2 is not in the text"),
        (Curation(assignments=(AssignmentRule(1, 1, "nobody.here", BodyRole.LEAD, "x"),)), "not in bodies.toml"),
        (Curation(assignments=(AssignmentRule(1, 1, "org.trade-unions", BodyRole.LEAD, "x", "不存在的詞"),)), "matches no measure"),
    ],
)
def test_stale_or_wrong_curation_is_an_error(curation: Curation, message: str) -> None:
    with pytest.raises(CurationError, match=message):
        extract(TRADITIONAL, made_up_document(Language.ZH_HANT), curation)


def test_no_name_number_becomes_a_target() -> None:
    data = extract(TRADITIONAL, made_up_document(Language.ZH_HANT), Curation())
    stated = [t["stated"]["text"] for t in data["targets"] if "stated" in t]
    assert not any(n in s for s in stated for n in ("11", "2012"))


def test_output_is_deterministic() -> None:
    first = extract(TRADITIONAL, made_up_document(Language.ZH_HANT), Curation())
    second = extract(TRADITIONAL, made_up_document(Language.ZH_HANT), Curation())
    assert first == second

"""Results (figures reported as achieved) and headline targets: rules on tiny inputs, then golden records of both fixtures."""

from __future__ import annotations

import json
from typing import Any

import pytest

from workreport_pipeline.normalise import fold
from workreport_pipeline.report import quality_report, render_markdown
from workreport_pipeline.spans import Span
from workreport_pipeline.stages.headline import headline_clauses, headline_indicator, headline_region
from workreport_pipeline.stages.ids import result_id
from workreport_pipeline.stages.quantities import read_clause
from workreport_pipeline.stages.results import clause_results, is_review_sentence, result_indicator, review_clauses
from workreport_pipeline.stages.segment import SentenceSegment, clauses, segment
from workreport_schema import Comparator, content_hash, validate_data

from .conftest import SEED, index_of, whole
from .test_structure import D, fixture_datasets


@pytest.mark.parametrize(
    ("sentence", "review"),
    [
        ("过去一年，全市生产总值增长8.2%", True),
        ("過去一年,全市生產總值增長8.2%", True),
        ("去年新增就业岗位52万个", True),
        ("去年新增就業崗位52萬個", True),
        ("地区生产总值比上年增长9.1%，新增城镇就业32万人", True),
        ("地區生產總值比上年增長9.1%,新增城鎮就業32萬人", True),
        ("完成了旧区改造60万平方米", True),
        ("完成了舊區改造60萬平方米", True),
        ("实现了全年目标", True),
        ("預計全年居民消費價格上漲2.8%左右", True),
        ("全市生产总值增长8%左右", False),
        ("實現生產總值增長8%", False),  # bare 實現 states a task
        ("完成舊區改造60萬平方米", False),  # a task without 了
        ("新增養老床位5000張", False),
        ("在去年基础上新增就业岗位50万个", False),  # last year only as a base
        ("在上年的基礎上新增就業崗位50萬個", False),
    ],
)
def test_review_sentences(sentence: str, review: bool) -> None:
    assert is_review_sentence(fold(sentence), whole(sentence)) is review


def _sentence(text: str) -> SentenceSegment:
    folded = fold(text)
    span = whole(text)
    return SentenceSegment(span, tuple(clauses(text, folded, span)))


@pytest.mark.parametrize(
    ("sentence", "review"),
    [
        ("去年全市生产总值增长9.1%，今年要增长8%左右", 1),  # turns to this year at 今年
        ("去年全市生產總值增長9.1%,今年要增長8%左右", 1),
        ("过去一年，新增就业岗位52万个，力争新增50万个", 2),
        ("過去一年,新增就業崗位52萬個,要再新增50萬個", 2),
        ("地区生产总值比上年增长9.1%，新增城镇就业32万人", 2),
        ("地區生產總值比上年增長9.1%,新增城鎮就業32萬人", 2),
        ("在去年基础上，新增就业岗位50万个", 0),  # last year as a base for a task
        ("在去年的基礎上,新增就業崗位50萬個", 0),
        ("今年要新增就业岗位50万个", 0),
        ("今年全市生产总值比上年增长8%左右", 0),  # compared with last year, but a task for this year
        ("今年全市生產總值比上年增長8%左右,新增就業崗位50萬個", 0),
        ("要在去年基礎上,再新增就業崗位50萬個", 0),
    ],
)
def test_review_clauses_in_a_tasks_part(sentence: str, review: int) -> None:
    assert review_clauses(fold(sentence), commitments=True, headline=None, sentence=_sentence(sentence)) == review


def test_a_review_part_holds_results_and_a_headline_list_never_does() -> None:
    text = "比上年增长9.1%，今年要增长8%"
    sentence = _sentence(text)
    assert review_clauses(fold(text), commitments=False, headline=None, sentence=sentence) == 2
    assert review_clauses(fold(text), commitments=True, headline=None, sentence=sentence) == 1
    assert review_clauses(fold(text), commitments=True, headline=whole(text), sentence=sentence) == 0


@pytest.mark.parametrize(
    ("clause", "indicator", "stated", "comparator", "estimate", "value", "unit"),
    [
        ("地区生产总值比上年增长9.1%", "地区生产总值增长", "9.1%", Comparator.EQ, False, 9.1, "percent"),
        ("地區生產總值比上年增長9.1%", "地區生產總值增長", "9.1%", Comparator.EQ, False, 9.1, "percent"),
        ("新增城镇就业32万人", "新增城镇就业", "32万人", Comparator.EQ, False, 320000, "person"),
        ("新增城鎮就業32萬人", "新增城鎮就業", "32萬人", Comparator.EQ, False, 320000, "person"),
        ("预计全年居民消费价格上涨2.8%左右", "居民消费价格上涨", "2.8%左右", Comparator.APPROX, True, 2.8, "percent"),
        ("預計全年居民消費價格上漲2.8%左右", "居民消費價格上漲", "2.8%左右", Comparator.APPROX, True, 2.8, "percent"),
        ("全社会固定资产投资预计增长9%以上", "全社会固定资产投资增长", "9%以上", Comparator.GTE, True, 9, "percent"),
        ("全社會固定資產投資預計增長9%以上", "全社會固定資產投資增長", "9%以上", Comparator.GTE, True, 9, "percent"),
        ("全市生产总值增长8%左右", "全市生产总值增长", "8%左右", Comparator.APPROX, True, 8, "percent"),  # 左右 in a review
        ("新增就业岗位52万个以上", "新增就业岗位", "52万个以上", Comparator.GTE, False, 520000, "job"),  # a bound after it
        ("城镇登记失业率控制在4.2%", "城镇登记失业率", "控制在4.2%", Comparator.EQ, False, 4.2, "percent"),  # the value reached
        ("城鎮登記失業率控制在4.2%", "城鎮登記失業率", "控制在4.2%", Comparator.EQ, False, 4.2, "percent"),
        ("全市生產總值達到2萬億元", "全市生產總值", "達到2萬億元", Comparator.EQ, False, 2e12, "cny"),
    ],
)
def test_clause_results(clause: str, indicator: str, stated: str, comparator: Comparator, estimate: bool, value: float, unit: str) -> None:
    index = index_of(clause)
    (draft,) = clause_results(index, whole(clause), whole(clause))
    found = (draft.indicator, draft.quantity.expression.slice(clause), draft.comparator, draft.estimate)
    assert found == (indicator, stated, comparator, estimate)
    assert (float(draft.quantity.value), draft.unit.code) == (value, unit)
    assert clause[draft.span.start : draft.span.end].endswith(stated)


@pytest.mark.parametrize(
    ("indicator", "cleaned"),
    [("去年全市固定资产投资增长", "全市固定资产投资增长"), ("預計全年地區生產總值增長", "地區生產總值增長"), ("比上年", "比上年")],
)
def test_result_indicators_drop_time_and_comparison_words(indicator: str, cleaned: str) -> None:
    assert result_indicator(indicator) == cleaned


HEADLINES = {
    "zh-Hans full-width": (
        "今年经济社会发展的主要预期目标是：地区生产总值增长8%左右；居民消费价格涨幅控制在3.5%左右；新增就业岗位50万个以上。其他工作。",
        ["地区生产总值增长8%左右", "居民消费价格涨幅控制在3.5%左右", "新增就业岗位50万个以上"],
        ["地区生产总值", "居民消费价格涨幅", "新增就业岗位"],
    ),
    "zh-Hant ASCII": (
        "主要預期目標是:地區生產總值增長7.5%左右;居民消費價格漲幅控制在3.5%左右;城鎮登記失業率控制在4.5%以內。",
        ["地區生產總值增長7.5%左右", "居民消費價格漲幅控制在3.5%左右", "城鎮登記失業率控制在4.5%以內"],
        ["地區生產總值", "居民消費價格漲幅", "城鎮登記失業率"],
    ),
    "zh-Hant full-width": (
        "主要預期目標：地區生產總值增長8%；城鎮新增就業50萬人。",
        ["地區生產總值增長8%", "城鎮新增就業50萬人"],
        ["地區生產總值", "城鎮新增就業"],
    ),
    "zh-Hans ASCII": (
        "今年的主要预期指标为:地区生产总值提高7%;居民消费价格涨幅3%左右.",
        ["地区生产总值提高7%", "居民消费价格涨幅3%左右"],  # the ASCII full stop ends the sentence
        ["地区生产总值", "居民消费价格涨幅"],
    ),
}


@pytest.mark.parametrize("case", sorted(HEADLINES))
def test_headline_list_splits_into_its_clauses_with_their_subjects(case: str) -> None:
    line, expected_clauses, expected_indicators = HEADLINES[case]
    text = "一、今年的主要任务\n" + line
    folded = fold(text)
    (part,) = segment(text, folded).chapters
    (paragraph,) = part.paragraphs
    region = headline_region(folded, paragraph.sentences)
    assert region is not None
    listed = [s for s in paragraph.sentences if region.overlaps(s.span)]
    found = [clause for s in listed for clause in headline_clauses(s.clauses, region)]
    assert [c.slice(text) for c in found] == expected_clauses
    indicators = []
    for clause in found:
        (quantity,), _ = read_clause(index_of(text), clause)
        indicators.append(headline_indicator(text, folded, clause, quantity))
    assert indicators == expected_indicators


@pytest.mark.parametrize(
    "line",
    [
        "今年政府工作的总体要求是：坚持稳中求进，全市生产总值增长8%左右。",  # no marker
        "實現主要預期目標,地區生產總值增長8%。",  # the marker without a colon after it
        "主要预期目标完成得很好，大家的努力功不可没：增长8%。",  # a colon too far from the marker
    ],
)
def test_not_a_headline_list(line: str) -> None:
    text = "一、今年的主要任务\n" + line
    folded = fold(text)
    (part,) = segment(text, folded).chapters
    assert headline_region(folded, part.paragraphs[0].sentences) is None


def test_result_ids() -> None:
    assert result_id(f"{D}.pt01.c01.p01", 2) == f"{D}.pt01.c01.p01.r2"


# id: (indicator, stated, value, unit, comparator, estimate, direction, quote)
GOLDEN_RESULTS: dict[str, dict[str, tuple[Any, ...]]] = {
    "whole-zh-hans.txt": {
        f"{D}.pt01.p01.r1": ("地区生产总值增长", "9.1%", 9.1, "percent", "eq", False, "increase", "地区生产总值比上年增长9.1%"),
        f"{D}.pt01.p01.r2": ("新增城镇就业", "32万人", 320000, "person", "eq", False, None, "新增城镇就业32万人"),
        f"{D}.pt01.p01.r3": ("居民消费价格上涨", "2.8%左右", 2.8, "percent", "approx", True, None, "预计全年居民消费价格上涨2.8%左右"),
        f"{D}.pt01.p01.r4": ("全社会固定资产投资增长", "9%以上", 9, "percent", "gte", True, "increase", "全社会固定资产投资预计增长9%以上"),
        f"{D}.pt01.c01.p01.r1": ("全市生产总值增长", "8.2%", 8.2, "percent", "eq", False, "increase", "全市生产总值增长8.2%"),
        f"{D}.pt01.c01.p01.r2": ("地方财政收入增长", "9%", 9, "percent", "eq", False, "increase", "地方财政收入增长9%"),
        f"{D}.pt01.c01.p01.r3": ("新增就业岗位", "52万个", 520000, "job", "eq", False, None, "新增就业岗位52万个"),
        f"{D}.pt01.c01.p01.r4": ("城镇登记失业率", "控制在4.2%", 4.2, "percent", "eq", False, None, "城镇登记失业率控制在4.2%"),
        f"{D}.pt01.c02.p01.r1": ("新增养老床位", "5000张", 5000, "bed", "eq", False, None, "新增养老床位5000张"),
        f"{D}.pt01.c02.p01.r2": ("完成旧区改造", "60万平方米", 600000, "m2", "eq", False, None, "完成旧区改造60万平方米"),
        f"{D}.pt02.c01.p01.r1": (
            "全市固定资产投资增长",
            "5.6%",
            5.6,
            "percent",
            "eq",
            False,
            "increase",
            "去年全市固定资产投资比上年增长5.6%",
        ),
    },
    "whole-zh-hant-ascii.txt": {
        f"{D}.pt01.p02.r1": ("地區生產總值增長", "9.1%", 9.1, "percent", "eq", False, "increase", "地區生產總值比上年增長9.1%"),
        f"{D}.pt01.p02.r2": ("新增城鎮就業", "32萬人", 320000, "person", "eq", False, None, "新增城鎮就業32萬人"),
        f"{D}.pt01.p02.r3": (
            "全社會固定資產投資增長",
            "9%以上",
            9,
            "percent",
            "gte",
            True,
            "increase",
            "預計全年全社會固定資產投資增長9%以上",
        ),
        f"{D}.pt01.c01.p01.r1": ("地區生產總值增長", "7.5%", 7.5, "percent", "eq", False, "increase", "地區生產總值增長7.5%"),
        f"{D}.pt01.c01.p01.r2": ("新增就業崗位", "60萬個", 600000, "job", "eq", False, None, "新增就業崗位60萬個"),
        f"{D}.pt01.c02.p01.r1": ("新建學校", "30所", 30, "school", "eq", False, None, "新建學校30所"),
        f"{D}.pt01.c02.p01.r2": ("新增醫院床位", "3000張", 3000, "bed", "eq", False, None, "新增醫院床位3000張"),
        f"{D}.pt02.c02.p01.r1": ("新增養老床位", "4000張", 4000, "bed", "eq", False, None, "去年新增養老床位4000張"),
    },
}
MIXED_SENTENCE_MEASURE = {"whole-zh-hant-ascii.txt": f"{D}.pt02.c02.p01.m03"}
"""去年新增養老床位4000張,實現了預定目標,今年要新增就業崗位60萬個: a result, then a target."""
RESULT_MEASURES = {"whole-zh-hant-ascii.txt": {f"{D}.pt02.c02.p01.r1": f"{D}.pt02.c02.p01.m03"}, "whole-zh-hans.txt": {}}
"""Results whose sentence goes on to a commitment, and that commitment's measure; every other result has none
(a review part's sentences, and 去年全市固定资产投资比上年增长5.6%, which stops there)."""
# id: (indicator, stated, comparator, quote)
GOLDEN_HEADLINE_TARGETS: dict[str, dict[str, tuple[str, str, str, str]]] = {
    "whole-zh-hans.txt": {
        f"{D}.pt02.p02.m01.t1": ("地区生产总值", "8%左右", "approx", "地区生产总值增长8%左右"),
        f"{D}.pt02.p02.m02.t1": ("居民消费价格涨幅", "控制在3.5%左右", "approx", "居民消费价格涨幅控制在3.5%左右"),
        f"{D}.pt02.p02.m03.t1": ("新增就业岗位", "50万个以上", "gte", "新增就业岗位50万个以上"),
        f"{D}.pt02.p02.m04.t1": ("城镇登记失业率", "控制在4.5%以内", "lte", "城镇登记失业率控制在4.5%以内"),
    },
    "whole-zh-hant-ascii.txt": {
        f"{D}.pt02.p02.m01.t1": ("地區生產總值", "7.5%左右", "approx", "地區生產總值增長7.5%左右"),
        f"{D}.pt02.p02.m02.t1": ("居民消費價格漲幅", "控制在3.5%左右", "approx", "居民消費價格漲幅控制在3.5%左右"),
        f"{D}.pt02.p02.m03.t1": ("城鎮登記失業率", "控制在4.5%以內", "lte", "城鎮登記失業率控制在4.5%以內"),
    },
}


@pytest.fixture(scope="module", params=sorted(GOLDEN_RESULTS))
def extracted(request: pytest.FixtureRequest) -> tuple[str, dict[str, Any]]:
    name: str = request.param
    return name, dict(fixture_datasets())[name]


def test_golden_results(extracted: tuple[str, dict[str, Any]]) -> None:
    name, data = extracted
    language = data["documents"][0]["language"]
    found = {
        r["id"]: (
            r["indicator"][language],
            r["stated"]["text"],
            r["value"],
            r["unit"],
            r["comparator"],
            r["estimate"],
            r.get("direction"),
            r["source"]["quote"],
        )
        for r in data["results"]
    }
    assert found == GOLDEN_RESULTS[name]
    assert {r["id"]: r["measure_id"] for r in data["results"] if "measure_id" in r} == RESULT_MEASURES[name]
    for result in data["results"]:
        assert result["period"] == {"start": "2012-01-01", "end": "2012-12-31"}  # the year before the 2013 report
        assert result["period_basis"] == "previous_year"
        assert result["paragraph_id"] == result["id"].rsplit(".", 1)[0]
        assert result["id"].startswith(result["chapter_id"] + ".p")


def test_golden_headline_targets(extracted: tuple[str, dict[str, Any]]) -> None:
    name, data = extracted
    language = data["documents"][0]["language"]
    found = {
        t["id"]: (t["indicator"][language], t["stated"]["text"], t["comparator"], t["source"]["quote"])
        for t in data["targets"]
        if t.get("headline")
    }
    assert found == GOLDEN_HEADLINE_TARGETS[name]
    assert all("headline" not in t for t in data["targets"] if t["id"] not in found)  # never false: absent
    assert [t["source"]["quote"] for t in data["targets"] if t["measure_id"] == MIXED_SENTENCE_MEASURE.get(name)] == (
        ["今年要新增就業崗位60萬個"] if name in MIXED_SENTENCE_MEASURE else []
    )  # the clause after 去年… that turns to this year is a commitment
    (first,) = [m for m in data["measures"] if m["id"] == f"{D}.pt02.p02.m01"]
    assert "主要预期目标" in fold(first["source"]["quote"])  # the lead-in stays in the measure


def test_every_result_quotes_its_source_and_is_never_a_target(extracted: tuple[str, dict[str, Any]]) -> None:
    _, data = extracted
    text = data["documents"][0]["text"]
    assert data["results"]
    for result in data["results"]:
        source = result["source"]
        assert text[source["start"] : source["end"]] == source["quote"]
        assert result["unit"] in {u["id"] for u in data["units"]}
    results = [Span(r["source"]["start"], r["source"]["end"]) for r in data["results"]]
    for target in data["targets"]:
        span = Span(target["source"]["start"], target["source"]["end"])
        assert not any(span.overlaps(result) for result in results), target["id"]
    assert not [m for m in data["measures"] if any(Span(m["source"]["start"], m["source"]["end"]).contains(r) for r in results)]


def test_the_seed_has_no_results_and_no_headline_targets() -> None:
    data = json.loads((SEED / "dataset.json").read_text(encoding="utf-8"))
    assert "results" not in data  # an empty collection is omitted, so the seed's records are unchanged
    assert len(data["targets"]) > 30
    assert not [t for t in data["targets"] if "headline" in t]


@pytest.mark.parametrize(
    ("field", "value", "rule"),
    [
        ("chapter_id", f"{D}.pt02", "reference-consistent"),  # a paragraph of another chapter
        ("paragraph_id", f"{D}.pt09.p01", "reference-resolves"),
        ("unit", "furlong", "reference-resolves"),
        ("measure_id", f"{D}.pt02.c09.p01.m01", "reference-resolves"),
        ("source", {"start": 0, "end": 4, "quote": "地区生产"}, "span-quote"),
    ],
)
def test_the_rules_cover_results(field: str, value: Any, rule: str) -> None:
    data = dict(fixture_datasets())["whole-zh-hans.txt"]
    data = json.loads(json.dumps(data))
    data["results"][0][field] = value
    data["release"]["content_hash"] = content_hash(data)
    _, problems = validate_data(data, "dataset")
    assert [(p.path, p.rule) for p in problems] == [(f"/results/0/{field}", rule)]


GOLDEN_RESULT_COUNTS = {
    "whole-zh-hans.txt": {f"{D}.pt01": 4, f"{D}.pt01.c01": 4, f"{D}.pt01.c02": 2, f"{D}.pt02.c01": 1},
    "whole-zh-hant-ascii.txt": {f"{D}.pt01": 3, f"{D}.pt01.c01": 2, f"{D}.pt01.c02": 2, f"{D}.pt02.c02": 1},
}


def test_the_quality_report_counts_results_per_chapter(extracted: tuple[str, dict[str, Any]]) -> None:
    name, data = extracted
    report = quality_report(data)
    assert {c.chapter_id: c.results for c in report.chapters if c.results} == GOLDEN_RESULT_COUNTS[name]
    assert report.numbers_as_results == len(data["results"]) == sum(GOLDEN_RESULT_COUNTS[name].values())
    markdown = render_markdown(report)
    assert f"Numbers that became results: {len(data['results'])}." in markdown
    assert "| results |" in markdown.splitlines()[0]

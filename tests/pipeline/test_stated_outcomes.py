"""Stated outcomes of results (超額完成…目標, 完成了…計劃, 未完成…任務): the rule on single sentences, then whole reports."""

from __future__ import annotations

import json
from typing import Any

import pytest

from workreport_pipeline.assemble import extract
from workreport_pipeline.curation import Curation
from workreport_pipeline.lexicon import result_lexicon
from workreport_pipeline.normalise import fold
from workreport_pipeline.stages.results import clause_results
from workreport_pipeline.stages.segment import clauses
from workreport_schema import Language, StatedOutcome, content_hash, validate_data

from .conftest import index_of, made_up_document, whole
from .test_structure import D, fixture_datasets

# sentence: [(result quote, outcome, words that state it)] for each result of the sentence, in order
SENTENCES: dict[str, list[tuple[str, str | None, str | None]]] = {
    # exceeded
    "地区生产总值增长9.1%，超额完成年度目标": [("地区生产总值增长9.1%", "exceeded", "超额完成年度目标")],
    "地區生產總值增長9.1%,超額完成了年度目標": [("地區生產總值增長9.1%", "exceeded", "超額完成了年度目標")],
    "新增就業崗位60萬個，超額完成全年目標任務": [("新增就業崗位60萬個", "exceeded", "超額完成全年目標任務")],
    # met
    "全市固定资产投资增长5.6%，完成了年度计划": [("全市固定资产投资增长5.6%", "met", "完成了年度计划")],
    "全市固定資產投資增長5.6%,完成了年度計劃": [("全市固定資產投資增長5.6%", "met", "完成了年度計劃")],
    "新增养老床位4000张，实现了预定目标": [("新增养老床位4000张", "met", "实现了预定目标")],
    "新增養老床位4000張,實現了預定目標": [("新增養老床位4000張", "met", "實現了預定目標")],
    "城鎮登記失業率控制在4.2%，達到預期目標": [("城鎮登記失業率控制在4.2%", "met", "達到預期目標")],
    "完成了市人大批准的年度计划，全市生产总值增长8.2%": [("全市生产总值增长8.2%", "met", "完成了市人大批准的年度计划")],  # before
    # not met: a negation wins over 完成, 實現 and 達到
    "旧区改造完成40万平方米，未完成年度计划": [("旧区改造完成40万平方米", "not_met", "未完成年度计划")],
    "舊區改造完成40萬平方米,未完成年度計劃": [("舊區改造完成40萬平方米", "not_met", "未完成年度計劃")],
    "新增养老床位3000张，没有完成年度任务": [("新增养老床位3000张", "not_met", "没有完成年度任务")],
    "新增養老床位3000張，未能完成計劃": [("新增養老床位3000張", "not_met", "未能完成計劃")],
    "地區生產總值增長6.5%,未達到預期目標": [("地區生產總值增長6.5%", "not_met", "未達到預期目標")],
    "全市生产总值增长7%，未实现年度目标": [("全市生产总值增长7%", "not_met", "未实现年度目标")],
    # the nearest phrase after each result first
    "地区生产总值增长9.1%，超额完成年度目标，新增就业岗位30万个，未完成年度计划": [
        ("地区生产总值增长9.1%", "exceeded", "超额完成年度目标"),
        ("新增就业岗位30万个", "not_met", "未完成年度计划"),
    ],
    "超額完成年度目標,地區生產總值增長9.1%,新增就業崗位30萬個,未完成年度計劃": [
        ("地區生產總值增長9.1%", "not_met", "未完成年度計劃"),
        ("新增就業崗位30萬個", "not_met", "未完成年度計劃"),
    ],
    # no phrase: a verb without a goal noun, a goal noun without a verb, or nothing at all
    "完成旧区改造60万平方米": [("完成旧区改造60万平方米", None, None)],
    "完成了舊區改造60萬平方米": [("完成了舊區改造60萬平方米", None, None)],
    "全市生产总值达到2万亿元，年度计划另行公布": [("全市生产总值达到2万亿元", None, None)],  # a break between verb and noun
    "新增就業崗位52萬個,城鎮登記失業率控制在4.2%": [
        ("新增就業崗位52萬個", None, None),
        ("城鎮登記失業率控制在4.2%", None, None),
    ],
}


@pytest.mark.parametrize("sentence", sorted(SENTENCES))
def test_stated_outcomes_in_one_sentence(sentence: str) -> None:
    index = index_of(sentence)
    span = whole(sentence)
    found = [
        (
            draft.span.slice(sentence),
            draft.outcome and draft.outcome.outcome.value,
            draft.outcome and draft.outcome.span.slice(sentence),
        )
        for clause in clauses(sentence, fold(sentence), span)
        for draft in clause_results(index, span, clause)
    ]
    assert found == SENTENCES[sentence]


def test_the_lexicon_names_every_code_and_only_codes() -> None:
    assert set(result_lexicon().outcome_verbs.values()) == {code.value for code in StatedOutcome}


REPORTS = {
    Language.ZH_HANS: (
        "一、过去一年的工作\n"
        "地区生产总值增长9.1%，超额完成年度目标。旧区改造完成40万平方米，未完成年度计划。新增就业岗位52万个，城镇登记失业率控制在4.2%。\n"
        "新增养老床位5000张；完成了年度计划。\n"
        "二、今年的主要任务\n"
        "去年全市固定资产投资增长5.6%，完成了年度计划，今年要增长6%。\n"
    ),
    Language.ZH_HANT: (
        "一. 過去一年的工作\n"
        "地區生產總值增長9.1%,超額完成年度目標。舊區改造完成40萬平方米,未完成年度計劃。新增就業崗位52萬個,城鎮登記失業率控制在4.2%。\n"
        "新增養老床位5000張;完成了年度計劃。\n"
        "二. 今年的主要任務\n"
        "去年全市固定資產投資增長5.6%,完成了年度計劃,今年要增長6%。\n"
    ),
}
# per result: (stated outcome, the words that state it)
EXPECTED = {
    Language.ZH_HANS: [
        ("exceeded", "超额完成年度目标"),
        ("not_met", "未完成年度计划"),
        (None, None),
        (None, None),
        (None, None),  # 完成了年度计划 is a sentence of its own after ；
        ("met", "完成了年度计划"),
    ],
    Language.ZH_HANT: [
        ("exceeded", "超額完成年度目標"),
        ("not_met", "未完成年度計劃"),
        (None, None),
        (None, None),
        (None, None),
        ("met", "完成了年度計劃"),
    ],
}


@pytest.fixture(scope="module", params=sorted(REPORTS), ids=["hans-fullwidth", "hant-ascii"])
def report(request: pytest.FixtureRequest) -> tuple[Language, dict[str, Any]]:
    language: Language = request.param
    return language, extract(REPORTS[language], made_up_document(language), Curation())


def test_whole_reports(report: tuple[Language, dict[str, Any]]) -> None:
    language, data = report
    text = REPORTS[language]
    assert validate_data(data, "dataset") == ("dataset", [])
    found = [(r.get("stated_outcome"), r.get("stated_outcome_source", {}).get("quote")) for r in data["results"]]
    assert found == EXPECTED[language]
    for result in data["results"]:
        if "stated_outcome" in result:
            source = result["stated_outcome_source"]
            assert text[source["start"] : source["end"]] == source["quote"]
            assert result["provenance"]["stated_outcome"] == "extracted"
        else:
            assert "stated_outcome_source" not in result and "stated_outcome" not in result["provenance"]
    assert [t["stated"]["text"] for t in data["targets"]] == ["6%"]  # the clause that turns to this year stays a target


GOLDEN = {
    "whole-zh-hans.txt": {f"{D}.pt02.c01.p01.r1": ("met", "完成了年度计划")},
    "whole-zh-hant-ascii.txt": {f"{D}.pt02.c02.p01.r1": ("met", "實現了預定目標")},
}


def test_golden_stated_outcomes_of_the_fixtures() -> None:
    for name, data in fixture_datasets():
        found = {r["id"]: (r["stated_outcome"], r["stated_outcome_source"]["quote"]) for r in data["results"] if "stated_outcome" in r}
        assert found == GOLDEN[name], name


@pytest.mark.parametrize("missing", ["stated_outcome", "stated_outcome_source"])
def test_an_outcome_comes_with_its_words(report: tuple[Language, dict[str, Any]], missing: str) -> None:
    _, data = report
    data = json.loads(json.dumps(data))
    index = next(number for number, result in enumerate(data["results"]) if "stated_outcome" in result)
    del data["results"][index][missing]
    data["release"]["content_hash"] = content_hash(data)
    _, problems = validate_data(data, "dataset")
    assert [p.path for p in problems] == [f"/results/{index}"]

"""A target's period comes from the words that state it, in both scripts and both punctuation widths."""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from workreport_pipeline.assemble import extract
from workreport_pipeline.curation import Curation
from workreport_pipeline.normalise import fold
from workreport_pipeline.spans import Span
from workreport_pipeline.stages.periods import read_period
from workreport_schema import Language, PeriodBasis, validate_data

from .conftest import index_of, made_up_document, whole

REPORT = (datetime.date(2012, 1, 1), datetime.date(2012, 12, 31))

# Made-up clauses: (Traditional with ASCII punctuation, Simplified with full-width punctuation,
# the words that state the period, basis, end). Every period starts on 1 Jan 2012 unless it is a span.
CASES = [
    ("到2015年,綠地面積達到100平方公里", "到２０１５年，绿地面积达到100平方公里", "到2015年", PeriodBasis.STATED_YEAR, "2015-12-31"),
    ("至2014年底新建學校20所", "至2014年底新建学校20所", "至2014年底", PeriodBasis.STATED_YEAR, "2014-12-31"),
    ("截至2013年,建成公園5座", "截至2013年，建成公园5座", "截至2013年", PeriodBasis.STATED_YEAR, "2013-12-31"),
    ("2013年底前建成公園5座", "2013年底前建成公园5座", "2013年底前", PeriodBasis.STATED_YEAR, "2013-12-31"),
    ("三年內新建道路30公里", "三年内新建道路30公里", "三年內", PeriodBasis.PLAN_DURATION, "2014-12-31"),
    ("用兩年時間改造舊房10萬平方米", "用两年时间改造旧房10万平方米", "用兩年時間", PeriodBasis.PLAN_DURATION, "2013-12-31"),
    ("實施五年行動計劃,新增崗位1萬個", "实施五年行动计划，新增岗位1万个", "五年行動計劃", PeriodBasis.PLAN_DURATION, "2016-12-31"),
    ("年內新增床位500張", "年内新增床位500张", "年內", PeriodBasis.THIS_YEAR, "2012-12-31"),
    ("今年新增床位500張", "今年新增床位500张", "今年", PeriodBasis.THIS_YEAR, "2012-12-31"),
]

SPANS = [
    ("2012年至2014年,新建住房300萬平方米", "2012年至2014年，新建住房300万平方米", "2012年至2014年", "2012-01-01", "2014-12-31"),
    ("2013-2015年建成綠道50公里", "2013－2015年建成绿道50公里", "2013-2015年", "2013-01-01", "2015-12-31"),
    ("2012年到2013年,新增崗位2萬個", "2012年到2013年，新增岗位2万个", "2012年到2013年", "2012-01-01", "2013-12-31"),
]

# Words that look like a period and are not one (or give none that makes sense): the report's year.
NOT_PERIODS = [
    ("比2010年增長10%", "比2010年增长10%"),
    ("辦好2012年賽事,新建場館3座", "办好2012年赛事，新建场馆3座"),
    ("到2010年,綠地面積達到100平方公里", "到2010年，绿地面积达到100平方公里"),
    ("每年新建學校20所", "每年新建学校20所"),
    ("多年內未改造的舊房1萬平方米", "多年内未改造的旧房1万平方米"),
]


def _anchor(text: str) -> Span:
    """The target's place: the last three characters (every made-up clause ends with its quantity)."""
    return Span(len(text) - 3, len(text))


@pytest.mark.parametrize("script", [0, 1], ids=["hant-ascii", "hans-fullwidth"])
@pytest.mark.parametrize(("hant", "hans", "words", "basis", "end"), CASES, ids=[case[2] for case in CASES])
def test_stated_periods(script: int, hant: str, hans: str, words: str, basis: PeriodBasis, end: str) -> None:
    text = (hant, hans)[script]
    index = index_of(text)
    reading = read_period(index.folded, [whole(text)], _anchor(text), REPORT)
    assert reading.basis is basis
    assert (reading.start.isoformat(), reading.end.isoformat()) == ("2012-01-01", end)
    assert reading.span is not None
    assert fold(reading.span.slice(text)) == fold(words)


@pytest.mark.parametrize("script", [0, 1], ids=["hant-ascii", "hans-fullwidth"])
@pytest.mark.parametrize(("hant", "hans", "words", "start", "end"), SPANS, ids=[case[2] for case in SPANS])
def test_stated_spans(script: int, hant: str, hans: str, words: str, start: str, end: str) -> None:
    text = (hant, hans)[script]
    reading = read_period(index_of(text).folded, [whole(text)], _anchor(text), REPORT)
    assert reading.basis is PeriodBasis.STATED_SPAN
    assert (reading.start.isoformat(), reading.end.isoformat()) == (start, end)
    assert reading.span is not None
    assert fold(reading.span.slice(text)) == fold(words)


@pytest.mark.parametrize("script", [0, 1], ids=["hant-ascii", "hans-fullwidth"])
@pytest.mark.parametrize(("hant", "hans"), NOT_PERIODS, ids=[case[0] for case in NOT_PERIODS])
def test_words_that_are_not_periods_leave_the_report_year(script: int, hant: str, hans: str) -> None:
    text = (hant, hans)[script]
    reading = read_period(index_of(text).folded, [whole(text)], _anchor(text), REPORT)
    assert (reading.basis, reading.start, reading.end, reading.span) == (PeriodBasis.REPORT_YEAR, *REPORT, None)


def test_the_clause_wins_over_the_measure_and_the_nearest_words_win() -> None:
    text = "實施三年行動計劃,到2015年綠地達到100平方公里,年內新增床位500張"
    folded = index_of(text).folded
    measure = whole(text)
    green = Span(text.index("100"), text.index(",年內"))
    beds = Span(text.index("500"), len(text))
    green_clause = Span(text.index("到"), text.index(",年內"))
    beds_clause = Span(text.index("年內"), len(text))
    assert read_period(folded, [green_clause, measure], green, REPORT).basis is PeriodBasis.STATED_YEAR
    assert read_period(folded, [beds_clause, measure], beds, REPORT).basis is PeriodBasis.THIS_YEAR
    # With nothing in its own clause, the measure's words nearest the target win: 年內 is four characters
    # before 500張, 到2015年 and the plan are further before it.
    empty = Span(beds.start, beds.start)
    assert read_period(folded, [empty, measure], beds, REPORT).basis is PeriodBasis.THIS_YEAR
    first_clause = Span(0, text.index(",到"))
    reading = read_period(folded, [first_clause, measure], green, REPORT)
    assert (reading.basis, reading.end) == (PeriodBasis.PLAN_DURATION, datetime.date(2014, 12, 31))


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("(一)城市建設\n到2015年,新建綠地1000公頃。年內新增床位500張。新建學校20所。", Language.ZH_HANT),
        ("（一）城市建设\n到2015年，新建绿地1000公顷。年内新增床位500张。新建学校20所。", Language.ZH_HANS),
    ],
    ids=["hant-ascii", "hans-fullwidth"],
)
def test_extract_records_the_period_and_its_basis(text: str, language: Language) -> None:
    data: dict[str, Any] = extract(text, made_up_document(language), Curation())
    assert validate_data(data) == ("dataset", [])
    got = [(t["period"]["end"], t["period_basis"], t.get("period_source", {}).get("quote")) for t in data["targets"]]
    years = "年內" if language is Language.ZH_HANT else "年内"
    assert got == [("2015-12-31", "stated_year", "到2015年"), ("2012-12-31", "this_year", years), ("2012-12-31", "report_year", None)]

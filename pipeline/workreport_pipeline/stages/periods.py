"""Stage 5b, periods: the period a target is for, from the words of its clause or measure that say so.

Read on the folded text (Simplified, ASCII width), so both scripts and both
punctuation widths read alike. In order of precedence, where matches overlap:

| words | basis | period |
|---|---|---|
| 2012年至2014年, 2012-2014年, 2012年到2014年 | ``stated_span`` | 1 Jan of the first year to 31 Dec of the last |
| 到2015年, 至2015年(底), 截至2015年, 2015年底前, 2015年内 | ``stated_year`` | the report's period start to 31 Dec of that year |
| 三年行动计划, 三年内, 用三年时间, 今后五年 | ``plan_duration`` | N years from the report's year: its start to 31 Dec of year + N - 1 |
| 年内, 今年, 本年度 | ``this_year`` | the report's period |
| nothing of these | ``report_year`` | the report's period |

The words are looked for in the target's own clause first, then in its measure
(a framing clause, 實施三年行動計劃, frames the target after it); the match
nearest to the target wins, one before it over one after it at equal distance.
Words that would give a period ending before it starts (到2010年 in a 2012
report) are not a period. A bare year (2012年新增…) or a baseline (比2010年) is
not a period either.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from workreport_schema import PeriodBasis

from ..numerals import parse_chinese_numeral
from ..spans import Span

_YEAR = r"(\d{4}|[〇零一二三四五六七八九]{4})"
_NOT_AFTER_NUMBER = r"(?<![0-9〇零一二三四五六七八九十两百多几数近])"
_COUNT = r"([一二两三四五六七八九十]{1,2}|\d{1,2})"

_PATTERNS: tuple[tuple[PeriodBasis, re.Pattern[str]], ...] = (
    (PeriodBasis.STATED_SPAN, re.compile(rf"{_YEAR}年?(?:至|到|-|—|~){_YEAR}年")),
    (PeriodBasis.STATED_YEAR, re.compile(rf"(?:截至|截止到|截止|到|至){_YEAR}年(?:底|末)?")),
    (PeriodBasis.STATED_YEAR, re.compile(rf"{_NOT_AFTER_NUMBER}{_YEAR}年(?:底前|末前|前|内)")),
    (
        PeriodBasis.PLAN_DURATION,
        re.compile(rf"(?:用|今后|未来)?{_NOT_AFTER_NUMBER}{_COUNT}年(?:行动计划|行动方案|行动|计划|规划|内|时间)"),
    ),
    (PeriodBasis.THIS_YEAR, re.compile(rf"{_NOT_AFTER_NUMBER}(?:今年内|今年|本年度|年内)")),
)

_MAX_PLAN_YEARS = 10


@dataclass(frozen=True)
class PeriodReading:
    """A target's period, where it comes from, and the words that state it (None for the report's year)."""

    basis: PeriodBasis
    start: datetime.date
    end: datetime.date
    span: Span | None = None


def _number(word: str) -> int | None:
    return int(word) if word.isascii() else parse_chinese_numeral(word)


def _reading(basis: PeriodBasis, groups: tuple[str, ...], span: Span, report: tuple[datetime.date, datetime.date]) -> PeriodReading | None:
    """The period a match states, or None when it states none that makes sense."""
    start, end = report
    numbers = [_number(group) for group in groups if group is not None]
    if any(number is None for number in numbers):
        return None
    values = [number for number in numbers if number is not None]
    if basis is PeriodBasis.STATED_SPAN:
        first, last = values
        if first > last:
            return None
        return PeriodReading(basis, datetime.date(first, 1, 1), datetime.date(last, 12, 31), span)
    if basis is PeriodBasis.STATED_YEAR:
        end = datetime.date(values[0], 12, 31)
    elif basis is PeriodBasis.PLAN_DURATION:
        if not 1 <= values[0] <= _MAX_PLAN_YEARS:
            return None
        end = datetime.date(start.year + values[0] - 1, 12, 31)
    if end < start:
        return None
    return PeriodReading(basis, start, end, span)


def period_words(folded: str, scope: Span, report: tuple[datetime.date, datetime.date]) -> list[PeriodReading]:
    """Every statement of a period in ``scope``, in source order; where two overlap, the earlier pattern wins."""
    found: list[PeriodReading] = []
    for basis, pattern in _PATTERNS:
        for match in pattern.finditer(folded, scope.start, scope.end):
            span = Span(match.start(), match.end())
            if any(span.overlaps(other.span) for other in found if other.span is not None):
                continue
            reading = _reading(basis, match.groups(), span, report)
            if reading is not None:
                found.append(reading)
    return sorted(found, key=lambda reading: reading.span.start if reading.span else 0)


def read_period(folded: str, scopes: list[Span], anchor: Span, report: tuple[datetime.date, datetime.date]) -> PeriodReading:
    """The period of a target at ``anchor``: the nearest statement in the first scope that has one, else the report's."""
    for scope in scopes:
        readings = [reading for reading in period_words(folded, scope, report) if reading.span is not None]
        if readings:

            def distance(reading: PeriodReading) -> tuple[int, int]:
                assert reading.span is not None
                if reading.span.end <= anchor.start:
                    return anchor.start - reading.span.end, 0
                if reading.span.start >= anchor.end:
                    return reading.span.start - anchor.end, 1
                return 0, 0

            return min(readings, key=distance)
    start, end = report
    return PeriodReading(PeriodBasis.REPORT_YEAR, start, end)

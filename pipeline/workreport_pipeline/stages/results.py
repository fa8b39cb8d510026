"""Stage 5b, results: figures reported as achieved, never targets.

A review of last year (a part whose role is ``review``, and its sections)
reports what was done: every quantity in it is a **result**. Outside a review,
a **review sentence** does the same: one that names last year or compares with
it (過去一年, 去年, 上年, 比上年, 預計全年) or says a thing was done (完成了,
實現了; bare 實現 states a task: 實現生產總值增長8%). A phrase that only
takes last year as a base for a task (在去年基礎上新增…) does not count. A
review sentence holds no measure and no target up to a clause that turns to
this year (opening with 今年, 明年, 要, 將, 力爭, 爭取): that clause and the ones
after it are read as commitments (去年增長9.1%,今年要增長8%左右). The words are in
``lexicon/structure.toml`` (``[results]``); the headline list of expected
targets is never a review sentence (its 比上年 compares this year's target with
last year).

Each quantity is read by the quantities and units stages exactly as a target
would be, and its indicator is read like a target's, without the words that
only place it in time or compare it (去年, 預計全年, 比上年): 地區生產總值比上年增長9.1%
→ 地區生產總值增長.

- **estimate**: 預計 or 估計 before the quantity in its sentence, or an
  approximate quantity (左右, 約, 近);
- **comparator**: an estimate keeps the comparator the text gives
  (預計增長9%以上: gte); any other result states the value reached (eq), unless
  a bound is written after the number (52萬個以上: gte; 以內: lte) or it is a
  range. Words before the number (達到, 控制在, 突破) say how the value was
  reached, not a bound, and give eq.
- **stated outcome**: how the report's own words say the figure stands
  against its goal. A phrase is a verb (超額完成: exceeded; 完成了, 實現了, 達到:
  met; 未完成, 未能完成, 沒有完成, 未實現, 未達到…: not met) followed, within a
  few characters and no clause or sentence break, by a goal noun (目標, 計劃,
  任務): 完成了年度計劃, 超額完成年度目標, 未完成年度計劃. A verb with no such
  object states nothing (the 完成 of 完成舊區改造60萬平方米 names the work
  done). Where several verbs start at one place the longest wins, so a negation
  is never read as 完成 or 達到. A result takes the nearest phrase of its own
  sentence (as segmented: up to 。;!?) that ends after the result, else the
  nearest before it; the phrase's span is ``stated_outcome_source``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from workreport_schema import Comparator, StatedOutcome

from ..lexicon import match_prefix, number_lexicon, result_lexicon
from ..normalise import fold
from ..spans import Span
from .quantities import Quantity, TextIndex
from .segment import CLAUSE_BREAK, SENTENCE_ENDS, SentenceSegment
from .targets import quantity_targets
from .units import UnitReading

_PUNCTUATION = "、,;: \u3000"


@dataclass(frozen=True)
class OutcomeReading:
    """A stated outcome and the words that state it (完成了年度計劃: met)."""

    outcome: StatedOutcome
    span: Span


@dataclass(frozen=True)
class ResultDraft:
    """A result before ids: its span, indicator, quantity, how it is stated, and the outcome its sentence states."""

    span: Span
    indicator: str
    quantity: Quantity
    unit: UnitReading
    comparator: Comparator
    estimate: bool
    outcome: OutcomeReading | None = None


def is_review_sentence(folded: str, sentence: Span) -> bool:
    """Whether a sentence (or clause) outside a review part reports last year's figures."""
    lexicon = result_lexicon()
    words = folded[sentence.start : sentence.end]
    for phrase in lexicon.review_sentence_exclusions:
        words = words.replace(phrase, "\0" * len(phrase))
    return any(word in words for word in lexicon.review_sentence)


def review_clauses(folded: str, commitments: bool, headline: Span | None, sentence: SentenceSegment) -> int:
    """How many of a sentence's leading clauses hold results, not commitments (all of them in a review part).

    Outside a review part: none in the headline list or a sentence with no
    review word; else every clause up to the first that turns to this year
    (今年, 要…), if a review word came before it (今年比上年增長8% is a task).
    """
    clauses = sentence.clauses
    if not commitments:
        return len(clauses)
    if (headline is not None and headline.overlaps(sentence.span)) or not is_review_sentence(folded, sentence.span):
        return 0
    forward = result_lexicon().forward
    seen_review = False
    for position, clause in enumerate(clauses):
        if match_prefix(folded, clause.start, clause.end, forward):
            return position if seen_review else 0
        seen_review = seen_review or is_review_sentence(folded, clause)
    return len(clauses) if seen_review else 0


def is_estimate(folded: str, sentence: Span, quantity: Quantity) -> bool:
    """預計 or 估計 before the quantity in its sentence, or an approximate quantity."""
    before = folded[sentence.start : quantity.mention.span.start]
    return quantity.comparator is Comparator.APPROX or any(word in before for word in result_lexicon().estimate)


def result_comparator(folded: str, quantity: Quantity, estimate: bool) -> Comparator:
    """The text's comparator for an estimate or a range; else eq, unless a bound follows the number (以上, 以內)."""
    if estimate or quantity.comparator is Comparator.RANGE:
        return quantity.comparator
    expression = folded[quantity.expression.start : quantity.expression.end]
    suffixes = number_lexicon().comparator_suffixes
    bound = next((word for word in suffixes if expression.endswith(word)), None)
    if bound is not None and quantity.comparator in (Comparator.GTE, Comparator.LTE):
        return quantity.comparator
    return Comparator.EQ


def result_indicator(indicator: str) -> str:
    """A target-like indicator without the words that place it in time or compare it (去年, 比上年)."""
    folded = fold(indicator)
    keep = [True] * len(indicator)
    for word in result_lexicon().indicator_noise:
        start = folded.find(word)
        while start != -1:
            if all(keep[start : start + len(word)]):
                keep[start : start + len(word)] = [False] * len(word)
            start = folded.find(word, start + len(word))
    cleaned = "".join(char for char, kept in zip(indicator, keep, strict=True) if kept).strip(_PUNCTUATION)
    return cleaned or indicator


@cache
def _outcome_pattern() -> re.Pattern[str]:
    """A verb (longest first), then, optionally, a short gap without a break and one or more goal nouns.

    The object is optional so that a verb always takes its characters: a negation without an object is not
    matched again from its second character (未達到 is never 達到).
    """
    lexicon = result_lexicon()
    breaks = re.escape("".join(sorted({CLAUSE_BREAK, ":", *SENTENCE_ENDS})))
    verbs = "|".join(map(re.escape, lexicon.outcome_verbs))
    objects = "|".join(map(re.escape, lexicon.outcome_objects))
    return re.compile(f"(?P<verb>{verbs})(?:[^{breaks}]{{0,{lexicon.outcome_max_gap}}}?(?:{objects})+)?")


def stated_outcomes(folded: str, sentence: Span) -> list[OutcomeReading]:
    """Every phrase of a sentence that states an outcome (a verb with its goal noun), in source order."""
    verbs = result_lexicon().outcome_verbs
    return [
        OutcomeReading(StatedOutcome(verbs[match["verb"]]), Span(match.start(), match.end()))
        for match in _outcome_pattern().finditer(folded, sentence.start, sentence.end)
        if match.end() > match.end("verb")
    ]


def stated_outcome(folded: str, sentence: Span, result: Span) -> OutcomeReading | None:
    """The outcome a result's sentence states for it: the nearest phrase ending after the result, else the nearest before."""
    phrases = stated_outcomes(folded, sentence)
    after = [phrase for phrase in phrases if phrase.span.end > result.end]
    if after:
        return after[0]
    return phrases[-1] if phrases else None


def clause_results(index: TextIndex, sentence: Span, clause: Span) -> list[ResultDraft]:
    """The results one clause of a review states, in source order."""
    drafts = []
    for draft in quantity_targets(index, clause):
        if draft.quantity is None or draft.unit is None:
            continue
        estimate = is_estimate(index.folded, sentence, draft.quantity)
        drafts.append(
            ResultDraft(
                span=draft.span,
                indicator=result_indicator(draft.indicator),
                quantity=draft.quantity,
                unit=draft.unit,
                comparator=result_comparator(index.folded, draft.quantity, estimate),
                estimate=estimate,
                outcome=stated_outcome(index.folded, sentence, draft.span),
            )
        )
    return drafts

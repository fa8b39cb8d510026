"""Indicator codes: a target's or a result's indicator matched to the reviewed codelist ``indicator``.

Why: free-text indicators (人均基本養老金增長, 地方財政收入增長) cannot be lined
up across documents and years; a code can. The codelist (published with the
schema) names each indicator's words in both scripts; they are matched on the
folded text, so either script and either punctuation width reads alike. The
longest word inside the record's own words wins (earliest on a tie), and only
when the record's quantity kind is the indicator's (地區生產總值 達到2萬億元 is
money, not growth): a qualitative target has no unit, so its words alone
decide. The matched words are kept as an exact span of the source, and an
indicator no word matches stays uncoded.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from workreport_schema import QuantityKind, load_codelist

from ..normalise import fold
from ..spans import Span


@dataclass(frozen=True)
class IndicatorEntry:
    code: str
    kinds: tuple[QuantityKind, ...]
    """What it may be counted in (保障性住房: floor area or dwellings)."""
    words: tuple[str, ...]
    """Folded, longest first."""


@dataclass(frozen=True)
class IndicatorMatch:
    code: str
    span: Span
    """The words that matched, in the source."""


@cache
def indicator_entries() -> tuple[IndicatorEntry, ...]:
    """The codelist's entries with their words folded (both scripts' columns, which fold alike)."""
    entries = []
    for row in load_codelist("indicator").rows:
        words = {fold(word.strip()) for column in ("Words (zh-Hans)", "Words (zh-Hant)") for word in row[column].split("|") if word.strip()}
        kinds = tuple(QuantityKind(kind) for kind in row["Quantity kind"].split("|"))
        entries.append(IndicatorEntry(row["Code"], kinds, tuple(sorted(words, key=lambda w: (-len(w), w)))))
    return tuple(entries)


def match_indicator(folded: str, spans: Sequence[Span], kind: QuantityKind | None) -> IndicatorMatch | None:
    """The codelist entry whose longest word lies inside one of ``spans`` (the record's words), if its kind agrees."""
    best: tuple[int, int, str, Span] | None = None
    for entry in indicator_entries():
        if kind is not None and kind not in entry.kinds:
            continue
        for word in entry.words:
            for span in spans:
                start = folded.find(word, span.start, span.end)
                if start < 0:
                    continue
                candidate = (len(word), -start, entry.code, Span(start, start + len(word)))
                if best is None or candidate[:2] > best[:2]:
                    best = candidate
    return None if best is None else IndicatorMatch(best[2], best[3])

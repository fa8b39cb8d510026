"""Stage 6, units: what a quantity is measured in, from the unit codelist.

A written unit (平方米, 公頃, %) maps straight to its code. A classifier (個, 張,
所) is not a unit: the unit is the thing counted. It is found, in this order,
from a classifier that names the thing itself (人 → person, 戶 → household), a
counted noun after the classifier (30所義務教育學校 → school), a counted noun
before the number (養老床位5000張 → bed), else the generic ``item``.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..lexicon import unit_lexicon
from ..spans import Span
from .quantities import Quantity

GENERIC_COUNT = "item"


@dataclass(frozen=True)
class UnitReading:
    """The unit code of a quantity, and how it was found."""

    code: str
    how: str
    """symbol, classifier, noun-after, noun-before or generic."""


def _first_noun(folded: str, start: int, end: int) -> str | None:
    """The counted noun that starts closest after ``start`` (head nouns come right after the classifier)."""
    nouns = unit_lexicon().nouns
    best: tuple[int, int, str] | None = None
    for noun, code in nouns.items():
        found = folded.find(noun, start, end)
        if found != -1 and (best is None or (found, -len(noun)) < (best[0], best[1])):
            best = (found, -len(noun), code)
    return best[2] if best else None


def _last_noun(folded: str, start: int, end: int) -> str | None:
    """The counted noun that ends closest before ``end``."""
    nouns = unit_lexicon().nouns
    best: tuple[int, int, str] | None = None
    for noun, code in nouns.items():
        found = folded.rfind(noun, start, end)
        if found != -1 and (best is None or (found + len(noun), len(noun)) > (best[0], best[1])):
            best = (found + len(noun), len(noun), code)
    return best[2] if best else None


def resolve_unit(folded: str, quantity: Quantity, segment: Span) -> UnitReading:
    """The unit of a quantity; ``segment`` bounds the noun search (the quantity's part of the clause)."""
    if quantity.symbol_unit:
        return UnitReading(quantity.symbol_unit, "symbol")
    lexicon = unit_lexicon()
    if quantity.classifier and quantity.classifier in lexicon.self_classifiers:
        return UnitReading(lexicon.self_classifiers[quantity.classifier], "classifier")
    after = _first_noun(folded, quantity.expression.end, segment.end)
    if after:
        return UnitReading(after, "noun-after")
    before = _last_noun(folded, segment.start, quantity.mention.span.start)
    if before:
        return UnitReading(before, "noun-before")
    return UnitReading(GENERIC_COUNT, "generic")

"""Stage 5, targets: one per stated quantity, plus qualitative targets, with their indicators.

The indicator is what is measured: the measure's words around the quantity,
without the quantity itself, leading adverbs and comparator words
(新增就業崗位50萬個以上 → 新增就業崗位). When a clause states several
quantities (糧田1000公頃、菜田533公頃), each takes the words between the
previous quantity and itself; a quantity with no words of its own
(1100萬平方米、17.08萬套(間)) shares the indicator before it. A qualitative
target's indicator is the clause without its opening verb and its marker
(保持物價總水平基本穩定 → 物價總水平). A clause with no quantity and no
marker may state a qualitative target by its shape (``stages/shapes.py``:
繼續提高最低工資標準 → 最低工資標準, increase); a clause with a quantity never
states one by its shape, so nothing is counted twice.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from workreport_schema import QuantityKind

from ..lexicon import clause_lexicon, match_prefix, number_lexicon
from ..spans import Span
from .classify import skip_adverbs
from .quantities import Qualitative, Quantity, TextIndex, read_clause, read_qualitative
from .shapes import read_shape
from .units import UnitReading, resolve_unit

_PUNCTUATION = "、,;: \u3000"
_CONNECTORS = _PUNCTUATION + "和及与或"


@dataclass(frozen=True)
class TargetDraft:
    """A target before ids: its span, indicator and what was read."""

    span: Span
    indicator: str
    quantity: Quantity | None = None
    unit: UnitReading | None = None
    qualitative: Qualitative | None = None
    aspirational: bool = False
    pieces: tuple[Span, ...] = ()
    """The indicator's own words in the clause (empty when it shares the one before)."""
    borrowed: tuple[Span, ...] = ()
    """Words the indicator takes from elsewhere in the sentence (see ``stages/indicators.py``)."""
    kind: QuantityKind | None = None
    """A qualitative target's quantity kind where its words say it (…比例: ratio), for indicator codes."""
    bare_head: str | None = None
    """A shape target's folded head when its object is only that (补贴 of 提高補貼水平; see ``stages/indicators.py``)."""

    @property
    def by_shape(self) -> bool:
        """Whether this is a qualitative target read from its clause's shape (not from an end marker)."""
        return self.qualitative is not None and self.qualitative.shape != "marker"


def _clean(text: str, folded: str, pieces: list[Span], connectors: bool = False) -> tuple[str, list[Span]]:
    """Indicator text from pieces of the clause, trimmed of punctuation (and connectors between quantities)."""
    kept = [piece.strip(folded, _CONNECTORS if connectors else _PUNCTUATION) for piece in pieces]
    kept = [piece for piece in kept if len(piece)]
    return "".join(piece.slice(text) for piece in kept), kept


def quantity_targets(index: TextIndex, clause: Span) -> list[TargetDraft]:
    """Targets for the quantities of one clause."""
    text, folded = index.text, index.folded
    quantities, _ = read_clause(index, clause)
    start = skip_adverbs(folded, clause)
    drafts: list[TargetDraft] = []
    previous_end = start
    for position, quantity in enumerate(quantities):
        following = quantities[position + 1].expression.start if position + 1 < len(quantities) else clause.end
        segment = Span(previous_end, following)
        unit = resolve_unit(folded, quantity, segment)
        if len(quantities) == 1:
            pieces = [Span(start, quantity.expression.start), Span(quantity.expression.end, clause.end)]
        else:
            pieces = [Span(previous_end, quantity.expression.start)]
            if position + 1 == len(quantities):
                pieces.append(Span(quantity.expression.end, clause.end))
        indicator, kept = _clean(text, folded, pieces, connectors=position > 0)
        if not indicator and drafts:
            indicator = drafts[-1].indicator
        elif not indicator:
            indicator = quantity.expression.slice(text)
        covered = [*kept, quantity.expression]
        span = Span(min(s.start for s in covered), max(s.end for s in covered))
        drafts.append(TargetDraft(span, indicator, quantity=quantity, unit=unit, aspirational=quantity.aspirational, pieces=tuple(kept)))
        previous_end = quantity.expression.end
    return drafts


def qualitative_target(index: TextIndex, clause: Span) -> TargetDraft | None:
    """The qualitative target of a clause ending in a marker (穩中有降), if any."""
    marker = read_qualitative(index, clause)
    if marker is None:
        return None
    text, folded = index.text, index.folded
    start = skip_adverbs(folded, clause)
    verb = match_prefix(folded, start, marker.marker.start, clause_lexicon().action_verbs)
    if verb:
        start += len(verb)
    indicator, _ = _clean(text, folded, [Span(start, marker.marker.start)])
    aspirational = any(word in folded[clause.start : marker.marker.start] for word in number_lexicon().aspirational)
    return TargetDraft(clause, indicator or clause.slice(text), qualitative=marker, aspirational=aspirational)


def shape_target(index: TextIndex, clause: Span) -> TargetDraft | None:
    """The qualitative target a clause states by its shape (提高…標準, 建成…, …取得新突破), if any."""
    reading = read_shape(index.folded, clause)
    if reading is None:
        return None
    text, folded = index.text, index.folded
    indicator, kept = _clean(text, folded, [reading.indicator])
    aspirational = any(word in folded[clause.start : reading.words.start] for word in number_lexicon().aspirational)
    marker = Qualitative(reading.words, reading.direction, reading.code)
    return TargetDraft(
        clause,
        indicator or clause.slice(text),
        qualitative=marker,
        aspirational=aspirational,
        pieces=tuple(kept),
        kind=reading.kind,
        bare_head=reading.bare,
    )


def stated_by_figures(clauses: Sequence[Span], drafts: Sequence[tuple[Span, TargetDraft]]) -> set[Span]:
    """Clauses of one sentence (``clauses``, in order) whose shape target the next clause states as a figure.

    較大幅度增加退休人員收入,…人均基本養老金增長15%: the figure that follows, in
    the same direction, is how the sentence measures the clause before it, so
    that clause is its lead-in and no qualitative target of its own.
    """
    following = dict(pairwise(clauses))
    stated = set()
    for clause, draft in drafts:
        if not draft.by_shape or draft.qualitative is None or clause not in following:
            continue
        figures = [figure.quantity for other, figure in drafts if other == following[clause] and figure.quantity is not None]
        if any(quantity.direction == draft.qualitative.direction for quantity in figures):
            stated.add(clause)
    return stated


def clause_targets(index: TextIndex, clause: Span) -> list[TargetDraft]:
    """Every target a clause states, in source order: its quantities, else a marker, else a shape."""
    drafts = quantity_targets(index, clause)
    qualitative = qualitative_target(index, clause)
    if qualitative is None and not drafts:
        qualitative = shape_target(index, clause)
    if qualitative:
        drafts.append(qualitative)
    return drafts


def states_target(index: TextIndex, clause: Span) -> bool:
    """Whether a clause states a target (used to group clauses into measures)."""
    return bool(read_clause(index, clause)[0]) or read_qualitative(index, clause) is not None

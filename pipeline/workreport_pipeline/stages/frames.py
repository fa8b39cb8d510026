"""Frames: the words a list measure is read under (``measure.frames``).

A sentence often opens with what it is about and then lists the instruments:
完善中小企業服務體系,落實稅收優惠政策,統籌使用財政資金,…。 Each instrument is a
commitment of its own, with its own body (the tax bureaus, the Finance Bureau), so
the list stays one measure per instrument; but 落實稅收優惠政策 alone does not say
whose taxes. Its frame is the action clause that opens the sentence's first
measure (basis ``sentence_lead``). A paragraph whose first sentence is its heading
(穩步推進增值稅制度改革試點。) frames the first measure of every later sentence
(支持企業用足用好政策,…: basis ``paragraph_heading``), and is the outer frame of a list
item in them (推進園區土地二次開發試點 under 深化完善自主創新政策, under 深化浦東綜合配套改革試點).
The heading may follow sentences that hold no measure (轉型發展,必須靠改革推動,…。).

A sentence whose first measure opens with a figure (新增就業崗位50萬個,…) lists
targets side by side, none framing the others; a headline list (主要預期目標是:…)
is framed by its own lead-in, inside its first measure. Neither gives a frame.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from workreport_schema import FrameBasis

from ..spans import Span
from .classify import ClauseKind, MeasureGroup


@dataclass(frozen=True)
class FrameDraft:
    basis: FrameBasis
    clause: Span
    """The framing words: an action clause of the framing measure."""
    measure: int
    """Ordinal, within the paragraph, of the measure that holds them."""


def sentence_lead(groups: Sequence[MeasureGroup], first_ordinal: int, states_target: Callable[[Span], bool]) -> FrameDraft | None:
    """The frame of the sentence's later measures: its first measure's action clause, unless that clause states a target."""
    if not groups:
        return None
    lead = groups[0]
    clause = lead.clauses[lead.head]
    if lead.kinds[lead.head] is not ClauseKind.ACTION or states_target(clause):
        return None
    return FrameDraft(FrameBasis.SENTENCE_LEAD, clause, first_ordinal)


def frames_of(position: int, lead: FrameDraft | None, heading: FrameDraft | None) -> list[FrameDraft]:
    """The frames of the measure at ``position`` in its sentence, nearest first: the sentence's lead for a later measure,
    then the paragraph's heading for a measure of a sentence the heading is not in."""
    nearest = [lead] if position > 0 and lead is not None else []
    return nearest + ([heading] if heading is not None else [])

"""Stage 5c, indicators readable alone: the verb or the object a clause leaves out, taken from its sentence.

Reports write lists that state a verb or an object once:

- **only a verb**: 新開工建設和籌措保障性住房1100萬平方米,供應770萬平方米 — the
  second target's own words are 供應. Its object is taken from the nearest
  target before it in the same sentence whose words have one (the words after
  their leading verbs: 保障性住房), and the indicator reads object + verb:
  保障性住房供應.
- **only an object**: 新建高水平糧田1000公頃、設施菜田533公頃 — a list item in
  the same clause, written right after the previous quantity and a list joiner
  (、, 和, 及), with no verb of its own, takes the leading verbs of the item
  before it: 新建設施菜田.

- **only a head**: 建立事業單位退休人員補貼制度,提高補貼水平 — a shape target
  (``stages/shapes.py``) whose object is only a head word (補貼 of 補貼水平)
  takes the words before that head in the nearest target before it in the
  sentence that has them: 事業單位退休人員補貼水平.

The words taken keep their span (``TargetDraft.borrowed``, published as the
target's ``indicator_source``), so a reader sees which words are the target's
own and which come from around it.
"""

from __future__ import annotations

from dataclasses import replace

from ..lexicon import clause_lexicon, match_prefix
from ..spans import Span
from .targets import TargetDraft

_VERB_JOINERS = ("和", "及", "并", "、")
_LIST_JOINERS = "、和及,"
_ADJECTIVE = "性"


def leading_verbs(folded: str, piece: Span) -> Span | None:
    """The action verbs that open ``piece``, in a row or joined by 和/及/并/、 (新开工建设和筹措), or None."""
    verbs = clause_lexicon().action_verbs
    position = piece.start
    while word := match_prefix(folded, position, piece.end, verbs):
        if folded.startswith(_ADJECTIVE, position + len(word)):
            break  # 保障性住房: a verb before 性 names a kind of thing, it is not an action
        position += len(word)
        joiner = match_prefix(folded, position, piece.end, _VERB_JOINERS)
        if joiner is not None and match_prefix(folded, position + len(joiner), piece.end, verbs) is not None:
            position += len(joiner)
    if position > piece.start and folded[position - 1] in _VERB_JOINERS:
        position -= 1
    return Span(piece.start, position) if position > piece.start else None


def _object(folded: str, draft: TargetDraft) -> Span | None:
    """The object in a draft's own words: its first piece after the leading verbs, when there is one."""
    if not draft.pieces:
        return None
    first = draft.pieces[0]
    verbs = leading_verbs(folded, first)
    start = verbs.end if verbs else first.start
    return Span(start, first.end) if start < first.end else None


def _only_verbs(folded: str, draft: TargetDraft) -> bool:
    if len(draft.pieces) != 1:
        return False
    verbs = leading_verbs(folded, draft.pieces[0])
    return verbs is not None and verbs.end == draft.pieces[0].end


def _list_verbs(folded: str, before: TargetDraft, draft: TargetDraft) -> Span | None:
    """The verbs a list item without its own takes from the item before it in the same clause, or None."""
    if before.quantity is None or draft.quantity is None or not before.pieces or len(draft.pieces) != 1:
        return None
    item = draft.pieces[0]
    between = folded[before.quantity.expression.end : item.start]
    is_item = bool(between) and all(char in _LIST_JOINERS for char in between) and item.end == draft.quantity.expression.start
    if not is_item or leading_verbs(folded, item) is not None:
        return None
    verbs = leading_verbs(folded, before.pieces[0])
    if verbs is None and before.borrowed and leading_verbs(folded, before.borrowed[0]) == before.borrowed[0]:
        verbs = before.borrowed[0]  # the item before took its verbs from the first item of the list
    return verbs


def _owner(folded: str, draft: TargetDraft, head: str) -> Span | None:
    """The words before ``head`` in a draft's own words (事業單位退休人員 before 補貼 in 事業單位退休人員補貼制度), or None."""
    piece = _object(folded, draft)
    if piece is None:
        return None
    at = folded.find(head, piece.start, piece.end)
    return Span(piece.start, at) if at > piece.start else None


def complete_indicators(text: str, folded: str, drafts: list[tuple[Span, TargetDraft]]) -> list[TargetDraft]:
    """The drafts of one sentence (each with its clause, in source order), their indicators made readable alone."""
    done: list[tuple[Span, TargetDraft]] = []
    for clause, draft in drafts:
        before = done[-1][1] if done and done[-1][0] == clause else None
        if draft.bare_head is not None:
            source = next((words for _, earlier in reversed(done) if (words := _owner(folded, earlier, draft.bare_head))), None)
            if source is not None:
                draft = replace(draft, indicator=source.slice(text) + draft.indicator, borrowed=(source,))
        elif draft.quantity is None:
            pass
        elif not draft.pieces and before is not None and before.quantity is not None:
            # Shares the words before it (1100萬平方米、17.08萬套(間)), and what they took.
            draft = replace(draft, indicator=before.indicator, borrowed=before.borrowed)
        elif _only_verbs(folded, draft):
            source = next((obj for _, earlier in reversed(done) if (obj := _object(folded, earlier)) is not None), None)
            if source is not None:
                draft = replace(draft, indicator=source.slice(text) + draft.pieces[0].slice(text), borrowed=(source,))
        elif before is not None and (verbs := _list_verbs(folded, before, draft)) is not None:
            draft = replace(draft, indicator=verbs.slice(text) + draft.indicator, borrowed=(verbs,))
        done.append((clause, draft))
    return [draft for _, draft in done]

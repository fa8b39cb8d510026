"""Stage 5, qualitative targets read from their shape (``lexicon/qualitative.toml``).

A clause with no quantity states a qualitative target when it has the shape of
one: what is raised, lowered, reached, abolished, completed, established, led
or broken through, with a direction and no value. Matching runs on the folded
text, so either script and either punctuation width reads alike.

- **verb + object**: a shape's verb opens the clause after adverbs and modal
  words (繼續提高最低工資標準, 逐年降低寬帶上網資費水平), after a purpose word
  (努力使…), or a second predicate after a joiner (…調整為城市快速路并停止收費);
  the object must end with one of the shape's objects (標準, 覆蓋面, 費, 制度…)
  and is the indicator. A shape with ``subject`` also reads the verb after a
  subject, which is then the indicator (水質達到國家新頒布的標準 → 水質).
- **object + verb**: the clause ends with a shape's ending verb after its
  object (推動職工收入增長 → 職工收入; …工程竣工).
- **ending**: the clause ends with a shape's ending (…改革試點取得新突破,
  走在全國前列, …最安全的城市之一), with a needed word before it where the
  lexicon says so (之一 needs 最 or 成為).

Verbs of ongoing effort (加強, 推進, 深化, 完善) are in no shape, and 建立健全
is not 建立: without a state a reader could check, a clause is an action, not a
target. An object that names nothing in particular (一批, 各類) is not a
milestone. Hedges stay in the target: 基本, 努力, 力爭 open the clause, and the
target's source is the whole clause; 力爭, 爭取 and 努力 make it aspirational.
"""

from __future__ import annotations

from dataclasses import dataclass

from workreport_schema import Direction, QuantityKind

from ..lexicon import QualitativeShape, clause_lexicon, match_prefix, match_suffix, qualitative_lexicon, skip_words
from ..spans import Span
from .classify import skip_adverbs

_PUNCTUATION = "、,;: \u3000"
_LEAD_INS = ("将", "把")
"""A lead-in whose object the predicate after a joiner acts on (将S5沪嘉高速公路调整为城市快速路并停止收费)."""
_LEVEL = "水平"
_PLACE = ("在",)
_PLACE_ENDS = ("方面", "上", "中")
"""A breakthrough's field written as a place (在国资国企改革上取得新突破 → 国资国企改革)."""


@dataclass(frozen=True)
class ShapeReading:
    """A qualitative target read from a clause's shape."""

    code: str
    direction: Direction
    words: Span
    """The shape's verb or ending in the clause (提高, 取得新突破)."""
    indicator: Span
    """What is raised, lowered, completed…: the indicator's words."""
    kind: QuantityKind | None = None
    """What the object measures where its last words say it (比例: ratio), else None."""
    bare: str | None = None
    """The folded head when the object is only a head word (补贴 in 提高補貼水平): whose it is, the sentence says before."""


def opening(folded: str, clause: Span) -> int:
    """Where the clause's predicate opens: after adverbs and modal words, and a purpose word (使, 讓) with its adverbs."""
    start = skip_adverbs(folded, clause)
    purpose = match_prefix(folded, start, clause.end, clause_lexicon().continuations)
    if purpose:
        start = skip_adverbs(folded, Span(start + len(purpose), clause.end))
    return start


def _subject_start(folded: str, clause: Span) -> int:
    """Where a subject may open: past hedges, modal and purpose words only (重點領域改革 keeps 重點, an adverb elsewhere)."""
    return skip_words(folded, clause.start, clause.end, qualitative_lexicon().before_subject)


def _predicates(folded: str, start: int, end: int) -> list[int]:
    """Where a shape's verb may stand: the clause's opening, and after each joiner (with its adverbs)."""
    joiners = qualitative_lexicon().joiners
    found = [start]
    for index in range(start + 1, end):
        joiner = match_prefix(folded, index, end, joiners)
        if joiner:
            found.append(skip_adverbs(folded, Span(index + len(joiner), end)))
    return found


def _object_fits(folded: str, shape: QualitativeShape, words: Span) -> bool:
    """Whether an object fits the shape: not empty, ending with one of its objects, naming something if it must (not 一批…)."""
    if not len(words):
        return False
    if shape.named and match_prefix(folded, words.start, words.end, qualitative_lexicon().unnamed):
        return False
    if not shape.objects or match_suffix(folded, words.start, words.end, shape.objects) is not None:
        return True
    level = words.end - len(_LEVEL)
    return folded.startswith(_LEVEL, level, words.end) and match_suffix(folded, words.start, level, shape.levels) is not None


def _kind(folded: str, words: Span) -> QuantityKind | None:
    kinds = qualitative_lexicon().kinds
    head = match_suffix(folded, words.start, words.end, kinds)
    return None if head is None else QuantityKind(kinds[head])


def _bare(folded: str, shape: QualitativeShape, words: Span) -> str | None:
    """The head word when the object is only that (收費; 補貼 of 補貼水平), which names nothing alone, else None."""
    head = folded[words.start : words.end]
    if head in shape.objects:
        return head
    level = head.removesuffix(_LEVEL)
    return level if level != head and level in shape.levels else None


def _after_action_verb(folded: str, start: int, end: int) -> int:
    """Past an action verb opening the words (推動 in 推動職工收入增長), if any."""
    verb = match_prefix(folded, start, end, clause_lexicon().action_verbs)
    return start + len(verb) if verb else start


def _verb_object(folded: str, shape: QualitativeShape, position: int, end: int) -> tuple[Span, Span] | None:
    """The verb at ``position`` and its object when they have the shape's form."""
    if match_prefix(folded, position, end, qualitative_lexicon().not_verbs):
        return None
    verb = match_prefix(folded, position, end, shape.verbs)
    if verb is None:
        return None
    words = Span(position + len(verb), end).strip(folded, _PUNCTUATION)
    return (Span(position, position + len(verb)), words) if _object_fits(folded, shape, words) else None


def _reading(folded: str, shape: QualitativeShape, clause: Span, words: Span, indicator: Span, bare: str | None = None) -> ShapeReading:
    """The reading of a clause whose shape words are ``words``; a whole-state shape's indicator runs to the clause's end."""
    if shape.whole:
        start = _subject_start(folded, clause)
        indicator = Span(_after_action_verb(folded, start, clause.end), clause.end).strip(folded, _PUNCTUATION)
    return ShapeReading(shape.code, Direction(shape.direction), words, indicator, _kind(folded, indicator), bare)


def _read(folded: str, shape: QualitativeShape, clause: Span, start: int) -> ShapeReading | None:
    end = clause.end
    for position in _predicates(folded, start, end):
        found = _verb_object(folded, shape, position, end)
        if found is None:
            continue
        verb, words = found
        bare = _bare(folded, shape, words)
        if position > start and bare:  # 并停止收費: what stops is said before the joiner
            base = start + len(lead) if (lead := match_prefix(folded, start, end, _LEAD_INS)) else start
            return _reading(folded, shape, clause, verb, Span(base, end))
        return _reading(folded, shape, clause, verb, words, bare)
    subject = _subject_start(folded, clause)
    if shape.subject:
        for word in shape.verbs:
            at = folded.find(word, start + 1, end)
            found = _verb_object(folded, shape, at, end) if at != -1 else None
            if found is not None:
                before = Span(_after_action_verb(folded, subject, at), at).strip(folded, _PUNCTUATION)
                return _reading(folded, shape, clause, found[0], before if len(before) else found[1])
    last = match_suffix(folded, start, end, shape.ending_verbs)
    if last:
        words = Span(_after_action_verb(folded, subject, end - len(last)), end - len(last)).strip(folded, _PUNCTUATION)
        if _object_fits(folded, shape, words):
            return _reading(folded, shape, clause, Span(end - len(last), end), words)
    ending = match_suffix(folded, start, end, shape.endings)
    if ending:
        needs = shape.ending_needs.get(ending, ())
        if needs and not any(word in folded[start : end - len(ending)] for word in needs):
            return None
        words = Span(_after_action_verb(folded, subject, end), end - len(ending)).strip(folded, _PUNCTUATION)
        if match_prefix(folded, words.start, words.end, _PLACE):
            place_end = match_suffix(folded, words.start, words.end, _PLACE_ENDS)
            if place_end:
                words = Span(words.start + 1, words.end - len(place_end))
        return _reading(folded, shape, clause, Span(end - len(ending), end), words if len(words) else Span(start, end))
    return None


def read_shape(folded: str, clause: Span) -> ShapeReading | None:
    """The qualitative target a clause's shape states, if any (the first shape of the lexicon that fits)."""
    start = opening(folded, clause)
    if start >= clause.end:
        return None
    for shape in qualitative_lexicon().shapes:
        reading = _read(folded, shape, clause, start)
        if reading is not None:
            return reading
    return None

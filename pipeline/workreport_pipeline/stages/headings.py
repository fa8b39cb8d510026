"""Paragraph headings: a first sentence that names what the sentences after it do.

繼續深化農村改革。加強農村集體資金、資產、資源管理,… — alone, the first sentence is a
heading a reader cannot act on; it is kept (never dropped) as the lead-in of the
paragraph's first measure, the only measure that crosses a sentence end. A
heading is short and general: one action clause of at most ``HEADING_MAX``
characters with no list in it (、), after nothing but its lead-ins, whose verb names ongoing work (推進, 深化, 推動, 發展, 實施,
加強, 加快, 促進: ``[heading]`` in lexicon/clauses.toml); 建立殘疾人生活補貼制度。
sets something up and is a commitment of its own. A first sentence that states a target
(新增就業崗位50萬個。…), looks back at last year, or names several things
(支持工會、共青團、婦聯等人民團體發揮…作用。) stays a sentence of its own, and so
does the only sentence of a paragraph.

A chapter's opening statement (始終把安全放在第一位,…提高城市管理科學化水平。) is
not a heading: it states the aims of the whole chapter, and made the lead-in
of the first measure it would give that measure's body (the Price Bureau for
堅持民生優先導向) to aims that are the whole government's. It stays a measure
of its own, led by the issuer or by its own words.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..lexicon import clause_lexicon, match_prefix
from ..spans import Span
from .classify import ClauseKind, classify_clause, group_measures, skip_adverbs
from .results import is_review_sentence
from .segment import SentenceSegment

HEADING_MAX = 16
"""Characters of a heading at most (推進體育強市建設, 建立社會矛盾綜合協調化解的長效機制 has 17: a commitment of its own)."""


def is_heading(folded: str, sentence: SentenceSegment, states_target: Callable[[Span], bool]) -> bool:
    """Whether a paragraph's first sentence is its heading: one short action clause of ongoing work, with no target and no list,
    after nothing but its own lead-ins (時刻把“三農”問題放在心上,持續推進社會主義新農村建設。)."""
    groups = group_measures(folded, sentence.clauses, states_target)
    if len(groups) != 1 or groups[0].clauses != sentence.clauses or groups[0].head != len(sentence.clauses) - 1:
        return False
    clause = sentence.clauses[-1]
    return (
        clause.end - clause.start <= HEADING_MAX
        and "、" not in folded[clause.start : clause.end]
        and classify_clause(folded, clause) is ClauseKind.ACTION
        and match_prefix(folded, skip_adverbs(folded, clause), clause.end, clause_lexicon().heading_verbs) is not None
        and not states_target(clause)
    )


def paragraph_heading(folded: str, sentences: Sequence[SentenceSegment], states_target: Callable[[Span], bool]) -> Span | None:
    """The paragraph's heading clause (穩步推進增值稅制度改革試點), or None: the sentences after it are read under it.

    The heading is the first sentence that holds a measure; sentences before it that hold none (轉型發展,必須靠改革推動,
    重在制度創新。) state why, and do not stop the next one being the heading."""
    first = next((number for number, sentence in enumerate(sentences) if group_measures(folded, sentence.clauses, states_target)), None)
    if first is None or first + 1 >= len(sentences):
        return None
    sentence, after = sentences[first], sentences[first + 1]
    if is_review_sentence(folded, sentence.span) or is_review_sentence(folded, after.span):
        return None
    return sentence.clauses[-1] if is_heading(folded, sentence, states_target) else None


def heading_clauses(folded: str, sentences: Sequence[SentenceSegment], states_target: Callable[[Span], bool]) -> int:
    """How many clauses of the paragraph's heading lead its first measure: its first sentence's, or 0 when it has none
    (or when no measure opens the sentence after it)."""
    heading = paragraph_heading(folded, sentences, states_target)
    if heading is None or heading not in sentences[0].clauses:
        return 0
    if not _opens_with_measure(folded, sentences[1], states_target):
        return 0  # 穩步推進增值稅制度改革試點。營業稅改征增值稅試點是…重大舉措。: nothing to lead, a measure of its own
    return len(sentences[0].clauses)


def _opens_with_measure(folded: str, sentence: SentenceSegment, states_target: Callable[[Span], bool]) -> bool:
    """Whether the sentence's first clause is in its first measure (no copula statement or left-out context before it)."""
    groups = group_measures(folded, sentence.clauses, states_target)
    return bool(groups) and groups[0].clauses[0] == sentence.clauses[0]


def join_heading(sentences: Sequence[SentenceSegment]) -> tuple[SentenceSegment, ...]:
    """The paragraph's sentences with the heading read as the first clauses of the sentence after it."""
    heading, first, *rest = sentences
    return (SentenceSegment(Span(heading.span.start, first.span.end), heading.clauses + first.clauses), *rest)

"""Paragraph headings and chapter openings: a first sentence that names what the sentences after it do.

繼續深化農村改革。加強農村集體資金、資產、資源管理,… — alone, the first sentence is a
heading a reader cannot act on; it is kept (never dropped) as the lead-in of the
paragraph's first measure, the only measure that crosses a sentence end. A
heading is short and general: one action clause of at most ``HEADING_MAX``
characters with no list in it (、), after nothing but its lead-ins, whose verb names ongoing work (推進, 深化,
加強, 加快, 促進: ``[heading]`` in lexicon/clauses.toml); 建立殘疾人生活補貼制度。
sets something up and is a commitment of its own. A first sentence that states a target
(新增就業崗位50萬個。…), looks back at last year, or names several things
(支持工會、共青團、婦聯等人民團體發揮…作用。) stays a sentence of its own, and so
does the only sentence of a paragraph.

A chapter's **opening statement** — its first sentence with a measure (after
any statements of fact: 文化是城市…的本質性力量。), when that sentence makes one
measure of all its clauses with no target and no figure (始終把安全放在第一位,更加注重以人為本、
管理為重,提高城市管理科學化水平。; 我們要充分認識上海…的地位和責任,切實提高…自覺和自信。)
— states the chapter's aim rather than a commitment of its own: all its
clauses lead the chapter's first measure in the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..lexicon import clause_lexicon, match_prefix
from ..spans import Span
from .classify import ClauseKind, classify_clause, group_measures, is_stance, skip_adverbs
from .results import is_review_sentence
from .segment import SentenceSegment

HEADING_MAX = 16
"""Characters of a heading at most (推進體育強市建設, 建立社會矛盾綜合協調化解的長效機制 has 17: a commitment of its own)."""


@dataclass(frozen=True)
class Lead:
    """The paragraph's sentence at ``position`` leads the first measure of the sentence after it, with all its clauses."""

    position: int
    clauses: int


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


def is_opening_statement(folded: str, sentence: SentenceSegment, states_target: Callable[[Span], bool]) -> bool:
    """Whether a chapter's first sentence with a measure only states the chapter's aim: one measure of all its clauses that
    opens with a stance or a context (堅持民生優先導向,…; 始終把安全放在第一位,…), no target, no figure. A sentence that opens
    with its action (區商務委要加強…) or with who leads it (由區商務委牽頭,…) is a commitment of its own."""
    groups = group_measures(folded, sentence.clauses, states_target)
    return (
        len(groups) == 1
        and groups[0].clauses == sentence.clauses
        and groups[0].head > 0
        and (classify_clause(folded, sentence.clauses[0]) is ClauseKind.CONTEXT or is_stance(folded, sentence.clauses[0]))
        and not any(states_target(clause) for clause in sentence.clauses)
        and not any(char.isdigit() for char in folded[sentence.span.start : sentence.span.end])
    )


def find_lead(folded: str, sentences: Sequence[SentenceSegment], states_target: Callable[[Span], bool], chapter_start: bool) -> Lead | None:
    """The paragraph's heading, or (``chapter_start``: the chapter's first paragraph) its opening statement, if it has one."""
    position = 0
    if chapter_start:  # past the statements of fact that open the chapter
        while position < len(sentences) and not group_measures(folded, sentences[position].clauses, states_target):
            position += 1
    if position + 1 >= len(sentences):
        return None
    sentence, after = sentences[position], sentences[position + 1]
    if is_review_sentence(folded, sentence.span) or is_review_sentence(folded, after.span):
        return None
    if not _opens_with_measure(folded, after, states_target):
        return None  # 穩步推進增值稅制度改革試點。營業稅改征增值稅試點是…重大舉措。: nothing to lead
    if (position == 0 and is_heading(folded, sentence, states_target)) or (
        chapter_start and is_opening_statement(folded, sentence, states_target)
    ):
        return Lead(position, len(sentence.clauses))
    return None


def _opens_with_measure(folded: str, sentence: SentenceSegment, states_target: Callable[[Span], bool]) -> bool:
    """Whether the sentence's first clause is in its first measure (no copula statement or left-out context before it)."""
    groups = group_measures(folded, sentence.clauses, states_target)
    return bool(groups) and groups[0].clauses[0] == sentence.clauses[0]


def join_lead(sentences: Sequence[SentenceSegment], lead: Lead) -> tuple[SentenceSegment, ...]:
    """The paragraph's sentences with the leading sentence read as the first clauses of the sentence after it."""
    before, (leading, first), rest = (
        sentences[: lead.position],
        sentences[lead.position : lead.position + 2],
        sentences[lead.position + 2 :],
    )
    return (*before, SentenceSegment(Span(leading.span.start, first.span.end), leading.clauses + first.clauses), *rest)

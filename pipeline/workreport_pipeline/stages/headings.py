"""Paragraph headings: a one-clause sentence that opens a paragraph names what the sentences after it do.

繼續深化農村改革。加強農村集體資金、資產、資源管理,… — alone, the first sentence is a
heading a reader cannot act on; it is kept (never dropped) as the lead-in of the
paragraph's first measure, the only measure that crosses a sentence end. A
heading is short and general: one action clause of at most ``HEADING_MAX``
characters with no list in it (、) whose verb names ongoing work (推進, 深化,
加強, 加快, 促進: ``[heading]`` in lexicon/clauses.toml); 建立殘疾人生活補貼制度。
sets something up and is a commitment of its own. A first sentence that states a target
(新增就業崗位50萬個。…), looks back at last year, or names several things
(支持工會、共青團、婦聯等人民團體發揮…作用。) stays a sentence of its own, and so
does the only sentence of a paragraph.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..lexicon import clause_lexicon, match_prefix
from ..spans import Span
from .classify import ClauseKind, classify_clause, skip_adverbs
from .results import is_review_sentence
from .segment import SentenceSegment

HEADING_MAX = 16
"""Characters of a heading at most (推進體育強市建設, 建立社會矛盾綜合協調化解的長效機制 has 17: a commitment of its own)."""


def is_heading(folded: str, sentences: Sequence[SentenceSegment], states_target: Callable[[Span], bool]) -> bool:
    """Whether the paragraph's first sentence is its heading: one action clause with no target, followed by a sentence of commitments."""
    if len(sentences) < 2 or len(sentences[0].clauses) != 1:
        return False
    (clause,) = sentences[0].clauses
    return (
        clause.end - clause.start <= HEADING_MAX
        and "、" not in folded[clause.start : clause.end]
        and classify_clause(folded, clause) is ClauseKind.ACTION
        and match_prefix(folded, skip_adverbs(folded, clause), clause.end, clause_lexicon().heading_verbs) is not None
        and not states_target(clause)
        and not any(is_review_sentence(folded, sentence.span) for sentence in sentences[:2])
    )


def join_heading(sentences: Sequence[SentenceSegment]) -> tuple[SentenceSegment, ...]:
    """The paragraph's sentences with the heading read as the first clause of the sentence after it."""
    heading, first, *rest = sentences
    return (SentenceSegment(Span(heading.span.start, first.span.end), heading.clauses + first.clauses), *rest)

"""Stage 5c, headline targets: the report's list of main expected targets.

A paragraph that names the list (主要預期目標是:, 今年經濟社會發展的主要預期目標是：,
markers in ``lexicon/structure.toml`` ``[headline]``) followed by a colon opens
it; the list runs from the colon through each sentence that ends in a
semicolon and the first that does not (地區生產總值增長8%左右;居民消費價格漲幅控制在3.5%左右;…。).
Its targets are read like any other and marked ``headline``.

A headline target's indicator is the subject before its quantity in its own
semicolon clause, after the colon, without the verb that gives the direction
(地區生產總值增長8%左右 → 地區生產總值); the measure keeps the lead-in before the
colon (主要預期目標是:地區生產總值增長8%左右), so it reads alone.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..lexicon import number_lexicon, result_lexicon
from ..spans import Span
from .classify import skip_adverbs
from .quantities import Quantity
from .segment import SentenceSegment

_GAP = 2
"""At most this many characters (是, 為) between the marker and the colon."""
_PUNCTUATION = "、,;: \u3000"


def headline_region(folded: str, sentences: Sequence[SentenceSegment]) -> Span | None:
    """From just after the colon to the end of the list's last sentence, or None when the paragraph is not the list."""
    for position, sentence in enumerate(sentences):
        words = folded[sentence.span.start : sentence.span.end]
        for marker in result_lexicon().headline_markers:
            found = words.find(marker)
            if found == -1:
                continue
            after = found + len(marker)
            colon = words.find(":", after, after + _GAP + 1)
            if colon == -1:
                continue
            last = position
            while last + 1 < len(sentences) and folded[sentences[last].span.end : sentences[last].span.end + 1] == ";":
                last += 1
            return Span(sentence.span.start + colon + 1, sentences[last].span.end)
    return None


def headline_clauses(clauses: Sequence[Span], region: Span) -> tuple[Span, ...]:
    """A sentence's clauses with the lead-in before the colon cut off the clause that holds it."""
    cut = []
    for clause in clauses:
        if clause.end <= region.start:
            continue
        cut.append(Span(max(clause.start, region.start), clause.end))
    return tuple(cut)


def headline_indicator(text: str, folded: str, clause: Span, quantity: Quantity) -> str | None:
    """The subject before the quantity in its clause, without a direction verb; None when there is none."""
    start = skip_adverbs(folded, clause)
    end = quantity.expression.start
    verbs = number_lexicon().direction_verbs
    verb = next((word for word in verbs if folded.endswith(word, start, end)), None)
    if verb is not None:
        end -= len(verb)
    subject = Span(start, max(start, end)).strip(folded, _PUNCTUATION) if end > start else None
    return subject.slice(text) if subject is not None and len(subject) else None

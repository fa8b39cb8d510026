"""Stage 2, segment: chapters from headings, paragraphs (lines), sentences and clauses.

Everything is found on the folded text (full-width brackets and commas look
like ASCII ones there) and returned as spans into the exact source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..numerals import parse_chinese_numeral
from ..spans import Span

HEADING = re.compile(r"\s*\((?P<numeral>[一二三四五六七八九十]{1,3})\)\s*(?P<title>\S.*?)\s*$")
"""A chapter heading: (三)title, with ASCII or full-width brackets (folded to ASCII)."""

SENTENCE_ENDS = frozenset("。;!?")
"""Sentence ends after folding: 。 and full-width or ASCII ；！？."""

CLAUSE_BREAK = ","
"""Clause break after folding (full-width ， or ASCII ,)."""

_OPENERS = {"“": "”", "「": "」", "『": "』", "《": "》", "(": ")", '"': '"'}


class SegmentError(Exception):
    """The text has no structure we can use (no chapter heading); the message is one line."""


@dataclass(frozen=True)
class SentenceSegment:
    span: Span
    clauses: tuple[Span, ...]


@dataclass(frozen=True)
class ParagraphSegment:
    ordinal: int
    span: Span
    sentences: tuple[SentenceSegment, ...]


@dataclass(frozen=True)
class ChapterSegment:
    ordinal: int
    numeral: Span
    heading: Span
    title: Span
    paragraphs: tuple[ParagraphSegment, ...] = field(default=())


@dataclass(frozen=True)
class Segmentation:
    chapters: tuple[ChapterSegment, ...]
    preamble: tuple[Span, ...]
    """Non-empty lines before the first heading (not part of any chapter)."""


def lines(text: str) -> list[Span]:
    """Non-blank lines, without line breaks or surrounding whitespace."""
    found: list[Span] = []
    start = 0
    for match in re.finditer(r"\r\n|\n|\r", text + "\n"):
        line = Span(start, min(match.start(), len(text))).strip(text)
        if len(line):
            found.append(line)
        start = match.end()
    return found


def _split(folded: str, span: Span, is_break: object) -> list[Span]:
    """Split a span at break positions that are outside quotes and brackets."""
    pieces: list[Span] = []
    start = span.start
    closers: list[str] = []
    for index in range(span.start, span.end):
        char = folded[index]
        if closers and char == closers[-1]:
            closers.pop()
        elif char in _OPENERS and not (char == '"' and closers and closers[-1] == '"'):
            closers.append(_OPENERS[char])
        elif not closers and is_break(folded, index):  # type: ignore[operator]
            pieces.append(Span(start, index))
            start = index + 1
    pieces.append(Span(start, span.end))
    return pieces


def _sentence_end(folded: str, index: int) -> bool:
    return folded[index] in SENTENCE_ENDS


def _clause_break(folded: str, index: int) -> bool:
    if folded[index] != CLAUSE_BREAK:
        return False
    # 1,000: a comma between a digit and exactly three digits is a thousands separator.
    after = folded[index + 1 : index + 5]
    return not (index > 0 and folded[index - 1].isdigit() and re.match(r"\d{3}(?!\d)", after))


def sentences(text: str, folded: str, span: Span) -> list[Span]:
    """Sentences of a paragraph, without their final punctuation."""
    return [piece.strip(text) for piece in _split(folded, span, _sentence_end) if len(piece.strip(text))]


def clauses(text: str, folded: str, span: Span) -> list[Span]:
    """Clauses of a sentence (split at commas outside quotes and brackets)."""
    return [piece.strip(text) for piece in _split(folded, span, _clause_break) if len(piece.strip(text))]


def segment(text: str, folded: str) -> Segmentation:
    """Chapters with their paragraphs, sentences and clauses."""
    chapters: list[ChapterSegment] = []
    preamble: list[Span] = []
    current: dict[str, object] | None = None
    paragraphs: list[ParagraphSegment] = []

    def close() -> None:
        if current is not None:
            chapters.append(ChapterSegment(paragraphs=tuple(paragraphs), **current))  # type: ignore[arg-type]

    for line in lines(text):
        match = HEADING.fullmatch(folded, line.start, line.end)
        if match:
            ordinal = parse_chinese_numeral(match["numeral"])
            if ordinal is not None:
                close()
                paragraphs = []
                current = {
                    "ordinal": ordinal,
                    "numeral": Span(match.start("numeral"), match.end("numeral")),
                    "heading": line,
                    "title": Span(match.start("title"), match.end("title")),
                }
                continue
        if current is None:
            preamble.append(line)
            continue
        sentence_segments = tuple(SentenceSegment(s, tuple(clauses(text, folded, s))) for s in sentences(text, folded, line))
        paragraphs.append(ParagraphSegment(len(paragraphs) + 1, line, sentence_segments))
    close()
    if not chapters:
        raise SegmentError("no chapter heading such as (一) or （一） was found")
    ordinals = [chapter.ordinal for chapter in chapters]
    if len(set(ordinals)) != len(ordinals):
        duplicate = next(o for o in ordinals if ordinals.count(o) > 1)
        raise SegmentError(f"chapter number {duplicate} appears twice")
    return Segmentation(tuple(chapters), tuple(preamble))

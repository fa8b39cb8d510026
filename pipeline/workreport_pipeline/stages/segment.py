"""Stage 2, segment: chapters from headings, paragraphs (lines), sentences and clauses.

Everything is found on the folded text (full-width brackets and commas look
like ASCII ones there) and returned as spans into the exact source.

Headings are whole lines:

- a **part**: a Chinese numeral and 、 or a full stop (``一、``, ``一.``,
  ``一．``), or ``第一部分``, then a title of at most ``PART_TITLE_MAX``
  characters with no sentence end in it (``一、坚持稳中求进。`` is a list item,
  ``一,`` is not a heading, and 一、 inside a line is never one);
- a **section**: a numeral in ASCII or full-width brackets (``(三)``, ``（三）``),
  under the part before it, if any; numbering restarts in each part. When
  the title ends with a sentence end and text follows on the same line
  (``（一）着力扩大国内需求。把恢复和扩大消费摆在优先位置。``), the title stops
  there and the rest of the line is the section's first paragraph.

Lines before the first heading are the preamble. A part number, or a section
number within one part (or before any part), may appear only once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from workreport_schema import ChapterLevel

from ..numerals import parse_chinese_numeral
from ..spans import Span

_NUMERAL = r"(?P<numeral>[一二三四五六七八九十]{1,3})"

HEADING = re.compile(r"\s*\(" + _NUMERAL + r"\)\s*(?P<title>\S.*?)\s*$")
"""A section heading: (三)title, with ASCII or full-width brackets (folded to ASCII)."""

PART_HEADINGS = (
    re.compile(r"\s*" + _NUMERAL + r"\s*[、.]\s*(?P<title>\S.*?)\s*$"),
    re.compile(r"\s*第" + _NUMERAL + r"部分\s*[、.:]?\s*(?P<title>\S.*?)\s*$"),
)
"""Part headings: 一、title, 一.title, 一．title (folded to .), 第一部分 title."""

PART_TITLE_MAX = 40
"""A part heading's title is short: a longer line opening with 一、 is a list item."""

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
    """A paragraph; its sentences and clauses are found each time they are asked for.

    Why: kept for a whole report, every clause's span took several times the
    source's size in memory; a paragraph's are needed only while it is read.
    """

    ordinal: int
    span: Span
    text: str = field(repr=False, compare=False)
    folded: str = field(repr=False, compare=False)

    @property
    def sentences(self) -> tuple[SentenceSegment, ...]:
        """Sentences with their clauses (computed on every access: keep the result while you need it)."""
        return tuple(SentenceSegment(s, tuple(clauses(self.text, self.folded, s))) for s in sentences(self.text, self.folded, self.span))


@dataclass(frozen=True)
class Heading:
    level: ChapterLevel
    ordinal: int
    numeral: Span
    heading: Span
    title: Span
    rest: Span | None = None
    """Text after a section's title on the same line ((一)着力扩大内需。把…): its first paragraph."""


@dataclass(frozen=True)
class ChapterSegment:
    ordinal: int
    numeral: Span
    heading: Span
    title: Span
    paragraphs: tuple[ParagraphSegment, ...] = field(default=())
    level: ChapterLevel = ChapterLevel.SECTION
    part: int | None = None
    """For a section under a part: the part's ordinal."""


@dataclass(frozen=True)
class Segmentation:
    chapters: tuple[ChapterSegment, ...]
    """Parts and sections in source order."""
    preamble: tuple[Span, ...]
    """Non-empty lines before the first heading (not part of any chapter)."""

    @property
    def preamble_span(self) -> Span | None:
        """From the preamble's first character to its last, or None when the text opens with a heading."""
        return Span(self.preamble[0].start, self.preamble[-1].end) if self.preamble else None

    @property
    def has_parts(self) -> bool:
        return any(chapter.level is ChapterLevel.PART for chapter in self.chapters)


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
    """。;!? always; a full stop written ``.`` (or ``．``, which folds to it) when no letter or digit is before
    it: texts in ASCII punctuation end sentences with it (增長7.5%.), while 7.5, PM2.5 and the numbering 1. keep it."""
    char = folded[index]
    if char in SENTENCE_ENDS:
        return True
    return char == "." and index > 0 and not (folded[index - 1].isascii() and folded[index - 1].isalnum())


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


def _heading_of(match: re.Match[str], level: ChapterLevel, line: Span) -> Heading | None:
    ordinal = parse_chinese_numeral(match["numeral"])
    if ordinal is None:
        return None
    return Heading(level, ordinal, Span(match.start("numeral"), match.end("numeral")), line, Span(match.start("title"), match.end("title")))


def heading(folded: str, line: Span) -> Heading | None:
    """The heading a whole line is, if it is one (see the module docstring)."""
    match = HEADING.fullmatch(folded, line.start, line.end)
    if match:
        found = _heading_of(match, ChapterLevel.SECTION, line)
        title = Span(match.start("title"), match.end("title"))
        end = next((index for index in range(title.start, title.end) if folded[index] in SENTENCE_ENDS), None)
        if found is None or end is None or end == title.start:
            return found
        rest = Span(end + 1, line.end).strip(folded)
        return replace(found, heading=Span(line.start, end + 1), title=Span(title.start, end), rest=rest if len(rest) else None)
    for pattern in PART_HEADINGS:
        match = pattern.fullmatch(folded, line.start, line.end)
        if match:
            words = match["title"]
            if len(words) > PART_TITLE_MAX or any(char in SENTENCE_ENDS for char in words):
                return None
            return _heading_of(match, ChapterLevel.PART, line)
    return None


def _paragraph(text: str, folded: str, ordinal: int, span: Span) -> ParagraphSegment:
    return ParagraphSegment(ordinal, span, text, folded)


def segment(text: str, folded: str) -> Segmentation:
    """Parts and sections with their paragraphs, sentences and clauses, and the preamble before them."""
    chapters: list[ChapterSegment] = []
    preamble: list[Span] = []
    current: Heading | None = None
    current_part: int | None = None
    paragraphs: list[ParagraphSegment] = []
    parts_seen: set[int] = set()
    sections_seen: set[tuple[int | None, int]] = set()
    """Sections by (part or None, number): numbering restarts in each part."""

    def close() -> None:
        if current is not None:
            part = current_part if current.level is ChapterLevel.SECTION else None
            chapters.append(
                ChapterSegment(current.ordinal, current.numeral, current.heading, current.title, tuple(paragraphs), current.level, part)
            )

    for line in lines(text):
        found = heading(folded, line)
        if found is not None:
            close()
            paragraphs = []
            current = found
            if found.level is ChapterLevel.PART:
                if found.ordinal in parts_seen:
                    raise SegmentError(f"part number {found.ordinal} appears twice")
                parts_seen.add(found.ordinal)
                current_part = found.ordinal
            else:
                if (current_part, found.ordinal) in sections_seen:
                    where = "" if current_part is None else f" in part {current_part}"
                    raise SegmentError(f"chapter number {found.ordinal} appears twice{where}")
                sections_seen.add((current_part, found.ordinal))
            if found.rest is not None:
                paragraphs.append(_paragraph(text, folded, 1, found.rest))
            continue
        if current is None:
            preamble.append(line)
            continue
        paragraphs.append(_paragraph(text, folded, len(paragraphs) + 1, line))
    close()
    if not chapters:
        raise SegmentError("no chapter heading such as 一、, 第一部分, (一) or （一） was found")
    return Segmentation(tuple(chapters), tuple(preamble))

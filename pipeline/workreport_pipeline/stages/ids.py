"""Stage 8, ids: deterministic, URL-safe, hierarchical, unique across documents.

``{document}.c{chapter:02}.p{paragraph:02}.m{measure:02}.t{target}``, for
example ``shanghai-2012.c03.p02.m04.t1``. Chapter numbers are those of the
source (三 = 3), so ids stay stable when other chapters are added.

In a whole report a part is ``{document}.pt{part:02}`` and a section under it
``{document}.pt{part:02}.c{section:02}``, so (一) under two parts never
collides; a section with no part keeps ``{document}.c{section:02}`` (an excerpt
without parts has exactly the ids it always had).

A result is ``{paragraph}.r{n}``: the n-th figure reported as achieved in its
paragraph, from 1, in source order (``example-2013.pt01.c01.p01.r2``). Results
hang off the paragraph, not a measure: a review holds no measures.
"""

from __future__ import annotations

from workreport_schema import ChapterLevel


def part_id(document_id: str, ordinal: int) -> str:
    return f"{document_id}.pt{ordinal:02d}"


def chapter_id(document_id: str, ordinal: int, level: ChapterLevel = ChapterLevel.SECTION, part: int | None = None) -> str:
    """A part's id, or a section's: under its part when it has one."""
    if level is ChapterLevel.PART:
        return part_id(document_id, ordinal)
    parent = document_id if part is None else part_id(document_id, part)
    return f"{parent}.c{ordinal:02d}"


def paragraph_id(chapter: str, ordinal: int) -> str:
    return f"{chapter}.p{ordinal:02d}"


def measure_id(paragraph: str, ordinal: int) -> str:
    return f"{paragraph}.m{ordinal:02d}"


def target_id(measure: str, ordinal: int) -> str:
    return f"{measure}.t{ordinal}"


def result_id(paragraph: str, ordinal: int) -> str:
    return f"{paragraph}.r{ordinal}"

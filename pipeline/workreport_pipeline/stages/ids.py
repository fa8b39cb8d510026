"""Stage 8, ids: deterministic, URL-safe, hierarchical, unique across documents.

``{document}.c{chapter:02}.p{paragraph:02}.m{measure:02}.t{target}``, for
example ``shanghai-2012.c03.p02.m05.t1``. Chapter numbers are those of the
source (三 = 3), so ids stay stable when other chapters are added.
"""

from __future__ import annotations


def chapter_id(document_id: str, ordinal: int) -> str:
    return f"{document_id}.c{ordinal:02d}"


def paragraph_id(chapter: str, ordinal: int) -> str:
    return f"{chapter}.p{ordinal:02d}"


def measure_id(paragraph: str, ordinal: int) -> str:
    return f"{paragraph}.m{ordinal:02d}"


def target_id(measure: str, ordinal: int) -> str:
    return f"{measure}.t{ordinal}"

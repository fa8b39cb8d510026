"""Stage 2b, roles: what a part of a whole report is for, as its heading says.

A part's title is matched against the words of ``lexicon/structure.toml``:
``review`` (過去一年, 工作回顧), ``tasks`` (主要任務, 今年工作), ``self_building``
(政府自身建設, 建設人民滿意的政府). A title with words of exactly one role gets
that role; one with none, or with words of several (2012年工作回顧和2013年主要任務),
is ``other``: the pipeline never guesses between them.

A section has no role of its own; its part's role decides whether measures are
read from it. A review of last year holds results, not commitments: its
clauses are listed in the quality report (reason ``review``), never made into
measures or targets.
"""

from __future__ import annotations

from collections.abc import Iterable

from workreport_schema import ChapterLevel, ChapterRole

from ..lexicon import role_words
from .segment import ChapterSegment


def part_role(folded_title: str) -> ChapterRole:
    """The role a part's (folded) title states."""
    found = {role for role, words in role_words().items() if any(word in folded_title for word in words)}
    if len(found) == 1:
        return ChapterRole(found.pop())
    return ChapterRole.OTHER


def part_roles(folded: str, chapters: Iterable[ChapterSegment]) -> dict[int, ChapterRole]:
    """The role of each part, by its number."""
    return {chapter.ordinal: part_role(chapter.title.slice(folded)) for chapter in chapters if chapter.level is ChapterLevel.PART}


def chapter_role(chapter: ChapterSegment, roles: dict[int, ChapterRole]) -> ChapterRole | None:
    """A part's own role, a section's part's role, or None for a section with no part."""
    if chapter.level is ChapterLevel.PART:
        return roles[chapter.ordinal]
    return None if chapter.part is None else roles[chapter.part]


def holds_commitments(chapter: ChapterSegment, roles: dict[int, ChapterRole]) -> bool:
    """Whether measures are read from a chapter: not in a review of last year, whose figures are results."""
    return chapter_role(chapter, roles) is not ChapterRole.REVIEW

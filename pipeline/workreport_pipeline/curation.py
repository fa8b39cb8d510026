"""Reviewed, hand-written facts the text does not state (``curation/*.toml``).

Everything here is marked curated in the output: English chapter labels,
document-specific bodies, body assignments with a one-line rationale, and the
lexicon of policy areas (``policy_areas.toml``: the words that signal an area
in a measure's own text, and the bodies the area implies).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workreport_schema import BodyClassification, BodyRole

from .document_info import check_id


class CurationError(Exception):
    """A curation file is unusable or out of date; the message is one line."""


@dataclass(frozen=True)
class CuratedBody:
    id: str
    zh_hant: str
    en: str
    classification: BodyClassification
    parent: str | None = None
    other_names: tuple[str, ...] = ()


@dataclass(frozen=True)
class AssignmentRule:
    """Assign ``body`` to the measures of one paragraph (or those whose text contains ``contains``).

    ``chapter`` is a top-level chapter's number (a part, or a section with no
    part); with ``part``, the number of a section under that part.
    """

    chapter: int
    paragraph: int
    body: str
    role: BodyRole
    rationale: str
    contains: str | None = None
    source: str = ""
    part: int | None = None


@dataclass(frozen=True)
class PolicyArea:
    """A policy area of the reviewed lexicon: words that signal it in a measure, and the bodies it implies.

    ``words`` are matched in the measure's own text (folded, so either script
    may be written); an occurrence inside one of the longer phrases in
    ``unless`` does not count. ``lead`` bodies lead the measure, ``participant``
    bodies take part; ``note`` says in one line why the area implies them.
    """

    id: str
    en: str
    words: tuple[str, ...]
    lead: tuple[str, ...]
    note: str
    participant: tuple[str, ...] = ()
    unless: tuple[str, ...] = ()
    source: str = ""


ChapterKey = tuple[int | None, int]
"""How curation names a chapter: (part, section) for a section under a part, else (None, ordinal)."""


@dataclass(frozen=True)
class Curation:
    chapter_titles_en: dict[ChapterKey, str] = field(default_factory=dict)
    bodies: tuple[CuratedBody, ...] = ()
    assignments: tuple[AssignmentRule, ...] = ()
    policy_areas: tuple[PolicyArea, ...] = ()


def _read(path: Path) -> dict[str, Any]:  # tomllib's own type: each entry is checked as it is read
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise CurationError(f"{path}: cannot read: {error}") from None
    except tomllib.TOMLDecodeError as error:
        raise CurationError(f"{path}: not valid TOML: {error}") from None
    if data.get("curated") is not True:
        raise CurationError(f"{path}: curation files must say curated = true")
    return data


def _part(entry: dict[str, Any]) -> int | None:  # an entry of _read's
    return None if entry.get("part") is None else int(entry["part"])


def load_curation(folder: Path | None) -> Curation:
    """Read chapters.toml, bodies.toml, assignments.toml and policy_areas.toml from a folder (each optional).

    Chapters are named by ``ordinal`` (chapters.toml) or ``chapter``
    (assignments.toml), plus ``part`` for a section under a part.
    """
    if folder is None:
        return Curation()
    if not folder.is_dir():
        raise CurationError(f"{folder}: no such folder")
    titles: dict[ChapterKey, str] = {}
    bodies: list[CuratedBody] = []
    rules: list[AssignmentRule] = []
    areas: list[PolicyArea] = []
    try:
        if (path := folder / "chapters.toml").exists():
            for entry in _read(path).get("chapter", []):
                titles[_part(entry), int(entry["ordinal"])] = str(entry["en"])
        if (path := folder / "bodies.toml").exists():
            for entry in _read(path).get("body", []):
                bodies.append(
                    CuratedBody(
                        id=check_id(entry["id"], "body id"),
                        zh_hant=entry["zh-Hant"],
                        en=entry["en"],
                        classification=BodyClassification(entry["classification"]),
                        parent=entry.get("parent"),
                        other_names=tuple(entry.get("other_names", [])),
                    )
                )
        if (path := folder / "assignments.toml").exists():
            for number, entry in enumerate(_read(path).get("assignment", []), start=1):
                rules.append(
                    AssignmentRule(
                        chapter=int(entry["chapter"]),
                        paragraph=int(entry["paragraph"]),
                        body=entry["body"],
                        role=BodyRole(entry.get("role", "lead")),
                        rationale=str(entry["rationale"]).strip(),
                        contains=entry.get("contains"),
                        source=f"{path.name} assignment #{number}",
                        part=_part(entry),
                    )
                )
        if (path := folder / "policy_areas.toml").exists():
            for number, entry in enumerate(_read(path).get("area", []), start=1):
                areas.append(
                    PolicyArea(
                        id=check_id(entry["id"], "policy area id"),
                        en=str(entry["en"]).strip(),
                        words=tuple(str(word) for word in entry["words"]),
                        lead=tuple(str(body) for body in entry["lead"]),
                        note=str(entry["note"]).strip(),
                        participant=tuple(str(body) for body in entry.get("participant", [])),
                        unless=tuple(str(phrase) for phrase in entry.get("unless", [])),
                        source=f"{path.name} area #{number} ({entry['id']})",
                    )
                )
    except KeyError as error:
        raise CurationError(f"{folder}: an entry is missing key {error.args[0]!r}") from None
    except ValueError as error:
        raise CurationError(f"{folder}: {error}") from None
    for rule in rules:
        if not rule.rationale:
            raise CurationError(f"{rule.source}: the rationale is empty")
    for area in areas:
        if not area.words or not all(word.strip() for word in area.words):
            raise CurationError(f"{area.source}: an area needs words, none of them empty")
        if not area.lead:
            raise CurationError(f"{area.source}: an area needs at least one lead body")
        if not area.note or not area.en:
            raise CurationError(f"{area.source}: the note and the English name must not be empty")
        if set(area.lead) & set(area.participant):
            raise CurationError(f"{area.source}: a body is both lead and participant")
    if len({area.id for area in areas}) != len(areas):
        raise CurationError("policy_areas.toml: two areas share an id")
    return Curation(titles, tuple(bodies), tuple(rules), tuple(areas))

"""A body's measures grouped by role, then basis, in codelist order: the basis says why the body is on a measure
(named in the text, assigned by a reviewer with a rationale, or the issuer for want of better), and the page keeps
them apart so no inference reads as if the text said it."""

from __future__ import annotations

from dataclasses import dataclass, field

from workreport_schema import MeasureJSON, load_codelist

from .text import label


def _codes(name: str) -> dict[str, str]:
    """A codelist's codes in its order, with their English titles."""
    return {row["Code"]: row["Title (en)"] for row in load_codelist(name).rows}


ROLES = _codes("body_role")
BASES = _codes("assignment_basis")


@dataclass
class Assigned:
    """A measure as this body's: the measure, and why the body is on it (the name's words, or the reviewer's rationale)."""

    measure: MeasureJSON
    text: str
    language: str
    quote: str | None = None
    rationale: str | None = None


@dataclass
class Group:
    """The measures of one role and basis."""

    role: str
    basis: str
    measures: list[Assigned] = field(default_factory=list)


def groups_of(body_id: str, measures: list[MeasureJSON], languages: dict[str, str]) -> list[Group]:
    """The body's measures grouped by role, then basis, in codelist order; measures in the order given."""
    found: dict[tuple[str, str], Group] = {}
    for measure in measures:
        language = languages.get(measure["document_id"], "zh-Hant")
        for assignment in measure.get("bodies", []):
            if assignment["body_id"] != body_id:
                continue
            key = (assignment["role"], assignment["basis"])
            group = found.setdefault(key, Group(*key))
            source = assignment.get("source")
            group.measures.append(
                Assigned(
                    measure=measure,
                    text=label(measure["text"], language),
                    language=language,
                    quote=source["quote"] if source else None,
                    rationale=assignment.get("rationale"),
                )
            )
    roles, bases = list(ROLES), list(BASES)

    def order(key: tuple[str, str]) -> tuple[int, str, int, str]:
        role, basis = key
        return (roles.index(role) if role in roles else len(roles), role, bases.index(basis) if basis in bases else len(bases), basis)

    return [found[key] for key in sorted(found, key=order)]

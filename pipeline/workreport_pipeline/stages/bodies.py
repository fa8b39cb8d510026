"""Stage 7, bodies: who answers for each measure, and on what basis.

1. **explicit**: a known organisation named in the measure's text (gazetteer
   or the document's curated bodies), with the span of its name; role
   ``partner`` after 與/同 with 合作 later in the measure, else ``participant``;
2. **curated**: assignments from ``curation/assignments.toml`` for the
   measure's paragraph (optionally only measures containing some words), with
   the reviewer's rationale; a rule that matches no measure is an error;
3. **issuer**: the report's issuer as lead when neither gave a lead.

Every measure therefore has at least one body, and no inference is presented
as if the text said it.
"""

from __future__ import annotations

from dataclasses import dataclass

from workreport_schema import AssignmentBasis, BodyClassification, BodyRole

from ..curation import AssignmentRule, Curation, CurationError
from ..document_info import IssuerInfo
from ..lexicon import gazetteer
from ..normalise import fold
from ..spans import Span


@dataclass(frozen=True)
class KnownBody:
    id: str
    zh_hant: str
    en: str | None
    classification: BodyClassification
    parent: str | None
    other_names: tuple[str, ...]


@dataclass(frozen=True)
class AssignmentDraft:
    body_id: str
    role: BodyRole
    basis: AssignmentBasis
    rationale: str | None = None
    span: Span | None = None


class BodyRegistry:
    """Bodies the pipeline can name: gazetteer, the document's curated bodies, and the issuer."""

    def __init__(self, bodies: list[KnownBody], issuer_id: str) -> None:
        self.bodies = {body.id: body for body in bodies}
        self.issuer_id = issuer_id
        # An empty name would match everywhere (and find("") never advances): only real names are searched for.
        names = [(fold(name), body.id) for body in bodies for name in (body.zh_hant, *body.other_names) if name.strip()]
        self.names = sorted(set(names), key=lambda item: (-len(item[0]), item[0]))

    @classmethod
    def build(cls, curation: Curation, issuer: IssuerInfo, document_id: str) -> BodyRegistry:
        bodies = [KnownBody(e.id, e.zh_hant, e.en, BodyClassification(e.classification), None, e.other_names) for e in gazetteer()]
        bodies += [KnownBody(b.id, b.zh_hant, b.en, b.classification, b.parent, b.other_names) for b in curation.bodies]
        known = {fold(name): body.id for body in bodies for name in (body.zh_hant, *body.other_names)}
        issuer_id = issuer.id or known.get(fold(issuer.name)) or f"issuer.{document_id}"
        if issuer_id not in {body.id for body in bodies}:
            bodies.append(KnownBody(issuer_id, issuer.name, issuer.en, BodyClassification(issuer.classification), None, ()))
        for body in bodies:
            if body.parent is not None and body.parent not in {b.id for b in bodies}:
                raise CurationError(f"body {body.id}: parent {body.parent} is not a known body")
        return cls(bodies, issuer_id)


def explicit_bodies(folded: str, measure: Span, registry: BodyRegistry) -> list[AssignmentDraft]:
    """Known bodies named in the measure's text, longest names first, without overlaps."""
    taken: list[Span] = []
    found: list[AssignmentDraft] = []
    for name, body_id in registry.names:
        start = folded.find(name, measure.start, measure.end)
        while start != -1:
            span = Span(start, start + len(name))
            if not any(span.overlaps(other) for other in taken):
                taken.append(span)
                partner = folded[max(measure.start, start - 1) : start] in ("与", "同") and "合作" in folded[span.end : measure.end]
                found.append(
                    AssignmentDraft(body_id, BodyRole.PARTNER if partner else BodyRole.PARTICIPANT, AssignmentBasis.EXPLICIT, span=span)
                )
            start = folded.find(name, span.end, measure.end)
    found.sort(key=lambda draft: draft.span.start if draft.span else 0)
    return found


def curated_bodies(
    rules: tuple[AssignmentRule, ...], chapter: int, paragraph: int, measure_folded: str
) -> list[tuple[AssignmentRule, AssignmentDraft]]:
    """Curated assignments for one measure; rules with ``contains`` win over paragraph-wide ones for the same role."""
    here = [rule for rule in rules if rule.chapter == chapter and rule.paragraph == paragraph]
    specific = [rule for rule in here if rule.contains is not None and fold(rule.contains) in measure_folded]
    roles = {rule.role for rule in specific}
    general = [rule for rule in here if rule.contains is None and rule.role not in roles]
    return [(rule, AssignmentDraft(rule.body, rule.role, AssignmentBasis.CURATED, rationale=rule.rationale)) for rule in specific + general]


def assign_bodies(curated: list[AssignmentDraft], explicit: list[AssignmentDraft], issuer_id: str) -> list[AssignmentDraft]:
    """Curated first, then explicit, then the issuer as lead when no lead is known; no body twice in one role."""
    result: list[AssignmentDraft] = []
    seen: set[tuple[str, BodyRole]] = set()
    for draft in [*curated, *explicit]:
        if (draft.body_id, draft.role) not in seen:
            seen.add((draft.body_id, draft.role))
            result.append(draft)
    if not any(draft.role is BodyRole.LEAD for draft in result):
        result.append(AssignmentDraft(issuer_id, BodyRole.LEAD, AssignmentBasis.ISSUER))
    return result

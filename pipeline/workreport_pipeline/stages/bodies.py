"""Stage 7, bodies: who answers for each measure, and on what basis.

1. **explicit**: a body named in the measure's text, with the span of its name:
   a known organisation (gazetteer or the document's curated bodies), or one
   recognised from the shape of its name (``body_names.py``: prefix, stem and
   organ suffix, 區商務委, 市發展改革委、財政局). The longest name wins where
   names overlap (a known one at equal length); a known name that opens with a
   jurisdiction prefix obeys the same boundary rule as a pattern (省區市政府 does
   not name 市政府). A body found by pattern and not curated is published with
   its name as written (see ``BodyRegistry.found``). Roles, for a name or a list
   of names joined by 、和及與:

   - ``lead``: followed by 牽頭/負責/主導 (由X牽頭, X負責), or the subject of its
     clause: at the start of a clause and followed by a modal word, a together
     word or 與/同 (X要…, X將…, X會同Y…, X與Y共同…);
   - ``partner``: right after 與/同 with 合作 later in the measure;
   - ``participant``: followed by 配合/協助/參與 (X配合), and anything else,
     notably 會同X, 協同X, 與X共同.
2. **curated**: reviewed rules of ``curation/assignments.toml`` for the
   measures of one paragraph whose text contains some words, with the
   reviewer's rationale (a measure whose owner only its sentence shows:
   簡化人群分類 after 完善城鎮職工基本醫保);
3. **policy_area**: when neither gave a lead, the reviewed lexicon of policy
   areas (``curation/policy_areas.toml``) read on the measure's own text.
   Areas are tried in file order and the first whose words occur leads: its
   ``lead`` bodies lead, its ``participant`` bodies take part, and the leads
   of any later area whose words also occur take part. The rationale names the
   area and quotes the words that matched, as the measure writes them;
4. **paragraph_default**: a reviewer's default for the paragraph
   (``assignments.toml`` rules without ``contains``), only when nothing above
   gave a lead; the rationale says it is the paragraph's default;
5. **issuer**: the report's issuer as lead when nothing gave a lead. A body
   named in the text keeps its ``explicit`` basis (the issuer named as a lead is
   explicit, never the fallback).

A curation rule that is never applied is an error (the curation is stale).
Every measure therefore has at least one body, and no inference is presented
as if the text said it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from workreport_schema import AssignmentBasis, BodyClassification, BodyRole, Language

from ..curation import AssignmentRule, Curation, CurationError, PolicyArea
from ..document_info import IssuerInfo
from ..lexicon import BodyPatternLexicon, body_patterns, gazetteer, match_prefix
from ..normalise import fold
from ..spans import Span
from .body_names import NameMatch, find_names, is_han, name_can_start, opens_with_jurisdiction, place_prefix


@dataclass(frozen=True)
class KnownBody:
    id: str
    name: str
    en: str | None
    classification: BodyClassification
    parent: str | None
    other_names: tuple[str, ...]
    language: Language = Language.ZH_HANT
    """The script ``name`` is written in: zh-Hant for curated names, the document's for the issuer and found names."""
    found: bool = False
    """Recognised from the text by its shape and not curated: name extracted, classification derived from the suffix."""


@dataclass(frozen=True)
class AssignmentDraft:
    body_id: str
    role: BodyRole
    basis: AssignmentBasis
    rationale: str | None = None
    span: Span | None = None


def found_body_id(scope: str, folded_name: str) -> str:
    """Id of a body found by pattern: ``{scope}.named-{first 10 hex digits of SHA-256 of the folded name}``."""
    return f"{scope}.named-{hashlib.sha256(folded_name.encode('utf-8')).hexdigest()[:10]}"


class BodyRegistry:
    """Bodies the pipeline can name: gazetteer, the document's curated bodies, the issuer, and bodies found by pattern."""

    def __init__(
        self, bodies: list[KnownBody], issuer_id: str, place: str | None = None, language: Language = Language.ZH_HANT, scope: str = "doc"
    ) -> None:
        self.bodies = {body.id: body for body in bodies}
        self.issuer_id = issuer_id
        self.place = place
        self.language = language
        self.scope = scope
        # An empty name would match everywhere (and find("") never advances): only real names are searched for.
        names = [(fold(name), body.id) for body in bodies for name in (body.name, *body.other_names) if name.strip()]
        self.names = sorted(set(names), key=lambda item: (-len(item[0]), item[0]))
        self.by_name = dict(reversed(self.names))

    @classmethod
    def build(cls, curation: Curation, issuer: IssuerInfo, document_id: str, language: Language = Language.ZH_HANT) -> BodyRegistry:
        bodies = [KnownBody(e.id, e.zh_hant, e.en, BodyClassification(e.classification), None, e.other_names) for e in gazetteer()]
        bodies += [KnownBody(b.id, b.zh_hant, b.en, b.classification, b.parent, b.other_names) for b in curation.bodies]
        known = {fold(name): body.id for body in bodies for name in (body.name, *body.other_names)}
        issuer_id = issuer.id or known.get(fold(issuer.name)) or f"issuer.{document_id}"
        if issuer_id not in {body.id for body in bodies}:
            bodies.append(
                KnownBody(issuer_id, issuer.name, issuer.en, BodyClassification(issuer.classification), None, (), language=language)
            )
        for body in bodies:
            if body.parent is not None and body.parent not in {b.id for b in bodies}:
                raise CurationError(f"body {body.id}: parent {body.parent} is not a known body")
        scope = document_id if issuer_id.startswith("issuer.") else issuer_id.split(".")[0]
        return cls(bodies, issuer_id, place_prefix(issuer.name), language, scope)

    def found(self, match: NameMatch, text: str) -> str:
        """The id of a body found by pattern: a known body of the same name, else a new one named as written.

        A new body's id is ``{scope}.named-{hash}`` (``found_body_id``): ``cn``
        for national names (國家…), else the issuer's jurisdiction (the first
        part of its id, or the document id for an uncurated issuer); the hash is
        of the folded (Simplified, ASCII-width) name, shared prefix included, so
        the same name gives the same id in either script and in every build.
        """
        name = match.name(text)
        folded = fold(name)
        if folded in self.by_name:
            return self.by_name[folded]
        body_id = found_body_id("cn" if match.national else self.scope, folded)
        if body_id not in self.bodies:
            classification = BodyClassification(match.classification)
            if match.national and classification is BodyClassification.GOVERNMENT_DEPARTMENT:
                classification = BodyClassification.CENTRAL_AUTHORITY
            self.bodies[body_id] = KnownBody(body_id, name, None, classification, None, (), language=self.language, found=True)
        return body_id


@dataclass(frozen=True)
class _Candidate:
    span: Span
    body_id: str | None
    match: NameMatch | None = None


def _candidates(text: str, folded: str, measure: Span, registry: BodyRegistry) -> list[_Candidate]:
    """Known and pattern names in the measure; where they overlap the longest wins (a known name at equal length)."""
    candidates: list[_Candidate] = []
    for name, body_id in registry.names:
        start = folded.find(name, measure.start, measure.end)
        while start != -1:
            if not opens_with_jurisdiction(name, registry.place) or name_can_start(folded, start, measure.start):
                candidates.append(_Candidate(Span(start, start + len(name)), body_id))
            start = folded.find(name, start + 1, measure.end)
    candidates += [_Candidate(match.span, None, match) for match in find_names(folded, measure, registry.place)]
    candidates.sort(key=lambda c: (c.span.start - c.span.end, c.match is not None, c.span.start))
    taken: list[_Candidate] = []
    for candidate in candidates:
        if not any(candidate.span.overlaps(other.span) for other in taken):
            taken.append(candidate)
    taken.sort(key=lambda c: c.span.start)
    return taken


def _group_role(folded: str, start: int, end: int, measure: Span, lexicon: BodyPatternLexicon) -> BodyRole:
    """The role of a name, or of a list of names, from the words around it (module docstring)."""
    clause_start = start == measure.start or not is_han(folded[start - 1])
    if match_prefix(folded, end, measure.end, lexicon.lead_words):
        return BodyRole.LEAD
    if match_prefix(folded, end, measure.end, lexicon.participant_after):
        return BodyRole.PARTICIPANT
    subject = (*lexicon.subject_words, *lexicon.together_words, *lexicon.companions)
    if clause_start and match_prefix(folded, end, measure.end, tuple(sorted(subject, key=lambda w: (-len(w), w)))):
        return BodyRole.LEAD
    if any(folded.endswith(word, measure.start, start) for word in lexicon.participant_before):
        return BodyRole.PARTICIPANT
    if match_prefix(folded, max(measure.start, start - 1), start, lexicon.companions) and "合作" in folded[end : measure.end]:
        return BodyRole.PARTNER
    return BodyRole.PARTICIPANT


def _roles(folded: str, spans: list[Span], measure: Span) -> list[BodyRole]:
    """One role per name; names joined by list joiners (、和及與) share the role of their list."""
    lexicon = body_patterns()
    roles: list[BodyRole] = []
    first = 0
    while first < len(spans):
        last = first
        while last + 1 < len(spans) and folded[spans[last].end : spans[last + 1].start] in lexicon.joiners:
            last += 1
        role = _group_role(folded, spans[first].start, spans[last].end, measure, lexicon)
        roles += [role] * (last - first + 1)
        first = last + 1
    return roles


def explicit_bodies(text: str, folded: str, measure: Span, registry: BodyRegistry) -> list[AssignmentDraft]:
    """Bodies named in the measure's text, known or found by pattern, in text order, without overlaps."""
    candidates = _candidates(text, folded, measure, registry)
    roles = _roles(folded, [candidate.span for candidate in candidates], measure)
    found: list[AssignmentDraft] = []
    for candidate, role in zip(candidates, roles, strict=True):
        body_id = candidate.body_id if candidate.match is None else registry.found(candidate.match, text)
        assert body_id is not None
        found.append(AssignmentDraft(body_id, role, AssignmentBasis.EXPLICIT, span=candidate.span))
    return found


def curated_rules(
    rules: tuple[AssignmentRule, ...], chapter: int, paragraph: int, measure_folded: str
) -> tuple[list[AssignmentRule], list[AssignmentRule]]:
    """The rules of one measure's paragraph: those whose words the measure contains, and the paragraph-wide defaults."""
    here = [rule for rule in rules if rule.chapter == chapter and rule.paragraph == paragraph]
    specific = [rule for rule in here if rule.contains is not None and fold(rule.contains) in measure_folded]
    general = [rule for rule in here if rule.contains is None]
    return specific, general


def curated_drafts(rules: list[AssignmentRule]) -> list[AssignmentDraft]:
    """A reviewer's assignments for this measure (basis ``curated``)."""
    return [AssignmentDraft(rule.body, rule.role, AssignmentBasis.CURATED, rationale=rule.rationale) for rule in rules]


def paragraph_defaults(rules: list[AssignmentRule]) -> list[AssignmentDraft]:
    """A reviewer's defaults for the whole paragraph (basis ``paragraph_default``), the rationale saying so."""
    return [
        AssignmentDraft(
            rule.body,
            rule.role,
            AssignmentBasis.PARAGRAPH_DEFAULT,
            rationale=f"Paragraph default (the measure names no body and none of its words signals a policy area): {rule.rationale}",
        )
        for rule in rules
    ]


@dataclass(frozen=True)
class AreaMatch:
    """A policy area whose words occur in a measure, with the spans of those words (text order)."""

    area: PolicyArea
    spans: tuple[Span, ...]


def _occurrences(folded: str, word: str, measure: Span) -> list[Span]:
    found = []
    start = folded.find(word, measure.start, measure.end)
    while start != -1:
        found.append(Span(start, start + len(word)))
        start = folded.find(word, start + 1, measure.end)
    return found


def match_policy_areas(areas: tuple[PolicyArea, ...], folded: str, measure: Span) -> list[AreaMatch]:
    """The areas whose words occur in the measure's own text, in file order.

    An occurrence inside one of the area's ``unless`` phrases does not count;
    where two words of one area overlap the longer is quoted.
    """
    matches = []
    for area in areas:
        excluded = [span for phrase in area.unless for span in _occurrences(folded, fold(phrase), measure)]
        spans = [
            span
            for word in sorted({fold(word) for word in area.words}, key=lambda w: (-len(w), w))
            for span in _occurrences(folded, word, measure)
            if not any(other.start <= span.start and span.end <= other.end for other in excluded)
        ]
        kept: list[Span] = []
        for span in spans:
            if not any(span.overlaps(other) for other in kept):
                kept.append(span)
        if kept:
            matches.append(AreaMatch(area, tuple(sorted(kept, key=lambda span: span.start))))
    return matches


def _quote(text: str, spans: tuple[Span, ...]) -> str:
    words: list[str] = []
    for span in spans:
        if (quoted := span.slice(text)) not in words:
            words.append(quoted)
    return "、".join(f"「{word}」" for word in words)


def policy_area_bodies(matches: list[AreaMatch], text: str, registry: BodyRegistry) -> list[AssignmentDraft]:
    """Bodies implied by the matched areas: the first area's leads and participants, later areas' leads as participants."""

    def name(body_id: str) -> str:
        body = registry.bodies[body_id]
        return body.en or body.name

    drafts: list[AssignmentDraft] = []
    for number, match in enumerate(matches):
        says = f"Policy area \u201c{match.area.en}\u201d: the measure says {_quote(text, match.spans)}. {match.area.note}"
        if number == 0:
            drafts += [
                AssignmentDraft(body, BodyRole.LEAD, AssignmentBasis.POLICY_AREA, rationale=f"{says} Lead: {name(body)}.")
                for body in match.area.lead
            ]
            drafts += [
                AssignmentDraft(body, BodyRole.PARTICIPANT, AssignmentBasis.POLICY_AREA, rationale=f"{says} Taking part: {name(body)}.")
                for body in match.area.participant
            ]
        else:
            drafts += [
                AssignmentDraft(
                    body,
                    BodyRole.PARTICIPANT,
                    AssignmentBasis.POLICY_AREA,
                    rationale=f"{says} Taking part: {name(body)} (the measure's first area, {matches[0].area.en}, leads).",
                )
                for body in match.area.lead
            ]
    return drafts


def assign_bodies(
    explicit: list[AssignmentDraft],
    curated: list[AssignmentDraft],
    areas: list[AssignmentDraft],
    defaults: list[AssignmentDraft],
    issuer_id: str,
) -> list[AssignmentDraft]:
    """Explicit and curated first; then the policy areas, the paragraph's defaults and the issuer, each only when no lead is known yet.

    No body appears twice: a body keeps the first role and basis it gets (an
    explicit or curated body is not repeated by an area).
    """
    result: list[AssignmentDraft] = []
    seen: set[str] = set()

    def add(drafts: list[AssignmentDraft]) -> None:
        for draft in drafts:
            if draft.body_id not in seen:
                seen.add(draft.body_id)
                result.append(draft)

    add(curated)
    add(explicit)
    for fallback in (areas, defaults):
        if not any(draft.role is BodyRole.LEAD for draft in result):
            add(fallback)
    if not any(draft.role is BodyRole.LEAD for draft in result):
        result.append(AssignmentDraft(issuer_id, BodyRole.LEAD, AssignmentBasis.ISSUER))
    return result

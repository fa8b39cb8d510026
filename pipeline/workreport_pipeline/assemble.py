"""Run the stages in order and build a validated Dataset (stage 9 writes nothing on failure)."""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from decimal import Decimal
from itertools import pairwise
from typing import Required, TypedDict, cast

from workreport_schema import (
    AssignmentBasis,
    BodyAssignment,
    Chapter,
    ChapterLevel,
    ClauseType,
    Commitment,
    DatasetChecker,
    DatasetJSON,
    Document,
    FrameBasis,
    JSONObject,
    LanguageMap,
    Licence,
    Measure,
    MeasureClause,
    MeasureFrame,
    Paragraph,
    Period,
    PeriodBasis,
    Problem,
    Provenance,
    QuantityKind,
    Release,
    ReleaseJSON,
    ResponsibleBody,
    Result,
    SourceSpan,
    StatedOutcome,
    StatedQuantity,
    Target,
    TargetType,
    Unit,
    load_codelist,
    streaming_checker,
)

from .curation import ChapterKey, Curation, CurationError
from .document_info import DocumentInfo
from .labels import text_label
from .normalise import fold
from .source import sha256_hex
from .spans import Span
from .spool import RecordSpool
from .stages.bodies import (
    BodyRegistry,
    assign_bodies,
    curated_drafts,
    curated_rules,
    explicit_bodies,
    match_policy_areas,
    paragraph_defaults,
    policy_area_bodies,
)
from .stages.classify import MeasureGroup, clause_types, group_measures
from .stages.frames import FrameDraft, frames_of, sentence_lead
from .stages.headings import heading_clauses, join_heading, paragraph_heading
from .stages.headline import headline_clauses, headline_indicator, headline_region
from .stages.ids import chapter_id, measure_id, paragraph_id, part_id, result_id, target_id
from .stages.indicator_codes import IndicatorMatch, match_indicator
from .stages.indicators import complete_indicators
from .stages.periods import PeriodReading, read_period
from .stages.quantities import Quantity, TextIndex
from .stages.results import OutcomeReading, ResultDraft, clause_results, review_clauses
from .stages.roles import holds_commitments, part_roles
from .stages.segment import ChapterSegment, segment
from .stages.targets import TargetDraft, clause_targets, stated_by_figures, states_target


class ValidationFailed(Exception):
    """The extracted dataset broke the schema or its rules; nothing is written."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        first = problems[0]
        super().__init__(
            f"the extracted data is invalid ({len(problems)} problems; first: {first.path or '/'}: [{first.rule}] {first.message})"
        )


@dataclass
class _Extraction:
    """Where extracted records go: each is checked (JSON Schema and the rules) and spooled to disk as it is made.

    Why: held as dicts, a large source's records are most of extraction's memory;
    only ids and the shared units and bodies they refer to stay here.
    """

    spool: RecordSpool
    checker: DatasetChecker = field(default_factory=streaming_checker)
    unit_codes: set[str] = field(default_factory=set)
    body_ids: set[str] = field(default_factory=set)
    results_per_paragraph: Counter[str] = field(default_factory=Counter)

    def publish(self, collection: str, record: JSONObject) -> None:
        self.checker.add(collection, record)
        self.spool.append(collection, record)


def _number(value: Decimal) -> float:
    return float(value)


def _stated(quantity: Quantity, text: str) -> StatedQuantity:
    return StatedQuantity(
        text=quantity.expression.slice(text),
        value=_number(quantity.stated_value),
        value_max=None if quantity.stated_value_max is None else _number(quantity.stated_value_max),
        unit=quantity.unit_text.slice(text) if quantity.unit_text else None,
    )


def _result(
    draft: ResultDraft, ids: tuple[str, str, str], ordinal: int, text: str, folded: str, info: DocumentInfo, measure: str | None
) -> Result:
    """A result for the year before the report's (the review's year); ``measure`` is the one its sentence goes on to commit."""
    result, chapter, paragraph = ids
    indicator, provenance = text_label(draft.indicator, info.language, "indicator")
    code = match_indicator(folded, (draft.span,), _kind(draft.unit.code))
    quantity = draft.quantity
    year = info.year - 1
    return Result(
        id=result,
        document_id=info.id,
        chapter_id=chapter,
        paragraph_id=paragraph,
        measure_id=measure,
        ordinal=ordinal,
        indicator=indicator,
        **_coded(code, text),
        value=_number(quantity.value),
        value_max=None if quantity.value_max is None else _number(quantity.value_max),
        unit=draft.unit.code,
        stated=_stated(quantity, text),
        comparator=draft.comparator,
        estimate=draft.estimate,
        direction=quantity.direction,
        **_outcome(draft.outcome, text),
        period=Period(start=datetime.date(year, 1, 1), end=datetime.date(year, 12, 31)),
        period_basis=PeriodBasis.PREVIOUS_YEAR,
        source=draft.span.record(text),
        provenance=_with_outcome(_with_code(provenance, code), draft.outcome),
    )


def _kind(unit: str) -> QuantityKind:
    return QuantityKind(load_codelist("unit").row(unit)["Quantity kind"])


class _CodeFields(TypedDict, total=False):
    """The indicator code fields of a target or result, as model arguments: both or neither."""

    indicator_code: str
    indicator_code_source: SourceSpan


class _OutcomeFields(TypedDict, total=False):
    """A result's stated outcome fields, as model arguments: both or neither."""

    stated_outcome: StatedOutcome
    stated_outcome_source: SourceSpan


class _TargetFields(_CodeFields):
    """What a quantitative and a qualitative target share, as model arguments."""

    id: Required[str]
    document_id: Required[str]
    measure_id: Required[str]
    ordinal: Required[int]
    indicator: Required[LanguageMap]
    indicator_source: Required[list[SourceSpan] | None]
    commitment: Required[Commitment]
    period: Required[Period]
    period_basis: Required[PeriodBasis]
    period_source: Required[SourceSpan | None]
    headline: Required[bool | None]
    source: Required[SourceSpan]
    provenance: Required[dict[str, Provenance]]


def _coded(match: IndicatorMatch | None, text: str) -> _CodeFields:
    """The indicator code fields of a target or result (none when nothing matched)."""
    return {} if match is None else {"indicator_code": match.code, "indicator_code_source": match.span.record(text)}


def _marked(provenance: dict[str, Provenance], key: str, how: Provenance) -> dict[str, Provenance]:
    """The provenance map with one more field's entry, keys in order."""
    return dict(sorted((provenance | {key: how}).items()))


def _with_code(provenance: dict[str, Provenance], match: IndicatorMatch | None) -> dict[str, Provenance]:
    return provenance if match is None else _marked(provenance, "indicator_code", Provenance.DERIVED)


def _outcome(reading: OutcomeReading | None, text: str) -> _OutcomeFields:
    """A result's stated outcome fields (none when its sentence states no outcome)."""
    return {} if reading is None else {"stated_outcome": reading.outcome, "stated_outcome_source": reading.span.record(text)}


def _with_outcome(provenance: dict[str, Provenance], reading: OutcomeReading | None) -> dict[str, Provenance]:
    return provenance if reading is None else _marked(provenance, "stated_outcome", Provenance.EXTRACTED)


def _target(
    draft: TargetDraft,
    target: str,
    measure: str,
    ordinal: int,
    text: str,
    folded: str,
    info: DocumentInfo,
    period: PeriodReading,
    clause: Span,
    headline: bool = False,
) -> Target:
    indicator, provenance = text_label(draft.indicator, info.language, "indicator")
    kind = _kind(draft.unit.code) if draft.quantity is not None and draft.unit is not None else draft.kind
    # A target that shares the indicator before it (保障性住房1100萬平方米、17.08萬套) has no words of its own: its clause has them.
    code = match_indicator(folded, (*draft.pieces, *draft.borrowed, draft.span, *(() if draft.pieces else (clause,))), kind)
    common: _TargetFields = {
        "id": target,
        "document_id": info.id,
        "measure_id": measure,
        "ordinal": ordinal,
        "indicator": indicator,
        "indicator_source": [span.record(text) for span in draft.borrowed] or None,
        **_coded(code, text),
        "commitment": Commitment.ASPIRATIONAL if draft.aspirational else Commitment.FIRM,
        "period": Period(start=period.start, end=period.end),
        "period_basis": period.basis,
        "period_source": period.span.record(text) if period.span else None,
        "headline": True if headline else None,
        "source": draft.span.record(text),
        "provenance": _with_code(provenance, code),
    }
    if draft.quantity is not None and draft.unit is not None:
        quantity = draft.quantity
        stated = _stated(quantity, text)
        return Target(
            **common,
            type=TargetType.QUANTITATIVE,
            value=_number(quantity.value),
            value_max=None if quantity.value_max is None else _number(quantity.value_max),
            unit=draft.unit.code,
            stated=stated,
            comparator=quantity.comparator,
            direction=quantity.direction,
        )
    assert draft.qualitative is not None
    return Target(**common, type=TargetType.QUALITATIVE, direction=draft.qualitative.direction)


def _headline_draft(draft: TargetDraft, text: str, folded: str, clause: Span) -> TargetDraft:
    """A headline target's indicator: the subject before its quantity in its own clause (地區生產總值)."""
    if draft.quantity is None:
        return draft
    subject = headline_indicator(text, folded, clause, draft.quantity)
    return draft if subject is None else replace(draft, indicator=subject)


def _unit(code: str) -> Unit:
    row = load_codelist("unit").row(code)
    return Unit(
        id=code,
        names=LanguageMap.of(zh_hant=row["Title (zh-Hant)"], zh_hans=row["Title (zh-Hans)"], en=row["Title (en)"]),
        symbol=row["Symbol"] or None,
        ucum=row["UCUM"],
        quantity_kind=QuantityKind(row["Quantity kind"]),
        factor=float(row["Factor"]),
        provenance={"names/en": Provenance.CURATED, "names/zh-Hans": Provenance.CURATED, "names/zh-Hant": Provenance.CURATED},
    )


def unit_kind(code: str) -> QuantityKind:
    """What a unit of the codelist measures (area, count...)."""
    return QuantityKind(load_codelist("unit").row(code)["Quantity kind"])


def _bodies(registry: BodyRegistry, used: set[str]) -> list[ResponsibleBody]:
    wanted = set(used)
    for body_id in list(wanted):
        parent = registry.bodies[body_id].parent
        while parent is not None and parent not in wanted:
            wanted.add(parent)
            parent = registry.bodies[parent].parent
    bodies = []
    for body_id in sorted(wanted):
        known = registry.bodies[body_id]
        origin = Provenance.EXTRACTED if known.found else Provenance.CURATED
        names, provenance = text_label(known.name, known.language, "names", known.en, origin)
        if known.found:
            provenance = dict(sorted((provenance | {"classification": Provenance.DERIVED}).items()))
        bodies.append(
            ResponsibleBody(
                id=known.id,
                names=names,
                classification=known.classification,
                parent_id=known.parent,
                other_names=list(known.other_names),
                provenance=provenance,
            )
        )
    return bodies


def _curation_key(chapter: ChapterSegment) -> ChapterKey:
    return (chapter.part, chapter.ordinal)


def _describe(key: ChapterKey) -> str:
    part, ordinal = key
    return f"chapter {ordinal}" + ("" if part is None else f" of part {part}")


def extract(text: str, info: DocumentInfo, curation: Curation) -> DatasetJSON:
    """The dataset of one document as published JSON, validated; raises on any problem."""
    with extract_to_spool(text, info, curation) as spool:
        return spool.to_dataset()


def extract_to_spool(text: str, info: DocumentInfo, curation: Curation, folder: str | None = None) -> RecordSpool:
    """The dataset of one document, validated, its records on disk (close the spool when done); raises on any problem.

    Memory stays a small multiple of the source: records are checked and
    written as they are made, the content hash reads them back one by one.
    """
    spool = RecordSpool(folder)
    try:
        _extract_into(_Extraction(spool), text, info, curation)
    except BaseException:
        spool.close()
        raise
    return spool


def _extract_into(records: _Extraction, text: str, info: DocumentInfo, curation: Curation) -> None:
    folded = fold(text)
    segmentation = segment(text, folded)
    index = TextIndex.build(text, folded)
    registry = BodyRegistry.build(curation, info.issuer, info.id, info.language)
    found = {_curation_key(chapter) for chapter in segmentation.chapters}
    for key in curation.chapter_titles_en:
        if key not in found:
            raise CurationError(f"chapters.toml: {_describe(key)} is not in the text")
    roles = part_roles(folded, segmentation.chapters)
    for rule in curation.assignments:
        if rule.body not in registry.bodies:
            raise CurationError(f"{rule.source}: body {rule.body} is not in bodies.toml or the gazetteer")
    for area in curation.policy_areas:
        for area_body in (*area.lead, *area.participant):
            if area_body not in registry.bodies:
                raise CurationError(f"{area.source}: body {area_body} is not in bodies.toml or the gazetteer")
    used_rules: set[str] = set()
    records.body_ids.add(registry.issuer_id)
    records.publish("documents", _document(text, info, registry, segmentation.preamble_span).to_json_dict())

    for chapter in segmentation.chapters:
        chapter_key = chapter_id(info.id, chapter.ordinal, chapter.level, chapter.part)
        title, title_provenance = text_label(
            chapter.title.slice(text), info.language, "title", curation.chapter_titles_en.get(_curation_key(chapter))
        )
        rules = tuple(rule for rule in curation.assignments if rule.part == chapter.part)
        commitments = holds_commitments(chapter, roles)
        paragraph_keys = []
        for paragraph in chapter.paragraphs:
            paragraph_key = paragraph_id(chapter_key, paragraph.ordinal)
            paragraph_keys.append(paragraph_key)
            records.publish(
                "paragraphs",
                Paragraph(
                    id=paragraph_key,
                    document_id=info.id,
                    chapter_id=chapter_key,
                    ordinal=paragraph.ordinal,
                    source=paragraph.span.record(text),
                ).to_json_dict(),
            )
            paragraph_sentences = paragraph.sentences
            region = headline_region(folded, paragraph_sentences) if commitments else None
            heading_clause = (
                paragraph_heading(folded, paragraph_sentences, lambda c: states_target(index, c))
                if commitments and region is None
                else None
            )
            heading = heading_clauses(folded, paragraph_sentences, lambda c: states_target(index, c)) if heading_clause else 0
            if heading:
                paragraph_sentences = join_heading(paragraph_sentences)
            heading_frame: FrameDraft | None = None
            ordinal = 0
            for number_in_paragraph, sentence in enumerate(paragraph_sentences):
                headline = region is not None and region.overlaps(sentence.span)
                review = review_clauses(folded, commitments, region, sentence)
                parts = sentence.clauses[review:]
                if headline and region is not None:
                    parts = headline_clauses(parts, region)
                # A result that opens a sentence of commitments belongs to the sentence's first measure (its lead-in).
                framed = measure_id(paragraph_key, ordinal + 1) if parts else None
                for clause in sentence.clauses[:review]:
                    for draft in clause_results(index, sentence.span, clause):
                        records.results_per_paragraph[paragraph_key] += 1
                        number = records.results_per_paragraph[paragraph_key]
                        ids = (result_id(paragraph_key, number), chapter_key, paragraph_key)
                        records.publish("results", _result(draft, ids, number, text, folded, info, framed).to_json_dict())
                        records.unit_codes.add(draft.unit.code)
                if not parts:
                    continue
                groups = list(
                    group_measures(
                        folded,
                        parts,
                        lambda clause: states_target(index, clause),
                        heading if number_in_paragraph == 0 else 0,
                    )
                )
                by_group = [
                    [
                        (clause, _headline_draft(draft, text, folded, clause) if headline else draft)
                        for clause in group.clauses
                        for draft in clause_targets(index, clause)
                    ]
                    for group in groups
                ]
                # A shape target whose next clause states it as a figure (增加退休人員收入,…養老金增長15%) is that figure's lead-in.
                lead_ins = stated_by_figures(parts, [pair for pairs in by_group for pair in pairs])
                by_group = [
                    [(clause, draft) for clause, draft in pairs if not (draft.by_shape and clause in lead_ins)] for pairs in by_group
                ]
                # Indicators are completed across the sentence: a verb-only clause takes its object from a measure before it.
                completed = iter(complete_indicators(text, folded, [pair for pairs in by_group for pair in pairs]))
                lead = None if headline else sentence_lead(groups, ordinal + 1, lambda clause: states_target(index, clause))
                for position, (group, pairs) in enumerate(zip(groups, by_group, strict=True)):
                    ordinal += 1
                    frames = frames_of(position, lead, heading_frame)
                    if heading_clause is not None and group.span.start <= heading_clause.start < group.span.end:
                        heading_frame = FrameDraft(FrameBasis.PARAGRAPH_HEADING, heading_clause, ordinal)
                    measure_key = measure_id(paragraph_key, ordinal)
                    span: Span = group.span
                    if headline and group.clauses[0] == parts[0]:  # the lead-in before the colon stays in the measure
                        span = Span(sentence.clauses[0].start, span.end)
                    drafts = [(clause, next(completed)) for clause, _ in pairs]
                    targets = [
                        _target(
                            draft,
                            target_id(measure_key, number),
                            measure_key,
                            number,
                            text,
                            folded,
                            info,
                            read_period(folded, [clause, span], draft.span, info.period),
                            clause,
                            headline,
                        )
                        for number, (clause, draft) in enumerate(drafts, start=1)
                    ]
                    targets = link_equivalents(text, targets, unit_kind)
                    specific, general = curated_rules(rules, chapter.ordinal, paragraph.ordinal, folded[span.start : span.end])
                    areas = policy_area_bodies(match_policy_areas(curation.policy_areas, folded, span), text, registry)
                    assignments = assign_bodies(
                        explicit_bodies(text, folded, span, registry),
                        curated_drafts(specific),
                        areas,
                        paragraph_defaults(general),
                        registry.issuer_id,
                    )
                    used_rules.update(rule.source for rule in specific)
                    if any(a.basis is AssignmentBasis.PARAGRAPH_DEFAULT for a in assignments):
                        used_rules.update(rule.source for rule in general)
                    label, provenance = text_label(span.slice(text), info.language, "text")
                    clauses = _typed_clauses(text, folded, span, group, lambda clause: states_target(index, clause))
                    records.publish(
                        "measures",
                        Measure(
                            id=measure_key,
                            document_id=info.id,
                            chapter_id=chapter_key,
                            paragraph_id=paragraph_key,
                            ordinal=ordinal,
                            text=label,
                            bodies=[
                                BodyAssignment(
                                    body_id=a.body_id,
                                    role=a.role,
                                    basis=a.basis,
                                    rationale=a.rationale,
                                    source=a.span.record(text) if a.span else None,
                                )
                                for a in assignments
                            ],
                            target_ids=[target.id for target in targets],
                            source=span.record(text),
                            clauses=clauses,
                            frames=[
                                MeasureFrame(basis=f.basis, measure_id=measure_id(paragraph_key, f.measure), source=f.clause.record(text))
                                for f in frames
                            ]
                            or None,
                            provenance=provenance,
                        ).to_json_dict(),
                    )
                    for target in targets:
                        records.publish("targets", target.to_json_dict())
                    records.unit_codes.update(target.unit for target in targets if target.unit)
                    records.body_ids.update(a.body_id for a in assignments)
        records.publish(
            "chapters",
            Chapter(
                id=chapter_key,
                document_id=info.id,
                ordinal=chapter.ordinal,
                numeral=chapter.numeral.slice(text),
                title=title,
                level=chapter.level,
                parent_id=None if chapter.part is None else part_id(info.id, chapter.part),
                role=roles.get(chapter.ordinal) if chapter.level is ChapterLevel.PART else None,
                paragraph_ids=paragraph_keys,
                source=chapter.heading.record(text),
                provenance=title_provenance,
            ).to_json_dict(),
        )
    stale = [rule for rule in curation.assignments if rule.source not in used_rules]
    if stale:
        rule = stale[0]
        where = f"{_describe((rule.part, rule.chapter))} paragraph {rule.paragraph}" + (
            f" containing {rule.contains!r}" if rule.contains else ""
        )
        raise CurationError(f"{rule.source} matches no measure ({where}); update the curation file")

    for code in sorted(records.unit_codes):
        records.publish("units", _unit(code).to_json_dict())
    for body in _bodies(registry, records.body_ids):
        records.publish("bodies", body.to_json_dict())
    release = Release(
        version=info.release_version,
        content_hash="sha256:" + "0" * 64,
        generated_at=info.generated_at(),
        licence=Licence.model_validate(info.data_licence),
    )
    records.spool.release = cast("ReleaseJSON", release.to_json_dict())  # the model's JSON: its published shape
    records.spool.seal()
    problems = records.checker.finish()
    if problems:
        raise ValidationFailed(problems)


def _document(text: str, info: DocumentInfo, registry: BodyRegistry, preamble: Span | None) -> Document:
    document_title, document_provenance = text_label(info.title, info.language, "title", info.title_en, Provenance.CURATED)
    note = None
    if info.note:
        note, note_provenance = text_label(info.note, info.language, "note", info.note_en, Provenance.CURATED)
        document_provenance = dict(sorted((document_provenance | note_provenance).items()))
    return Document(
        id=info.id,
        title=document_title,
        year=info.year,
        period=Period(start=info.period[0], end=info.period[1]),
        issuer=registry.issuer_id,
        language=info.language,
        source_sha256=sha256_hex(text),
        licence=Licence.model_validate(info.source_licence),
        preamble=None if preamble is None else preamble.record(text),
        note=note,
        text=text,
        provenance=document_provenance,
    )


_LEAD_IN_PUNCTUATION = ":,;、 \u3000：，；"


def _typed_clauses(text: str, folded: str, span: Span, group: MeasureGroup, states_target: Callable[[Span], bool]) -> list[MeasureClause]:
    """The measure's clauses with their types; words of the measure before its first clause (a headline list's
    lead-in, 主要預期目標是:) are a lead-in of their own."""
    typed = [
        MeasureClause(type=kind, source=clause.record(text))
        for clause, kind in zip(group.clauses, clause_types(folded, group, states_target), strict=True)
    ]
    before = Span(span.start, group.clauses[0].start).strip(text, _LEAD_IN_PUNCTUATION)
    if len(before):
        typed.insert(0, MeasureClause(type=ClauseType.LEAD_IN, source=before.record(text)))
    return typed


_LIST_JOINERS = frozenset("、,，和及與与或 ")


def link_equivalents(text: str, targets: list[Target], kind_of: Callable[[str], QuantityKind | None]) -> list[Target]:
    """Quantities that state one thing in two units, side by side (1100萬平方米、17.08萬套(間)): linked both ways.

    Two quantitative targets of one measure are the same thing when they share the indicator, their units measure
    different kinds (area and count), and only a list joiner stands between them. Two figures of the same kind
    (新建學校20所、幼兒園30所) are two commitments, and are not linked.
    """
    links: dict[str, list[str]] = {}
    for first, second in pairwise(targets):
        if first.unit is None or second.unit is None or first.indicator != second.indicator:
            continue
        if kind_of(first.unit) == kind_of(second.unit):
            continue
        if not set(text[first.source.end : second.source.start]) <= _LIST_JOINERS:
            continue
        links.setdefault(first.id, []).append(second.id)
        links.setdefault(second.id, []).append(first.id)
    return [target.model_copy(update={"equivalent_target_ids": links[target.id]}) if target.id in links else target for target in targets]

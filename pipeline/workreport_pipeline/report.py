"""The quality report a reviewer reads: what was extracted per chapter, every number that was not, every clause in no measure,
and every action clause with no target (so a reader can judge the recall of the target rules).

It reads only a dataset (with its document text), re-reads the text with the
same stages and compares it with the published targets and measures. Every
clause of the text is either in a measure or listed here with the reason it is
context (``CLAUSE_REASONS``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import cast

from workreport_schema import DatasetJSON, Provenance

from .normalise import fold
from .spans import Span
from .stages.classify import ClauseKind, classify_clause
from .stages.headline import headline_region
from .stages.ids import chapter_id
from .stages.quantities import SKIP_REASONS, TextIndex, read_clause
from .stages.results import review_clauses
from .stages.roles import holds_commitments, part_roles
from .stages.segment import clauses, segment, sentences
from .stages.targets import clause_targets, stated_by_figures

CLAUSE_REASONS: dict[str, str] = {
    "copula": "a context statement (住房問題是重大民生問題): it frames the measures around it and commits to nothing itself",
    "context": "context with no measure after it in its sentence, or describing the statement before it",
    "continuation": "a purpose or result clause (使…, 讓…) with no measure before it in its sentence",
    "framing": "a framing lead-in (按照…, 圍繞…) with no measure after it in its sentence",
    "review": "in a review of last year, or a sentence reporting last year's figures (去年…, 比上年增長…): results, not commitments",
    "preamble": "in the preamble before the first heading (各位代表…): address and procedure, not commitments",
}
"""Why a clause is in no measure: its kind, or where it is."""

BASES = ("explicit", "curated", "policy_area", "paragraph_default", "issuer")
"""The assignment bases in the order the pipeline tries them (the issuer last), as the report's columns."""

QUALITATIVE_SHAPES: dict[str, str] = {
    "marker": "an end marker (穩中有降, 基本穩定, 全覆蓋, 應保盡保)",
    "raise": "raise a standard, a level of money, a share or a coverage (提高最低工資標準, 擴大覆蓋面, 收入增長)",
    "lower": "lower a charge, a price or a cost (降低資費水平, 下調通行費起價)",
    "reach": "reach a standard (水質達到國家標準, 達標)",
    "abolish": "abolish, stop or cut a charge or a practice (取消通行費, 停止收費)",
    "complete": "complete, basically complete or open a named project (建成, 基本完成, 竣工, 開通)",
    "establish": "establish an institution (建立…制度, 成立…中心)",
    "leading": "become one of the best or the first in a field (成為…最…之一, 走在全國前列)",
    "breakthrough": "make a reform or a pilot achieve a breakthrough (取得新突破, 取得實質性進展)",
}
"""How a qualitative target was read (``marker`` or a shape of lexicon/qualitative.toml)."""

_NOTES = {"lead-in": "has a shape, but the figure after it in its sentence states it: that figure is its target"}


@dataclass(frozen=True)
class ChapterCounts:
    chapter_id: str
    numeral: str
    level: str
    paragraphs: int
    measures: int
    quantitative: int
    qualitative: int
    results: int
    bodies: dict[str, int]


@dataclass(frozen=True)
class SkippedNumber:
    document_id: str
    chapter_id: str
    start: int
    end: int
    number: str
    context: str
    reason: str


@dataclass(frozen=True)
class FoundBody:
    """A body named in the text and recognised by the shape of its name, not yet curated."""

    body_id: str
    zh_hant: str
    zh_hans: str
    classification: str
    measures: int
    first_offset: int | None


@dataclass(frozen=True)
class ContextClause:
    """A clause in no measure, with the reason (a key of ``CLAUSE_REASONS``); chapter_id is empty in the preamble."""

    document_id: str
    chapter_id: str
    start: int
    end: int
    text: str
    reason: str


@dataclass(frozen=True)
class UntargetedClause:
    """An action clause in a measure that states no target: what the target rules did not read."""

    document_id: str
    chapter_id: str
    measure_id: str
    start: int
    end: int
    text: str
    note: str = ""
    """``lead-in`` when its shape target is stated by the figure after it (增加退休人員收入,…增長15%)."""


@dataclass
class QualityReport:
    chapters: list[ChapterCounts] = field(default_factory=list)
    skipped: list[SkippedNumber] = field(default_factory=list)
    numbers_as_targets: int = 0
    numbers_as_results: int = 0
    found_bodies: list[FoundBody] = field(default_factory=list)
    context_clauses: list[ContextClause] = field(default_factory=list)
    indicator_codes: dict[str, int] = field(default_factory=dict)
    """Targets and results per indicator code of the codelist."""
    uncoded: list[tuple[str, str]] = field(default_factory=list)
    """Targets and results whose indicator matched no codelist entry: (id, indicator as written)."""
    clause_types: dict[str, int] = field(default_factory=dict)
    """Clauses of measures by type (codelist clause_type)."""
    shortest_measures: list[tuple[str, str]] = field(default_factory=list)
    """The shortest measures (id, text as written): where fragments show first."""
    frames: dict[str, list[str]] = field(default_factory=dict)
    """The words each framed measure is read under, nearest first, by measure id (measure.frames)."""
    frame_bases: dict[str, int] = field(default_factory=dict)
    """Measures by the bases of their frames, nearest first (``none`` for a measure with no frame)."""
    without_action: list[tuple[str, str]] = field(default_factory=list)
    """Measures none of whose clauses is an action (id, text as written)."""
    lead_bases: dict[str, int] = field(default_factory=dict)
    """Measures per basis of their lead: the rule that found who leads (a measure with two leads counts once, by the first)."""
    assignments: dict[str, dict[str, int]] = field(default_factory=dict)
    """Body assignments per basis, then per role."""
    qualitative_shapes: dict[str, int] = field(default_factory=dict)
    """Qualitative targets per way they were read (a key of ``QUALITATIVE_SHAPES``)."""
    untargeted: list[UntargetedClause] = field(default_factory=list)
    """Action clauses in measures with no target."""

    def as_dict(self) -> dict[str, object]:
        return {
            "chapters": [vars(chapter) for chapter in self.chapters],
            "numbers_as_targets": self.numbers_as_targets,
            "numbers_as_results": self.numbers_as_results,
            "skipped_numbers": [vars(item) for item in self.skipped],
            "reasons": SKIP_REASONS,
            "found_bodies": [vars(body) for body in self.found_bodies],
            "context_clauses": [vars(item) for item in self.context_clauses],
            "clause_reasons": CLAUSE_REASONS,
            "indicator_codes": self.indicator_codes,
            "uncoded_indicators": [{"id": record_id, "indicator": indicator} for record_id, indicator in self.uncoded],
            "clause_types": self.clause_types,
            "shortest_measures": [
                {"id": record_id, "text": words, "frames": self.frames.get(record_id, [])} for record_id, words in self.shortest_measures
            ],
            "frame_bases": self.frame_bases,
            "measures_without_action": [{"id": record_id, "text": words} for record_id, words in self.without_action],
            "lead_bases": self.lead_bases,
            "assignments": self.assignments,
            "qualitative_shapes": self.qualitative_shapes,
            "qualitative_shape_descriptions": QUALITATIVE_SHAPES,
            "action_clauses_without_target": [vars(item) for item in self.untargeted],
        }


def _counts(dataset: DatasetJSON) -> list[ChapterCounts]:
    result = []
    for chapter in dataset["chapters"]:
        measures = [m for m in dataset["measures"] if m["chapter_id"] == chapter["id"]]
        ids = {m["id"] for m in measures}
        targets = [t for t in dataset["targets"] if t["measure_id"] in ids]
        bases = Counter(a["basis"] for m in measures for a in m["bodies"])
        result.append(
            ChapterCounts(
                chapter_id=chapter["id"],
                numeral=chapter["numeral"],
                level=chapter.get("level", "section"),
                paragraphs=len(chapter["paragraph_ids"]),
                measures=len(measures),
                quantitative=sum(t["type"] == "quantitative" for t in targets),
                qualitative=sum(t["type"] == "qualitative" for t in targets),
                results=sum(r["chapter_id"] == chapter["id"] for r in dataset.get("results", [])),
                bodies={basis: bases.get(basis, 0) for basis in (*BASES, *sorted(set(bases) - set(BASES)))},
            )
        )
    return result


def _indicator_codes(dataset: DatasetJSON) -> tuple[dict[str, int], list[tuple[str, str]]]:
    """How many targets and results each indicator code has, and those with none (a curator may extend the codelist)."""
    language = {document["id"]: document["language"] for document in dataset["documents"]}
    counts: Counter[str] = Counter()
    uncoded = []
    for record in [*dataset["targets"], *dataset.get("results", [])]:
        if "indicator_code" in record:
            counts[record["indicator_code"]] += 1
        else:
            names = cast("Mapping[str, str]", record["indicator"])  # read by a tag known only at run time
            uncoded.append((record["id"], names.get(language[record["document_id"]]) or next(iter(names.values()))))
    return dict(sorted(counts.items())), uncoded


def _found_bodies(dataset: DatasetJSON) -> list[FoundBody]:
    """Bodies whose name was extracted from the text rather than curated: a curator should add them."""
    result = []
    for body in dataset["bodies"]:
        if Provenance.EXTRACTED not in (body["provenance"].get("names/zh-Hant"), body["provenance"].get("names/zh-Hans")):
            continue
        spans = [a["source"]["start"] for m in dataset["measures"] for a in m["bodies"] if a["body_id"] == body["id"] and "source" in a]
        measures = sum(any(a["body_id"] == body["id"] for a in m["bodies"]) for m in dataset["measures"])
        result.append(
            FoundBody(
                body["id"], body["names"]["zh-Hant"], body["names"]["zh-Hans"], body["classification"], measures, min(spans, default=None)
            )
        )
    return result


SHORTEST_LISTED = 15
"""How many of the shortest measures the report lists."""


def _cell(words: str) -> str:
    """Words in a Markdown table cell (a | would end the cell)."""
    return words.replace("|", chr(92) + "|")


def _measure_quality(dataset: DatasetJSON, report: QualityReport) -> None:
    """Clause types, the shortest measures and the measures with no action: what a reviewer of measures reads first."""
    types: dict[str, int] = {}
    written: list[tuple[str, str]] = []
    for measure in dataset["measures"]:
        words = measure["source"]["quote"]
        written.append((measure["id"], words))
        clauses_of = measure.get("clauses") or []
        for clause in clauses_of:
            types[clause["type"]] = types.get(clause["type"], 0) + 1
        if clauses_of and not any(clause["type"] == "action" for clause in clauses_of):
            report.without_action.append((measure["id"], words))
        frames = measure.get("frames") or []
        if frames:
            report.frames[measure["id"]] = [frame["source"]["quote"] for frame in frames]
        bases = " + ".join(frame["basis"] for frame in frames) or "none"
        report.frame_bases[bases] = report.frame_bases.get(bases, 0) + 1
    report.frame_bases = dict(sorted(report.frame_bases.items(), key=lambda item: (-item[1], item[0])))
    report.clause_types = dict(sorted(types.items(), key=lambda item: (-item[1], item[0])))
    report.shortest_measures = sorted(written, key=lambda item: (len(item[1]), item[0]))[:SHORTEST_LISTED]


def _assignments(dataset: DatasetJSON) -> tuple[dict[str, int], dict[str, dict[str, int]]]:
    """Measures per basis of their (first) lead, and assignments per basis and role."""
    leads: Counter[str] = Counter()
    roles: dict[str, Counter[str]] = {}
    for measure in dataset["measures"]:
        lead = next((a["basis"] for a in measure["bodies"] if a["role"] == "lead"), "none")
        leads[lead] += 1
        for assignment in measure["bodies"]:
            roles.setdefault(assignment["basis"], Counter())[assignment["role"]] += 1
    order = [*BASES, *sorted((set(leads) | set(roles)) - set(BASES))]
    return (
        {basis: leads[basis] for basis in order if leads[basis]},
        {basis: {role: roles[basis][role] for role in ("lead", "partner", "participant")} for basis in order if basis in roles},
    )


def _lead_ins(index: TextIndex, sentence: Sequence[Span]) -> set[Span]:
    """Clauses of a sentence whose shape target the figure after them states (they have none of their own)."""
    return stated_by_figures(sentence, [(clause, draft) for clause in sentence for draft in clause_targets(index, clause)])


def _shape(index: TextIndex, clause: Span) -> str:
    """How the qualitative target of a clause (its source) was read: ``marker`` or the shape's code."""
    for draft in clause_targets(index, clause):
        if draft.qualitative is not None:
            return draft.qualitative.shape
    return "unread"


def quality_report(dataset: DatasetJSON) -> QualityReport:
    """Counts per chapter, the numbers that did not become targets (with reasons), and uncurated bodies."""
    codes, uncoded = _indicator_codes(dataset)
    lead_bases, assignments = _assignments(dataset)
    report = QualityReport(
        chapters=_counts(dataset),
        found_bodies=_found_bodies(dataset),
        indicator_codes=codes,
        uncoded=uncoded,
        lead_bases=lead_bases,
        assignments=assignments,
    )
    _measure_quality(dataset, report)
    for document in dataset["documents"]:
        text = document.get("text")
        if text is None:
            continue
        folded = fold(text)
        index = TextIndex.build(text, folded)
        measures = [
            (Span(m["source"]["start"], m["source"]["end"]), m["id"]) for m in dataset["measures"] if m["document_id"] == document["id"]
        ]
        measure_spans = [span for span, _ in measures]
        # A stance lead-in or a purpose opens with an action verb but is typed otherwise in its measure: not an action to target.
        typed_otherwise = {
            (c["source"]["start"], c["source"]["end"])
            for m in dataset["measures"]
            if m["document_id"] == document["id"]
            for c in m.get("clauses") or []
            if c["type"] in ("lead_in", "purpose")
        }
        every_target = [Span(t["source"]["start"], t["source"]["end"]) for t in dataset["targets"] if t["document_id"] == document["id"]]
        for target in dataset["targets"]:
            if target["document_id"] == document["id"] and target["type"] == "qualitative":
                shape = _shape(index, Span(target["source"]["start"], target["source"]["end"]))
                report.qualitative_shapes[shape] = report.qualitative_shapes.get(shape, 0) + 1
        target_spans = [
            Span(t["source"]["start"], t["source"]["end"])
            for t in dataset["targets"]
            if t["document_id"] == document["id"] and "stated" in t
        ]
        result_spans = [
            Span(r["source"]["start"], r["source"]["end"]) for r in dataset.get("results", []) if r["document_id"] == document["id"]
        ]
        segmentation = segment(text, folded)
        roles = part_roles(folded, segmentation.chapters)
        for line in segmentation.preamble:
            for piece in sentences(text, folded, line):
                for clause in clauses(text, folded, piece):
                    report.context_clauses.append(
                        ContextClause(document["id"], "", clause.start, clause.end, clause.slice(text), "preamble")
                    )
        for chapter in segmentation.chapters:
            key = chapter_id(document["id"], chapter.ordinal, chapter.level, chapter.part)
            commitments = holds_commitments(chapter, roles)
            for paragraph in chapter.paragraphs:
                paragraph_sentences = paragraph.sentences
                region = headline_region(folded, paragraph_sentences) if commitments else None
                for sentence in paragraph_sentences:
                    review = sentence.clauses[: review_clauses(folded, commitments, region, sentence)]
                    lead_ins = _lead_ins(index, sentence.clauses)
                    for clause in sentence.clauses:
                        quantities, skipped = read_clause(index, clause)
                        in_measure = any(span.contains(clause) for span in measure_spans)
                        targeted = any(target.overlaps(clause) for target in every_target)
                        if (
                            in_measure
                            and not targeted
                            and classify_clause(folded, clause) is ClauseKind.ACTION
                            and (clause.start, clause.end) not in typed_otherwise
                        ):
                            measure = next(measure_id for span, measure_id in measures if span.contains(clause))
                            note = "lead-in" if clause in lead_ins else ""
                            untargeted = UntargetedClause(document["id"], key, measure, clause.start, clause.end, clause.slice(text), note)
                            report.untargeted.append(untargeted)
                        if not in_measure:
                            why = "review" if clause in review else classify_clause(folded, clause).value
                            report.context_clauses.append(
                                ContextClause(document["id"], key, clause.start, clause.end, clause.slice(text), why)
                            )
                        found = [(q.mention.span, None) for q in quantities] + [(m.span, m.skip) for m in skipped]
                        for span, reason in sorted(found, key=lambda item: item[0].start):
                            if reason is None and any(target.contains(span) for target in target_spans):
                                report.numbers_as_targets += 1
                                continue
                            if reason is None and any(result.contains(span) for result in result_spans):
                                report.numbers_as_results += 1
                                continue
                            if reason is None:
                                reason = "not-a-commitment" if not in_measure else "no-unit"
                            report.skipped.append(
                                SkippedNumber(
                                    document_id=document["id"],
                                    chapter_id=key,
                                    start=span.start,
                                    end=span.end,
                                    number=span.slice(text),
                                    context=text[max(clause.start, span.start - 6) : min(clause.end, span.end + 6)],
                                    reason=reason,
                                )
                            )
    return report


def render_markdown(report: QualityReport) -> str:
    """The report as Markdown tables (the README links the seed's)."""
    bases = list(report.chapters[0].bodies) if report.chapters else list(BASES)
    lines = [
        "| chapter | paragraphs | measures | quantitative targets | qualitative targets | results | bodies: " + " | ".join(bases) + " |",
        "|---|---:|---:|---:|---:|---:|" + "---:|" * len(bases),
    ]
    for c in report.chapters:
        cells = [
            c.paragraphs,
            c.measures,
            c.quantitative,
            c.qualitative,
            c.results,
            *(c.bodies.get(basis, 0) for basis in bases),
        ]
        label = f"{c.numeral}、" if c.level == "part" else f"({c.numeral})"
        lines.append(f"| {label} `{c.chapter_id}` | " + " | ".join(str(cell) for cell in cells) + " |")
    total = (
        sum(c.paragraphs for c in report.chapters),
        sum(c.measures for c in report.chapters),
        sum(c.quantitative for c in report.chapters),
        sum(c.qualitative for c in report.chapters),
        sum(c.results for c in report.chapters),
        *(sum(c.bodies.get(basis, 0) for c in report.chapters) for basis in bases),
    )
    lines.append("| **total** | " + " | ".join(str(n) for n in total) + " |")
    lines += [
        "",
        f"Numbers that became targets: {report.numbers_as_targets}. Numbers that became results: {report.numbers_as_results}. "
        f"Numbers that did neither ({len(report.skipped)}):",
        "",
        "| chapter | offset | number | context | reason |",
        "|---|---:|---|---|---|",
    ]
    for s in report.skipped:
        lines.append(f"| `{s.chapter_id}` | {s.start} | {s.number} | …{s.context}… | `{s.reason}`: {SKIP_REASONS[s.reason]} |")
    measures = sum(report.lead_bases.values())
    lines += [
        "",
        "Responsible bodies: who leads each measure, by the rule that found the lead (tried in this order: a body "
        "named in the text, a reviewer's rule for the measure, the policy-area lexicon on the measure's own words, "
        "the paragraph's default, the issuer).",
        "",
        "| basis of the lead | measures | share |",
        "|---|---:|---:|",
        *(f"| `{basis}` | {count} | {count / measures:.1%} |" for basis, count in report.lead_bases.items()),
        "",
        "| basis | lead | partner | participant |",
        "|---|---:|---:|---:|",
        *(f"| `{basis}` | {roles['lead']} | {roles['partner']} | {roles['participant']} |" for basis, roles in report.assignments.items()),
    ]
    lines += [
        "",
        f"Bodies named in the text, recognised by the shape of their names and not curated ({len(report.found_bodies)}); "
        "a curator adds each to the document's curation/bodies.toml (or the gazetteer) with its English name:",
    ]
    if report.found_bodies:
        lines += [
            "",
            "| body | zh-Hant | zh-Hans | classification (from the suffix) | measures | first named at |",
            "|---|---|---|---|---:|---:|",
        ]
    for b in report.found_bodies:
        lines.append(f"| `{b.body_id}` | {b.zh_hant} | {b.zh_hans} | `{b.classification}` | {b.measures} | {b.first_offset} |")
    lines += [
        "",
        f"Clauses in no measure ({len(report.context_clauses)}): every other clause of the text is in a measure.",
        "",
        "| chapter | offset | clause | reason |",
        "|---|---:|---|---|",
    ]
    for clause in report.context_clauses:
        where = f"`{clause.chapter_id}`" if clause.chapter_id else "preamble"
        quoted = clause.text.replace("|", "\\|")
        lines.append(f"| {where} | {clause.start} | {quoted} | `{clause.reason}` |")
    used = sorted({clause.reason for clause in report.context_clauses})
    if used:
        lines += ["", "Reasons:", ""]
        lines += [f"- `{reason}`: {CLAUSE_REASONS.get(reason, 'not expected: a clause the pipeline failed to read')}" for reason in used]
    lines += [
        "",
        f"Qualitative targets by how they were read ({sum(report.qualitative_shapes.values())}):",
        "",
        "| read as | qualitative targets | shape |",
        "|---|---:|---|",
        *(
            f"| `{shape}` | {report.qualitative_shapes.get(shape, 0)} | {description} |"
            for shape, description in QUALITATIVE_SHAPES.items()
        ),
        *(f"| `{shape}` | {n} | not expected |" for shape, n in report.qualitative_shapes.items() if shape not in QUALITATIVE_SHAPES),
        "",
        f"Action clauses with no target ({len(report.untargeted)}): each opens with an action verb, is in a measure "
        "(not as its stance lead-in or purpose) and states "
        "no quantity and no qualitative target; a reader judges from them what the target rules miss.",
        "",
        "| measure | offset | clause | note |",
        "|---|---:|---|---|",
        *(
            f"| `{item.measure_id}` | {item.start} | {item.text.replace('|', chr(92) + '|')} | {_NOTES.get(item.note, '')} |"
            for item in report.untargeted
        ),
    ]
    coded = sum(report.indicator_codes.values())
    lines += [
        "",
        f"Indicator codes (codelist `indicator`): {coded} targets and results coded, {len(report.uncoded)} not.",
        "",
        "| indicator code | targets and results |",
        "|---|---:|",
        *(f"| `{code}` | {count} |" for code, count in report.indicator_codes.items()),
        "",
        f"Indicators no codelist entry matches ({len(report.uncoded)}): a curator may add an entry or words to one.",
        "",
        "| record | indicator |",
        "|---|---|",
        *(f"| `{record_id}` | {indicator.replace('|', chr(92) + '|')} |" for record_id, indicator in report.uncoded),
    ]
    lines += [
        "",
        "Measure quality: each measure's clauses are typed (codelist `clause_type`); a measure with no action clause, "
        "or a very short one, is where a reviewer looks first.",
        "",
        "| clause type | clauses |",
        "|---|---:|",
        *(f"| `{kind}` | {count} |" for kind, count in report.clause_types.items()),
        "",
        "Frames (`measure.frames`): a list item is read under its sentence's first action (`sentence_lead`) and under "
        "its paragraph's heading (`paragraph_heading`), nearest first.",
        "",
        "| frames | measures |",
        "|---|---:|",
        *(f"| `{bases}` | {count} |" for bases, count in report.frame_bases.items()),
        "",
        f"The {len(report.shortest_measures)} shortest measures, with the words they are read under:",
        "",
        "| measure | text | read under |",
        "|---|---|---|",
        *(
            f"| `{record_id}` | {_cell(words)} | {' ‹ '.join(_cell(frame) for frame in report.frames.get(record_id, []))} |"
            for record_id, words in report.shortest_measures
        ),
        "",
        f"Measures with no action clause ({len(report.without_action)}):",
        "",
        "| measure | text |",
        "|---|---|",
        *(f"| `{record_id}` | {words.replace('|', chr(92) + '|')} |" for record_id, words in report.without_action),
    ]
    return "\n".join(lines) + "\n"

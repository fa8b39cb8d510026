"""Flat columns of each collection: the CSV exports and the Frictionless Data Package describe the same thing."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from workreport_schema import JSONObject, JSONValue


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    """Frictionless field type: string, integer, number, date."""
    description: str
    get: Callable[[JSONObject], object]
    """The cell of a record (None: empty)."""
    unit_column: str | None = None
    """For numbers: the column that holds their unit."""


def _path(*keys: str) -> Callable[[JSONObject], JSONValue]:
    def get(record: JSONObject) -> JSONValue:
        value: JSONValue = record
        for key in keys:
            if not isinstance(value, dict) or key not in value:
                return None
            value = value[key]
        return value

    return get


def _joined(*keys: str) -> Callable[[JSONObject], str]:
    inner = _path(*keys)

    def get(record: JSONObject) -> str:
        items = inner(record)
        return ";".join(str(item) for item in items) if isinstance(items, list) else ""

    return get


def _flag(*keys: str) -> Callable[[JSONObject], str | None]:
    """A boolean as Frictionless writes it (true, false); missing stays empty."""
    inner = _path(*keys)

    def get(record: JSONObject) -> str | None:
        value = inner(record)
        return None if value is None else ("true" if value else "false")

    return get


def _quantity() -> list[Column]:
    """The quantity of a target or a result: normalised, as stated, and its comparator."""
    return [
        Column("value", "number", "Normalised value", _path("value"), unit_column="unit"),
        Column("value_max", "number", "Normalised upper end of a range", _path("value_max"), unit_column="unit"),
        Column("unit", "string", "Unit id (see units)", _path("unit")),
        Column("stated.text", "string", "The quantity as written", _path("stated", "text")),
        Column("stated.value", "number", "The number as written", _path("stated", "value"), unit_column="stated.unit"),
        Column("stated.unit", "string", "The unit as written", _path("stated", "unit")),
        Column("comparator", "string", "eq, gte, lte, approx or range", _path("comparator")),
    ]


def _bodies(role: str | None = None, attribute: str = "body_id") -> Callable[[JSONObject], str]:
    def get(record: JSONObject) -> str:
        bodies = record["bodies"]
        assert isinstance(bodies, list), "a record's bodies are a list"
        return ";".join(str(a[attribute]) for a in bodies if isinstance(a, dict) and (role is None or a["role"] == role))

    return get


def _labels(prefix: str, what: str, languages: Iterable[str] = ("zh-Hant", "zh-Hans", "en")) -> list[Column]:
    return [Column(f"{prefix}.{tag}", "string", f"{what} ({tag})", _path(prefix, tag)) for tag in languages]


def _span(include_quote: bool = True) -> list[Column]:
    columns = [
        Column("source.start", "integer", "Start offset in the document text (code points)", _path("source", "start")),
        Column("source.end", "integer", "End offset in the document text (code points, exclusive)", _path("source", "end")),
    ]
    if include_quote:
        columns.append(Column("source.quote", "string", "The source characters text[start:end]", _path("source", "quote")))
    return columns


COLUMNS: dict[str, list[Column]] = {
    "documents": [
        Column("id", "string", "Document id", _path("id")),
        *_labels("title", "Title"),
        Column("year", "integer", "Year of the commitments", _path("year")),
        Column("period.start", "date", "First day of the period", _path("period", "start")),
        Column("period.end", "date", "Last day of the period", _path("period", "end")),
        Column("issuer", "string", "Id of the issuing body", _path("issuer")),
        Column("language", "string", "Language of the source text", _path("language")),
        Column("source_sha256", "string", "SHA-256 of the source text", _path("source_sha256")),
        Column("licence.id", "string", "Licence of the source text", _path("licence", "id")),
        Column("preamble.start", "integer", "Start offset of the preamble, if any (code points)", _path("preamble", "start")),
        Column("preamble.end", "integer", "End offset of the preamble, if any (code points, exclusive)", _path("preamble", "end")),
    ],
    "chapters": [
        Column("id", "string", "Chapter id", _path("id")),
        Column("document_id", "string", "Document id", _path("document_id")),
        Column("ordinal", "integer", "Chapter number as in the source", _path("ordinal")),
        Column("numeral", "string", "Chapter numeral as written", _path("numeral")),
        *_labels("title", "Title"),
        Column("level", "string", "part or section (empty in data made before schema 1.1: a section)", _path("level")),
        Column("parent_id", "string", "Id of the part a section is under", _path("parent_id")),
        Column("role", "string", "A part's role: review, tasks, self_building or other", _path("role")),
        Column("paragraph_ids", "string", "Paragraph ids, separated by ;", _joined("paragraph_ids")),
        *_span(),
    ],
    "paragraphs": [
        Column("id", "string", "Paragraph id", _path("id")),
        Column("document_id", "string", "Document id", _path("document_id")),
        Column("chapter_id", "string", "Chapter id", _path("chapter_id")),
        Column("ordinal", "integer", "Position within the chapter", _path("ordinal")),
        *_span(),
    ],
    "measures": [
        Column("id", "string", "Measure id", _path("id")),
        Column("document_id", "string", "Document id", _path("document_id")),
        Column("chapter_id", "string", "Chapter id", _path("chapter_id")),
        Column("paragraph_id", "string", "Paragraph id", _path("paragraph_id")),
        Column("ordinal", "integer", "Position within the paragraph", _path("ordinal")),
        *_labels("text", "Text of the measure", ("zh-Hant", "zh-Hans")),
        Column("lead_body_ids", "string", "Lead bodies, separated by ;", _bodies("lead")),
        Column("body_ids", "string", "All bodies, separated by ;", _bodies()),
        Column("body_bases", "string", "Basis of each body in body_ids, separated by ;", _bodies(None, "basis")),
        Column("target_ids", "string", "Target ids, separated by ;", _joined("target_ids")),
        *_span(include_quote=False),
    ],
    "targets": [
        Column("id", "string", "Target id", _path("id")),
        Column("document_id", "string", "Document id", _path("document_id")),
        Column("measure_id", "string", "Measure id", _path("measure_id")),
        Column("ordinal", "integer", "Position within the measure", _path("ordinal")),
        Column("type", "string", "quantitative or qualitative", _path("type")),
        *_labels("indicator", "What is measured", ("zh-Hant", "zh-Hans")),
        Column("indicator_code", "string", "Code of the indicator codelist, when matched (see indicators)", _path("indicator_code")),
        *_quantity(),
        Column("commitment", "string", "firm or aspirational", _path("commitment")),
        Column("direction", "string", "increase, decrease, maintain or achieve", _path("direction")),
        Column("period.start", "date", "First day of the target period", _path("period", "start")),
        Column("period.end", "date", "Last day of the target period", _path("period", "end")),
        Column("period_basis", "string", "Where the period comes from (stated_year, plan_duration, report_year…)", _path("period_basis")),
        Column("headline", "boolean", "In the report's headline list of expected targets", _flag("headline")),
        *_span(),
    ],
    "results": [
        Column("id", "string", "Result id", _path("id")),
        Column("document_id", "string", "Document id", _path("document_id")),
        Column("chapter_id", "string", "Chapter id", _path("chapter_id")),
        Column("paragraph_id", "string", "Paragraph id", _path("paragraph_id")),
        Column("measure_id", "string", "Measure id, when the result is in one", _path("measure_id")),
        Column("ordinal", "integer", "Position within the paragraph", _path("ordinal")),
        *_labels("indicator", "What was measured", ("zh-Hant", "zh-Hans")),
        Column("indicator_code", "string", "Code of the indicator codelist, when matched (see indicators)", _path("indicator_code")),
        *_quantity(),
        Column("estimate", "boolean", "Given as an estimate (預計, 左右)", _flag("estimate")),
        Column("stated_outcome", "string", "Outcome the report states in words (exceeded, met, not_met), if any", _path("stated_outcome")),
        Column("stated_outcome_source.quote", "string", "The words that state it", _path("stated_outcome_source", "quote")),
        Column("direction", "string", "increase, decrease, maintain or achieve", _path("direction")),
        Column("period.start", "date", "First day of the result period", _path("period", "start")),
        Column("period.end", "date", "Last day of the result period", _path("period", "end")),
        Column("period_basis", "string", "Why the result is for that period", _path("period_basis")),
        *_span(),
    ],
    "units": [
        Column("id", "string", "Unit id", _path("id")),
        *_labels("names", "Name"),
        Column("symbol", "string", "Chinese symbol or classifier", _path("symbol")),
        Column("ucum", "string", "UCUM code", _path("ucum")),
        Column("quantity_kind", "string", "Quantity kind", _path("quantity_kind")),
        Column("factor", "number", "Factor to the quantity kind's base unit", _path("factor")),
    ],
    "bodies": [
        Column("id", "string", "Body id", _path("id")),
        *_labels("names", "Name"),
        Column("classification", "string", "Kind of organisation", _path("classification")),
        Column("parent_id", "string", "Parent body id", _path("parent_id")),
        Column("other_names", "string", "Other names, separated by ;", _joined("other_names")),
    ],
    "indicators": [
        Column("id", "string", "Indicator code", _path("id")),
        *_labels("title", "Title"),
        Column("description", "string", "What the indicator measures (curated)", _path("description")),
        Column("quantity_kinds", "string", "Quantity kinds, separated by ;", _joined("quantity_kinds")),
        Column("unit", "string", "Usual unit id", _path("unit")),
        Column("words.zh-Hans", "string", "Words matched, Simplified, separated by ;", _joined("words", "zh-Hans")),
        Column("words.zh-Hant", "string", "Words matched, Traditional, separated by ;", _joined("words", "zh-Hant")),
        Column("deprecated", "boolean", "Deprecated code", _flag("deprecated")),
        Column("target_count", "integer", "Loaded targets with this code", _path("target_count")),
        Column("result_count", "integer", "Loaded results with this code", _path("result_count")),
        Column("document_count", "integer", "Loaded documents using this code", _path("document_count")),
    ],
    "outcomes": [
        Column("id", "string", "Outcome id ({target_id}.vs.{result_id})", _path("id")),
        Column("target_id", "string", "Target judged", _path("target_id")),
        Column("result_id", "string", "Result that judges it", _path("result_id")),
        Column("target_document_id", "string", "Document that set the target", _path("target_document_id")),
        Column("result_document_id", "string", "Document that reports the result", _path("result_document_id")),
        Column("issuer_id", "string", "Issuer of both documents", _path("issuer_id")),
        Column("indicator_code", "string", "Indicator code", _path("indicator_code")),
        Column("year", "integer", "Year of the target and the result", _path("year")),
        Column("outcome", "string", "met, not_met or not_comparable (computed)", _path("outcome")),
        Column("principal", "boolean", "The outcome standing for the target", _flag("principal")),
        Column("stated_outcome", "string", "Outcome the report states in words, if any", _path("stated_outcome")),
        Column("reason", "string", "The comparison in words", _path("reason")),
        Column("method.tolerance", "number", "Tolerance of an approximate target", _path("method", "tolerance"), unit_column="target.unit"),
        Column("target.value", "number", "Target value", _path("target", "value"), unit_column="target.unit"),
        Column("target.value_max", "number", "Target upper end", _path("target", "value_max"), unit_column="target.unit"),
        Column("target.unit", "string", "Target unit id", _path("target", "unit")),
        Column("target.comparator", "string", "Target comparator", _path("target", "comparator")),
        Column("target.direction", "string", "Target direction", _path("target", "direction")),
        Column("result.value", "number", "Result value", _path("result", "value"), unit_column="result.unit"),
        Column("result.value_max", "number", "Result upper end", _path("result", "value_max"), unit_column="result.unit"),
        Column("result.unit", "string", "Result unit id", _path("result", "unit")),
        Column("result.comparator", "string", "Result comparator", _path("result", "comparator")),
        Column("result.estimate", "boolean", "Result given as an estimate", _flag("result", "estimate")),
    ],
    "series": [
        Column("id", "string", "Target or result id", _path("id")),
        Column("kind", "string", "target or result", _path("kind")),
        Column("indicator_code", "string", "Indicator code", _path("indicator_code")),
        Column("year", "integer", "Year the figure is for", _path("year")),
        Column("issuer_id", "string", "Issuer", _path("issuer_id")),
        Column("document_id", "string", "Document", _path("document_id")),
        *_labels("indicator", "The indicator's words in the report", ("zh-Hant", "zh-Hans")),
        Column("value", "number", "Normalised value", _path("value"), unit_column="unit"),
        Column("value_max", "number", "Normalised upper end of a range", _path("value_max"), unit_column="unit"),
        Column("unit", "string", "Unit id", _path("unit")),
        Column("comparator", "string", "eq, gte, lte, approx or range", _path("comparator")),
        Column("stated", "string", "The quantity as written", _path("stated")),
        Column("estimate", "boolean", "Results: given as an estimate", _flag("estimate")),
        Column("headline", "boolean", "Targets: in the headline list", _flag("headline")),
        Column("outcome", "string", "Targets: principal outcome, empty when unassessed", _path("outcome")),
        *_span(),
    ],
}


def header(collection: str) -> list[str]:
    return [column.name for column in COLUMNS[collection]]


def rows(collection: str, records: Iterable[JSONObject]) -> Iterator[list[object]]:
    """Flat rows (None for missing values)."""
    columns = COLUMNS[collection]
    for record in records:
        yield [column.get(record) for column in columns]

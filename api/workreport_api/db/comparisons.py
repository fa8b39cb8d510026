"""Records that span documents: indicator counts, outcomes of targets, and indicator series.

Why derived at load time: a target is set in one report and its result given
in a later one, so neither document's dataset holds the outcome. Every load and
removal recomputes them, in the same transaction, for the issuers it touched
(outcomes and series only ever join documents of one issuer) and rewrites the
indicator counts, so they always describe exactly the loaded documents.
"""

from __future__ import annotations

import datetime
import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import Connection, delete, func, insert, select, text, union_all
from sqlmodel import col

from workreport_schema import LanguageMapJSON, PeriodJSON, SourceSpanJSON, load_codelist

from ..outcomes import Figure, OutcomeCode, assess
from ..records import ComparedQuantityJSON, IndicatorJSON, OutcomeJSON, SeriesPointJSON
from .tables import CodedRow, Document, Indicator, Outcome, Result, SeriesPoint, Target, record_text

COMPARISONS_LOCK = 0x77726370
"""PostgreSQL advisory lock held while the cross-document records are rewritten."""


class CodedRecord(Figure, total=False):
    """A coded target's or result's record, as matching reads it (a record has more)."""

    id: str
    indicator_code: str
    indicator: LanguageMapJSON
    period: PeriodJSON
    source: SourceSpanJSON
    estimate: bool | None
    headline: bool | None
    stated_outcome: str | None
    stated_outcome_source: SourceSpanJSON | None


def _year(period: PeriodJSON, end: Literal["start", "end"]) -> int:
    return datetime.date.fromisoformat(period[end]).year


@dataclass(frozen=True)
class _Coded:
    """A coded target or result with what matching needs."""

    record: CodedRecord
    document_id: str
    document_year: int
    issuer_id: str
    seq: int


def _coded(connection: Connection, table: type[CodedRow], issuers: list[str]) -> list[_Coded]:
    rows = connection.execute(
        select(col(table.record), col(table.document_id), col(Document.year), col(Document.issuer_id), col(table.seq))
        .join(Document, col(Document.id) == col(table.document_id))
        .where(col(table.indicator_code).is_not(None), col(Document.issuer_id).in_(issuers))
        .order_by(col(table.document_id), col(table.seq))
    ).all()
    return [_Coded(json.loads(row[0]), row[1], row[2], row[3], row[4]) for row in rows]


def refresh_comparisons(connection: Connection, issuers: Iterable[str]) -> None:
    """Recompute the outcomes and series points of these issuers, then every indicator's counts."""
    if connection.dialect.name == "postgresql":
        # two loads finishing at once would both rewrite the indicators: the second waits for the first to commit
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": COMPARISONS_LOCK})
    issuer_list = sorted(set(issuers))
    if issuer_list:
        connection.execute(delete(Outcome).where(col(Outcome.issuer_id).in_(issuer_list)))
        connection.execute(delete(SeriesPoint).where(col(SeriesPoint.issuer_id).in_(issuer_list)))
        targets = _coded(connection, Target, issuer_list)
        results = _coded(connection, Result, issuer_list)
        outcomes = _outcomes(targets, results)
        if outcomes:
            connection.execute(insert(Outcome), outcomes)
        principal = {row["target_id"]: str(row["outcome"]) for row in outcomes if row["principal"]}
        points = [_point("target", t, principal.get(t.record["id"])) for t in targets] + [_point("result", r, None) for r in results]
        if points:
            connection.execute(insert(SeriesPoint), points)
    refresh_indicators(connection)


def _outcomes(targets: list[_Coded], results: list[_Coded]) -> list[dict[str, object]]:
    """One outcome per (quantitative target, result of a later report of its issuer for the target's final year)."""
    by_key: dict[tuple[str, str, int], list[_Coded]] = defaultdict(list)
    for result in results:
        key = (result.issuer_id, result.record["indicator_code"], _year(result.record["period"], "start"))
        by_key[key].append(result)
    rows: list[dict[str, object]] = []
    for target in targets:
        record = target.record
        if record.get("value") is None:
            continue  # a qualitative target has nothing to compare
        year = _year(record["period"], "end")
        later = [r for r in by_key.get((target.issuer_id, record["indicator_code"], year), []) if r.document_year > target.document_year]
        later.sort(key=lambda r: (r.document_year, bool(r.record.get("estimate")), r.document_id, r.seq))
        for position, result in enumerate(later):
            rows.append(_outcome_row(target, result, year, principal=position == 0))
    return rows


def _quantity(record: CodedRecord) -> ComparedQuantityJSON:
    stated = record.get("stated")
    return {
        "value": record.get("value"),
        "value_max": record.get("value_max"),
        "unit": record.get("unit"),
        "comparator": record.get("comparator"),
        "stated": stated.get("text") if stated else None,
        "indicator": record["indicator"],
    }


def _outcome_row(target: _Coded, result: _Coded, year: int, principal: bool) -> dict[str, object]:
    t, r = target.record, result.record
    assessment = assess(t, r)
    outcome_id = f"{t['id']}.vs.{r['id']}"
    record: OutcomeJSON = {
        "id": outcome_id,
        "target_id": t["id"],
        "result_id": r["id"],
        "target_document_id": target.document_id,
        "result_document_id": result.document_id,
        "issuer_id": target.issuer_id,
        "indicator_code": t["indicator_code"],
        "year": year,
        "outcome": assessment.outcome.value,
        "principal": principal,
        "reason": assessment.reason,
        "method": assessment.method,
        "stated_outcome": r.get("stated_outcome"),
        "stated_outcome_source": r.get("stated_outcome_source"),
        "target": {**_quantity(t), "direction": t.get("direction")},
        "result": {**_quantity(r), "estimate": r.get("estimate")},
    }
    return {
        "id": outcome_id,
        "target_id": t["id"],
        "result_id": r["id"],
        "target_document_id": target.document_id,
        "target_seq": target.seq,
        "result_document_id": result.document_id,
        "issuer_id": target.issuer_id,
        "indicator_code": t["indicator_code"],
        "year": year,
        "outcome": assessment.outcome.value,
        "stated_outcome": r.get("stated_outcome"),
        "principal": principal,
        "record": record_text(record),
    }


def _point(kind: str, coded: _Coded, outcome: str | None) -> dict[str, object]:
    record = coded.record
    year = _year(record["period"], "end" if kind == "target" else "start")
    point: SeriesPointJSON = {
        "id": record["id"],
        "kind": kind,
        "indicator_code": record["indicator_code"],
        "year": year,
        "period": record["period"],
        "issuer_id": coded.issuer_id,
        "document_id": coded.document_id,
        **_quantity(record),
        "estimate": record.get("estimate") if kind == "result" else None,
        "headline": record.get("headline") if kind == "target" else None,
        "outcome": outcome,
        "source": record["source"],
    }
    return {
        "id": record["id"],
        "kind": kind,
        "indicator_code": record["indicator_code"],
        "year": year,
        "issuer_id": coded.issuer_id,
        "document_id": coded.document_id,
        "seq": coded.seq,
        "record": record_text(point),
    }


def refresh_indicators(connection: Connection) -> None:
    """Rewrite the indicator codelist with how many loaded targets, results and documents use each code."""
    counts: dict[str, dict[str, int]] = defaultdict(lambda: {"target": 0, "result": 0})
    documents: dict[str, int] = defaultdict(int)
    for kind, table in (("target", Target), ("result", Result)):
        query = (
            select(col(table.indicator_code), func.count())
            .where(col(table.indicator_code).is_not(None))
            .group_by(col(table.indicator_code))
        )
        for code, count in connection.execute(query):
            counts[str(code)][kind] = int(count)
    used = union_all(
        *(
            select(col(table.indicator_code), col(table.document_id)).where(col(table.indicator_code).is_not(None))
            for table in (Target, Result)
        )
    ).subquery()
    per_document = select(used.c.indicator_code, func.count(used.c.document_id.distinct())).group_by(used.c.indicator_code)
    for code, count in connection.execute(per_document):
        documents[code] = int(count)
    connection.execute(delete(Indicator))
    rows = []
    for entry in load_codelist("indicator").rows:
        code = entry["Code"]
        record = indicator_record(entry, counts[code]["target"], counts[code]["result"], documents[code])
        rows.append(
            {"id": code, "target_count": record["target_count"], "result_count": record["result_count"], "record": record_text(record)}
        )
    connection.execute(insert(Indicator), rows)


def _words(cell: str) -> list[str]:
    return [word.strip() for word in cell.split("|") if word.strip()]


def indicator_record(entry: dict[str, str], targets: int, results: int, documents: int) -> IndicatorJSON:
    """An indicator as the API publishes it: the codelist entry (curated) and its counts in the loaded documents."""
    return {
        "id": entry["Code"],
        "title": {"zh-Hant": entry["Title (zh-Hant)"], "zh-Hans": entry["Title (zh-Hans)"], "en": entry["Title (en)"]},
        "description": entry["Description"],
        "quantity_kinds": entry["Quantity kind"].split("|"),
        "unit": entry["Unit"] or None,
        "words": {"zh-Hans": _words(entry["Words (zh-Hans)"]), "zh-Hant": _words(entry["Words (zh-Hant)"])},
        "deprecated": bool(entry.get("Deprecated", "").strip()),
        "target_count": targets,
        "result_count": results,
        "document_count": documents,
    }


OUTCOME_CODES = tuple(code.value for code in OutcomeCode)

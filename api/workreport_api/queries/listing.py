"""Pages of a collection with keyset pagination, and whole filtered collections in batches.

Lists are ordered by (document_id, seq, id) — document order — or by id for
units and bodies; the id is always the final tie-break. A cursor is the key of
the last record of a page, so paging stays stable and fast at any depth.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Connection, func, select, tuple_
from sqlmodel import col

from ..db.search import fold_query, matching_record_ids
from ..db.tables import Body, Chapter, Document, Indicator, Measure, Outcome, Paragraph, Result, SeriesPoint, Target, Unit
from ..http.params import check_finite


@dataclass(frozen=True)
class CollectionSpec:
    """One collection: its table, its order and cursor key types, and where it appears."""

    name: str
    entity: str
    table: Any
    order: tuple[str, ...]
    key_types: tuple[type, ...]
    derived: bool = False
    """Derived by the API across documents (db/comparisons.py): exported as CSV and in the Data Package, never in a Dataset."""
    listed: bool = True
    """Has its own list at /v1/{name} (and a link in the index)."""

    def columns(self) -> list[ColumnElement[Any]]:
        return [getattr(self.table, name) for name in self.order]


SPECS: dict[str, CollectionSpec] = {
    "documents": CollectionSpec("documents", "document", Document, ("id",), (str,)),
    "chapters": CollectionSpec("chapters", "chapter", Chapter, ("document_id", "seq", "id"), (str, int, str)),
    "paragraphs": CollectionSpec("paragraphs", "paragraph", Paragraph, ("document_id", "seq", "id"), (str, int, str)),
    "measures": CollectionSpec("measures", "measure", Measure, ("document_id", "seq", "id"), (str, int, str)),
    "targets": CollectionSpec("targets", "target", Target, ("document_id", "seq", "id"), (str, int, str)),
    "results": CollectionSpec("results", "result", Result, ("document_id", "seq", "id"), (str, int, str)),
    "indicators": CollectionSpec("indicators", "indicator", Indicator, ("id",), (str,), derived=True),
    "outcomes": CollectionSpec("outcomes", "outcome", Outcome, ("target_document_id", "target_seq", "id"), (str, int, str), derived=True),
    "units": CollectionSpec("units", "unit", Unit, ("id",), (str,)),
    "bodies": CollectionSpec("bodies", "body", Body, ("id",), (str,)),
    "series": CollectionSpec(
        "series",
        "series point",
        SeriesPoint,
        ("indicator_code", "year", "issuer_id", "document_id", "seq", "id"),
        (str, int, str, str, int, str),
        derived=True,
        listed=False,
    ),
}
"""The one registry of collections: the lists, the index's links, the exports and the Data Package all read it."""


def filter_conditions(columns: dict[str, Any], value: Any, filters: dict[str, Any]) -> list[ColumnElement[bool]]:
    """Equality conditions for the filters given (enums by their value), and min_value/max_value bounds on ``value``."""
    conditions: list[ColumnElement[bool]] = []
    for name, column in columns.items():
        given = filters.get(name)
        if given is not None:
            conditions.append(column == getattr(given, "value", given))
    if filters.get("min_value") is not None:
        conditions.append(value >= filters["min_value"])
    if filters.get("max_value") is not None:
        conditions.append(value <= filters["max_value"])
    return conditions


def quantity_conditions(dialect: str, table: Any, kind: str, columns: dict[str, str], filters: dict[str, Any]) -> list[ColumnElement[bool]]:
    """Conditions of a list of quantities (targets, results): equality filters named by ``columns`` (filter → column),
    finite value bounds, ``q`` over the indicator's search entry of this ``kind``, and ``outcome``."""
    for name in ("min_value", "max_value"):
        check_finite(name, filters.get(name))
    conditions = filter_conditions({name: getattr(table, column) for name, column in columns.items()}, table.value, filters)
    if filters.get("q") is not None:
        conditions.append(table.id.in_(matching_record_ids(dialect, fold_query(filters["q"]), kind)))
    outcome = outcome_condition(table.id, kind, filters.get("outcome"))
    if outcome is not None:
        conditions.append(outcome)
    return conditions


def outcome_condition(record_id: Any, side: str, outcome: Any) -> ColumnElement[bool] | None:
    """Records (targets or results, by ``side``) with this outcome; ``unassessed``: with none.

    A target counts by its principal outcome, a result by any outcome it decides.
    """
    if outcome is None:
        return None
    code = getattr(outcome, "value", outcome)
    key = col(Outcome.target_id) if side == "target" else col(Outcome.result_id)
    if code == "unassessed":
        unassessed: ColumnElement[bool] = record_id.not_in(select(key))
        return unassessed
    assessed = select(key).where(col(Outcome.outcome) == code)
    if side == "target":
        assessed = assessed.where(col(Outcome.principal).is_(True))
    condition: ColumnElement[bool] = record_id.in_(assessed)
    return condition


@dataclass(frozen=True)
class Page:
    records: list[str]
    total: int
    next_key: tuple[Any, ...] | None


def _after(spec: CollectionSpec, after: tuple[Any, ...]) -> ColumnElement[bool]:
    columns = spec.columns()
    if len(columns) == 1:
        condition: ColumnElement[bool] = columns[0] > after[0]
    else:
        condition = tuple_(*columns) > tuple_(*after)
    return condition


def fetch_page(
    connection: Connection, spec: CollectionSpec, conditions: list[ColumnElement[bool]], limit: int, after: tuple[Any, ...] | None
) -> Page:
    """One page and the total number of matching records."""
    total = connection.execute(select(func.count()).select_from(spec.table).where(*conditions)).scalar_one()
    records, next_key = fetch_page_no_total(connection, spec, conditions, limit, after)
    return Page(records, int(total), next_key)


def fetch_page_no_total(
    connection: Connection, spec: CollectionSpec, conditions: list[ColumnElement[bool]], limit: int, after: tuple[Any, ...] | None
) -> tuple[list[str], tuple[Any, ...] | None]:
    columns = spec.columns()
    query = select(spec.table.record, *columns).where(*conditions)
    if after is not None:
        query = query.where(_after(spec, after))
    rows = connection.execute(query.order_by(*columns).limit(limit + 1)).all()
    next_key = tuple(rows[limit - 1][1:]) if len(rows) > limit else None
    return [row[0] for row in rows[:limit]], next_key


def fetch_one(connection: Connection, spec: CollectionSpec, record_id: str) -> str | None:
    return connection.execute(select(spec.table.record).where(spec.table.id == record_id)).scalar_one_or_none()


def exists(connection: Connection, spec: CollectionSpec, record_id: str) -> bool:
    return connection.execute(select(spec.table.id).where(spec.table.id == record_id)).first() is not None


def target_outcomes(connection: Connection, target_id: str) -> list[str]:
    """The outcome records of a target, principal first, then by the result's document and place."""
    query = (
        select(col(Outcome.record))
        .where(col(Outcome.target_id) == target_id)
        .order_by(col(Outcome.principal).desc(), col(Outcome.result_document_id), col(Outcome.id))
    )
    return list(connection.scalars(query))

"""Pages of a collection with keyset pagination, and whole filtered collections in batches.

Lists are ordered by (document_id, seq, id) — document order — or by id for
units and bodies; the id is always the final tie-break. A cursor is the key of
the last record of a page, so paging stays stable and fast at any depth.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Connection, func, select, tuple_

from ..db.search import fold_query, matching_record_ids
from ..db.tables import Body, Chapter, Document, Measure, Paragraph, Result, Target, Unit
from ..http.params import check_finite


@dataclass(frozen=True)
class CollectionSpec:
    name: str
    entity: str
    table: Any
    order: tuple[str, ...]
    key_types: tuple[type, ...]

    def columns(self) -> list[ColumnElement[Any]]:
        return [getattr(self.table, name) for name in self.order]


SPECS: dict[str, CollectionSpec] = {
    "documents": CollectionSpec("documents", "document", Document, ("id",), (str,)),
    "chapters": CollectionSpec("chapters", "chapter", Chapter, ("document_id", "seq", "id"), (str, int, str)),
    "paragraphs": CollectionSpec("paragraphs", "paragraph", Paragraph, ("document_id", "seq", "id"), (str, int, str)),
    "measures": CollectionSpec("measures", "measure", Measure, ("document_id", "seq", "id"), (str, int, str)),
    "targets": CollectionSpec("targets", "target", Target, ("document_id", "seq", "id"), (str, int, str)),
    "results": CollectionSpec("results", "result", Result, ("document_id", "seq", "id"), (str, int, str)),
    "units": CollectionSpec("units", "unit", Unit, ("id",), (str,)),
    "bodies": CollectionSpec("bodies", "body", Body, ("id",), (str,)),
}


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
    finite value bounds, and ``q`` over the indicator's search entry of this ``kind``."""
    for name in ("min_value", "max_value"):
        check_finite(name, filters.get(name))
    conditions = filter_conditions({name: getattr(table, column) for name, column in columns.items()}, table.value, filters)
    if filters.get("q") is not None:
        conditions.append(table.id.in_(matching_record_ids(dialect, fold_query(filters["q"]), kind)))
    return conditions


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

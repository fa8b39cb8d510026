"""Pages of a collection with keyset pagination, and whole filtered collections in batches.

Lists are ordered by (document_id, seq, id) — document order — or by id for
units and bodies; the id is always the final tie-break. A cursor is the key of
the last record of a page, so paging stays stable and fast at any depth.

Every statement here is compiled once per dialect and shape (which filters
apply, whether a cursor is given) and run on the driver's cursor
(db/prepared.py); records come back as the stored JSON's UTF-8 bytes, converted
by the database, and go into responses as they are. Lists filtered by a search
(``q``) are read by queries/searched.py, on the same statements and machinery.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import (
    BindParameter,
    ColumnElement,
    Connection,
    Integer,
    LargeBinary,
    Select,
    bindparam,
    cast,
    func,
    literal_column,
    select,
    tuple_,
)
from sqlmodel import col

from ..db.collections import CollectionSpec, Key
from ..db.prepared import AnyColumn, Reading, Row, Statement, Statements, run
from ..db.search import fold_query
from ..db.tables import (
    Outcome,
    QuantityRow,
    RecordRow,
)
from .filters import Filters, Where

STATEMENTS = Statements()
"""The read path's statements, compiled once per dialect and shape."""


def quantity_filters(table: type[QuantityRow], side: str, columns: dict[str, str]) -> Filters:
    """The filters of a list of quantities (targets, results): equality filters named by ``columns`` (filter → column),
    min_value/max_value bounds on the normalised value, and outcomes (``outcome``: with this outcome; ``unassessed``:
    with none). A target counts by its principal outcome, a result by any outcome it decides."""
    key = col(Outcome.target_id) if side == "target" else col(Outcome.result_id)
    assessed = select(key).where(col(Outcome.outcome) == bindparam("outcome"))
    if side == "target":
        assessed = assessed.where(col(Outcome.principal).is_(True))
    return Filters.equal(**{name: getattr(table, column) for name, column in columns.items()}).extend(
        min_value=col(table.value) >= bindparam("min_value"),
        max_value=col(table.value) <= bindparam("max_value"),
        outcome=col(table.id).in_(assessed),
        unassessed=col(table.id).not_in(select(key)),
    )


def quantity_where(filters: Filters, dialect: str, table: type[QuantityRow], side: str, q: str | None = None, **given: object) -> Where:
    """One request's conditions on a quantity list: ``outcome=unassessed`` as its own filter, and ``q`` over the
    indicator's search entry of this ``side`` (the value bounds are finite: ``http/params.ValueBound``)."""
    if getattr(given.get("outcome"), "value", given.get("outcome")) == "unassessed":
        given["outcome"], given["unassessed"] = None, True
    where = filters.where(**given)
    return where.searching(side, fold_query(q)) if q is not None else where


@dataclass(frozen=True)
class Page:
    records: list[bytes]
    """Each record's stored JSON, as bytes."""
    total: int
    next_key: Key | None
    estimated: bool = False
    """The total is an estimate (a list filtered by ``q`` matching more than it counts: queries/searched.py)."""


def _record(table: type[RecordRow], dialect: str) -> ColumnElement[bytes]:
    """The stored record text as UTF-8 bytes, converted by the database (no decoding and re-encoding in Python)."""
    if dialect == "postgresql":
        converted: ColumnElement[bytes] = func.convert_to(col(table.record), literal_column("'UTF8'"), type_=LargeBinary)
        return converted
    return cast(col(table.record), LargeBinary)


def _after(columns: Sequence[AnyColumn]) -> ColumnElement[bool]:
    bounds: list[BindParameter[object]] = [bindparam(f"after_{index}") for index in range(len(columns))]
    if len(columns) == 1:
        condition: ColumnElement[bool] = columns[0] > bounds[0]
    else:
        condition = tuple_(*columns) > tuple_(*bounds)
    return condition


def _rows(connection: Reading, key: Hashable, build: Callable[[], Statement], where: Where, values: Mapping[str, object]) -> list[Row]:
    if where.prepared:
        return run(connection, STATEMENTS.get(connection.dialect, key, build), values)
    assert isinstance(connection, Connection), "a search's conditions run through SQLAlchemy (a heavy read)"
    return [tuple(row) for row in connection.execute(build(), values)]


def fetch_page(
    connection: Reading,
    spec: CollectionSpec,
    where: Where,
    limit: int,
    after: Key | None,
    total: int | None = None,
    exact_up_to: int | None = None,
) -> Page:
    """One page and the total number of matching records (counted here unless given); a list filtered by ``q`` counts
    exactly up to ``exact_up_to`` matches (queries/searched.py)."""
    if where.search is not None:
        from .searched import EXACT_UP_TO, search_page  # it builds on this module

        return search_page(connection, spec, where, limit, after, exact_up_to or EXACT_UP_TO)
    if total is None:
        total = count_matching(connection, spec, where)
    records, next_key = fetch_page_no_total(connection, spec, where, limit, after)
    return Page(records, int(total), next_key)


def count_matching(connection: Reading, spec: CollectionSpec, where: Where) -> int:
    """The number of records of ``spec`` that ``where`` selects."""

    def count() -> Select[int]:
        driver = where.driver
        return select(func.count()).select_from(spec.table if driver is None else driver.source).where(*where.conditions())

    key = (spec.name, "count", id(where.filters), where.shape)
    return int(_rows(connection, key, count, where, dict(where.values))[0][0])


def count_key(spec: CollectionSpec, where: Where) -> Hashable | None:
    """What identifies a filtered list's total within a release (None when it cannot be kept: a search, or values
    that cannot be a key)."""
    if not where.prepared:
        return None
    key = (spec.name, id(where.filters), where.shape, tuple(sorted(where.values.items())))
    try:
        hash(key)
    except TypeError:
        return None
    return key


def fetch_page_no_total(
    connection: Reading, spec: CollectionSpec, where: Where, limit: int, after: Key | None
) -> tuple[list[bytes], Key | None]:
    """Up to ``limit`` records after the key ``after``, and the key to continue from (None on the last page)."""
    if where.search is not None:
        from .searched import search_page  # it builds on this module

        page = search_page(connection, spec, where, limit, after, with_total=False)
        return page.records, page.next_key
    dialect = connection.dialect.name
    values = {**where.values, "page_limit": limit + 1}
    if after is not None:
        values.update({f"after_{index}": value for index, value in enumerate(after)})
    key = (spec.name, "page", id(where.filters), where.shape, after is not None)
    rows = _rows(connection, key, lambda: page_statement(spec, where, dialect, after is not None), where, values)
    next_key = tuple(rows[limit - 1][1:]) if len(rows) > limit else None
    return [row[0] for row in rows[:limit]], next_key


def page_statement(spec: CollectionSpec, where: Where, dialect: str, after: bool) -> Statement:
    """A page's statement: records and their keys in list order, after the ``after_N`` keys when ``after``, at most
    ``page_limit``. The tables' indexes (db/tables.py) let it read no more than the page, however many match."""
    columns = spec.columns()
    query = select(_record(spec.table, dialect), *columns).where(*where.conditions())
    driver = where.driver
    order = columns if driver is None else driver.order  # the driver's order holds the same values
    if driver is not None:
        query = query.select_from(driver.source)
    if after:
        query = query.where(_after(order))
    return query.order_by(*order).limit(bindparam("page_limit", type_=Integer))


def fetch_one(connection: Reading, spec: CollectionSpec, record_id: str) -> bytes | None:
    """One record's stored JSON by id, as bytes."""
    dialect = connection.dialect.name
    prepared = STATEMENTS.get(
        connection.dialect, (spec.name, "one"), lambda: select(_record(spec.table, dialect)).where(col(spec.table.id) == bindparam("id"))
    )
    rows = run(connection, prepared, {"id": record_id})
    return rows[0][0] if rows else None


def exists(connection: Reading, spec: CollectionSpec, record_id: str) -> bool:
    prepared = STATEMENTS.get(
        connection.dialect, (spec.name, "exists"), lambda: select(col(spec.table.id)).where(col(spec.table.id) == bindparam("id"))
    )
    return bool(run(connection, prepared, {"id": record_id}))


def target_outcomes(connection: Reading, target_id: str) -> list[bytes]:
    """The outcome records of a target, principal first, then by the result's document and place."""
    dialect = connection.dialect.name
    prepared = STATEMENTS.get(
        connection.dialect,
        ("outcomes", "of target"),
        lambda: (
            select(_record(Outcome, dialect))
            .where(col(Outcome.target_id) == bindparam("target_id"))
            .order_by(col(Outcome.principal).desc(), col(Outcome.result_document_id), col(Outcome.id))
        ),
    )
    return [row[0] for row in run(connection, prepared, {"target_id": target_id})]

"""Pages of lists filtered by a search (``q``): measures, targets and results whose search entry contains the query.

A page is the records in list order (document order, then id), exact, whatever the number of matches; only the
total may become an estimate. A request reads at most the first ``exact_up_to`` + 1 matching entries from the index
(the gram or trigram index, db/search.py), in one statement with the page (``_gathered``; a list with other filters
first counts them alone, ``_bounds``):

- at most ``exact_up_to`` matches (every list of the seed, and any rare query): those are all of them, so the total
  is exact and the page is read among them, sorted by their entries' place (only the page's records are read);
- more: the query is common (at least ``exact_up_to`` of the corpus's entries match), and the page is read in list
  order, each entry (or, with filters, each record the filters select, through their ordered index) tested for the
  query on its own, up to the page's end: the denser the matches, the fewer entries it reads. The total is an
  estimate marked ``estimated``: the density of matches among the entries read, carried over the rest of the
  entries (db/search.py ``estimate``, as /v1/search does), times the share of the first ``RATIO_SAMPLE`` matches
  the filters keep, never below the page's records (one more when a next page follows); exact when the first page
  is the last.

Within one document (``document``, ``chapter``, ``paragraph``, ``measure``) the page is always read in order and
that document's records are counted: exact, and bounded by one report. So no request reads more than ``exact_up_to``
+ 1 matching entries, and a page read in order reads about ``limit × entries ÷ matches`` entries, which shrinks as
matches grow. A filter across documents with a common query (``body`` and ``q=建设``) reads the records that filter
selects until the page is full: at most that filter's records, never the query's other matches. Every statement is
compiled once per shape (db/prepared.py), the query bound, and on PostgreSQL planned with its values (``plan_each``).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from functools import partial
from typing import cast

from sqlalchemy import ColumnElement, Connection, Integer, and_, bindparam, func, literal_column, select
from sqlalchemy.orm import aliased
from sqlmodel import col

from ..db.collections import CollectionSpec, Key
from ..db.prepared import Reading, Row, Statement, run
from ..db.search import entries_of_kind, entry_contains, estimate, search_parameters
from ..db.tables import DOCUMENT_ORDER, SearchEntry
from .filters import ONE_DOCUMENT, Search, Where
from .listing import STATEMENTS, Page, _after, _record, page_statement

EXACT_UP_TO = 1000
"""Matches a q-filtered list counts exactly by default (``Settings.search_list_exact``): more than the seed's
measures, so every list of the seed is exact."""

_ENTRIES = SearchEntry.__table__  # type: ignore[attr-defined]
_WALKED = _ENTRIES.alias("walked")
"""The search entries read in list order (a common query with no other filter)."""
_OWN = _ENTRIES.alias("own")
"""A record's own search entry, tested for the query."""
_EXTENT = _ENTRIES.alias("extent")
"""All entries, whose lowest and highest ids an estimate carries the density over."""


def _bounds(search: Search, dialect: str) -> Statement:
    """How many of the first ``:cap`` matching entries there are, the last one's id and the lowest and highest entry
    ids (``estimate``): the matching index alone, no record read."""
    hits = entries_of_kind(dialect, search.short, search.kind).limit(bindparam("cap", type_=Integer)).subquery("hits")
    lowest, highest = select(func.min(_EXTENT.c.id)).scalar_subquery(), select(func.max(_EXTENT.c.id)).scalar_subquery()
    return cast(Statement, select(func.count(), func.max(hits.c.id), lowest, highest).select_from(hits))


def _gathered(spec: CollectionSpec, where: Where, search: Search, dialect: str, after: bool) -> Statement:
    """One statement over the first ``:cap`` matching entries (the index alone): how many there are, the last one's id
    and the lowest and highest entry ids (``estimate``), how many of their records the filters keep, and among them
    the page in list order (the matches' own places, then only the page's records read). When there are fewer than
    ``:cap`` these are all the matches, and all is exact; with more, the caller reads the page in order instead."""
    hits = entries_of_kind(dialect, search.short, search.kind).limit(bindparam("cap", type_=Integer)).cte("hits")
    lowest, highest = select(func.min(_EXTENT.c.id)).scalar_subquery(), select(func.max(_EXTENT.c.id)).scalar_subquery()
    table = spec.table
    conditions = where.plain_conditions()
    # an entry carries its record's place (document, seq, id): the page is ordered by it, so that no index of the
    # records' order tempts the planner to walk every record and look each up among the matches (SQLite did: 20 ms)
    place = (hits.c.document_id, hits.c.seq, hits.c.record_id)
    if conditions:  # the filters need each match's record, read once (the matches kept serve the count and the page)
        # tested one by one: as a join, SQLite built a Bloom filter of every record's id first (15 ms at 100× the seed)
        passes = select(literal_column("1")).select_from(table).where(col(table.id) == hits.c.record_id, *conditions).exists()
        kept = select(*place).where(passes).cte("kept")
        counts = select(func.count().label("kept")).select_from(kept).cte("counts")
        place = (kept.c.document_id, kept.c.seq, kept.c.record_id)
    else:
        counts = select(literal_column("0").label("kept")).cte("counts")
    seen = select(func.count().label("seen"), func.max(hits.c.id).label("last_id"), lowest.label("lowest"), highest.label("highest"))
    bounds = select(seen.select_from(hits).subquery("seen"), counts.c.kept).cte("bounds")
    inner = select(*place).where(*([_after(place)] if after else [])).order_by(*place)
    page = inner.limit(bindparam("page_limit", type_=Integer)).subquery("page")
    paged = aliased(table, name="paged")
    rows = page.join(paged, col(paged.id) == page.c[place[2].name])
    return (
        select(bounds.c.seen, bounds.c.last_id, bounds.c.lowest, bounds.c.highest, bounds.c.kept, _record(paged, dialect), *page.c)
        .select_from(bounds.outerjoin(rows, literal_column("1") == literal_column("1")))
        .order_by(*page.c)
    )


def _kept_statement(spec: CollectionSpec, where: Where, search: Search, dialect: str) -> Statement:
    """How many of the first ``:cap`` matching entries there are, and how many of their records the filters keep."""
    hits = entries_of_kind(dialect, search.short, search.kind).limit(bindparam("cap", type_=Integer)).subquery("hits")
    record_id = col(spec.table.id)
    kept = hits.outerjoin(spec.table, and_(record_id == hits.c.record_id, *where.plain_conditions()))
    return cast(Statement, select(func.count(), func.count(record_id)).select_from(kept))


def _own_entry_contains(spec: CollectionSpec, search: Search, dialect: str) -> ColumnElement[bool]:
    """The record's own search entry contains the query (tested on that entry alone)."""
    condition: ColumnElement[bool] = (
        select(literal_column("1"))
        .where(
            _OWN.c.record_id == col(spec.table.id),
            _OWN.c.kind == literal_column(f"'{search.kind}'"),
            entry_contains(dialect, search.short, _OWN),
        )
        .exists()
    )
    return condition


def _in_order(spec: CollectionSpec, where: Where, search: Search, dialect: str, after: bool) -> Statement:
    """A page read in list order, each entry (or each record the filters select) tested for the query, up to
    ``:page_limit`` matches."""
    table, columns = spec.table, spec.columns()
    if not where.shape and not where.inline:
        # the entries of this kind in list order (their index: kind, document, seq); a record's place in its
        # document (seq) is unique within its collection, so (document, seq) is the list order
        walked = _WALKED.c
        place = (walked.document_id, walked.seq)
        inner = select(walked.record_id, *place).where(
            walked.kind == literal_column(f"'{search.kind}'"), entry_contains(dialect, search.short, _WALKED)
        )
        if after:
            inner = inner.where(_after(place))
        page = inner.order_by(walked.kind, *place).limit(bindparam("page_limit", type_=Integer)).subquery("page")
        return (
            select(_record(table, dialect), *columns)
            .select_from(page.join(table, col(table.id) == page.c.record_id))
            .order_by(page.c.document_id, page.c.seq)
        )
    return page_statement(spec, where.plus(_own_entry_contains(spec, search, dialect)), dialect, after)


def _rows(connection: Reading, where: Where, key: Hashable, build: Callable[[], Statement], values: dict[str, object]) -> list[Row]:
    """The rows of a statement compiled once per shape, planned with its values on PostgreSQL (``run``'s ``plan_each``:
    a plan made once for any query and filter value read every record of a body, 40 ms at 100× the seed, where the
    plan for that body reads its first records in order, 1 ms)."""
    if where.prepared:
        return run(connection, STATEMENTS.get(connection.dialect, key, build), values, plan_each=True)
    assert isinstance(connection, Connection), "a condition holding its values runs through SQLAlchemy (a heavy read)"
    return [tuple(row) for row in connection.execute(build(), values)]


RATIO_SAMPLE = 500
"""Matches whose records a filtered estimate tests for the filters (the share kept, carried over the estimate)."""
_BOUNDS = 5
"""Columns of a ``_gathered`` row before its record: seen, last_id, lowest, highest, kept."""


def search_page(
    connection: Reading,
    spec: CollectionSpec,
    where: Where,
    limit: int,
    after: Key | None,
    exact_up_to: int = EXACT_UP_TO,
    with_total: bool = True,
) -> Page:
    """One page of a list filtered by a search (``where.search``) and its total, exact up to ``exact_up_to`` matches
    (see the module's notes); ``with_total=False`` (a download's batches) may leave the total 0."""
    search = where.search
    assert search is not None and spec.order == DOCUMENT_ORDER, "a search list is in document order"
    dialect = connection.dialect.name
    shape = (spec.name, id(where.filters), where.shape, bool(where.inline), search.kind, search.short, after is not None)
    values = {**where.values, **search_parameters(search.folded), "cap": exact_up_to + 1, "page_limit": limit + 1}
    if after is not None:
        values.update({f"after_{index}": value for index, value in enumerate(after)})

    def page(rows: list[Row], start: int) -> tuple[list[bytes], Key | None]:
        return [row[start] for row in rows[:limit]], tuple(rows[limit - 1][start + 1 :]) if len(rows) > limit else None

    def in_order() -> tuple[list[bytes], Key | None]:
        build = partial(_in_order, spec, where, search, dialect, after is not None)
        return page(_rows(connection, where, (*shape, "in order"), build, values), 0)

    def kept(sample: int) -> tuple[int, int]:
        build = partial(_kept_statement, spec, where, search, dialect)
        sampled, counted = _rows(connection, where, (*shape, "kept"), build, {**values, "cap": sample})[0]
        return int(sampled), int(counted)

    if any(name in ONE_DOCUMENT for name in where.shape):  # one document's records: read in order, counted exactly
        records, next_key = in_order()
        if not with_total or (after is None and next_key is None):
            return Page(records, len(records), next_key)
        count = _rows(connection, where, (*shape, "count"), partial(_count_statement, spec, where, search, dialect), values)
        return Page(records, int(count[0][0]), next_key)
    filtered = bool(where.shape or where.inline)
    if filtered:  # how many match first: the filters are tested on the matches only when there are no more
        seen, last_id, lowest, highest = _rows(connection, where, (*shape, "bounds"), partial(_bounds, search, dialect), values)[0]
    if not filtered or seen <= exact_up_to:
        gathered = _rows(
            connection, where, (*shape, "gathered"), partial(_gathered, spec, where, search, dialect, after is not None), values
        )
        seen, last_id, lowest, highest, kept_here = gathered[0][:_BOUNDS]
    if seen <= exact_up_to:  # the index holds no more: every match was read, and the page among them
        records, next_key = page([row for row in gathered if row[_BOUNDS] is not None], _BOUNDS)
        if not filtered:
            return Page(records, int(seen), next_key)
        if records or after is None:
            return Page(records, int(kept_here or 0), next_key)
        return Page(records, kept(exact_up_to + 1)[1], next_key)  # past the last page: counted apart
    records, next_key = in_order()
    if not with_total or (after is None and next_key is None):
        return Page(records, len(records), next_key)  # the first page is the last: every match is on it
    matches = estimate(int(seen), int(last_id), lowest, highest)
    # never fewer than the page shows: its records, and one more when it goes on (a filter none of the sampled
    # matches passes, or a sparse start, would otherwise estimate 0 beside records)
    shown = len(records) + (next_key is not None)
    if not filtered:
        return Page(records, max(shown, matches), next_key, estimated=True)
    # the filters' share of the first RATIO_SAMPLE matches, carried over the estimate
    sampled, counted = kept(min(exact_up_to + 1, RATIO_SAMPLE))
    return Page(records, max(shown, counted, round(matches * counted / sampled)), next_key, estimated=True)


def _count_statement(spec: CollectionSpec, where: Where, search: Search, dialect: str) -> Statement:
    """How many records the filters select whose own entry contains the query (used within one document)."""
    driver = where.driver
    source = spec.table if driver is None else driver.source
    counted = where.plus(_own_entry_contains(spec, search, dialect))
    return select(func.count()).select_from(source).where(*counted.conditions())

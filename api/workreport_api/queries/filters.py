"""The filters of a list as SQL with named bind parameters, so each combination compiles once per dialect.

A list declares its filters once (``Filters``); a request picks the ones it
uses with their values (``Filters.where``). Which filters apply is the
statement's *shape* and keys its prepared SQL (db/prepared.py); the values are
only bound. A search (``q``) is part of the shape too (``Search``: which kind of
entries, and whether the query is short), its text only bound (queries/searched.py).
A condition that holds its own values (``Where.plus``) makes the statement one
run through SQLAlchemy as a whole.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from sqlalchemy import ColumnElement, FromClause, bindparam
from sqlalchemy.orm import Mapped

from ..db.prepared import AnyColumn


@dataclass(frozen=True)
class Driver:
    """Rows of another table, joined to the list's records, that some filters select and whose index keeps the list's
    order (a measure's body assignments). A request giving one of those filters reads the page in order from that
    index and stops at its end, however many rows match, where a condition ``id IN (those rows)`` read and sorted
    every match."""

    source: FromClause
    """The driving table joined to the list's table."""
    order: tuple[AnyColumn, ...]
    """The driving table's columns holding the list's order, in its order (the cursor's values)."""
    leads: Mapping[str, ColumnElement[bool]]
    """The filters that read through the driver, with their conditions on its table."""
    follows: Mapping[str, ColumnElement[bool]] = field(default_factory=dict)
    """Other filters' conditions on the driving table when it is read (a document: a range of its index)."""
    scoping: frozenset[str] = frozenset()
    """Filters that select few records by themselves (a document's chapter): given one, the list's own table is read
    and the leading filters take their plain form, since ordering would walk every match of the driver for them."""

    def reads(self, shape: tuple[str, ...]) -> bool:
        """Whether a request with these filters reads through the driver."""
        return any(name in self.leads for name in shape) and not any(name in self.scoping for name in shape)

    def condition(self, name: str, plain: ColumnElement[bool]) -> ColumnElement[bool]:
        """A filter's condition when the driver is read."""
        return self.leads.get(name, self.follows.get(name, plain))


ONE_DOCUMENT = frozenset({"document", "chapter", "paragraph", "measure"})
"""Filters that select records of one document at most, whichever filter names them (a list filtered by ``q`` counts
its matches among those exactly: one document's records, however large the corpus)."""


@dataclass(frozen=True)
class Search:
    """A list's search (``q``): the kind of search entries its records have, and the folded query."""

    kind: str
    """``measure``, ``target`` or ``result`` (db/search.py ``KINDS``)."""
    folded: str

    @property
    def short(self) -> bool:
        """One or two characters: found through the gram index (db/search.py), not the trigram index."""
        return len(self.folded) <= 2


@dataclass(frozen=True)
class Where:
    """The conditions of one request: the filters that apply (in declaration order), their bound values, and
    conditions that hold their own values (search), which are not compiled once."""

    filters: Filters | None = None
    shape: tuple[str, ...] = ()
    values: Mapping[str, object] = field(default_factory=dict)
    inline: tuple[ColumnElement[bool], ...] = ()
    search: Search | None = None
    """The list's search (``q``), read by queries/searched.py; not among ``conditions()``."""

    @property
    def prepared(self) -> bool:
        """True when the statement can be compiled once for its shape (no condition holding its own values)."""
        return not self.inline

    @property
    def unfiltered(self) -> bool:
        """No condition at all: the whole collection (its total is the table's, counted once per release)."""
        return not self.shape and not self.inline and self.search is None

    @property
    def light(self) -> bool:
        """A read bounded by a page whatever the corpus: prepared, and for a search either no filter or one within a
        document (a search with a filter across documents may read every record that filter selects: see
        queries/searched.py)."""
        if not self.prepared:
            return False
        return self.search is None or all(name in ONE_DOCUMENT for name in self.shape)

    @property
    def driver(self) -> Driver | None:
        """The table the page is read through (``Driver``), or None: the list's own table."""
        driver = self.filters.driver if self.filters is not None else None
        return driver if driver is not None and driver.reads(self.shape) else None

    def plain_conditions(self) -> list[ColumnElement[bool]]:
        """The conditions on the list's own table, never through a driver (for records found some other way)."""
        declared = self.filters.conditions if self.filters is not None else {}
        return [declared[name] for name in self.shape] + list(self.inline)

    def conditions(self) -> list[ColumnElement[bool]]:
        declared = self.filters.conditions if self.filters is not None else {}
        driver = self.driver
        if driver is not None:
            return [driver.condition(name, declared[name]) for name in self.shape] + list(self.inline)
        return [declared[name] for name in self.shape] + list(self.inline)

    def plus(self, *conditions: ColumnElement[bool]) -> Where:
        """These conditions added (with values inside: the statement is then compiled per request)."""
        return Where(self.filters, self.shape, self.values, self.inline + conditions, self.search)

    def searching(self, kind: str, folded: str) -> Where:
        """These conditions, and records of ``kind`` whose search entry contains the ``folded`` query."""
        return Where(self.filters, self.shape, self.values, self.inline, Search(kind, folded))


Column = Mapped[object] | ColumnElement[object]
"""A column to filter on: a table's attribute through ``col()``, or a column expression."""

EVERYTHING = Where()
"""No condition: the whole collection."""


def equal(column: Column, name: str) -> ColumnElement[bool]:
    """``column = :name``."""
    condition: ColumnElement[bool] = column == bindparam(name)
    return condition


class Filters:
    """A list's filters: name → condition. A condition's bind parameter is named after its filter; a condition
    without one is a flag (applied when given True); one with several takes a mapping of their values."""

    def __init__(self, **conditions: ColumnElement[bool]) -> None:
        self.conditions = conditions
        self._order = {name: index for index, name in enumerate(conditions)}
        self.driver: Driver | None = None

    @classmethod
    def equal(cls, **columns: Column) -> Filters:
        """Equality filters, ``name = :name`` for each column."""
        return cls(**{name: equal(column, name) for name, column in columns.items()})

    def extend(self, **conditions: ColumnElement[bool]) -> Filters:
        extended = Filters(**self.conditions, **conditions)
        extended.driver = self.driver
        return extended

    def through(self, driver: Driver) -> Filters:
        """These filters, some read through ``driver`` (every filter it names must be one of them)."""
        assert set(driver.leads) | set(driver.follows) | driver.scoping <= set(self.conditions), "a driver names unknown filters"
        extended = self.extend()
        extended.driver = driver
        return extended

    def where(self, **given: object) -> Where:
        """The filters given a value (None: not applied); enums bind their value."""
        order = self._order
        unknown = [name for name in given if name not in order]
        if unknown:
            raise KeyError(f"no filter named {', '.join(sorted(unknown))}")
        shape = [name for name, value in given.items() if value is not None]  # a request gives few of the filters
        if len(shape) > 1:
            shape.sort(key=order.__getitem__)  # in declaration order: the shape keys the prepared statement
        values: dict[str, object] = {}
        for name in shape:
            value = given[name]
            if isinstance(value, Mapping):
                values.update({key: getattr(item, "value", item) for key, item in value.items()})
            else:
                values[name] = getattr(value, "value", value)
        return Where(self, tuple(shape), values)

"""Cross-script substring search over measure texts and target indicators.

Every entry is stored folded (Simplified script, ASCII width, lower case, one
character for one, so match offsets are offsets into the displayed text):
养老 finds 養老. Queries of four characters or more use the engine's trigram
index (SQLite FTS5 ``trigram``, PostgreSQL ``pg_trgm``); shorter ones look up
``search_grams``, which holds every distinct 1-, 2- and 3-character piece of
every entry. No path scans the entries. Query text is plain text: ``%``,
``_``, ``\\`` and quotes match themselves.

Ranking (``/v1/search``): more occurrences first, then document order, then id.

- A query of up to 3 characters across documents is ranked among all its
  matches: each gram row carries its occurrences in the entry and the entry's
  place in document order (``Document.search_key``, ``ordinal``), and one index
  keeps a gram's rows in ranking order, so a page reads its own rows (and those
  before it) and nothing else; the total, exact, is counted once per release.
  This is the common case (most queries are a word of 2 or 3 characters) and
  the one whose matches grow fastest with the corpus.
- Longer queries, and any query within one document, rank the first
  ``search_candidates`` matches in index order (``ranked_window``): a query
  matching at most that many entries is ranked exactly, one matching more
  costs the same as one matching that many, and its total is an estimate
  (``estimate``) unless the page reaches the last match. One statement reads
  the candidates (only what ranks them: ids, document order and the
  occurrences, counted in bytes), their count, the page with its texts and
  records, and the extent of the entries an estimate needs; a second only
  when the page goes on past the candidates.

Each entry carries the text a hit shows (``display``) and a measure's source
start, so no record is parsed. The statements are built once per shape and, on
SQLite, compiled once and run on the driver's cursor (``db/prepared.py``), the
records coming back as the stored JSON's bytes.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple
from typing import cast as typed

from sqlalchemy import (
    CTE,
    BindParameter,
    ColumnElement,
    Connection,
    FromClause,
    Integer,
    LargeBinary,
    Select,
    String,
    Subquery,
    and_,
    bindparam,
    cast,
    column,
    func,
    literal_column,
    or_,
    select,
    table,
    text,
)
from sqlalchemy.orm import Mapped
from sqlmodel import col

from workreport_pipeline import fold
from workreport_schema import LanguageMapJSON

from .prepared import AnyColumn, Reading, Row, Statement, Statements, run
from .tables import Measure, SearchEntry, SearchGram, Target

MAX_QUERY_LENGTH = 100
KINDS = ("measure", "target", "result")
"""The kinds of search entries."""
_FTS = table("search_fts", column("rowid"))
"""The FTS5 trigram table of SQLite (made by migration 0002, not a model)."""


def fold_query(query: str) -> str:
    """The query folded like the entries, surrounding whitespace removed."""
    return fold(query.strip())


GRAM_SIZES = (1, 2, 3)
"""The lengths of the pieces ``search_grams`` holds: queries of these lengths are found there (1 and 2, which
trigrams cannot see) and ranked there (all three: ``ranked_window``)."""


def grams(folded: str) -> dict[str, int]:
    """Every distinct 1-, 2- and 3-character piece of a folded text that is not all whitespace, with how many times it
    occurs there, not overlapping (as ``occurrences`` counts a query)."""
    pieces = {folded[i : i + size] for size in GRAM_SIZES for i in range(len(folded) - size + 1)}
    return {piece: folded.count(piece) for piece in pieces if not piece.isspace()}


def _like_escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def entries_of_kind(dialect: str, short: bool, kind: str) -> Statement:
    """SELECT id, record_id, document_id, seq of the entries of ``kind`` whose folded text contains the query, in index
    order (the order of their ids; on PostgreSQL's trigram index, the table's), through the gram index (``short``:
    1-2 characters) or the trigram index. The query is bound, never written into the SQL (``search_parameters``):
    the statement is compiled once per shape."""
    columns: tuple[AnyColumn, ...] = (col(SearchEntry.id), col(SearchEntry.record_id), col(SearchEntry.document_id), col(SearchEntry.seq))
    query: Statement
    if short:
        query = select(*columns).select_from(SearchGram).join(SearchEntry, col(SearchEntry.id) == col(SearchGram.entry_id))
        query = query.where(col(SearchGram.gram) == bindparam("needle", type_=String)).order_by(col(SearchGram.entry_id))
    elif dialect == "sqlite":
        query = select(*columns).select_from(_FTS).join(SearchEntry, col(SearchEntry.id) == _FTS.c.rowid)
        query = query.where(text("search_fts MATCH :phrase")).order_by(_FTS.c.rowid)
    else:
        # unordered: the trigram index gives a bitmap, read in the table's order (the order entries were loaded in,
        # as their ids), so a LIMIT stops after that many matches; ordering by id read every match (or walked the
        # table in id order testing each entry: 7 ms for a common query at 100× the seed, against 2 ms)
        pattern = bindparam("pattern", type_=String)
        query = select(*columns).where(col(SearchEntry.folded).like(pattern, escape="\\"))
    assert kind in KINDS, kind  # written into the SQL: the API's own names, never request text
    return query.where(col(SearchEntry.kind) == literal_column(f"'{kind}'"))


def entry_contains(dialect: str, short: bool, entry: FromClause) -> ColumnElement[bool]:
    """SQL: the entry (a row of ``search_entries`` or an alias of it) contains the bound query, tested on that one
    entry: its gram (``short``), or the query's position in its folded text (the same matches as the trigram index,
    as ``count_in_document`` counts them)."""
    if short:
        gram = SearchGram.__table__.alias("gram")  # type: ignore[attr-defined]
        condition: ColumnElement[bool] = (
            select(literal_column("1")).where(gram.c.entry_id == entry.c.id, gram.c.gram == bindparam("needle", type_=String)).exists()
        )
        return condition
    position = func.instr if dialect == "sqlite" else func.strpos
    found: ColumnElement[bool] = position(entry.c.folded, bindparam("needle", type_=String)) > 0
    return found


def search_parameters(folded: str) -> dict[str, str]:
    """The bound values of ``entries_of_kind`` and ``entry_contains`` for a folded query."""
    return {"needle": folded, "phrase": '"' + folded.replace('"', '""') + '"', "pattern": "%" + _like_escape(folded) + "%"}


def display_label(labels: LanguageMapJSON, language: str | None) -> str:
    """The label a search entry shows and is folded from: the one in its document's language, else the first."""
    tagged = typed("Mapping[str, str]", labels)  # read by a tag known only at run time
    return tagged.get(language or "zh-Hant") or next(iter(tagged.values()))


def occurrences(needle: BindParameter[str], dialect: str) -> ColumnElement[int]:
    """SQL: how many times the (folded) ``needle`` occurs in an entry (for ranking), a whole number.

    Counted in bytes: each occurrence that ``replace`` removes takes the needle's bytes with it, so the byte
    lengths give the same count as the character lengths, which both engines count by walking the text (on
    SQLite that was most of the cost of a candidate)."""

    def size(value: Mapped[str] | ColumnElement[str]) -> ColumnElement[int]:
        if dialect == "sqlite":
            return func.length(cast(value, LargeBinary), type_=Integer)  # a blob's length is its bytes
        return func.octet_length(value, type_=Integer)

    folded = col(SearchEntry.folded)
    removed = func.replace(folded, needle, literal_column("''"))
    difference = size(folded) - size(removed)
    counted: ColumnElement[int] = difference.op("/", precedence=8, return_type=Integer)(size(needle))  # whole numbers
    return counted


def _matches(dialect: str, short: bool, kinds: tuple[str, ...], by_document: bool) -> Statement:
    """Matching entries of these kinds (and of the ``:document`` when ``by_document``) in index order, the order
    of their ids, with what ranks them (never their text); the query is in the parameters (``_parameters``). A
    LIMIT on it reads no more entries than it returns."""
    needle = bindparam("needle", type_=String, literal_execute=dialect != "sqlite")  # see below
    query = select(
        col(SearchEntry.id),
        col(SearchEntry.kind),
        col(SearchEntry.record_id),
        col(SearchEntry.document_id),
        col(SearchEntry.seq),
        occurrences(needle, dialect).label("occurrences"),
    )
    if short:
        query = query.select_from(SearchGram).join(SearchEntry, col(SearchEntry.id) == col(SearchGram.entry_id))
        query = query.where(col(SearchGram.gram) == needle).order_by(col(SearchGram.entry_id))
    elif dialect == "sqlite":
        query = query.select_from(_FTS).join(SearchEntry, col(SearchEntry.id) == _FTS.c.rowid)
        query = query.where(text("search_fts MATCH :phrase")).order_by(_FTS.c.rowid)
    else:
        # On PostgreSQL every value is written into the SQL, none sent as a parameter: once psycopg prepares a
        # statement, PostgreSQL may switch to a generic plan, which cannot know how rare the pattern is (10-20 ms
        # instead of 1 ms at 100× the seed); with no parameter the generic plan is the custom one.
        pattern = bindparam("pattern", type_=String, literal_execute=True)
        query = query.where(col(SearchEntry.folded).like(pattern, escape="\\")).order_by(col(SearchEntry.id))
    # The kinds are part of the shape, written into the SQL (a list parameter cannot be compiled once); they are
    # the API's own names of kinds (``KINDS``), never request text.
    assert all(kind in KINDS for kind in kinds), kinds
    query = query.where(col(SearchEntry.kind).in_([literal_column(f"'{kind}'") for kind in kinds]))
    if by_document:
        query = query.where(col(SearchEntry.document_id) == bindparam("document", type_=String))
    return query


def _parameters(folded: str, document: str | None) -> dict[str, object]:
    return {**search_parameters(folded), "document": document}


def _ranking(rows: CTE | Subquery) -> tuple[AnyColumn, ...]:
    return (rows.c.occurrences.desc(), rows.c.document_id, rows.c.seq, rows.c.kind, rows.c.record_id)


def _record_bytes(table: type[Measure | Target], dialect: str) -> ColumnElement[bytes]:
    """A table's stored record text as UTF-8 bytes, converted by the database (spliced into hits as they are)."""
    if dialect == "postgresql":
        converted: ColumnElement[bytes] = func.convert_to(col(table.record), literal_column("'UTF8'"), type_=LargeBinary)
        return converted
    return cast(col(table.record), LargeBinary)


_ENTRY = SearchEntry.__table__.alias("entry")  # type: ignore[attr-defined]
"""The search entries of a page's rows (their texts), apart from the entries matched."""
_EXTENT = SearchEntry.__table__.alias("extent")  # type: ignore[attr-defined]
"""The search entries whose lowest and highest ids an estimate carries the density over (``estimate``)."""


def _with_records(
    rows: Subquery, order: tuple[AnyColumn, ...], dialect: str, extra: tuple[str, ...] = (), extent: bool = True
) -> Statement:
    """A page of rows (each with the ``id`` of its entry, its ``kind`` and ``occurrences``) with their entries' texts and
    their stored record (UTF-8 bytes), in ``order``: the columns of ``Match`` in its order, then the ``extra`` columns
    of ``rows``, then, with ``extent``, the lowest and highest entry ids (``estimate``). Only the page's rows read
    their entry and their record."""
    record = func.coalesce(_record_bytes(Measure, dialect), _record_bytes(Target, dialect), type_=LargeBinary)
    bounds: list[ColumnElement[int]] = []
    if extent:
        lowest, highest = select(func.min(_EXTENT.c.id)).scalar_subquery(), select(func.max(_EXTENT.c.id)).scalar_subquery()
        bounds = [lowest.label("lowest"), highest.label("highest")]
    columns = [rows.c.id, rows.c.kind, _ENTRY.c.record_id, _ENTRY.c.document_id, rows.c.occurrences]
    return (
        select(
            *columns,
            _ENTRY.c.folded,
            _ENTRY.c.display,
            _ENTRY.c.source_start,
            record.label("record"),
            *(rows.c[name] for name in extra),
            *bounds,
        )
        .select_from(
            rows.join(_ENTRY, _ENTRY.c.id == rows.c.id)
            .outerjoin(Measure, and_(rows.c.kind == literal_column("'measure'"), col(Measure.id) == _ENTRY.c.record_id))
            .outerjoin(Target, and_(rows.c.kind == literal_column("'target'"), col(Target.id) == _ENTRY.c.record_id))
        )
        .order_by(*order)
    )


_INT = Integer()


@cache
def _by_grams(dialect: str, kinds: tuple[str, ...], part: str) -> Statement:
    """The statements of a query of up to 3 characters, read from the ranking index of ``search_grams`` alone,
    built once per shape:

    - ``page``: rows ``:offset`` to ``:offset + :want`` of the ranking of every matching entry (more occurrences
      first, then document order), with their texts and records: the index gives them in that order, so a page
      reads its own rows and the ones before it, however many entries match;
    - ``count``: how many entries match (``ranked_window`` keeps it for the release).
    """
    inline = dialect != "sqlite"  # see ``_matches``
    gram = SearchGram.__table__.alias("ranked_gram")  # type: ignore[attr-defined]
    assert all(kind in KINDS for kind in kinds), kinds
    matching = and_(
        gram.c.gram == bindparam("needle", type_=String, literal_execute=inline),
        gram.c.kind.in_([literal_column(f"'{kind}'") for kind in kinds]),
    )
    if part == "count":
        return select(func.count()).select_from(gram).where(matching)
    offset, want = bindparam("offset", type_=_INT, literal_execute=inline), bindparam("want", type_=_INT, literal_execute=inline)
    order = (gram.c.occurrences.desc(), gram.c.document_key, gram.c.ordinal)
    columns = (gram.c.entry_id.label("id"), gram.c.kind, gram.c.occurrences, gram.c.document_key, gram.c.ordinal)
    page = select(*columns).where(matching).order_by(*order).offset(offset).limit(want).subquery("page")
    return _with_records(page, (page.c.occurrences.desc(), page.c.document_key, page.c.ordinal), dialect, extent=False)


@cache
def _statement(dialect: str, short: bool, kinds: tuple[str, ...], by_document: bool, part: str) -> Statement:
    """The statements of a ranking, built once per shape (SQLAlchemy then reuses their compiled form):

    - ``ranked``: the first ``:bound`` matches plus one (``seen`` counts them, ``last_id`` is the last),
      ranked without that last one, from ``:offset``, ``:want`` rows, with their texts and records;
    - ``rest``: matches in index order from ``:offset``, ``:want`` rows, with their texts and records;
    - ``count``: how many matches there are among the first ``:offset``;
    - ``in_document``: how many there are in the ``:document`` (``count_in_document``).

    The candidates carry only what ranks them; the texts and records are read for the page's rows alone.
    """
    matches = _matches(dialect, short, kinds, by_document)
    inline = dialect != "sqlite"  # the bounds too (see ``_matches``)
    offset, want = bindparam("offset", type_=_INT, literal_execute=inline), bindparam("want", type_=_INT, literal_execute=inline)
    if part == "ranked":
        first = matches.limit(bindparam("bound_and_one", type_=_INT, literal_execute=inline)).cte("candidates")
        bounds = select(func.count().label("seen"), func.max(first.c.id).label("last_id")).select_from(first).cte("bounds")
        ranked = (
            select(first, bounds.c.seen, bounds.c.last_id)
            .select_from(first.join(bounds, literal_column("1") == literal_column("1")))
            .where(or_(bounds.c.seen <= bindparam("bound", type_=_INT, literal_execute=inline), first.c.id < bounds.c.last_id))
            .order_by(*_ranking(first))
            .offset(offset)
            .limit(want)
            .subquery("ranked")
        )
        return _with_records(ranked, _ranking(ranked), dialect, ("seen", "last_id"))
    if part == "rest":
        rest = matches.offset(offset).limit(want).subquery("rest")
        return _with_records(rest, (rest.c.id,), dialect)
    if part == "in_document":
        return count_in_document(dialect, kinds)
    return select(func.count()).select_from(matches.limit(offset).subquery())


class Match(NamedTuple):
    """One matching entry of a ranking, with its texts and its stored record."""

    id: int
    kind: str
    record_id: str
    document_id: str
    occurrences: int
    """How many times the query occurs in the entry (``int()`` of it: some drivers give a decimal)."""
    folded: str
    display: str
    """The text shown (``SearchEntry.display``): ``folded`` is this text folded, character for character."""
    source_start: int | None
    """Where a measure's source span starts in its document's text."""
    record: bytes
    """The stored record's JSON as UTF-8 bytes."""


_FIELDS = len(Match._fields)
_SEEN, _LAST_ID = _FIELDS, _FIELDS + 1
"""Where a ``ranked`` row holds ``seen`` and ``last_id`` (after the columns of ``Match``); every row of ``ranked`` and
``rest`` ends with the lowest and highest entry ids (``estimate``)."""
_STATEMENTS = Statements()


def _run(connection: Reading, dialect: str, key: tuple[object, ...], statement: Statement, parameters: Mapping[str, object]) -> list[Row]:
    """The rows of one statement of a ranking (``key``: its shape and part) as tuples.

    On SQLite the statement is compiled once per shape and run on the driver's cursor (``db/prepared.py``):
    SQLAlchemy's per-call work (keying the statement, the execution context, wrapping each row) was about half
    of a cold search. On PostgreSQL the values are written into the SQL (see ``_matches``), which a statement
    compiled once cannot do: it runs through SQLAlchemy, as before.
    """
    if dialect == "sqlite":
        return run(connection, _STATEMENTS.get(connection.dialect, key, lambda: statement), parameters)
    assert isinstance(connection, Connection), "PostgreSQL reads run in SQLAlchemy's snapshot"
    return [tuple(row) for row in connection.execute(statement, parameters)]


@dataclass(frozen=True)
class Window:
    """Matches of a ranking (each with its texts and record), the total, and whether the total is an estimate."""

    rows: list[Match]
    total: int
    estimated: bool


Remember = Callable[[Hashable, Callable[[], int]], int]
"""Gives a count kept for the release under a key, counting with the callable when it is not kept
(``queries.counts.ReleaseTotals.filtered``)."""


def _count_now(key: Hashable, count: Callable[[], int]) -> int:
    return count()


def ranked_window(
    connection: Reading,
    dialect: str,
    folded: str,
    kinds: tuple[str, ...],
    document: str | None,
    bound: int,
    offset: int,
    want: int,
    remember: Remember = _count_now,
) -> Window:
    """Rows ``offset`` to ``offset + want`` of the ranking of the entries of ``kinds`` containing ``folded``.

    A query of up to 3 characters across documents is ranked among all its matches, from the ranking index of
    ``search_grams`` (``_by_grams``): a page reads its own rows and those before it, and the total, exact, is
    counted once per release (``remember``). Longer queries, and any query within one ``document``, rank the
    first ``bound`` matches in index order, best first, then every later match in index order: a request reads
    at most ``bound + 1`` entries and one page (or, past ``bound``, ``offset`` entries, as any offset does). One
    statement when the page lies within the candidates (the candidates, their count, the page with its texts and
    records, and what an estimate needs), a second when it goes on past them. The total is exact when the
    matches end within what was read, or with ``document`` (one document's entries are counted); otherwise an
    estimate (``estimate``).
    """
    if document is None and len(folded) <= GRAM_SIZES[-1]:
        values = {"needle": folded, "offset": offset, "want": want}
        page = _run(connection, dialect, ("grams", kinds, "page"), _by_grams(dialect, kinds, "page"), values)
        counting = _by_grams(dialect, kinds, "count")
        total = remember(
            ("search", folded, kinds), lambda: int(_run(connection, dialect, ("grams", kinds, "count"), counting, values)[0][0])
        )
        return Window([Match._make(row) for row in page], total, False)
    shape = (dialect, len(folded) <= 2, kinds, document is not None)
    parameters = _parameters(folded, document) | {"bound": bound, "bound_and_one": bound + 1, "offset": offset, "want": want}

    def rows_of(part: str, values: Mapping[str, object]) -> list[Row]:
        return _run(connection, dialect, (shape, part), _statement(*shape, part), values)

    def count(values: Mapping[str, object], part: str = "count") -> int:
        return int(rows_of(part, values)[0][0])

    if offset < bound:
        ranked = rows_of("ranked", parameters)
        if not ranked:  # past the end of fewer than bound matches
            return Window([], count(parameters | {"offset": bound + 1}), False)
        seen_in_first = int(ranked[0][_SEEN])
        rows = [Match._make(row[:_FIELDS]) for row in ranked]
        if seen_in_first <= bound:
            return Window(rows, seen_in_first, False)
        seen, last, extent = bound + 1, int(ranked[0][_LAST_ID]), ranked[0][-2:]
        more = want - len(rows)
        if more > 0:  # the page goes on past the candidates, in index order
            rest = rows_of("rest", parameters | {"offset": bound, "want": more})
            after = [Match._make(row[:_FIELDS]) for row in rest]
            rows += after
            if len(after) < more:
                return Window(rows, bound + len(after), False)
            seen, last = bound + len(after), after[-1].id
    else:
        rest = rows_of("rest", parameters)
        rows = [Match._make(row[:_FIELDS]) for row in rest]
        if not rows:
            return Window(rows, count(parameters), False)
        if len(rows) < want:
            return Window(rows, offset + len(rows), False)
        seen, last, extent = offset + len(rows), rows[-1].id, rest[0][-2:]
    if document is not None:
        return Window(rows, count(parameters, "in_document"), False)
    return Window(rows, estimate(seen, last, *extent), True)


def estimate(seen: int, last_id: int, lowest: int | None, highest: int | None) -> int:
    """How many entries match in all, from the ``seen`` matches among the entries up to ``last_id`` (index order),
    taking the same density over the rest of the entries (``lowest`` to ``highest``, the ids of the first and last
    entries, which the ranking's statements read with the page). Never less than ``seen``."""
    if lowest is None or highest is None or last_id < lowest:
        return seen
    return max(seen, round(seen * (int(highest) - int(lowest) + 1) / (last_id - int(lowest) + 1)))


def count_in_document(dialect: str, kinds: tuple[str, ...]) -> Select[int]:
    """SELECT how many entries of these kinds of the ``:document`` contain the folded ``:needle``, reading that
    document's entries only (at most one report's measures and targets, however large the corpus)."""
    needle = bindparam("needle", type_=String, literal_execute=dialect != "sqlite")
    position = func.instr if dialect == "sqlite" else func.strpos
    assert all(kind in KINDS for kind in kinds), kinds
    return select(func.count()).where(
        col(SearchEntry.document_id) == bindparam("document", type_=String),
        col(SearchEntry.kind).in_([literal_column(f"'{kind}'") for kind in kinds]),
        position(col(SearchEntry.folded), needle) > 0,
    )

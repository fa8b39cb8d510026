"""Cross-script substring search over measure texts and target indicators.

Every entry is stored folded (Simplified script, ASCII width, lower case, one
character for one, so match offsets are offsets into the displayed text):
养老 finds 養老. Queries of three characters or more use the engine's trigram
index (SQLite FTS5 ``trigram``, PostgreSQL ``pg_trgm``); shorter ones, which
trigrams cannot see, look up ``search_grams``, an index of every distinct 1-
and 2-character piece. No path scans the entries. Query text is plain text:
``%``, ``_``, ``\\`` and quotes match themselves.

Ranking (``/v1/search``): more occurrences first, then document order, then id,
among the first ``search_candidates`` matches in index order (``ranked_window``):
a query matching at most that many entries is ranked exactly, one matching more
costs the same as one matching that many, and its total is an estimate
(``estimate``) unless the page reaches the last match. No request reads more
than the candidates and one page of entries; its statements are built once per
shape and, on SQLite, compiled once and run on the driver's cursor
(``db/prepared.py``), the records coming back as the stored JSON's bytes.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any, NamedTuple

from sqlalchemy import (
    ColumnElement,
    Connection,
    Integer,
    LargeBinary,
    Select,
    String,
    and_,
    bindparam,
    cast,
    column,
    func,
    literal,
    literal_column,
    or_,
    select,
    table,
    text,
)
from sqlmodel import col

from workreport_pipeline import fold

from .prepared import Row, Statements, run
from .tables import Document, Measure, SearchEntry, SearchGram, Target

MAX_QUERY_LENGTH = 100
KINDS = ("measure", "target", "result")
"""The kinds of search entries."""
_FTS = table("search_fts", column("rowid"))
"""The FTS5 trigram table of SQLite (made by migration 0002, not a model)."""


def fold_query(query: str) -> str:
    """The query folded like the entries, surrounding whitespace removed."""
    return fold(query.strip())


def grams(folded: str) -> set[str]:
    """Every distinct 1- and 2-character piece of a folded text."""
    pieces = {char for char in folded if not char.isspace()}
    pieces |= {folded[i : i + 2] for i in range(len(folded) - 1) if not folded[i : i + 2].isspace()}
    return pieces


def _like_escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def matching(dialect: str, folded: str, *columns: Any) -> Select[Any]:
    """SELECT ``columns`` of the search entries whose folded text contains the folded query.

    The index leads the plan: the gram table (1-2 characters) or the trigram
    index (3 or more) finds the entries, which are then joined by key.
    """
    if len(folded) <= 2:
        return (
            select(*columns)
            .select_from(SearchGram)
            .join(SearchEntry, col(SearchEntry.id) == col(SearchGram.entry_id))
            .where(col(SearchGram.gram) == folded)
        )
    if dialect == "sqlite":
        phrase = '"' + folded.replace('"', '""') + '"'
        return (
            select(*columns)
            .select_from(_FTS)
            .join(SearchEntry, col(SearchEntry.id) == _FTS.c.rowid)
            .where(text("search_fts MATCH :phrase").bindparams(phrase=phrase))
        )
    return select(*columns).where(col(SearchEntry.folded).like("%" + _like_escape(folded) + "%", escape="\\"))


def matching_record_ids(dialect: str, folded: str, kind: str) -> Select[Any]:
    """Ids of measures, targets or results whose search text contains the folded query."""
    return matching(dialect, folded, col(SearchEntry.record_id)).where(col(SearchEntry.kind) == kind)


def occurrences(needle: ColumnElement[Any]) -> ColumnElement[Any]:
    """SQL: how many times the (folded) ``needle`` occurs in an entry (for ranking)."""
    folded = col(SearchEntry.folded)
    return (func.length(folded) - func.length(func.replace(folded, needle, literal_column("''")))) / func.length(needle)


def _matches(dialect: str, short: bool, kinds: tuple[str, ...], by_document: bool) -> Select[Any]:
    """Matching entries of these kinds (and of the ``:document`` when ``by_document``) in index order, the order
    of their ids, with their occurrences; the query is in the parameters (``_parameters``). A LIMIT on it reads
    no more entries than it returns."""
    needle = bindparam("needle", type_=String, literal_execute=dialect != "sqlite")  # see below
    rank = occurrences(needle)
    columns: list[Any] = [col(SearchEntry.id), col(SearchEntry.kind), col(SearchEntry.record_id), col(SearchEntry.document_id)]
    query: Select[Any] = select(*columns, col(SearchEntry.seq), col(SearchEntry.folded), rank.label("occurrences"))
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


def _parameters(folded: str, document: str | None) -> dict[str, Any]:
    return {
        "needle": folded,
        "phrase": '"' + folded.replace('"', '""') + '"',
        "pattern": "%" + _like_escape(folded) + "%",
        "document": document,
    }


def _ranking(rows: Any) -> tuple[ColumnElement[Any], ...]:
    return (rows.c.occurrences.desc(), rows.c.document_id, rows.c.seq, rows.c.kind, rows.c.record_id)


def _record_bytes(table: Any, dialect: str) -> ColumnElement[bytes]:
    """A table's stored record text as UTF-8 bytes, converted by the database (spliced into hits as they are)."""
    if dialect == "postgresql":
        converted: ColumnElement[bytes] = func.convert_to(table.record, literal_column("'UTF8'"), type_=LargeBinary)
        return converted
    return cast(table.record, LargeBinary)


def _with_records(rows: Any, order: tuple[ColumnElement[Any], ...], dialect: str, extra: tuple[str, ...] = ()) -> Select[Any]:
    """The rows with their stored record (UTF-8 bytes) and their document's language, in ``order``: the columns of
    ``Match`` in its order, then the ``extra`` columns of ``rows``."""
    record = func.coalesce(_record_bytes(Measure, dialect), _record_bytes(Target, dialect), type_=LargeBinary)
    columns = [rows.c[name] for name in Match._fields[:7]]
    return (
        select(*columns, record.label("record"), col(Document.language).label("language"), *(rows.c[name] for name in extra))
        .select_from(
            rows.outerjoin(Measure, and_(rows.c.kind == literal_column("'measure'"), col(Measure.id) == rows.c.record_id))
            .outerjoin(Target, and_(rows.c.kind == literal_column("'target'"), col(Target.id) == rows.c.record_id))
            .outerjoin(Document, col(Document.id) == rows.c.document_id)
        )
        .order_by(*order)
    )


_INT = Integer()


@cache
def _statement(dialect: str, short: bool, kinds: tuple[str, ...], by_document: bool, part: str) -> Select[Any]:
    """The statements of a ranking, built once per shape (SQLAlchemy then reuses their compiled form):

    - ``ranked``: the first ``:bound`` matches plus one (``seen`` counts them, ``last_id`` is the last),
      ranked without that last one, from ``:offset``, ``:want`` rows, with their records;
    - ``rest``: matches in index order from ``:offset``, ``:want`` rows, with their records;
    - ``count``: how many matches there are among the first ``:offset``.
    """
    matches = _matches(dialect, short, kinds, by_document)
    inline = dialect != "sqlite"  # the bounds too (see ``_matches``)
    offset, want = bindparam("offset", type_=_INT, literal_execute=inline), bindparam("want", type_=_INT, literal_execute=inline)
    if part == "ranked":
        first = matches.limit(bindparam("bound_and_one", type_=_INT, literal_execute=inline)).cte("candidates")
        seen = select(func.count()).select_from(first).scalar_subquery()
        last_id = select(func.max(first.c.id)).scalar_subquery()
        ranked = (
            select(first, seen.label("seen"), last_id.label("last_id"))
            .where(or_(seen <= bindparam("bound", type_=_INT, literal_execute=inline), first.c.id < last_id))
            .order_by(*_ranking(first))
            .offset(offset)
            .limit(want)
            .subquery("ranked")
        )
        return _with_records(ranked, _ranking(ranked), dialect, ("seen", "last_id"))
    if part == "rest":
        rest = matches.offset(offset).limit(want).subquery("rest")
        return _with_records(rest, (rest.c.id,), dialect)
    return select(func.count()).select_from(matches.limit(offset).subquery())


class Match(NamedTuple):
    """One matching entry of a ranking, with its stored record."""

    id: int
    kind: str
    record_id: str
    document_id: str
    seq: int
    folded: str
    occurrences: float
    """How many times the query occurs in the entry: a whole number, which the SQL's division may return as a float
    or a decimal (``int()`` gives the count)."""
    record: bytes
    """The stored record's JSON as UTF-8 bytes."""
    language: str | None
    """The language of the entry's document."""


_SEEN, _LAST_ID = len(Match._fields), len(Match._fields) + 1
"""Where a ``ranked`` row holds ``seen`` and ``last_id`` (after the columns of ``Match``)."""
_STATEMENTS = Statements()


def _run(connection: Connection, shape: tuple[str, bool, tuple[str, ...], bool], part: str, parameters: dict[str, Any]) -> list[Row]:
    """The rows of one statement of a ranking as tuples.

    On SQLite the statement is compiled once per shape and run on the driver's cursor (``db/prepared.py``):
    SQLAlchemy's per-call work (keying the statement, the execution context, wrapping each row) was about half
    of a cold search. On PostgreSQL the values are written into the SQL (see ``_matches``), which a statement
    compiled once cannot do: it runs through SQLAlchemy, as before.
    """
    statement = _statement(*shape, part)
    if shape[0] == "sqlite":
        return run(connection, _STATEMENTS.get(connection.dialect, (shape, part), lambda: statement), parameters)
    return [tuple(row) for row in connection.execute(statement, parameters)]


@dataclass(frozen=True)
class Window:
    """Matches of a ranking (each with its record and language), the total, and whether the total is an estimate."""

    rows: list[Match]
    total: int
    estimated: bool


def ranked_window(
    connection: Connection, dialect: str, folded: str, kinds: tuple[str, ...], document: str | None, bound: int, offset: int, want: int
) -> Window:
    """Rows ``offset`` to ``offset + want`` of the ranking of the entries of ``kinds`` containing ``folded``.

    The ranking is the first ``bound`` matches in index order, best first, then every later match in
    index order: a request reads at most ``bound + 1`` entries and one page (or, past ``bound``,
    ``offset`` entries, as any offset does). Usually one statement: the candidates, their count, the
    page and its records. The total is exact when the matches end within what was read, or with
    ``document`` (one document's entries are counted); otherwise an estimate (``estimate``).
    """
    shape = (dialect, len(folded) <= 2, kinds, document is not None)
    parameters = _parameters(folded, document) | {"bound": bound, "bound_and_one": bound + 1, "offset": offset, "want": want}

    def count(values: dict[str, Any]) -> int:
        return int(_run(connection, shape, "count", values)[0][0])

    if offset < bound:
        ranked = _run(connection, shape, "ranked", parameters)
        if not ranked:  # past the end of fewer than bound matches
            return Window([], count(parameters | {"offset": bound + 1}), False)
        seen_in_first = int(ranked[0][_SEEN])
        rows = [Match._make(row[:_SEEN]) for row in ranked]
        if seen_in_first <= bound:
            return Window(rows, seen_in_first, False)
        seen, last = bound + 1, int(ranked[0][_LAST_ID])
        more = want - len(rows)
        if more > 0:  # the page goes on past the candidates, in index order
            after = [Match._make(row) for row in _run(connection, shape, "rest", parameters | {"offset": bound, "want": more})]
            rows += after
            if len(after) < more:
                return Window(rows, bound + len(after), False)
            seen, last = bound + len(after), after[-1].id
    else:
        rows = [Match._make(row) for row in _run(connection, shape, "rest", parameters)]
        if not rows:
            return Window(rows, count(parameters), False)
        if len(rows) < want:
            return Window(rows, offset + len(rows), False)
        seen, last = offset + len(rows), rows[-1].id
    if document is not None:
        return Window(rows, int(connection.execute(count_in_document(dialect, folded, document, kinds)).scalar_one()), False)
    return Window(rows, estimate(connection, seen, last), True)


def estimate(connection: Connection, seen: int, last_id: int) -> int:
    """How many entries match in all, from the ``seen`` matches among the entries up to ``last_id`` (index order),
    taking the same density over the rest of the entries. Never less than ``seen``; two primary-key reads."""
    lowest = select(func.min(col(SearchEntry.id))).scalar_subquery()
    highest = select(func.max(col(SearchEntry.id))).scalar_subquery()
    first, last = connection.execute(select(lowest, highest)).one()
    if first is None or last is None or last_id < first:
        return seen
    return max(seen, round(seen * (int(last) - int(first) + 1) / (last_id - int(first) + 1)))


def count_in_document(dialect: str, folded: str, document: str, kinds: tuple[str, ...]) -> Select[Any]:
    """SELECT how many entries of these kinds of one document contain the folded query, reading that document's
    entries only (at most one report's measures and targets, however large the corpus)."""
    position = func.instr if dialect == "sqlite" else func.strpos
    return select(func.count()).where(
        col(SearchEntry.document_id) == document, col(SearchEntry.kind).in_(kinds), position(col(SearchEntry.folded), literal(folded)) > 0
    )

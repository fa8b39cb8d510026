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
shape, so SQLAlchemy reuses their compiled form.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Integer,
    Row,
    Select,
    String,
    and_,
    bindparam,
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

from .tables import Document, Measure, SearchEntry, SearchGram, Target

MAX_QUERY_LENGTH = 100
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
    query = query.where(col(SearchEntry.kind).in_(kinds))
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


def _with_records(rows: Any, order: tuple[ColumnElement[Any], ...]) -> Select[Any]:
    """The rows with their stored record and their document's language, in ``order``."""
    return (
        select(rows, func.coalesce(col(Measure.record), col(Target.record)).label("record"), col(Document.language).label("language"))
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
        return _with_records(ranked, _ranking(ranked))
    if part == "rest":
        rest = matches.offset(offset).limit(want).subquery("rest")
        return _with_records(rest, (rest.c.id,))
    return select(func.count()).select_from(matches.limit(offset).subquery())


@dataclass(frozen=True)
class Window:
    """Rows of a ranking (each with ``record`` and ``language``), the total, and whether the total is an estimate."""

    rows: list[Row[Any]]
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
    if offset < bound:
        rows = list(connection.execute(_statement(*shape, "ranked"), parameters))
        if not rows:  # past the end of fewer than bound matches
            return Window(
                rows, int(connection.execute(_statement(*shape, "count"), parameters | {"offset": bound + 1}).scalar_one()), False
            )
        if rows[0].seen <= bound:
            return Window(rows, int(rows[0].seen), False)
        seen, last = bound + 1, int(rows[0].last_id)
        more = want - len(rows)
        if more > 0:  # the page goes on past the candidates, in index order
            after = list(connection.execute(_statement(*shape, "rest"), parameters | {"offset": bound, "want": more}))
            rows += after
            if len(after) < more:
                return Window(rows, bound + len(after), False)
            seen, last = bound + len(after), int(after[-1].id)
    else:
        rows = list(connection.execute(_statement(*shape, "rest"), parameters))
        if not rows:
            return Window(rows, int(connection.execute(_statement(*shape, "count"), parameters).scalar_one()), False)
        if len(rows) < want:
            return Window(rows, offset + len(rows), False)
        seen, last = offset + len(rows), int(rows[-1].id)
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

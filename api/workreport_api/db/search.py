"""Cross-script substring search over measure texts and target indicators.

Every entry is stored folded (Simplified script, ASCII width, lower case, one
character for one, so match offsets are offsets into the displayed text):
养老 finds 養老. Queries of three characters or more use the engine's trigram
index (SQLite FTS5 ``trigram``, PostgreSQL ``pg_trgm``); shorter ones, which
trigrams cannot see, look up ``search_grams``, an index of every distinct 1-
and 2-character piece. No path scans the entries. Query text is plain text:
``%``, ``_``, ``\\`` and quotes match themselves.

Ranking (``/v1/search``): more occurrences first, then document order, then id,
among the first ``search_candidates`` matches in index order (``candidates``):
a query matching at most that many entries is ranked exactly, one matching more
costs the same as one matching that many, and its total is an estimate
(``estimate``). No query reads more than the candidates and one page of entries.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Connection, Row, Select, and_, column, func, literal, or_, select, table, text
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


def occurrences(folded: str) -> ColumnElement[Any]:
    """SQL: how many times the query occurs in an entry (for ranking)."""
    needle = literal(folded)
    return (func.length(col(SearchEntry.folded)) - func.length(func.replace(col(SearchEntry.folded), needle, ""))) / func.length(needle)


def index_order(dialect: str, folded: str) -> Any:
    """The column ``matching`` reads its index in: entries come out of the index already in this order,
    which is also the order of their ids."""
    if len(folded) <= 2:
        return col(SearchGram.entry_id)
    if dialect == "sqlite":
        return _FTS.c.rowid
    return col(SearchEntry.id)


def candidates(dialect: str, folded: str, conditions: list[ColumnElement[bool]]) -> Select[Any]:
    """Matching entries in index order (entry id, the order they were loaded in) with their occurrences:
    the caller bounds it with LIMIT, so it reads no more entries than it returns (after the conditions)."""
    return (
        matching(
            dialect,
            folded,
            col(SearchEntry.id),
            col(SearchEntry.kind),
            col(SearchEntry.record_id),
            col(SearchEntry.document_id),
            col(SearchEntry.seq),
            col(SearchEntry.folded),
            occurrences(folded).label("occurrences"),
        )
        .where(*conditions)
        .order_by(index_order(dialect, folded))
    )


def _ranking(rows: Any) -> tuple[ColumnElement[Any], ...]:
    return (rows.c.occurrences.desc(), rows.c.document_id, rows.c.seq, rows.c.kind, rows.c.record_id)


def _with_records(rows: Any, order: tuple[ColumnElement[Any], ...]) -> Select[Any]:
    """The rows with their stored record and their document's language, in ``order``."""
    return (
        select(rows, func.coalesce(col(Measure.record), col(Target.record)).label("record"), col(Document.language).label("language"))
        .select_from(
            rows.outerjoin(Measure, and_(rows.c.kind == "measure", col(Measure.id) == rows.c.record_id))
            .outerjoin(Target, and_(rows.c.kind == "target", col(Target.id) == rows.c.record_id))
            .outerjoin(Document, col(Document.id) == rows.c.document_id)
        )
        .order_by(*order)
    )


@dataclass(frozen=True)
class Window:
    """Rows of a ranking (each with ``record`` and ``language``), the total, and whether the total is an estimate."""

    rows: list[Row[Any]]
    total: int
    estimated: bool


def ranked_window(
    connection: Connection,
    dialect: str,
    folded: str,
    conditions: list[ColumnElement[bool]],
    document: str | None,
    bound: int,
    offset: int,
    want: int,
) -> Window:
    """Rows ``offset`` to ``offset + want`` of the ranking of the entries containing ``folded``.

    The ranking is the first ``bound`` matches in index order, best first, then every later match in
    index order: a request reads at most ``bound + 1`` entries and one page (or, past ``bound``,
    ``offset`` entries, as any offset does). Usually one statement: the candidates, their count, the
    page and its records.
    """
    matches = candidates(dialect, folded, conditions)
    if offset < bound:
        first = matches.limit(bound + 1).cte("candidates")
        seen = select(func.count()).select_from(first).scalar_subquery()
        last_id = select(func.max(first.c.id)).scalar_subquery()  # the (bound + 1)-th when there is one
        ranked = (
            select(first, seen.label("seen"), last_id.label("last_id"))
            .where(or_(seen <= bound, first.c.id < last_id))
            .order_by(*_ranking(first))
            .offset(offset)
            .limit(want)
            .subquery("ranked")
        )
        rows = list(connection.execute(_with_records(ranked, _ranking(ranked))))
        in_first = rows[0].seen if rows else connection.execute(select(func.count()).select_from(first)).scalar_one()
        if in_first <= bound:
            return Window(rows, int(in_first), False)
        seen_count, last = bound + 1, rows[0].last_id
        more = want - len(rows)
        if more > 0:  # the page goes on past the candidates, in index order
            rest = matches.offset(bound).limit(more).subquery("rest")
            after = list(connection.execute(_with_records(rest, (rest.c.id,))))
            rows += after
            if len(after) < more:
                return Window(rows, bound + len(after), False)
            seen_count, last = bound + len(after), after[-1].id
    else:
        rest = matches.offset(offset).limit(want).subquery("rest")
        rows = list(connection.execute(_with_records(rest, (rest.c.id,))))
        if not rows:
            passed = connection.execute(select(func.count()).select_from(matches.limit(offset).subquery())).scalar_one()
            return Window(rows, int(passed), False)
        if len(rows) < want:
            return Window(rows, offset + len(rows), False)
        seen_count, last = offset + len(rows), rows[-1].id
    if document:
        return Window(rows, int(connection.execute(count_in_document(dialect, folded, document, conditions)).scalar_one()), False)
    return Window(rows, estimate(connection, seen_count, last), True)


def estimate(connection: Connection, seen: int, last_id: int) -> int:
    """How many entries match in all, from the ``seen`` matches among the entries up to ``last_id`` (index order),
    taking the same density over the rest of the entries. Never less than ``seen``; two primary-key reads."""
    lowest = select(func.min(col(SearchEntry.id))).scalar_subquery()
    highest = select(func.max(col(SearchEntry.id))).scalar_subquery()
    first, last = connection.execute(select(lowest, highest)).one()
    if first is None or last is None or last_id < first:
        return seen
    return max(seen, round(seen * (int(last) - int(first) + 1) / (last_id - int(first) + 1)))


def count_in_document(dialect: str, folded: str, document: str, conditions: list[ColumnElement[bool]]) -> Select[Any]:
    """SELECT how many entries of one document contain the folded query, reading that document's entries only
    (at most one report's measures and targets, however large the corpus)."""
    position = func.instr if dialect == "sqlite" else func.strpos
    return select(func.count()).where(
        col(SearchEntry.document_id) == document, position(col(SearchEntry.folded), literal(folded)) > 0, *conditions
    )

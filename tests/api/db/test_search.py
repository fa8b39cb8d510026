"""Search: cross-script, 1- and 2-character queries, metacharacters as plain text, on both engines."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from sqlalchemy import Engine, select

from workreport_api.db.search import entries_of_kind, fold_query, grams, search_parameters
from workreport_api.db.tables import Measure, Target

from ...conftest import ENGINES

on_both_engines = pytest.mark.parametrize("shared_engine", ENGINES, indirect=True)


def _texts(engine: Engine, query: str, kind: str = "measure") -> list[str]:
    table, field = (Measure, "text") if kind == "measure" else (Target, "indicator")
    with engine.connect() as connection:
        folded = fold_query(query)
        entries = entries_of_kind(engine.dialect.name, len(folded) <= 2, kind).subquery()
        ids = select(entries.c.record_id)
        records = connection.scalars(select(table.record).where(table.id.in_(ids)).order_by(table.id), search_parameters(folded))
        return [json.loads(record)[field]["zh-Hant"] for record in records]


@on_both_engines
@pytest.mark.parametrize(
    ("query", "must_contain"),
    [("菜", "菜"), ("养老", "養老"), ("養老", "養老"), ("養老床", "養老床"), ("养老床位", "養老床位"), ("１１００", "1100"), ("%", "%")],
)
def test_queries_of_every_length_and_script(shared_engine: Engine, query: str, must_contain: str) -> None:
    found = _texts(shared_engine, query)
    assert found, query
    assert all(must_contain in text for text in found)


@on_both_engines
def test_every_measure_containing_the_word_is_found(shared_engine: Engine) -> None:
    with shared_engine.connect() as connection:
        everything = [json.loads(r)["text"]["zh-Hant"] for r in connection.scalars(select(Measure.record))]
    for word in ("菜", "養老", "就業崗位"):
        assert sorted(_texts(shared_engine, word)) == sorted(t for t in everything if word in t)


@on_both_engines
@pytest.mark.parametrize("query", ["_", "\\", "'", '"', "%%", "' OR 1=1 --", "養老%", "%_"])
def test_metacharacters_are_plain_text(shared_engine: Engine, query: str) -> None:
    assert _texts(shared_engine, query) == []


@on_both_engines
def test_targets_by_indicator(shared_engine: Engine) -> None:
    assert _texts(shared_engine, "床位", "target") == ["新增養老床位"]
    assert _texts(shared_engine, "幼儿园", "target") == ["新增幼兒園"]


def test_grams_are_the_pieces_of_one_to_three_characters_with_their_occurrences() -> None:
    assert grams("养老 床") == {"养": 1, "老": 1, "床": 1, "养老": 1, "老 ": 1, " 床": 1, "养老 ": 1, "老 床": 1}
    # counted as a query's occurrences are (not overlapping); pieces of whitespace alone are not kept
    assert grams("养养养  ") == {"养": 3, "养养": 1, "养养养": 1, "养 ": 1, "养养 ": 1, "养  ": 1}


def test_an_estimate_carries_the_density_seen_over_every_entry() -> None:
    from workreport_api.db.search import estimate

    first, last = 101, 1100  # 1,000 entries
    assert estimate(10, first + 99, first, last) == 100  # 10 in the first 100 entries
    assert estimate(7, last, first, last) == 7  # everything read: what was seen
    assert estimate(3, first, first, last) == 3000
    assert estimate(5, 50, None, None) == 5  # no entries left to carry it over


@on_both_engines
def test_a_ranked_window_reads_its_records_and_counts_within_a_document(shared_engine: Engine) -> None:
    from workreport_api.db.search import ranked_window

    kinds = ("measure", "target")
    with shared_engine.connect() as connection:
        everything = ranked_window(connection, shared_engine.dialect.name, "改革试点", kinds, None, 200, 0, 100)
        bounded = ranked_window(connection, shared_engine.dialect.name, "改革试点", kinds, None, 3, 0, 2)
        in_document = ranked_window(connection, shared_engine.dialect.name, "改革试点", kinds, "shanghai-2012", 3, 0, 2)
        short = ranked_window(connection, shared_engine.dialect.name, "养老", kinds, None, 3, 0, 2)  # the grams' ranking
    assert (everything.total, everything.estimated, len(everything.rows)) == (11, False, 11)
    assert all(json.loads(row.record)["id"] == row.record_id for row in everything.rows)
    assert bounded.estimated and bounded.total >= 4 and len(bounded.rows) == 2
    assert (in_document.total, in_document.estimated) == (11, False)
    assert (short.total, short.estimated, len(short.rows)) == (10, False, 2)  # however few candidates are allowed
    assert all(json.loads(row.record)["id"] == row.record_id for row in short.rows)


@on_both_engines
def test_an_entry_carries_the_text_it_shows_and_its_measure_start(shared_engine: Engine) -> None:
    """The loader writes what a hit shows (the label in the document's language) and a measure's source start, so a
    search never parses a record; ``folded`` is ``display`` folded, character for character."""
    from workreport_api.db.tables import Document, SearchEntry
    from workreport_pipeline import fold

    with shared_engine.connect() as connection:
        language = {row.id: row.language for row in connection.execute(select(Document.id, Document.language))}
        records = {
            **{r.id: ("measure", json.loads(r.record)) for r in connection.execute(select(Measure.id, Measure.record))},
            **{r.id: ("target", json.loads(r.record)) for r in connection.execute(select(Target.id, Target.record))},
        }
        entries = connection.execute(
            select(
                SearchEntry.record_id,
                SearchEntry.kind,
                SearchEntry.document_id,
                SearchEntry.folded,
                SearchEntry.display,
                SearchEntry.source_start,
            )
        ).all()
    checked = 0
    for record_id, kind, document_id, folded, display, source_start in entries:
        if kind == "result":
            continue
        record = records[record_id][1]
        labels = record["text" if kind == "measure" else "indicator"]
        assert display == labels[language[document_id]] and fold(display) == folded and len(display) == len(folded)
        assert source_start == (record["source"]["start"] if kind == "measure" else None)
        checked += 1
    assert checked == len(records)


@on_both_engines
@pytest.mark.parametrize(
    ("query", "bound", "offset", "want", "statements"),
    [
        ("改革试点", 200, 0, 51, 1),  # 11 matches, all ranked: the exact total
        ("改革试点", 3, 0, 2, 1),  # more matches than ranked: an estimate (a second statement before)
        ("继续推进", 5, 0, 2, 1),
        ("养老服务", 1, 0, 1, 1),
        ("改革试点", 3, 0, 51, 2),  # the page goes on past the candidates, to the last match: the exact total
        ("改革试点", 5, 0, 8, 2),  # past the candidates, not to the end: an estimate (a third statement before)
        ("改革试点", 5, 8, 2, 1),  # from past the candidates: an estimate (a second statement before)
        ("养老", 3, 0, 2, 2),  # up to 3 characters: the page from the grams' ranking, and its count
        ("建设", 1, 20, 5, 2),
        ("养老床", 1, 0, 1, 2),
    ],
)
def test_a_search_runs_as_many_statements_however_many_entries_match(
    shared_engine: Engine, query: str, bound: int, offset: int, want: int, statements: int
) -> None:
    """The candidates, their count, the page with its texts and records, and what an estimate needs come from one
    statement (two when the page goes on past the candidates): a query matching more entries than it ranks (every
    common word at 100x the seed) runs no more statements than one matching fewer. An estimate used to read the
    extent of the entries in a statement of its own."""
    from sqlalchemy import event

    from workreport_api.db.search import ranked_window

    ran: list[str] = []
    with shared_engine.connect() as connection:
        if shared_engine.dialect.name == "sqlite":  # prepared statements run on the driver's cursor: traced there
            connection.connection.dbapi_connection.set_trace_callback(ran.append)  # type: ignore[union-attr]
        else:
            event.listen(connection, "before_cursor_execute", lambda *args: ran.append(args[2]))
        window = ranked_window(connection, shared_engine.dialect.name, query, ("measure", "target"), None, bound, offset, want)
        if shared_engine.dialect.name == "sqlite":
            connection.connection.dbapi_connection.set_trace_callback(None)  # type: ignore[union-attr]
    assert window.rows
    # FTS5 reads its own shadow tables ('main'.'search_fts_config' the first time a connection uses it): not ours
    ours = [sql for sql in ran if sql.lstrip().upper().startswith(("SELECT", "WITH")) and "'main'.'search_fts" not in sql]
    assert len(ours) == statements, ran


def _reference_ranking(engine: Engine, folded: str, kinds: tuple[str, ...]) -> list[tuple[str, int]]:
    """The ranking as documented, computed here from the entries: more occurrences (not overlapping) first, then
    document id, seq, kind and record id."""
    from workreport_api.db.tables import SearchEntry

    with engine.connect() as connection:
        entries = connection.execute(
            select(SearchEntry.record_id, SearchEntry.document_id, SearchEntry.seq, SearchEntry.kind, SearchEntry.folded)
        ).all()
    matching = [
        (-entry.folded.count(folded), entry.document_id, entry.seq, entry.kind, entry.record_id)
        for entry in entries
        if entry.kind in kinds and folded in entry.folded
    ]
    return [(record_id, -negated) for negated, _, _, _, record_id in sorted(matching)]


@pytest.mark.parametrize("database_url", ENGINES, indirect=True)
def test_short_queries_rank_every_match_across_documents_loaded_in_any_order(database_url: str) -> None:
    """Queries of 1 to 3 characters, drawn from the entries (the most common pieces, and pieces occurring more than
    once in an entry), ranked from the grams' index alone in pages of 7, give the documented ranking of all their
    matches and its exact total, over documents loaded out of id order."""
    from collections import Counter

    from bench.synthetic import copy_of
    from workreport_api.db import migrate
    from workreport_api.db.engine import make_engine
    from workreport_api.db.loader import load_dataset
    from workreport_api.db.search import grams, ranked_window
    from workreport_api.db.tables import SearchEntry
    from workreport_api.settings import Settings

    from ...conftest import SEED_DATASET

    engine = make_engine(database_url)
    try:
        migrate.upgrade(engine, Settings.from_env({}))
        for number in (3, 1, 2):
            load_dataset(engine, copy_of(SEED_DATASET.read_text(encoding="utf-8"), number), validate=False)
        with engine.connect() as connection:
            texts = connection.scalars(select(SearchEntry.folded).where(SearchEntry.kind != "result")).all()
        common, repeated = Counter[str](), Counter[str]()
        for text in texts:
            pieces = grams(text)
            common.update(pieces)
            repeated.update(piece for piece, times in pieces.items() if times > 1)
        queries = set[str]()
        for size in (1, 2, 3):
            queries |= {piece for piece, _ in Counter({p: n for p, n in common.items() if len(p) == size}).most_common(4)}
            queries |= {piece for piece, _ in Counter({p: n for p, n in repeated.items() if len(p) == size}).most_common(3)}
        assert {len(query) for query in queries} == {1, 2, 3} and len(queries) >= 18
        for kinds in (("measure", "target"), ("target",)):
            for query in sorted(queries):
                expected = _reference_ranking(engine, query, kinds)
                found: list[tuple[str, int]] = []
                with engine.connect() as connection:
                    for offset in range(0, len(expected) + 7, 7):
                        window = ranked_window(connection, engine.dialect.name, query, kinds, None, 3, offset, 7)
                        assert (window.total, window.estimated) == (len(expected), False), (query, kinds)
                        found += [(row.record_id, row.occurrences) for row in window.rows]
                assert found == expected, (query, kinds)
    finally:
        engine.dispose()


@on_both_engines
def test_a_short_querys_total_is_counted_once_per_release(shared_engine: Engine) -> None:
    """The ranking's count goes through ``remember``: with the release's kept totals (``ReleaseTotals``, as
    /v1/search passes them) the second search of the same query in the same release runs its page alone, and
    another query, or another set of kinds, counts again."""
    from sqlalchemy import event

    from workreport_api.db.reading import latest_release
    from workreport_api.db.search import ranked_window
    from workreport_api.queries.counts import ReleaseTotals

    totals = ReleaseTotals()
    ran: list[str] = []
    dialect = shared_engine.dialect.name
    with shared_engine.connect() as connection:
        release = latest_release(connection)
        assert release is not None

        def remember(key: object, count: Callable[[], int]) -> int:
            return totals.filtered(release, key, count)

        def statements(query: str, kinds: tuple[str, ...]) -> tuple[int, int]:
            before = len(ran)
            window = ranked_window(connection, dialect, query, kinds, None, 3, 0, 2, remember)
            return len(ran) - before, window.total

        if dialect == "sqlite":  # prepared statements run on the driver's cursor: traced there
            connection.connection.dbapi_connection.set_trace_callback(ran.append)  # type: ignore[union-attr]
        else:
            event.listen(connection, "before_cursor_execute", lambda *args: ran.append(args[2]))
        try:
            first, again = statements("养老", ("measure", "target")), statements("养老", ("measure", "target"))
            other_kinds, other_query = statements("养老", ("target",)), statements("建设", ("measure", "target"))
        finally:
            if dialect == "sqlite":
                connection.connection.dbapi_connection.set_trace_callback(None)  # type: ignore[union-attr]
    assert first == (2, 10) and again == (1, 10)
    assert other_kinds[0] == 2 and other_query == (2, 67)

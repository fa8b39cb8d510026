"""Lists filtered by q (queries/searched.py) over the seed and two synthetic copies of it: every match once, in list
order, across a cursor walk, whichever way a page is read; the total exact up to the bound, an estimate above it
(exact again within one document)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import Connection, select
from sqlmodel import col

from workreport_api.db.collections import SPECS
from workreport_api.db.reading import snapshot
from workreport_api.db.search import fold_query
from workreport_api.db.tables import SearchEntry
from workreport_api.queries.filters import EVERYTHING, Where
from workreport_api.queries.listing import fetch_page, fetch_page_no_total
from workreport_api.queries.searched import search_page
from workreport_api.resources.measures.queries import measure_where
from workreport_api.resources.targets.queries import target_where
from workreport_schema import AssignmentBasis

from ...conftest import ENGINES, SEED_COPIES, ReadOnlyApps, load_seed_copies

DOCUMENTS = 1 + SEED_COPIES
SMALL = 40
"""An exact-count bound the common queries below cross in three documents (建设: 186 measures, 进一步: 57, 新: 54
targets) and the rare ones do not (养老: 18)."""


@pytest.fixture
def connection(request: pytest.FixtureRequest, read_only_apps: ReadOnlyApps) -> Iterator[Connection]:
    read_only_apps.url(request.param, "seed-copies", load_seed_copies)
    with snapshot(read_only_apps.engine(request.param, "seed-copies")) as connection:
        yield connection


def _id(record: bytes) -> str:
    return str(json.loads(record)["id"])


def _expected(connection: Connection, collection: str, where: Where) -> list[str]:
    """The list with the same filters but no q, walked whole, keeping the records whose entry contains the query."""
    assert where.search is not None
    entries = connection.execute(
        select(col(SearchEntry.record_id), col(SearchEntry.folded)).where(col(SearchEntry.kind) == where.search.kind)
    )
    matching = {record_id for record_id, folded in entries if where.search.folded in folded}
    unsearched = Where(where.filters, where.shape, where.values) if where.filters is not None else EVERYTHING
    ids, after = [], None
    while True:
        records, after = fetch_page_no_total(connection, SPECS[collection], unsearched, 500, after)
        ids += [record_id for record_id in map(_id, records) if record_id in matching]
        if after is None:
            return ids


def _walk(connection: Connection, collection: str, where: Where, limit: int, exact_up_to: int) -> tuple[list[str], list[Any]]:
    """Every id of a cursor walk of ``limit`` per page, and each page's (total, estimated)."""
    ids: list[str] = []
    totals: list[Any] = []
    after = None
    for _ in range(500):
        page = search_page(connection, SPECS[collection], where, limit, after, exact_up_to)
        ids += [_id(record) for record in page.records]
        totals.append((page.total, page.estimated))
        if page.next_key is None:
            return ids, totals
        after = page.next_key
    raise AssertionError("the walk did not end")


CASES = [
    ("measures", measure_where("sqlite", q="建设"), "estimated"),
    ("measures", measure_where("sqlite", q="进一步"), "estimated"),
    ("measures", measure_where("sqlite", q="体系建设"), "exact"),
    ("measures", measure_where("sqlite", q="養老"), "exact"),
    ("measures", measure_where("sqlite", q="不存在的词"), "exact"),
    ("measures", measure_where("sqlite", q="建设", document="shanghai-2012-x001"), "exact"),
    ("measures", measure_where("sqlite", q="建设", chapter="shanghai-2012-x002.c10"), "exact"),
    ("measures", measure_where("sqlite", q="建设", body="shanghai.civil-affairs-bureau"), "estimated"),
    ("measures", measure_where("sqlite", q="建设", basis=AssignmentBasis.EXPLICIT, has_targets=True), "estimated"),
    ("measures", measure_where("sqlite", q="服务", document="shanghai-2012", body="shanghai.civil-affairs-bureau"), "exact"),
    ("measures", measure_where("sqlite", q="养老", has_targets=True), "exact"),
    ("targets", target_where("sqlite", q="新"), "estimated"),
    ("targets", target_where("sqlite", q="新", headline=False), "estimated"),
    ("targets", target_where("sqlite", q="新", measure="shanghai-2012-x001.c09.p02.m10"), "exact"),
    ("targets", target_where("sqlite", q="住房"), "exact"),
]


@pytest.mark.parametrize("connection", ENGINES, indirect=True)
@pytest.mark.parametrize(("collection", "where", "total"), CASES)
def test_a_cursor_walk_gives_every_match_once_in_list_order(connection: Connection, collection: str, where: Where, total: str) -> None:
    """Whether the page is read among all the matches (a large bound) or in list order (the small one), the walk is
    the same: the list without q, less the records that do not contain the query."""
    expected = _expected(connection, collection, where)
    for exact_up_to in (SMALL, 10_000):
        for limit in (1, 7, 50):
            ids, _ = _walk(connection, collection, where, limit, exact_up_to)
            assert ids == expected, (exact_up_to, limit)


@pytest.mark.parametrize("connection", ENGINES, indirect=True)
@pytest.mark.parametrize(("collection", "where", "total"), CASES)
def test_the_total_is_exact_up_to_the_bound_and_then_an_estimate(connection: Connection, collection: str, where: Where, total: str) -> None:
    """Up to the bound (and with a large one, always here) the total is exact on every page; above it an estimate,
    marked, of the right size, unless the list is within one document (counted) or its first
    page is the last."""
    expected = len(_expected(connection, collection, where))
    _, totals = _walk(connection, collection, where, 7, 10_000)
    assert set(totals) == {(expected, False)}
    _, totals = _walk(connection, collection, where, 7, SMALL)
    if total == "exact" or expected <= 7:
        assert set(totals) == {(expected, False)}
        return
    assert all(estimated for _, estimated in totals), totals
    # the density of the first matches carried over the rest: the right size (a sample within one document here)
    assert all(expected / 2 <= estimate <= expected * 2 for estimate, _ in totals), (expected, totals)


@pytest.mark.parametrize("connection", ENGINES, indirect=True)
@pytest.mark.parametrize(
    ("collection", "where"),
    [
        ("measures", measure_where("sqlite", q="建", has_targets=True)),  # none of the first matches has targets
        ("measures", measure_where("sqlite", q="建设", basis=AssignmentBasis.CURATED)),
        ("measures", measure_where("sqlite", q="的", body="shanghai.civil-affairs-bureau")),
        ("targets", target_where("sqlite", q="新")),  # sparse among the first entries: a low density
    ],
)
def test_an_estimated_total_is_never_below_what_the_page_shows(connection: Connection, collection: str, where: Where) -> None:
    """An estimate carries the first matches' share over the rest; when the filters keep none of them (or the
    first entries hold few matches) it must still count the page's records, and one more when a next page follows:
    a total of 0 beside records (WORKREPORT_SEARCH_LIST_EXACT=1, /v1/measures?q=建&has_targets=true) misleads."""
    for exact_up_to in (1, 2, SMALL):
        for limit in (1, 5, 50):
            after = None
            for _ in range(200):
                page = search_page(connection, SPECS[collection], where, limit, after, exact_up_to)
                assert page.total >= len(page.records) + (page.next_key is not None), (exact_up_to, limit, after, page.total)
                if page.next_key is None:
                    break
                after = page.next_key


@pytest.mark.parametrize("connection", ENGINES, indirect=True)
def test_a_matches_count_just_below_the_bound_is_exact_and_just_above_is_estimated(connection: Connection) -> None:
    where = measure_where("sqlite", q="进一步")
    matches = len(_expected(connection, "measures", where))
    assert matches == 19 * DOCUMENTS
    exact = search_page(connection, SPECS["measures"], where, 5, None, matches)
    above = search_page(connection, SPECS["measures"], where, 5, None, matches - 1)
    assert (exact.total, exact.estimated) == (matches, False)
    assert above.estimated and above.records == exact.records and above.next_key == exact.next_key


@pytest.mark.parametrize("connection", ENGINES, indirect=True)
def test_a_download_reads_every_match_through_fetch_page(connection: Connection) -> None:
    """fetch_page (the API's page) and fetch_page_no_total (a download's batches) read a q list the same way."""
    where = measure_where("sqlite", q=fold_query(" 建設 "))
    expected = _expected(connection, "measures", where)
    page = fetch_page(connection, SPECS["measures"], where, 500, None, exact_up_to=SMALL)
    assert [_id(record) for record in page.records] == expected and page.total == len(expected) and not page.estimated
    records, after = fetch_page_no_total(connection, SPECS["measures"], where, 100, None)
    assert [_id(record) for record in records] == expected[:100] and after is not None


@pytest.mark.parametrize("connection", ENGINES, indirect=True)
@pytest.mark.parametrize("where", [measure_where("sqlite", q="养老"), measure_where("sqlite", q="养老", has_targets=True)])
def test_a_cursor_past_the_last_match_gives_no_records_and_the_same_total(connection: Connection, where: Where) -> None:
    first = search_page(connection, SPECS["measures"], where, 5, None)
    past = search_page(connection, SPECS["measures"], where, 5, ("~", 0, "~"))
    assert first.records and not past.records and past.next_key is None
    assert (past.total, past.estimated) == (first.total, False) == (len(_expected(connection, "measures", where)), False)


@pytest.mark.parametrize("connection", ENGINES, indirect=True)
@pytest.mark.parametrize("collection", ["measures", "targets", "results"])
def test_an_entry_holds_its_records_place_and_the_place_is_unique(connection: Connection, collection: str) -> None:
    """A page read through the search entries is ordered by their (document, seq): each entry's is its record's, and
    no two records of a collection share one (the loader numbers each document's records)."""
    table = SPECS[collection].table
    kind = {"measures": "measure", "targets": "target", "results": "result"}[collection]
    places = connection.execute(select(col(table.id), col(table.document_id), col(table.seq))).all()
    assert len({(document, seq) for _, document, seq in places}) == len(places)
    entries = connection.execute(
        select(col(SearchEntry.record_id), col(SearchEntry.document_id), col(SearchEntry.seq)).where(col(SearchEntry.kind) == kind)
    ).all()
    assert sorted(map(tuple, entries)) == sorted(map(tuple, places))

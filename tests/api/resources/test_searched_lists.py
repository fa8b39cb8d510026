"""Lists filtered by q over the seed and two synthetic copies of it, with a small exact-count bound
(``WORKREPORT_SEARCH_LIST_EXACT``): ``meta.total_estimated`` is present above the bound and absent below it, every
match comes once across a cursor walk, and a download gives every match."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

import pytest
from litestar.testing import TestClient

from ...conftest import ENGINES, ReadOnlyApps, load_seed_copies
from ..conftest import all_pages

BOUND = 40


@pytest.fixture
def bounded(request: pytest.FixtureRequest, read_only_apps: ReadOnlyApps) -> TestClient[Any]:
    """A client over the seed and its copies counting q lists exactly up to BOUND matches."""
    return read_only_apps.client(request.param, "seed-copies", load_seed_copies, search_list_exact=BOUND)


@pytest.fixture
def unbounded(request: pytest.FixtureRequest, read_only_apps: ReadOnlyApps) -> TestClient[Any]:
    """The same database with the default bound (1000 matches): every list here is counted exactly."""
    return read_only_apps.client(request.param, "seed-copies", load_seed_copies)


def _meta(client: TestClient[Any], url: str) -> dict[str, Any]:
    response = client.get(url)
    assert response.status_code == 200, response.text
    meta: dict[str, Any] = response.json()["meta"]
    return meta


@pytest.mark.parametrize("bounded", ENGINES, indirect=True)
@pytest.mark.parametrize(
    ("url", "estimated"),
    [
        ("/v1/measures?q=建设", True),  # 186 matches
        ("/v1/measures?q=建设&body=shanghai.civil-affairs-bureau&limit=2", True),
        ("/v1/targets?q=新", True),  # 54
        ("/v1/measures?q=养老", False),  # 18
        ("/v1/measures?q=建设&document=shanghai-2012-x002", False),  # one document: counted
        ("/v1/chapters/shanghai-2012-x001.c10/measures?q=建设", False),
        ("/v1/measures?q=建设&limit=500", False),  # the first page is the last
    ],
)
def test_the_estimate_flag_is_present_above_the_bound_and_absent_below(bounded: TestClient[Any], url: str, estimated: bool) -> None:
    path, _, query = url.partition("?")
    encoded = path + "?" + "&".join(f"{name}={quote(value)}" for name, value in (part.split("=", 1) for part in query.split("&")))
    meta = _meta(bounded, encoded)
    if estimated:
        assert meta["total_estimated"] is True and meta["total"] > 0
    else:
        assert "total_estimated" not in meta


@pytest.mark.parametrize("bounded", ENGINES, indirect=True)
def test_the_flag_closes_the_meta_as_search_writes_it(bounded: TestClient[Any]) -> None:
    body = bounded.get(f"/v1/measures?q={quote('建设')}&limit=2").content
    assert b',"next_cursor":"' in body and b'","total_estimated":true},"links":' in body


@pytest.mark.parametrize(("bounded", "unbounded"), [(engine, engine) for engine in ("sqlite", "postgresql")], indirect=True)
@pytest.mark.parametrize("query", ["建设", "建設", "进一步", "养老", "新"])
def test_a_cursor_walk_gives_every_match_once_in_order_either_way(bounded: TestClient[Any], unbounded: TestClient[Any], query: str) -> None:
    """Above the bound the pages are read in list order, below it among the matches: the same records, pages and
    cursors; only the total differs, exact with the default bound."""
    for collection in ("measures", "targets"):
        url = f"/v1/{collection}?q={quote(query)}&limit=9"
        walked = all_pages(bounded, url)
        exact = all_pages(unbounded, url)
        assert walked == exact
        ids = [record["id"] for record in walked]
        assert len(ids) == len(set(ids))
        assert ids == [record["id"] for record in all_pages(unbounded, f"/v1/{collection}?limit=500") if record["id"] in set(ids)]
        meta = _meta(unbounded, url)
        assert meta["total"] == len(ids) and "total_estimated" not in meta


@pytest.mark.parametrize("bounded", ENGINES, indirect=True)
@pytest.mark.parametrize("fmt", ["ndjson", "csv"])
def test_a_download_gives_every_match(bounded: TestClient[Any], fmt: str) -> None:
    page = all_pages(bounded, f"/v1/measures?q={quote('建设')}&limit=500")
    response = bounded.get(f"/v1/measures?q={quote('建设')}&format={fmt}")
    assert response.status_code == 200
    lines = response.text.splitlines()
    if fmt == "ndjson":
        assert [json.loads(line)["id"] for line in lines] == [record["id"] for record in page]
    else:
        assert len(lines) == 1 + len(page) == 1 + 62 * 3

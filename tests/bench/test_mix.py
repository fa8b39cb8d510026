"""The benchmark's mix of fresh URLs (bench/mix.py): built from the database, each of our URLs answering 200."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from litestar.testing import TestClient

from bench import mix
from workreport_api.db.search import fold_query

from ..conftest import SEED_DATASET


@pytest.mark.parametrize(
    ("value", "encoded"),
    [
        ("shanghai-2012.c03.p02.m18", "shanghai-2012~2Ec03~2Ep02~2Em18"),
        ("a b", "a+b"),
        ("養", "~E9~A4~8A"),
        ("x~y/z", "x~7Ey~2Fz"),
    ],
)
def test_row_ids_are_tilde_encoded_as_datasette_does(value: str, encoded: str) -> None:
    assert mix.tilde_encode(value) == encoded


def test_search_terms_are_distinct_runs_of_two_and_three_chinese_characters_of_the_text() -> None:
    texts = ["加快建設養老床位，新增养老床位5000張；推進城市更新。", "abc 12"]
    terms = mix.search_terms(texts, count=10, seed=1)
    assert terms == mix.search_terms(texts, count=10, seed=1)  # one seed, one mix
    assert len(terms) == 10
    assert [len(term) for term in terms] == [2, 3] * 5
    assert len({fold_query(term) for term in terms}) == 10  # 養老 and 养老 are one term
    assert all(any(term in text for text in texts) for term in terms)
    assert mix.search_terms(["abc", "一二"], count=5) == []  # no run of three characters to draw from


def test_a_walk_follows_next_links_to_the_last_page_and_no_further_than_its_bound() -> None:
    pages = {"/a?limit=2": "http://x/a?limit=2&cursor=1", "/a?limit=2&cursor=1": "http://x/a?limit=2&cursor=2", "/a?limit=2&cursor=2": None}

    def fetch(path: str) -> dict[str, Any]:
        return {"links": {"next": pages[path]}}

    assert mix.walk("/a?limit=2", fetch, mix.ours_next) == list(pages)
    assert mix.walk("/a?limit=2", fetch, mix.ours_next, max_pages=2) == list(pages)[:2]


def test_the_mix_of_the_seed_covers_every_measure_chapter_and_term_and_every_url_of_ours_answers_200(
    seeded_templates: dict[str, str], shared_sqlite_client: TestClient[Any]
) -> None:
    def ours(path: str) -> Any:
        response = shared_sqlite_client.get(path)
        assert response.status_code == 200, path
        return response.json()

    def datasette(path: str) -> Any:
        return {"next_url": None}  # one page each: Datasette's walks are not what this test checks

    built = mix.build(Path(seeded_templates["sqlite"]), ours, datasette, name="workreport", terms=50)
    counts = built.counts
    measures = len(json.loads(SEED_DATASET.read_text(encoding="utf-8"))["measures"])
    assert counts["measures by id"] == (measures, measures)
    assert counts["searches"] == (50, 50)
    assert counts["pages of chapter filters"][0] > 8 == counts["pages of chapter filters"][1]  # some chapter has 2 pages
    assert counts["pages of whole lists"][0] == -(-measures // 50) + 2 + 1  # the measures, 65 targets, 32 paragraphs by 50
    assert len(set(built.ours)) == len(built.ours) and sorted(built.ours) != built.ours  # distinct, shuffled
    assert "/workreport/measures/shanghai-2012~2Ec03~2Ep02~2Em18.json" in built.datasette
    assert any(url.startswith("/workreport/search_entries.json?folded__contains=") for url in built.datasette)
    assert all(shared_sqlite_client.get(url).status_code == 200 for url in built.ours)

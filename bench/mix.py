"""A realistic mix of fresh URLs (issue 15): what a crawler, a client paging with cursors and people searching send.

The mix, built from the database the servers read, each URL once:

- every measure by id, in document order;
- every chapter's measures (``chapter=``), walked to the chapter's last page;
- ``SEARCH_TERMS`` distinct search terms of 2 and 3 characters drawn from the documents' own text (runs of Chinese
  characters, distinct once folded), sent as written (Traditional script; our search folds them);
- the whole lists of measures, targets and paragraphs walked page after page to the last (``links.next``).

Datasette gets the same requests over the same SQLite file: its row page of each measure, its table filtered by
``chapter_id`` and walked by its ``next_url``, its ``__contains`` filter on the same folded text for each term (as the
search scenarios of bench/run.py), and its tables walked page after page. Cursor URLs cannot be computed: they are
collected beforehand by following each server's next links (``walk``).

The lists are shuffled with one seed, so kinds of request are mixed, and wrk walks them in turn (bench/load.py).
"""

from __future__ import annotations

import json
import random
import re
import sqlite3
import string
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

from workreport_api.db.search import fold_query

SEARCH_TERMS = 200
"""Distinct search terms in the mix (issue 15)."""
SEED = 15
MAX_PAGES = 1000
"""Most pages one walk follows (a guard: the seed's longest list has 9)."""
PAGE = 50

Fetch = Callable[[str], Any]
"""A path (with its query) → the JSON body it answers with."""

_CHINESE = re.compile(r"[\u4e00-\u9fff]+")
_TILDE_SAFE = frozenset(string.ascii_letters + string.digits + "_-")


def tilde_encode(value: str) -> str:
    """Datasette's encoding of a primary key in a row URL: every character but letters, digits, ``_`` and ``-`` as
    ``~XX`` (its UTF-8 bytes in hex), a space as ``+``."""
    out = []
    for char in value:
        if char in _TILDE_SAFE:
            out.append(char)
        elif char == " ":
            out.append("+")
        else:
            out.extend(f"~{byte:02X}" for byte in char.encode())
    return "".join(out)


def search_terms(texts: list[str], count: int = SEARCH_TERMS, seed: int = SEED) -> list[str]:
    """``count`` terms of 2 and 3 Chinese characters (alternately) cut from the texts at random places, distinct once
    folded (养老 and 養老 are one term), as written in the text."""
    runs = [run for text in texts for run in _CHINESE.findall(text) if len(run) >= 3]
    if not runs:
        return []
    rnd = random.Random(seed)
    terms: list[str] = []
    seen: set[str] = set()
    for _ in range(count * 200):
        size = 2 + len(terms) % 2
        run = rnd.choice(runs)
        start = rnd.randrange(len(run) - size + 1)
        term = run[start : start + size]
        if fold_query(term) not in seen:
            seen.add(fold_query(term))
            terms.append(term)
            if len(terms) == count:
                break
    return terms


def path_of(url: str) -> str:
    """The path and query of a link (next links are absolute, and each server names its own address)."""
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def walk(first: str, fetch: Fetch, next_of: Callable[[Any], str | None], max_pages: int = MAX_PAGES) -> list[str]:
    """The first page and every page after it, following the next link to the last page (at most ``max_pages``)."""
    pages: list[str] = []
    path: str | None = first
    while path is not None and len(pages) < max_pages:
        pages.append(path)
        following = next_of(fetch(path))
        path = path_of(following) if following else None
    return pages


def ours_next(body: Any) -> str | None:
    return body["links"]["next"]  # type: ignore[no-any-return]


def datasette_next(body: Any) -> str | None:
    return body.get("next_url")  # type: ignore[no-any-return]


@dataclass
class Mix:
    """Our URLs and Datasette's (paths with their query), each list shuffled; how many of each kind."""

    ours: list[str] = field(default_factory=list)
    datasette: list[str] = field(default_factory=list)
    counts: dict[str, tuple[int, int]] = field(default_factory=dict)
    """Kind of request → (our URLs, Datasette's URLs)."""
    terms: list[str] = field(default_factory=list)

    def add(self, kind: str, ours: list[str], datasette: list[str]) -> None:
        self.ours += ours
        self.datasette += datasette
        self.counts[kind] = (len(ours), len(datasette))

    def describe(self) -> str:
        """One line: the kinds and their counts."""
        parts = []
        for kind, (mine, theirs) in self.counts.items():
            parts.append(f"{mine} {kind}" + (f" ({theirs} for Datasette)" if theirs != mine else ""))
        return f"{len(self.ours)} URLs: " + ", ".join(parts)


def build(
    database: Path,
    fetch_ours: Fetch,
    fetch_datasette: Fetch,
    name: str = "workreport",
    terms: int = SEARCH_TERMS,
    seed: int = SEED,
) -> Mix:
    """The mix over an SQLite database (``name``: Datasette's name of it, the file's stem); the fetchers walk each
    server's next links."""
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as connection:
        measures = [row[0] for row in connection.execute("SELECT id FROM measures ORDER BY document_id, seq, id")]
        chapters = [row[0] for row in connection.execute("SELECT id FROM chapters ORDER BY document_id, seq, id")]
        texts = [row[0] for row in connection.execute("SELECT text FROM documents ORDER BY id")]
    mix = Mix()
    mix.add(
        "measures by id",
        [f"/v1/measures/{quote(measure)}" for measure in measures],
        [f"/{name}/measures/{tilde_encode(measure)}.json" for measure in measures],
    )
    ours_pages: list[str] = []
    theirs_pages: list[str] = []
    for chapter in chapters:
        ours_pages += walk(f"/v1/measures?chapter={quote(chapter)}&limit={PAGE}", fetch_ours, ours_next)
        theirs_pages += walk(f"/{name}/measures.json?chapter_id={quote(chapter)}&_size={PAGE}", fetch_datasette, datasette_next)
    mix.add("pages of chapter filters", ours_pages, theirs_pages)
    mix.terms = search_terms(texts, terms, seed)
    mix.add(
        "searches",
        [f"/v1/search?q={quote(term)}&limit={PAGE}" for term in mix.terms],
        [f"/{name}/search_entries.json?folded__contains={quote(fold_query(term))}&_size={PAGE}" for term in mix.terms],
    )
    ours_pages, theirs_pages = [], []
    for collection in ("measures", "targets", "paragraphs"):
        ours_pages += walk(f"/v1/{collection}?limit={PAGE}", fetch_ours, ours_next)
        theirs_pages += walk(f"/{name}/{collection}.json?_size={PAGE}", fetch_datasette, datasette_next)
    mix.add("pages of whole lists", ours_pages, theirs_pages)
    random.Random(seed).shuffle(mix.ours)
    random.Random(seed).shuffle(mix.datasette)
    return mix


def http_fetch(base_url: str, timeout: float = 10.0) -> Fetch:
    """A fetcher over HTTP (JSON bodies)."""

    def fetch(path: str) -> Any:
        with urllib.request.urlopen(base_url + path, timeout=timeout) as response:
            return json.loads(response.read())

    return fetch


def failures(base_url: str, paths: list[str], timeout: float = 10.0) -> list[str]:
    """The paths that do not answer 200 (with what they answered), each requested once."""
    failed = []
    for path in paths:
        try:
            with urllib.request.urlopen(base_url + path, timeout=timeout) as response:
                response.read()
                status = response.status
        except urllib.error.HTTPError as error:
            status = error.code
        except (urllib.error.URLError, OSError) as error:
            failed.append(f"{path}: {error}")
            continue
        if status != 200:
            failed.append(f"{path}: {status}")
    return failed

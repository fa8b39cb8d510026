"""Totals of whole collections, counted once per data release.

A release never changes its rows, so ``/v1/measures`` with no filter need not
count 50,000 rows on every request (PostgreSQL's ``count(*)`` reads them all):
the first unfiltered page of each collection in a release counts, the others
reuse it. A filtered total (targets of one unit, measures of one chapter) grows
with its matches, so it is kept too, per filter shape and values, for the
``FILTERED_KEPT`` most recent ones: every page of a cursor walk after the first
reuses it. Lists filtered by a search (``q``), whose statements hold the query,
are counted on every request (``count_key`` gives None for them).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable

from sqlalchemy import func, select

from ..db.collections import CollectionSpec
from ..db.prepared import Reading, run
from ..db.reading import ReleaseInfo
from .listing import STATEMENTS


def _count(connection: Reading, spec: CollectionSpec) -> int:
    prepared = STATEMENTS.get(connection.dialect, (spec.name, "count all"), lambda: select(func.count()).select_from(spec.table))
    return int(run(connection, prepared)[0][0])


FILTERED_KEPT = 4096
"""Filtered totals kept per release, the least recently used forgotten first: a client asking for every value of
every filter costs at most this many entries."""


class ReleaseTotals:
    """Total rows of each collection, and of filtered lists, in the latest release seen (a new release forgets them)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._release: tuple[int, str] | None = None
        self._totals: dict[str, int] = {}
        self._filtered: OrderedDict[Hashable, int] = OrderedDict()

    def filtered(self, release: ReleaseInfo | None, key: Hashable, count: Callable[[], int]) -> int:
        """The total of a filtered list (``key``: its collection, filter shape and values), counted by ``count`` once per
        release while it stays among the ``FILTERED_KEPT`` most recently asked for."""
        if release is None:
            return count()
        current = (release.id, release.state_hash)
        with self._lock:
            if self._release == current and key in self._filtered:
                self._filtered.move_to_end(key)
                return self._filtered[key]
        counted = count()
        with self._lock:
            if self._release != current:
                self._release, self._totals, self._filtered = current, {}, OrderedDict()
            self._filtered[key] = counted
            if len(self._filtered) > FILTERED_KEPT:
                self._filtered.popitem(last=False)
        return counted

    def total(self, connection: Reading, release: ReleaseInfo | None, spec: CollectionSpec) -> int:
        """The number of rows of ``spec``'s table as ``connection`` sees them, ``release`` being the release it reads."""
        if release is None:
            return _count(connection, spec)
        key = (release.id, release.state_hash)
        with self._lock:
            if self._release == key and spec.name in self._totals:
                return self._totals[spec.name]
        counted = _count(connection, spec)
        with self._lock:
            if self._release != key:
                self._release, self._totals, self._filtered = key, {}, OrderedDict()
            self._totals[spec.name] = counted
        return counted

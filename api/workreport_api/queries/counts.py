"""Totals of whole collections, counted once per data release.

A release never changes its rows, so ``/v1/measures`` with no filter need not
count 50,000 rows on every request (PostgreSQL's ``count(*)`` reads them all):
the first unfiltered page of each collection in a release counts, the others
reuse it. Filtered totals are counted on every request, over the filter's index.
"""

from __future__ import annotations

import threading

from sqlalchemy import func, select

from ..db.prepared import Reading, run
from ..db.reading import ReleaseInfo
from .listing import STATEMENTS, CollectionSpec


def _count(connection: Reading, spec: CollectionSpec) -> int:
    prepared = STATEMENTS.get(connection.dialect, (spec.name, "count all"), lambda: select(func.count()).select_from(spec.table))
    return int(run(connection, prepared)[0][0])


class ReleaseTotals:
    """Total rows of each collection in the latest release seen (a new release forgets the old totals)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._release: tuple[int, str] | None = None
        self._totals: dict[str, int] = {}

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
                self._release, self._totals = key, {}
            self._totals[spec.name] = counted
        return counted

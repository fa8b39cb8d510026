"""The SQL of indicators: the codelist's and the series' filters, with named bind parameters (compiled once per
shape), and the conditions of one request."""

from __future__ import annotations

from sqlmodel import col

from ...db.collections import SPECS
from ...db.tables import Indicator as IndicatorRow
from ...db.tables import SeriesPoint as SeriesRow
from ...models import SeriesKind
from ...queries.filters import Filters, Where

SPEC = SPECS["indicators"]
SERIES = SPECS["series"]

_CARRIED = (col(IndicatorRow.target_count) + col(IndicatorRow.result_count)) > 0
FILTERS = Filters(used=_CARRIED, unused=~_CARRIED)
"""The indicator filters: carried by some loaded target or result, or by none."""
SERIES_FILTERS = Filters.equal(code=col(SeriesRow.indicator_code), issuer=col(SeriesRow.issuer_id), kind=col(SeriesRow.kind))
"""The filters of an indicator's series."""


def indicator_where(used: bool | None = None) -> Where:
    """The conditions of an indicator list's request."""
    return FILTERS.where(used=True if used is True else None, unused=True if used is False else None)


def series_where(code: str, issuer: str | None = None, kind: SeriesKind | None = None) -> Where:
    """The conditions of a series request: one indicator's points, by issuer and kind."""
    return SERIES_FILTERS.where(code=code, issuer=issuer, kind=kind)

"""Pages for people: the indicator codelist, and one indicator's targets and results across reports, charted by year.

JSON twins: /v1/indicators and /v1/indicators/{code}/series. Each unit gets its
own chart (a series in m2 and in dwellings is two charts, never one axis);
targets carry their principal outcome, results are drawn apart from targets.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from litestar import Response, get
from markupsafe import Markup
from sqlalchemy import Connection, select
from sqlmodel import col

from ..charts import OUTCOME_GLYPHS, OUTCOME_WORDS, Point, number, series_chart
from ..db.reading import latest_release, snapshot
from ..db.tables import Body, Document, Unit
from ..db.tables import Indicator as IndicatorRow
from ..db.tables import Outcome as OutcomeRow
from ..db.tables import SeriesPoint as SeriesRow
from ..http.negotiation import require_acceptable
from ..http.params import IssuerFilter
from ..http.requests import HttpRequest
from ..state import Api
from .indicators import IndicatorCode
from .pages import HTML, PAGE_ERRORS, canonical, label, page, record_or_404, render


@dataclass
class UnitChart:
    """One unit's chart of a series, with what the page says beside it."""

    unit: str
    name: str
    svg: Markup
    targets: int
    results: int


def unit_names(connection: Connection) -> dict[str, str]:
    """Each unit's English name, with its symbol where it has one (square metre (m2); dwelling), by id."""
    names = {}
    for unit_id, record in connection.execute(select(col(Unit.id), col(Unit.record))):
        unit = json.loads(record)
        name, symbol = unit["names"].get("en", unit_id), unit.get("ucum") or ""
        names[unit_id] = f"{name} ({symbol})" if symbol and not symbol.startswith("{") and symbol != name else name
    return names


def point_label(point: dict[str, Any], issuer: str) -> str:
    """What a chart mark says when hovered or read out: kind, year, issuer, the words, the outcome."""
    words = f"{point['kind']} for {point['year']}, {issuer}: {point.get('stated') or number(point['value'])}"
    if point["kind"] == "target":
        return words + f" ({OUTCOME_WORDS[point.get('outcome') or 'unassessed']})"
    return words + (" (estimate)" if point.get("estimate") else "")


def series_charts(code: str, title: str, points: list[dict[str, Any]], issuers: dict[str, str], units: dict[str, str]) -> list[UnitChart]:
    """One chart per unit of the series' quantitative points, in the order units first appear."""
    by_unit: dict[str, list[dict[str, Any]]] = {}
    for point in points:
        if point.get("value") is not None and point.get("unit"):
            by_unit.setdefault(point["unit"], []).append(point)
    charts = []
    for unit, group in by_unit.items():
        name = units.get(unit, unit)
        targets = sum(1 for p in group if p["kind"] == "target")
        results = len(group) - targets
        years = sorted({p["year"] for p in group})
        marks = [
            Point(
                kind=p["kind"],
                year=p["year"],
                value=p["value"],
                value_max=p.get("value_max"),
                outcome=(p.get("outcome") or "unassessed") if p["kind"] == "target" else None,
                label=point_label(p, issuers.get(p["issuer_id"], p["issuer_id"])),
                href=f"/documents/{quote(p['document_id'], safe='')}#{quote(p['id'], safe='')}",
            )
            for p in group
        ]
        desc = (
            f"{targets} targets and {results} results in {name}, {years[0]}–{years[-1]}. Results are filled circles; "
            "targets are level lines marked ✓ met, ✗ not met, ≠ not comparable, ? unassessed. The table lists every point."
        )
        svg = series_chart(f"series-{code}-{unit}", f"{title}: targets and results by year, in {name}", desc, name, marks)
        charts.append(UnitChart(unit=unit, name=name, svg=svg, targets=targets, results=results))
    return charts


@get("/indicators", sync_to_thread=True, include_in_schema=False, exception_handlers=PAGE_ERRORS)
def indicators_page(request: HttpRequest, api: Api) -> Response[bytes]:
    """The indicator codelist with how many loaded targets, results and documents carry each code."""
    require_acceptable(request, HTML)
    with snapshot(api.engine) as connection:
        release = latest_release(connection)
        indicators = [
            json.loads(record) for record in connection.execute(select(col(IndicatorRow.record)).order_by(col(IndicatorRow.id))).scalars()
        ]
    used = [i for i in indicators if i["target_count"] + i["result_count"]]
    content = render("indicators.html", indicators=indicators, used=len(used), canonical=canonical(request, api))
    return page(content, release, "/v1/indicators")


@get("/indicators/{code:str}", sync_to_thread=True, include_in_schema=False, exception_handlers=PAGE_ERRORS)
def indicator_page(request: HttpRequest, api: Api, code: IndicatorCode, issuer: IssuerFilter = None) -> Response[bytes]:
    """One indicator's series: a chart per unit (targets with their outcomes, results apart) and a table of every point."""
    require_acceptable(request, HTML)
    with snapshot(api.engine) as connection:
        release = latest_release(connection)
        indicator = record_or_404(connection, IndicatorRow, code, "indicator")
        query = select(col(SeriesRow.record)).where(col(SeriesRow.indicator_code) == code)
        if issuer is not None:
            query = query.where(col(SeriesRow.issuer_id) == issuer)
        order = (col(SeriesRow.year), col(SeriesRow.issuer_id), col(SeriesRow.document_id), col(SeriesRow.seq), col(SeriesRow.id))
        points = [json.loads(row) for row in connection.execute(query.order_by(*order)).scalars()]
        principal = {
            row.target_id: json.loads(row.record)
            for row in connection.execute(
                select(col(OutcomeRow.target_id), col(OutcomeRow.record)).where(
                    col(OutcomeRow.indicator_code) == code, col(OutcomeRow.principal).is_(True)
                )
            )
        }
        wanted = {p["issuer_id"] for p in points} | ({issuer} if issuer else set())
        names = {
            row.id: json.loads(row.record)["names"]
            for row in connection.execute(select(col(Body.id), col(Body.record)).where(col(Body.id).in_(wanted)))
        }
        languages = dict(connection.execute(select(col(Document.id), col(Document.language))).all())
        units = unit_names(connection)
    issuers = {body_id: label(words, "en") for body_id, words in names.items()}
    issuer_langs = {body_id: "en" if words.get("en") else "zh-Hant" for body_id, words in names.items()}  # no English name: the Chinese one
    title = indicator["title"]["en"]
    rows = []
    for point in points:
        outcome = (point.get("outcome") or "unassessed") if point["kind"] == "target" else None
        rows.append(
            {
                "point": point,
                "issuer": issuers.get(point["issuer_id"], point["issuer_id"]),
                "issuer_lang": issuer_langs.get(point["issuer_id"], "en"),
                "language": languages.get(point["document_id"], "zh-Hant"),
                "unit": units.get(point.get("unit") or "", point.get("unit") or ""),
                "value": number(point["value"]) if point.get("value") is not None else "",
                "outcome": outcome,
                "glyph": OUTCOME_GLYPHS.get(outcome or "", ""),
                "outcome_words": OUTCOME_WORDS.get(outcome or "", ""),
                "assessment": principal.get(point["id"]),
            }
        )
    tally = {word: sum(1 for row in rows if row["outcome"] == key) for key, word in OUTCOME_WORDS.items()}
    twin = f"/v1/indicators/{quote(code, safe='')}/series" + (f"?issuer={quote(issuer, safe='')}" if issuer else "")
    values = {
        "indicator": indicator,
        "title": title,
        "rows": rows,
        "charts": series_charts(code, title, points, issuers, units),
        "tally": tally,
        "issuer": issuer,
        "issuer_name": issuers.get(issuer or "", issuer),
        "issuers": {p["issuer_id"]: issuers.get(p["issuer_id"], p["issuer_id"]) for p in points},
        "issuer_langs": issuer_langs,
        "twin": twin,
        "glyphs": OUTCOME_GLYPHS,
        "words": OUTCOME_WORDS,
        "canonical": canonical(request, api),
    }
    return page(render("indicator.html", **values), release, twin)


ROUTES = [indicators_page, indicator_page]

"""The charts of the pages, from their records: targets per chapter and by quantity on a document's page, and an
indicator's series by year, one chart per unit (units never share an axis); the SVG is drawn by workreport_api/charts.py."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypedDict
from urllib.parse import quote

from markupsafe import Markup

from workreport_schema import ChapterJSON, TargetJSON, UnitJSON

from ...charts import OUTCOME_WORDS, Bar, Point, StackedRow, bar_chart, number, series_chart, stacked_bars
from ...records import SeriesPointJSON
from .text import chapter_title, label, stated_text

TARGET_TYPES = ("quantitative", "qualitative")
QUANTITY_KINDS = ("money", "area", "count", "ratio")
"""Quantity kinds charted first, each apart (others follow by name)."""


class ChartedTarget(TargetJSON):
    """A target's record with what its row knows beside it: its chapter and quantity kind."""

    chapter_id: str
    quantity_kind: str | None


class QuantityRow(TypedDict):
    """A charted target as the table under its chart lists it."""

    target: ChartedTarget
    indicator: str
    stated: str
    unit: str
    value: str


@dataclass
class KindCharts:
    """The quantity charts of one quantity kind: one per unit, since units never share an axis."""

    kind: str
    charts: list[Markup]
    rows: list[QuantityRow]


def chapter_chart(document_id: str, language: str, chapters: list[ChapterJSON], targets: list[ChartedTarget]) -> Markup | None:
    """Targets per chapter, quantitative and qualitative, for the chapters that hold any (in document order)."""
    counts: dict[str, dict[str, int]] = {}
    for target in targets:
        per = counts.setdefault(target["chapter_id"], {})
        per[target["type"]] = per.get(target["type"], 0) + 1
    rows = [
        StackedRow(chapter_title(chapter, language), counts[chapter["id"]], f"#{chapter['id']}", language)
        for chapter in sorted(chapters, key=lambda c: c["source"]["start"])
        if chapter["id"] in counts
    ]
    if not rows:
        return None
    total = {kind: sum(row.counts.get(kind, 0) for row in rows) for kind in TARGET_TYPES}
    desc = f"{len(rows)} chapters with targets: {total['quantitative']} quantitative and {total['qualitative']} qualitative in all."
    return stacked_bars(f"chapters-{document_id}", "Targets per chapter, by type", desc, rows, TARGET_TYPES)


def quantity_charts(document_id: str, language: str, targets: list[ChartedTarget], units: dict[str, UnitJSON]) -> list[KindCharts]:
    """Quantitative targets as bars: money, area, count and ratio apart, and within each kind one chart per unit."""
    by_kind: dict[str, dict[str, list[ChartedTarget]]] = {}
    for target in targets:
        unit_id = target.get("unit")
        if target.get("value") is not None and unit_id:
            kind = target.get("quantity_kind") or "other"
            by_kind.setdefault(kind, {}).setdefault(unit_id, []).append(target)
    order = sorted(by_kind, key=lambda kind: (QUANTITY_KINDS.index(kind) if kind in QUANTITY_KINDS else len(QUANTITY_KINDS), kind))
    result = []
    for kind in order:
        charts: list[Markup] = []
        rows: list[QuantityRow] = []
        for unit_id, group in by_kind[kind].items():
            unit_record = units.get(unit_id)
            unit = unit_record["names"].get("en", unit_id) if unit_record else unit_id
            bars = []
            for target in group:
                stated = stated_text(target)
                name = label(target.get("indicator", {}), language)
                value_max = target.get("value_max")
                bars.append(Bar(f"{name} {stated}".strip(), target["value"], value_max, f"#{target['id']}", stated, language))
                value = number(target["value"]) + (f"–{number(value_max)}" if value_max is not None else "")
                rows.append({"target": target, "indicator": name, "stated": stated, "unit": unit, "value": value})
            desc = f"{len(bars)} {kind} targets in {unit}, from zero; each bar is labelled with its value and links to its words."
            charts.append(bar_chart(f"quantities-{document_id}-{unit_id}", f"Targets in {unit} ({kind})", desc, unit, bars))
        result.append(KindCharts(kind, charts, rows))
    return result


@dataclass
class UnitChart:
    """One unit's chart of a series, with what the page says beside it."""

    unit: str
    name: str
    svg: Markup
    targets: int
    results: int


def point_label(point: SeriesPointJSON, issuer: str) -> str:
    """What a chart mark says when hovered or read out: kind, year, issuer, the words, the outcome."""
    value = point["value"]  # charted points have one
    words = f"{point['kind']} for {point['year']}, {issuer}: {point.get('stated') or (number(value) if value is not None else '')}"
    if point["kind"] == "target":
        return words + f" ({OUTCOME_WORDS[point.get('outcome') or 'unassessed']})"
    return words + (" (estimate)" if point.get("estimate") else "")


def series_charts(code: str, title: str, points: list[SeriesPointJSON], issuers: dict[str, str], units: dict[str, str]) -> list[UnitChart]:
    """One chart per unit of the series' quantitative points, in the order units first appear."""
    by_unit: dict[str, list[tuple[SeriesPointJSON, float]]] = {}
    for point in points:
        value, unit = point.get("value"), point.get("unit")
        if value is not None and unit:
            by_unit.setdefault(unit, []).append((point, value))
    charts = []
    for unit, group in by_unit.items():
        name = units.get(unit, unit)
        targets = sum(1 for p, _ in group if p["kind"] == "target")
        results = len(group) - targets
        years = sorted({p["year"] for p, _ in group})
        marks = [
            Point(
                kind=p["kind"],
                year=p["year"],
                value=value,
                value_max=p.get("value_max"),
                outcome=(p.get("outcome") or "unassessed") if p["kind"] == "target" else None,
                label=point_label(p, issuers.get(p["issuer_id"], p["issuer_id"])),
                href=f"/documents/{quote(p['document_id'], safe='')}#{quote(p['id'], safe='')}",
            )
            for p, value in group
        ]
        desc = (
            f"{targets} targets and {results} results in {name}, {years[0]}–{years[-1]}. Results are filled circles; "
            "targets are level lines marked ✓ met, ✗ not met, ≠ not comparable, ? unassessed. The table lists every point."
        )
        svg = series_chart(f"series-{code}-{unit}", f"{title}: targets and results by year, in {name}", desc, name, marks)
        charts.append(UnitChart(unit=unit, name=name, svg=svg, targets=targets, results=results))
    return charts

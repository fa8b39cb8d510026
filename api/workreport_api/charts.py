"""Charts for the pages, drawn on the server as inline SVG: no script, no third-party library, no inline style.

Every chart has a <title> and a <desc> it is labelled by (role="img"), and the
page shows the same numbers as a table beside it. Colours and line styles come
from classes in the package's style sheet (the page CSP allows no style
attribute); geometry is in attributes. Marks that carry a record link to its
place in the report's text. Different units never share an axis: a caller
draws one chart per unit.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from markupsafe import Markup, escape

WIDTH = 480
"""Width of every chart's viewBox; the style sheet scales it to the column (phone widths included)."""
ROW = 40
"""Height of one row of a bar chart: its label line and its bar."""
OUTCOME_GLYPHS = {"met": "✓", "not_met": "✗", "not_comparable": "≠", "unassessed": "?"}
"""Each outcome has a glyph as well as a colour, so no one reads it from colour alone."""
OUTCOME_WORDS = {"met": "met", "not_met": "not met", "not_comparable": "not comparable", "unassessed": "unassessed"}


def number(value: float) -> str:
    """A value as a reader expects it: thousands grouped, no trailing zeros, no float noise."""
    if value == int(value) and abs(value) < 1e15:
        return f"{int(value):,}"
    return f"{value:,.6g}" if abs(value) >= 1e6 else f"{round(value, 4):,}".rstrip("0").rstrip(".")


def short(value: float) -> str:
    """A tick label: 11000000 as 11M, 2500 as 2.5k."""
    for size, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "k")):
        if abs(value) >= size:
            return f"{value / size:.3g}{suffix}"
    return f"{value:.4g}"


def ticks(low: float, high: float, count: int = 4) -> list[float]:
    """Round values covering [low, high], about count steps apart (the first at or below low, the last at or above high)."""
    if not (math.isfinite(low) and math.isfinite(high)):
        raise ValueError("ticks need finite bounds")
    if high < low:
        low, high = high, low
    if high == low:
        pad = abs(high) * 0.1 or 1.0
        low, high = low - pad, high + pad
    raw = (high - low) / max(count, 1)
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    first = math.floor(low / step) * step
    values = [first]
    while values[-1] < high - step * 1e-9:
        values.append(round(first + step * len(values), 12))
    return values


def fit(text: str, width: float, size: float = 13) -> str:
    """The text cut to about width units at this font size (a CJK character is one em, others about half), ending in …."""
    used = 0.0
    for index, char in enumerate(text):
        used += size if ord(char) > 0x2E80 else size * 0.56
        if used > width:
            return text[: max(index - 1, 0)] + "…"
    return text


def _attributes(**values: object) -> str:
    return " ".join(f'{key.rstrip("_").replace("_", "-")}="{escape(str(value))}"' for key, value in values.items())


def _frame(chart_id: str, title: str, desc: str, height: int, body: list[str], css: str) -> Markup:
    head = (
        f'<svg class="chart {escape(css)}" viewBox="0 0 {WIDTH} {height}" '
        f'role="img" aria-labelledby="{escape(chart_id)}-title {escape(chart_id)}-desc" id="{escape(chart_id)}">'
        f'<title id="{escape(chart_id)}-title">{escape(title)}</title><desc id="{escape(chart_id)}-desc">{escape(desc)}</desc>'
    )
    return Markup(head + "".join(body) + "</svg>")


def _link(href: str | None, inner: str, label: str) -> str:
    if not href:
        return f"<g><title>{escape(label)}</title>{inner}</g>"
    return f"<a {_attributes(href=href)}><title>{escape(label)}</title>{inner}</a>"


@dataclass(frozen=True)
class StackedRow:
    """One row of a stacked bar chart: a label, what it links to, and a count per part."""

    label: str
    counts: dict[str, int]
    href: str | None = None
    lang: str | None = None


def stacked_bars(chart_id: str, title: str, desc: str, rows: Sequence[StackedRow], parts: Sequence[str]) -> Markup:
    """Horizontal bars, one per row, each split into parts (class part-<name>); the counts are also written after each bar."""
    most = max((sum(row.counts.values()) for row in rows), default=0) or 1
    scale = (WIDTH - 200) / most  # room after the longest bar for its counts in words
    body: list[str] = []
    for index, row in enumerate(rows):
        top = index * ROW
        lang = f' lang="{escape(row.lang)}"' if row.lang else ""
        body.append(f'<text class="label" x="0" y="{top + 14}"{lang}>{escape(fit(row.label, WIDTH))}</text>')
        x = 0.0
        words = []
        for part in parts:
            count = row.counts.get(part, 0)
            if not count:
                continue
            width = count * scale
            rect = f'<rect class="part-{escape(part)}" {_attributes(x=f"{x:.1f}", y=top + 20, width=f"{width:.1f}", height=14)}/>'
            body.append(_link(row.href, rect, f"{row.label}: {count} {part}"))
            x += width
            words.append(f"{count} {part}")
        body.append(f'<text class="value" x="{x + 6:.1f}" y="{top + 32}">{escape(" · ".join(words) or "none")}</text>')
    return _frame(chart_id, title, desc, max(len(rows), 1) * ROW + 4, body, "stacked")


@dataclass(frozen=True)
class Bar:
    """One bar: a label, a value (and the top of a range), what it links to."""

    label: str
    value: float
    value_max: float | None = None
    href: str | None = None
    note: str = ""
    lang: str | None = None


def bar_chart(chart_id: str, title: str, desc: str, unit: str, bars: Sequence[Bar]) -> Markup:
    """Horizontal bars of values in one unit from zero (a range drawn on to its top), each labelled with its value."""
    values = [v for bar in bars for v in (bar.value, bar.value_max) if v is not None]
    low, high = min([0.0, *values]), max([0.0, *values])
    scale_ticks = ticks(low, high)
    low, high = scale_ticks[0], scale_ticks[-1]
    plot = WIDTH - 130

    def at(value: float) -> float:
        return (value - low) / (high - low) * plot

    body: list[str] = []
    for index, bar in enumerate(bars):
        top = index * ROW
        lang = f' lang="{escape(bar.lang)}"' if bar.lang else ""
        body.append(f'<text class="label" x="0" y="{top + 14}"{lang}>{escape(fit(bar.label, WIDTH))}</text>')
        start, end = sorted((at(0.0), at(bar.value)))
        shapes = f'<rect class="bar" {_attributes(x=f"{start:.1f}", y=top + 20, width=f"{max(end - start, 1):.1f}", height=14)}/>'
        stated = number(bar.value)
        if bar.value_max is not None:
            top_end = at(bar.value_max)
            width = f"{max(top_end - end, 1):.1f}"
            shapes += f'<rect class="bar range" {_attributes(x=f"{end:.1f}", y=top + 20, width=width, height=14)}/>'
            end = max(end, top_end)
            stated += f"–{number(bar.value_max)}"
        note = f" ({bar.note})" if bar.note else ""
        body.append(_link(bar.href, shapes, f"{bar.label}: {stated} {unit}{note}"))
        body.append(f'<text class="value" x="{end + 6:.1f}" y="{top + 32}">{escape(stated)}</text>')
    axis_top = len(bars) * ROW + 4
    body.append(f'<line class="axis" x1="0" x2="{plot}" y1="{axis_top}" y2="{axis_top}"/>')
    for tick in scale_ticks:
        x = at(tick)
        anchor = "start" if x < 10 else "end" if x > plot - 10 else "middle"
        body.append(f'<text class="tick" x="{x:.1f}" y="{axis_top + 14}" text-anchor="{anchor}">{escape(short(tick))}</text>')
    body.append(f'<text class="tick unit" x="{plot + 8}" y="{axis_top + 14}">{escape(unit)}</text>')
    return _frame(chart_id, title, desc, axis_top + 20, body, "bars")


@dataclass(frozen=True)
class Point:
    """A point of an indicator's series: a target (with its outcome) or a result, for a year."""

    kind: str
    year: int
    value: float
    value_max: float | None = None
    outcome: str | None = None
    label: str = ""
    href: str | None = None
    extra: dict[str, str] = field(default_factory=dict)


SERIES_HEIGHT = 250
SERIES_LEFT = 56
SERIES_TOP = 30
SERIES_BOTTOM = 28


def series_chart(chart_id: str, title: str, desc: str, unit: str, points: Sequence[Point]) -> Markup:
    """Years across, values up (one unit): results as filled circles, targets as a level line with the outcome's glyph.

    Points of one year stand side by side in the year's band, in the order given.
    """
    years = sorted({point.year for point in points}) or [0]
    first, last = years[0], years[-1]
    values = [v for point in points for v in (point.value, point.value_max) if v is not None]
    low, high = min(values, default=0.0), max(values, default=1.0)
    pad = (high - low) * 0.05  # no mark sits on the axis
    scale_ticks = ticks(low - pad, high + pad)
    low, high = scale_ticks[0], scale_ticks[-1]
    plot_width = WIDTH - SERIES_LEFT - 8
    plot_height = SERIES_HEIGHT - SERIES_BOTTOM - SERIES_TOP
    band = plot_width / (last - first + 1)

    def y(value: float) -> float:
        return SERIES_TOP + (high - value) / (high - low) * plot_height

    body: list[str] = []
    for tick in scale_ticks:
        body.append(f'<line class="grid" x1="{SERIES_LEFT}" x2="{WIDTH - 8}" y1="{y(tick):.1f}" y2="{y(tick):.1f}"/>')
        body.append(f'<text class="tick" x="{SERIES_LEFT - 6}" y="{y(tick) + 4:.1f}" text-anchor="end">{escape(short(tick))}</text>')
    body.append(f'<text class="tick unit" x="0" y="12">{escape(unit)}</text>')
    bottom = SERIES_TOP + plot_height
    body.append(f'<line class="axis" x1="{SERIES_LEFT}" x2="{WIDTH - 8}" y1="{bottom}" y2="{bottom}"/>')
    for year in range(first, last + 1):
        centre = SERIES_LEFT + (year - first + 0.5) * band
        body.append(f'<text class="tick" x="{centre:.1f}" y="{bottom + 18}" text-anchor="middle">{year}</text>')
    by_year: dict[int, list[Point]] = {}
    for point in points:
        by_year.setdefault(point.year, []).append(point)
    for year, group in by_year.items():
        slot = band / (len(group) + 1)
        for index, point in enumerate(group):
            x = SERIES_LEFT + (year - first) * band + slot * (index + 1)
            body.append(_link(point.href, _marker(point, x, y), point.label))
    return _frame(chart_id, title, desc, SERIES_HEIGHT, body, "series")


def _marker(point: Point, x: float, y: Callable[[float], float]) -> str:
    top = y(point.value)
    if point.kind == "result":
        return f'<circle class="pt-result" cx="{x:.1f}" cy="{top:.1f}" r="5"/>'
    outcome = point.outcome or "unassessed"
    shapes = ""
    if point.value_max is not None:
        high = y(point.value_max)
        shapes += f'<line class="pt-range outcome-{outcome}" x1="{x:.1f}" x2="{x:.1f}" y1="{top:.1f}" y2="{high:.1f}"/>'
    shapes += f'<line class="pt-target outcome-{outcome}" x1="{x - 9:.1f}" x2="{x + 9:.1f}" y1="{top:.1f}" y2="{top:.1f}"/>'
    glyph = OUTCOME_GLYPHS.get(outcome, "?")
    shapes += f'<text class="glyph outcome-{outcome}" x="{x + 11:.1f}" y="{top + 4:.1f}">{escape(glyph)}</text>'
    return shapes

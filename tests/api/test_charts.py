"""The SVG chart builders: accessible names, escaping, scales, one mark per value."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree

import pytest

from workreport_api.charts import Bar, Point, StackedRow, bar_chart, fit, number, series_chart, short, stacked_bars, ticks

SVG = ""
"""Inline SVG in HTML needs no namespace: the HTML parser gives it one."""


def _parse(markup: str) -> ElementTree.Element:
    return ElementTree.fromstring(markup)


@pytest.mark.parametrize(
    ("low", "high", "expected"),
    [
        (0, 10, [0, 2.5, 5, 7.5, 10]),
        (0, 11_000_000, [0, 5_000_000, 10_000_000, 15_000_000]),
        (7.5, 9.5, [7.5, 8, 8.5, 9, 9.5]),
        (5, 5, [4.5, 4.75, 5, 5.25, 5.5]),
        (0, 0, [-1, -0.5, 0, 0.5, 1]),
        (-3, 4, [-4, -2, 0, 2, 4]),
        (10, 0, [0, 2.5, 5, 7.5, 10]),
    ],
)
def test_ticks_are_round_and_cover_the_range(low: float, high: float, expected: list[float]) -> None:
    values = ticks(low, high)
    assert values == pytest.approx(expected)
    assert values[0] <= min(low, high) and values[-1] >= max(low, high)


def test_ticks_refuse_infinite_bounds() -> None:
    with pytest.raises(ValueError):
        ticks(0, float("inf"))


@pytest.mark.parametrize(
    ("value", "expected"),
    [(11000000, "11,000,000"), (8.9, "8.9"), (0.1 + 0.2, "0.3"), (1234.5, "1,234.5"), (-5, "-5"), (12345678.9, "1.23457e+07")],
)
def test_number(value: float, expected: str) -> None:
    assert number(value) == expected


@pytest.mark.parametrize(("value", "expected"), [(11_000_000, "11M"), (2500, "2.5k"), (7.5, "7.5"), (0, "0"), (3e9, "3B")])
def test_short(value: float, expected: str) -> None:
    assert short(value) == expected


def test_stacked_bars_have_a_name_a_description_and_counts_in_words() -> None:
    rows = [StackedRow("(三) 城市<建設>", {"quantitative": 3, "qualitative": 1}, "/documents/d#c3", "zh-Hant"), StackedRow("(四)", {})]
    svg = str(stacked_bars("by-chapter", "Targets by chapter", "Quantitative & qualitative", rows, ("quantitative", "qualitative")))
    root = _parse(svg)
    assert root.get("role") == "img" and root.get("aria-labelledby") == "by-chapter-title by-chapter-desc"
    assert root.find(f"{SVG}title").text == "Targets by chapter" and root.find(f"{SVG}desc").text == "Quantitative & qualitative"
    assert "城市&lt;建設&gt;" in svg and "style=" not in svg
    assert len(root.findall(f".//{SVG}rect")) == 2
    assert [a.get("href") for a in root.findall(f".//{SVG}a")] == ["/documents/d#c3", "/documents/d#c3"]
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert "3 quantitative · 1 qualitative" in texts and "none" in texts
    widths = [float(r.get("width")) for r in root.iter(f"{SVG}rect")]
    assert widths[0] == pytest.approx(3 * widths[1])


def test_bar_chart_draws_from_zero_and_writes_each_value() -> None:
    bars = [Bar("保障房", 11_000_000, href="/documents/d#t1"), Bar("range", 2_000_000, 4_000_000)]
    root = _parse(str(bar_chart("m2", "Area", "Targets in square metres", "square metre (m2)", bars)))
    rects = root.findall(f".//{SVG}rect")
    assert len(rects) == 3 and rects[2].get("class") == "bar range"
    assert float(rects[0].get("x")) == 0 and float(rects[0].get("width")) > float(rects[1].get("width"))
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert "11,000,000" in texts and "2,000,000–4,000,000" in texts and "square metre (m2)" in texts
    assert root.find(f".//{SVG}a/{SVG}title").text == "保障房: 11,000,000 square metre (m2)"


def test_series_chart_marks_results_apart_from_targets_with_outcome_glyphs() -> None:
    points = [
        Point("result", 2011, 8.9, label="result 2011"),
        Point("target", 2012, 8, outcome="not_met", label="target 2012", href="/documents/a#t"),
        Point("target", 2012, 7, 9, outcome="met", label="range target"),
        Point("result", 2012, 7.5, label="result 2012"),
        Point("target", 2013, 7.5, outcome=None, label="unassessed"),
    ]
    root = _parse(str(series_chart("gdp", "GDP growth", "by year", "per cent (%)", points)))
    assert len(root.findall(f".//{SVG}circle")) == 2
    glyphs = [t.text for t in root.iter(f"{SVG}text") if (t.get("class") or "").startswith("glyph")]
    assert glyphs == ["✗", "✓", "?"]
    assert [t.text for t in root.iter(f"{SVG}text") if t.get("text-anchor") == "middle"] == ["2011", "2012", "2013"]
    ranges = [line for line in root.iter(f"{SVG}line") if "pt-range" in (line.get("class") or "")]
    assert len(ranges) == 1
    circles = root.findall(f".//{SVG}circle")
    higher = float(circles[0].get("cy")) < float(circles[1].get("cy"))  # 8.9 drawn above 7.5
    assert higher
    xs = [float(c.get("cx")) for c in circles]
    assert xs[0] < xs[1]
    assert all(re.fullmatch(r"[\w\s.:()%-]+", t.text or "x") for t in root.iter(f"{SVG}title"))


@pytest.mark.parametrize(
    ("text", "width", "expected"),
    [("short", 480, "short"), ("在上海音樂廳大劇院東方藝術中心", 13 * 6, "在上海音樂…"), ("abcdefghij", 7.28 * 5.5, "abcd…"), ("", 10, "")],
)
def test_fit_cuts_long_labels(text: str, width: float, expected: str) -> None:
    assert fit(text, width) == expected


def test_a_long_label_is_cut_in_the_chart_and_whole_in_its_title() -> None:
    name = "在上海音樂廳、大劇院、東方藝術中心等劇場舉辦高質量公益性市場演出 200場以上"
    root = _parse(str(bar_chart("p", "Performances", "count", "performance", [Bar(name, 200, href="#t")])))
    label = next(t for t in root.iter(f"{SVG}text") if t.get("class") == "label")
    assert label.text is not None and label.text.endswith("…") and name.startswith(label.text[:-1])
    assert root.find(f".//{SVG}a/{SVG}title").text.startswith(name)


def _luminance(colour: str) -> float:
    digits = colour.lstrip("#")
    digits = "".join(c * 2 for c in digits) if len(digits) == 3 else digits
    channels = [int(digits[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_chart_and_outcome_colours_meet_wcag_contrast_on_white() -> None:
    """Chart marks 3:1 (WCAG 1.4.11, non-text); outcome words 4.5:1 (1.4.3). Grid lines are decoration and exempt."""
    from importlib import resources

    css = resources.files("workreport_api").joinpath("static/pages/explorer.css").read_text(encoding="utf-8")
    variables = dict(re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{3,6})", css))
    rules = re.findall(r"([^{}]+)\{([^}]*)\}", css.split("/* Charts:", 1)[1])
    checked = 0
    for selector, declarations in rules:
        if ".grid" in selector or selector.strip().startswith("mark."):  # text highlights: the text on them is checked
            continue
        for prop, value in re.findall(r"(fill|stroke|color|background):\s*([^;]+)", declarations):
            value = value.strip()
            colour = variables.get(value[6:-1].lstrip("-")) if value.startswith("var(") else value
            if colour is None or not colour.startswith("#") or colour.lower() in ("#fff", "#ffffff"):
                continue
            needed = 4.5 if prop == "color" else 3.0
            assert _contrast(colour, "#fff") >= needed, (selector.strip(), prop, colour)
            checked += 1
    assert checked >= 10
    assert _contrast(variables["ink"], "#dcebfa") >= 4.5  # the text on a result's highlight

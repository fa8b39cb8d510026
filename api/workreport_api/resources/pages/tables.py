"""The pages' tables as flat rows: every target with the names a reader needs, and an indicator's series point by point."""

from __future__ import annotations

from typing import TypedDict

from workreport_schema import ChapterJSON, TargetJSON, UnitJSON

from ...charts import OUTCOME_GLYPHS, OUTCOME_WORDS, number
from ...records import OutcomeJSON, SeriesPointJSON
from .text import label, stated_text

TARGET_COLUMNS = (
    ("id", "id"),
    ("document", "document"),
    ("chapter", "chapter"),
    ("indicator", "indicator"),
    ("type", "type"),
    ("stated", "stated"),
    ("value", "value"),
    ("unit", "unit"),
    ("quantity_kind", "quantity kind"),
    ("comparator", "comparator"),
    ("commitment", "commitment"),
    ("direction", "direction"),
    ("headline", "headline"),
    ("indicator_code", "indicator code"),
    ("outcome", "outcome"),
)
"""Columns of the targets table: key in the downloads, header on the page."""


def target_rows(
    chapters: dict[str, ChapterJSON],
    units: dict[str, UnitJSON],
    languages: dict[str, str],
    principal: dict[str, str],
    targets: list[tuple[str, str | None, TargetJSON]],
) -> list[dict[str, str | float | None]]:
    """One flat row per target, in the order given, with the chapter and unit names a reader needs."""
    rows: list[dict[str, str | float | None]] = []
    for chapter_id, quantity_kind, target in targets:
        language = languages.get(target["document_id"], "zh-Hant")
        chapter = chapters.get(chapter_id)
        unit_id = target.get("unit") or ""
        unit = units.get(unit_id)
        rows.append(
            {
                "id": target["id"],
                "document": target["document_id"],
                "chapter": (f"({chapter['numeral']})" if chapter and chapter.get("numeral") else chapter_id),
                "chapter_title": label(chapter["title"], language) if chapter else "",
                "indicator": label(target.get("indicator", {}), language),
                "type": target.get("type", ""),
                "stated": stated_text(target),
                "value": target.get("value"),
                "unit": unit["names"].get("en", unit_id) if unit else unit_id,
                "quantity_kind": quantity_kind or "",
                "comparator": target.get("comparator") or "",
                "commitment": target.get("commitment") or "",
                "direction": target.get("direction") or "",
                "headline": "headline" if target.get("headline") else "",
                "indicator_code": target.get("indicator_code") or "",
                "outcome": principal.get(target["id"], ""),
                "language": language,
            }
        )
    return rows


def unit_names(units: dict[str, UnitJSON]) -> dict[str, str]:
    """Each unit's English name, with its symbol where it has one (square metre (m2); dwelling), by id."""
    names = {}
    for unit_id, unit in units.items():
        name, symbol = unit["names"].get("en", unit_id), unit.get("ucum") or ""
        names[unit_id] = f"{name} ({symbol})" if symbol and not symbol.startswith("{") and symbol != name else name
    return names


class SeriesRow(TypedDict):
    """A point of a series as its table row shows it."""

    point: SeriesPointJSON
    issuer: str
    issuer_lang: str
    language: str
    unit: str
    value: str
    outcome: str | None
    glyph: str
    outcome_words: str
    assessment: OutcomeJSON | None


def series_rows(
    points: list[SeriesPointJSON],
    issuers: dict[str, str],
    issuer_langs: dict[str, str],
    languages: dict[str, str],
    units: dict[str, str],
    principal: dict[str, OutcomeJSON],
) -> list[SeriesRow]:
    """One row per point of a series, with its issuer's and unit's names, its value as written and its outcome."""
    rows: list[SeriesRow] = []
    for point in points:
        outcome = (point.get("outcome") or "unassessed") if point["kind"] == "target" else None
        value = point.get("value")
        rows.append(
            {
                "point": point,
                "issuer": issuers.get(point["issuer_id"], point["issuer_id"]),
                "issuer_lang": issuer_langs.get(point["issuer_id"], "en"),
                "language": languages.get(point["document_id"], "zh-Hant"),
                "unit": units.get(point.get("unit") or "", point.get("unit") or ""),
                "value": number(value) if value is not None else "",
                "outcome": outcome,
                "glyph": OUTCOME_GLYPHS.get(outcome or "", ""),
                "outcome_words": OUTCOME_WORDS.get(outcome or "", ""),
                "assessment": principal.get(point["id"]),
            }
        )
    return rows

"""The committed seed report is what the report command prints."""

from __future__ import annotations

import json

from workreport_pipeline.report import quality_report, render_markdown

from .conftest import SEED


def test_seed_report_is_current() -> None:
    dataset = json.loads((SEED / "dataset.json").read_text(encoding="utf-8"))
    committed = (SEED / "REPORT.md").read_text(encoding="utf-8")
    assert committed.endswith(render_markdown(quality_report(dataset))), "seeds/shanghai-2012/REPORT.md is stale; run `make dataset`"


def test_counts_add_up() -> None:
    dataset = json.loads((SEED / "dataset.json").read_text(encoding="utf-8"))
    report = quality_report(dataset)
    assert sum(c.measures for c in report.chapters) == len(dataset["measures"])
    assert sum(c.quantitative + c.qualitative for c in report.chapters) == len(dataset["targets"])
    assert sum(sum(c.bodies.values()) for c in report.chapters) == sum(len(m["bodies"]) for m in dataset["measures"])

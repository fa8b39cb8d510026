"""The committed seed report is what the report command prints."""

from __future__ import annotations

import json

from workreport_pipeline.report import QUALITATIVE_SHAPES, quality_report, render_markdown

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


def test_qualitative_targets_are_counted_by_how_they_were_read() -> None:
    dataset = json.loads((SEED / "dataset.json").read_text(encoding="utf-8"))
    shapes = quality_report(dataset).qualitative_shapes
    assert sum(shapes.values()) == sum(t["type"] == "qualitative" for t in dataset["targets"])
    assert set(shapes) <= set(QUALITATIVE_SHAPES)
    assert shapes["marker"] == 7


def test_every_action_clause_without_a_target_is_listed() -> None:
    dataset = json.loads((SEED / "dataset.json").read_text(encoding="utf-8"))
    text = dataset["documents"][0]["text"]
    listed = {item.text: item for item in quality_report(dataset).untargeted}
    # efforts with no state to check, and a shape whose figure follows in its sentence
    assert {"加強食品安全管理", "建立健全安全管理工作考核問責制", "較大幅度增加退休人員收入"} <= set(listed)
    # a stance lead-in or a purpose of its measure is no action to target
    assert not {"堅持民生優先導向", "不斷提升人民群眾的安全感", "增強服務能力", "抓住先行先試機遇"} & set(listed)
    assert listed["較大幅度增加退休人員收入"].note == "lead-in"
    assert listed["加強食品安全管理"].note == ""
    # clauses holding a target are never listed
    for target in dataset["targets"]:
        assert target["source"]["quote"] not in listed
    for item in listed.values():
        assert text[item.start : item.end] == item.text
        assert item.measure_id in {m["id"] for m in dataset["measures"]}

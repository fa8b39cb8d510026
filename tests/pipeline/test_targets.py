"""Targets: indicators, spans and qualitative targets."""

from __future__ import annotations

import pytest

from workreport_pipeline.stages.targets import clause_targets

from .conftest import index_of, whole


@pytest.mark.parametrize(
    ("clause", "indicators"),
    [
        ("新增就業崗位50萬個以上", ["新增就業崗位"]),
        ("力爭幫助1萬人成功創業", ["幫助成功創業"]),
        ("為27萬老年人提供社區居家養老服務", ["為老年人提供社區居家養老服務"]),
        ("戶外廣告規范設置率達到90%", ["戶外廣告規范設置率"]),
        ("與中國科學院合作新建一所高水平研究型大學", ["與中國科學院合作新建高水平研究型大學"]),
        ("新開工建設和籌措保障性住房1100萬平方米、17.08萬套(間)", ["新開工建設和籌措保障性住房", "新開工建設和籌措保障性住房"]),
        ("新建高水平糧田1000公頃、設施菜田533公頃、標準化養殖場45個", ["新建高水平糧田", "設施菜田", "標準化養殖場"]),
        ("保持物價總水平基本穩定", ["物價總水平"]),
        ("基本實現城鎮化地區全覆蓋", ["城鎮化地區"]),
        ("實現全年新建住房價格穩中有降", ["全年新建住房價格"]),
        ("推進工作", []),
    ],
)
def test_indicators(clause: str, indicators: list[str]) -> None:
    assert [draft.indicator for draft in clause_targets(index_of(clause), whole(clause))] == indicators


def test_target_span_covers_indicator_and_quantity() -> None:
    clause = "新建高水平糧田1000公頃、設施菜田533公頃"
    drafts = clause_targets(index_of(clause), whole(clause))
    assert [d.span.slice(clause) for d in drafts] == ["新建高水平糧田1000公頃", "設施菜田533公頃"]


def test_qualitative_target_has_direction_and_no_quantity() -> None:
    clause = "力爭實現全年新建住房價格穩中有降"
    (draft,) = clause_targets(index_of(clause), whole(clause))
    assert draft.quantity is None and draft.qualitative is not None
    assert draft.qualitative.direction.value == "decrease"
    assert draft.aspirational
    assert draft.span.slice(clause) == clause

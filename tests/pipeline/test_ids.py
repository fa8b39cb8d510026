"""Ids are hierarchical, zero-padded and URL-safe."""

from __future__ import annotations

import re

from workreport_pipeline.stages.ids import chapter_id, measure_id, paragraph_id, target_id
from workreport_schema import ID_PATTERN


def test_id_scheme() -> None:
    chapter = chapter_id("shanghai-2012", 3)
    paragraph = paragraph_id(chapter, 2)
    measure = measure_id(paragraph, 5)
    target = target_id(measure, 1)
    assert target == "shanghai-2012.c03.p02.m05.t1"
    assert measure_id(paragraph, 123) == "shanghai-2012.c03.p02.m123"
    for value in (chapter, paragraph, measure, target):
        assert re.fullmatch(ID_PATTERN, value)

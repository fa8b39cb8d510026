"""Units: a classifier is not a unit; the thing counted is."""

from __future__ import annotations

import pytest

from workreport_pipeline.stages.quantities import read_clause
from workreport_pipeline.stages.units import resolve_unit

from .conftest import index_of, whole


@pytest.mark.parametrize(
    ("clause", "unit", "how"),
    [
        ("新開工建設保障性住房1100萬平方米", "m2", "symbol"),
        ("新建高水平糧田1000公頃", "har", "symbol"),
        ("推進300公里中小河道整治", "km", "symbol"),
        ("投入5億元", "cny", "symbol"),
        ("增長15%", "percent", "symbol"),
        ("新增就業崗位50萬個以上", "job", "noun-before"),
        ("新增就业岗位五十万个以上", "job", "noun-before"),
        ("新增養老床位5000張", "bed", "noun-before"),
        ("新增30所義務教育學校", "school", "noun-after"),
        ("新增40所幼兒園", "kindergarten", "noun-after"),
        ("新建一所高水平研究型大學", "university", "noun-after"),
        ("4家三級醫院全面投入試運行", "hospital", "noun-after"),
        ("創建50條示范性林蔭道", "road", "noun-after"),
        ("新增覆蓋5000處無線熱點", "hotspot", "noun-after"),
        ("舉辦200場以上高質量公益性專場演出", "performance", "noun-after"),
        ("完成100個村莊改造", "village", "noun-after"),
        ("為27萬老年人提供服務", "person", "noun-after"),
        ("力爭幫助1萬人成功創業", "person", "classifier"),
        ("完成4萬戶農村生活污水處理設施改造", "household", "classifier"),
        ("供應11.4萬套(間)", "dwelling", "classifier"),
        ("推進45項重點工作", "task", "noun-after"),
        ("完成12個", "item", "generic"),
    ],
)
def test_unit_of_the_thing_counted(clause: str, unit: str, how: str) -> None:
    index = index_of(clause)
    (quantity,), _ = read_clause(index, whole(clause))
    reading = resolve_unit(index.folded, quantity, whole(clause))
    assert (reading.code, reading.how) == (unit, how)

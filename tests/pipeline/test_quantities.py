"""Reading numbers: quantities with multipliers, units, comparators, ranges, and skip reasons."""

from __future__ import annotations

from decimal import Decimal

import pytest

from workreport_pipeline.stages.quantities import read_clause, read_qualitative

from .conftest import index_of, whole

# clause, stated text, stated value, stated max, multiplier, comparator, aspirational, direction
QUANTITIES = [
    ("新開工建設和籌措保障性住房1100萬平方米", "1100萬平方米", "1100", None, 10000, "eq", False, None),
    ("新增就業崗位50萬個以上", "50萬個以上", "50", None, 10000, "gte", False, None),
    ("新增就業崗位五十萬個以上", "五十萬個以上", "50", None, 10000, "gte", False, None),
    ("新增就业岗位五十万个以上", "五十万个以上", "50", None, 10000, "gte", False, None),
    ("力爭幫助1萬人成功創業", "1萬人", "1", None, 10000, "eq", True, None),
    ("争取完成三千户改造", "三千户", "3000", None, 1, "eq", True, None),
    ("新建二十所學校", "二十所", "20", None, 1, "eq", False, None),
    ("供應17.08萬套(間)", "17.08萬套(間)", "17.08", None, 10000, "eq", False, None),
    ("供應１７．０８萬套（間）", "１７．０８萬套（間）", "17.08", None, 10000, "eq", False, None),
    ("人均基本養老金增長15%", "15%", "15", None, 1, "eq", False, "increase"),
    ("設置率達到90%", "達到90%", "90", None, 1, "gte", False, None),
    ("比重不低於15%", "不低於15%", "15", None, 1, "gte", False, None),
    ("新增崗位突破10萬個", "突破10萬個", "10", None, 10000, "gte", False, None),
    ("赤字控制在3%以內", "控制在3%以內", "3", None, 1, "lte", False, None),
    ("能耗不超過5萬噸", "不超過5萬噸", "5", None, 10000, "lte", False, None),
    ("增長8%左右", "8%左右", "8", None, 1, "approx", False, "increase"),
    ("新增3000個至5000個崗位", "3000個至5000個", "3000", "5000", 1, "range", False, None),
    ("增長3%-5%", "3%-5%", "3", "5", 1, "range", False, "increase"),
    ("增長3-5%", "3-5%", "3", "5", 1, "range", False, "increase"),
    ("舉辦200場以上演出", "200場以上", "200", None, 1, "gte", False, None),
    ("舉辦200多場演出", "200多場", "200", None, 1, "gte", False, None),
    ("投入1,000萬元", "1,000萬元", "1000", None, 10000, "eq", False, None),
    ("投入5億元", "5億元", "5", None, 100000000, "eq", False, None),
    ("新增裝機10千瓦", "10千瓦", "10", None, 1, "eq", False, None),
    ("提取百分之十", "百分之十", "10", None, 1, "eq", False, None),
    ("推進300公里河道整治", "300公里", "300", None, 1, "eq", False, None),
]


@pytest.mark.parametrize(("clause", "stated", "value", "maximum", "multiplier", "comparator", "aspirational", "direction"), QUANTITIES)
def test_quantities(
    clause: str, stated: str, value: str, maximum: str | None, multiplier: int, comparator: str, aspirational: bool, direction: str | None
) -> None:
    quantities, skipped = read_clause(index_of(clause), whole(clause))
    assert skipped == []
    assert len(quantities) == 1
    q = quantities[0]
    assert q.expression.slice(clause) == stated
    assert q.stated_value == Decimal(value)
    assert q.stated_value_max == (Decimal(maximum) if maximum else None)
    assert q.multiplier == multiplier
    assert q.comparator.value == comparator
    assert q.aspirational is aspirational
    assert (q.direction.value if q.direction else None) == direction


def test_normalised_value_is_exact() -> None:
    (q,), _ = read_clause(index_of("供應17.08萬套(間)"), whole("供應17.08萬套(間)"))
    assert q.value == Decimal("170800.00")


@pytest.mark.parametrize(
    ("clause", "number", "reason"),
    [
        ("辦好2012年短道速滑世錦賽", "2012", "year"),
        ("二〇一二年完成", "二〇一二", "year"),
        ("推進11號線北段二期", "11", "line-number"),
        ("推进11号线北段", "11", "line-number"),
        ("加快S26高速公路東延伸", "26", "code-name"),
        ("降低PM2.5濃度", "2.5", "code-name"),
        ("啟動第二輪建設", "二", "ordinal"),
        ("基本建成一期工程", "一", "phase"),
        ("4家三級醫院", "三", "grade"),
        ("實施三年行動計劃", "三", "duration"),
        ("落實十二五規劃", "十二五", "plan-name"),
        ("深化“三網融合”", "三", "quoted-name"),
        ("開展“六五”普法", "六五", "quoted-name"),
        ("打造一批知名品牌", "一", "vague"),
        ("提高到3", "3", "no-unit"),
        ("1月底前", "1", "date"),
    ],
)
def test_numbers_that_are_names_are_skipped(clause: str, number: str, reason: str) -> None:
    quantities, skipped = read_clause(index_of(clause), whole(clause))
    assert [(m.span.slice(clause), m.skip) for m in skipped if m.span.slice(clause) == number] == [(number, reason)]
    assert all(q.mention.span.slice(clause) != number for q in quantities)


@pytest.mark.parametrize(
    "clause", ["進一步加強", "千方百計把信訪積案化解掉", "海納百川", "推進長三角一體化發展", "統一的投訴中心", "城市之一"]
)
def test_words_with_numerals_are_not_numbers(clause: str) -> None:
    assert read_clause(index_of(clause), whole(clause)) == ([], [])


def test_several_quantities_in_one_clause() -> None:
    clause = "新建高水平糧田1000公頃、設施菜田533公頃、標準化養殖場45個"
    quantities, _ = read_clause(index_of(clause), whole(clause))
    assert [q.expression.slice(clause) for q in quantities] == ["1000公頃", "533公頃", "45個"]


@pytest.mark.parametrize(
    ("clause", "marker", "direction"),
    [
        ("實現全年新建住房價格穩中有降", "穩中有降", "decrease"),
        ("实现全年新建住房价格稳中有降", "稳中有降", "decrease"),
        ("保持物價總水平基本穩定", "基本穩定", "maintain"),
        ("實現適齡兒童接受學前教育和看護服務全覆蓋", "全覆蓋", "achieve"),
        ("確保廉租對象應保盡保", "應保盡保", "achieve"),
        ("確保企業稅負基本不增加", "基本不增加", "maintain"),
        ("建立健全“兩個實有”全覆蓋管理長效機制", None, None),
    ],
)
def test_qualitative_markers_end_the_clause(clause: str, marker: str | None, direction: str | None) -> None:
    found = read_qualitative(index_of(clause), whole(clause))
    assert (found.marker.slice(clause) if found else None) == marker
    assert (found.direction.value if found else None) == direction

"""Indicator codes from the reviewed codelist: both scripts, both widths, the quantity kind must agree."""

from __future__ import annotations

from typing import Any

import pytest

from workreport_pipeline.normalise import fold
from workreport_pipeline.stages.indicator_codes import indicator_entries, match_indicator
from workreport_schema import QuantityKind, load_codelist

from .conftest import whole
from .test_results import fixture_datasets

# (Simplified, Traditional, quantity kind of the record or None for a qualitative one, code, matched words in Simplified)
CASES: list[tuple[str, str, QuantityKind | None, str | None, str | None]] = [
    ("地区生产总值增长8%左右", "地區生產總值增長8%左右", QuantityKind.RATIO, "gdp_growth", "地区生产总值增长"),
    ("全市生产总值比上年增长9.1%", "全市生產總值比上年增長9.1%", QuantityKind.RATIO, "gdp_growth", "生产总值"),
    ("地区生产总值达到2万亿元", "地區生產總值達到2萬億元", QuantityKind.MONEY, None, None),  # a level in money, not growth
    ("居民消费价格涨幅控制在3.5%左右", "居民消費價格漲幅控制在3.5%左右", QuantityKind.RATIO, "cpi_increase", "居民消费价格涨幅"),
    ("城镇登记失业率控制在4.5%以内", "城鎮登記失業率控制在4.5%以內", QuantityKind.RATIO, "urban_unemployment_rate", "城镇登记失业率"),
    ("新增就业岗位50万个以上", "新增就業崗位50萬個以上", QuantityKind.COUNT, "new_jobs", "新增就业岗位"),
    ("新增城镇就业32万人", "新增城鎮就業32萬人", QuantityKind.COUNT, "new_jobs", "新增城镇就业"),
    ("新增非农就业岗位10万个", "新增非農就業崗位10萬個", QuantityKind.COUNT, "new_non_farm_jobs", "新增非农就业岗位"),
    ("地方一般公共预算收入增长9%", "地方一般公共預算收入增長9%", QuantityKind.RATIO, "budget_revenue_growth", "一般公共预算收入增长"),
    ("单位生产总值能耗下降3.5%", "單位生產總值能耗下降3.5%", QuantityKind.RATIO, "energy_intensity", "单位生产总值能耗"),
    ("新增养老床位5000张", "新增養老床位5000張", QuantityKind.COUNT, "elderly_care_beds", "养老床位"),
    ("筹措保障性住房1100万平方米", "籌措保障性住房1100萬平方米", QuantityKind.AREA, "affordable_housing", "保障性住房"),
    ("筹措保障性住房17.08万套", "籌措保障性住房17.08萬套", QuantityKind.COUNT, "affordable_housing", "保障性住房"),
    ("继续提高最低工资标准", "繼續提高最低工資標準", None, "minimum_wage", "最低工资标准"),
    ("新建学校30所", "新建學校30所", QuantityKind.COUNT, None, None),  # no entry names it
    ("推进中小河道整治300公里", "推進中小河道整治300公里", QuantityKind.LENGTH, None, None),
]


def _forms(simplified: str, traditional: str) -> list[tuple[str, str]]:
    ascii_forms = str.maketrans({"，": ",", "％": "%"})
    return [
        ("zh-Hans", simplified),
        ("zh-Hant", traditional),
        ("zh-Hant-fullwidth", traditional.replace("%", "％")),
        ("zh-Hans-ascii", simplified.translate(ascii_forms)),
    ]


@pytest.mark.parametrize(
    ("text", "kind", "code", "words"),
    [
        pytest.param(text, kind, code, words, id=f"{simplified}-{form}")
        for simplified, traditional, kind, code, words in CASES
        for form, text in _forms(simplified, traditional)
    ],
)
def test_indicator_codes(text: str, kind: QuantityKind | None, code: str | None, words: str | None) -> None:
    folded = fold(text)
    match = match_indicator(folded, (whole(text),), kind)
    if code is None:
        assert match is None
        return
    assert match is not None and match.code == code
    assert fold(match.span.slice(text)) == fold(words or "")


def test_the_codelist_is_reviewed_and_its_words_fold_alike_in_both_scripts() -> None:
    codelist = load_codelist("indicator")
    assert len(codelist.rows) >= 15
    for row in codelist.rows:
        hans = [fold(word) for word in row["Words (zh-Hans)"].split("|")]
        hant = [fold(word) for word in row["Words (zh-Hant)"].split("|")]
        assert hans == hant, row["Code"]
        assert all(QuantityKind(kind) for kind in row["Quantity kind"].split("|")) and load_codelist("unit").row(row["Unit"])
    assert {entry.code for entry in indicator_entries()} == set(codelist.codes)


def test_every_code_in_the_fixtures_quotes_its_words() -> None:
    coded = 0
    for _, data in fixture_datasets():
        text = data["documents"][0]["text"]
        records: list[dict[str, Any]] = [*data["targets"], *data["results"]]
        for record in records:
            if "indicator_code" not in record:
                assert "indicator_code_source" not in record and "indicator_code" not in record["provenance"]
                continue
            coded += 1
            source = record["indicator_code_source"]
            assert text[source["start"] : source["end"]] == source["quote"]
            assert record["provenance"]["indicator_code"] == "derived"
    assert coded >= 20

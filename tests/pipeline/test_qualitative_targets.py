"""Qualitative targets read from their shape (lexicon/qualitative.toml), in both scripts and both punctuation widths.

The fixture sentences are written for these tests (none is the seed's); each
positive row is also checked in the other script, converted with OpenCC.
"""

from __future__ import annotations

from typing import Any

import pytest

from workreport_pipeline.assemble import extract
from workreport_pipeline.curation import Curation
from workreport_pipeline.normalise import fold, to_simplified, to_traditional
from workreport_pipeline.stages.targets import clause_targets, stated_by_figures
from workreport_schema import Language, validate_data

from .conftest import index_of, made_up_document, whole

# clause, shape, direction, indicator, aspirational
POSITIVES: list[tuple[str, str, str, str, bool]] = [
    # raise a standard, a level of money, a share or a coverage
    ("逐步提高城鄉居民基礎養老金標準", "raise", "increase", "城鄉居民基礎養老金標準", False),
    ("繼續提高企業退休人員基本養老金水平", "raise", "increase", "企業退休人員基本養老金水平", False),
    ("擴大城鎮居民醫療保險覆蓋面", "raise", "increase", "城鎮居民醫療保險覆蓋面", False),
    ("提高研發經費支出占生產總值的比重", "raise", "increase", "研發經費支出占生產總值的比重", False),
    ("逐步擴大公共租賃住房的供應範圍", "raise", "increase", "公共租賃住房的供應範圍", False),
    ("促进城乡居民收入增长", "raise", "increase", "城乡居民收入", False),
    ("爭取提高農民工工資水平", "raise", "increase", "農民工工資水平", True),
    ("擴大科技館、天文館等場館免費開放", "raise", "increase", "科技館、天文館等場館免費開放", False),
    # lower a charge, a price, a cost
    ("降低企業物流成本", "lower", "decrease", "企業物流成本", False),
    ("下调部分药品价格", "lower", "decrease", "部分药品价格", False),
    ("逐年降低移动通信资费水平", "lower", "decrease", "移动通信资费水平", False),
    ("推動單位生產總值能耗下降", "lower", "decrease", "單位生產總值能耗", False),
    # reach a standard
    ("污水處理廠出水水質達到一級A標準", "reach", "achieve", "污水處理廠出水水質達到一級A標準", False),
    ("污水處理廠出水水質達到一級Ａ標準", "reach", "achieve", "污水處理廠出水水質達到一級Ａ標準", False),
    ("主要河道水質全面達標", "reach", "achieve", "主要河道水質全面達標", False),
    # abolish, stop or cut a charge or a practice
    ("取消政府還貸二級公路收費", "abolish", "decrease", "政府還貸二級公路收費", False),
    ("免除城乡义务教育阶段学生学杂费", "abolish", "decrease", "城乡义务教育阶段学生学杂费", False),
    ("將外環隧道調整為城市道路並停止收費", "abolish", "decrease", "外環隧道調整為城市道路並停止收費", False),
    ("减免小型微型企业部分行政事业性收费", "abolish", "decrease", "小型微型企业部分行政事业性收费", False),
    # complete, basically complete or open a named project
    ("基本建成國際航運中心", "complete", "achieve", "國際航運中心", False),
    ("建成开通轨道交通环线", "complete", "achieve", "轨道交通环线", False),
    ("全面完成中心城區二級舊里改造", "complete", "achieve", "中心城區二級舊里改造", False),
    ("虹橋綜合交通樞紐工程竣工", "complete", "achieve", "虹橋綜合交通樞紐工程", False),
    ("确保东方体育中心建成投用", "complete", "achieve", "东方体育中心", False),
    # establish an institution
    ("建立城鄉統一的居民基本養老保險制度", "establish", "achieve", "城鄉統一的居民基本養老保險制度", False),
    ("设立中小企业发展专项基金", "establish", "achieve", "中小企业发展专项基金", False),
    ("成立市知識產權仲裁中心", "establish", "achieve", "市知識產權仲裁中心", False),
    ("組建區域性股權交易機構", "establish", "achieve", "區域性股權交易機構", False),
    # become one of the best, or first, in a field
    ("努力成為全國最具活力的城市之一", "leading", "achieve", "成為全國最具活力的城市之一", True),
    ("使我市義務教育均衡發展水平走在全國前列", "leading", "achieve", "我市義務教育均衡發展水平走在全國前列", False),
    ("力争打造全国营商环境最好的城区之一", "leading", "achieve", "全国营商环境最好的城区之一", True),
    ("使本市集成電路設計水平達到國際先進水平", "leading", "achieve", "本市集成電路設計水平達到國際先進水平", False),
    # make a reform or a pilot achieve a breakthrough
    ("力爭國資國企改革取得實質性進展", "breakthrough", "achieve", "國資國企改革", True),
    ("在醫藥衛生體制改革上取得新突破", "breakthrough", "achieve", "醫藥衛生體制改革", False),
    ("户籍制度改革试点取得重大突破", "breakthrough", "achieve", "户籍制度改革试点", False),
]

NEGATIVES: list[str] = [
    # verbs of ongoing effort, with no state a reader could check
    "加強食品安全管理",
    "推進舊區改造",
    "深化醫藥衛生體制改革",
    "完善社會救助和保障標準與物價上漲掛鉤的聯動機制",
    "完善社会救助机制",
    "建立健全食品安全追溯制度",
    "建立健全城乡一体的公共设施维护机制",
    # a level that names a quality, a capacity or an effort, not a figure
    "提高城市管理科學化水平",
    "提升公共服务水平",
    "提高應急處置能力",
    "加大財政投入力度",
    "進一步加大醫療救助力度",
    # widening what is not a standard, a share or a coverage
    "擴大文化消費",
    "扩大家庭医生制服务试点",
    "增加公共體育設施",
    # no direction
    "調整普通商品住房標準",
    "大幅放寬共有產權保障房準入標準",
    # unnamed projects are no milestone; 啟動 starts, it does not complete
    "建成一批示范性社區",
    "啟動郊環線越江工程",
    "建立門診統籌",
    "建立面向市場的經營機制和體現企業特點的管理模式",
    # results that are not breakthroughs, rank words that are priorities
    "鼓勵上海體育健兒在倫敦奧運會上取得好成績",
    "始終把民生放在首位",
    "把食品安全作為重點工作之一",
    # a negation or a subject that is not the government's commitment
    "不得提高收費標準",
    "鼓勵跨國公司在滬設立地區總部",
    "促进经济平稳较快增长",
    "全面取消高速公路收費站",
]


def _other_script(text: str) -> str:
    return to_simplified(text) if to_simplified(text) != text else to_traditional(text)


def _shape(clause: str) -> list[tuple[str, str, str, bool]]:
    return [
        (draft.qualitative.shape, draft.qualitative.direction.value, draft.indicator, draft.aspirational)
        for draft in clause_targets(index_of(clause), whole(clause))
        if draft.qualitative is not None
    ]


@pytest.mark.parametrize(("clause", "shape", "direction", "indicator", "aspirational"), POSITIVES, ids=[row[0] for row in POSITIVES])
def test_shapes_read_a_qualitative_target(clause: str, shape: str, direction: str, indicator: str, aspirational: bool) -> None:
    assert _shape(clause) == [(shape, direction, indicator, aspirational)]
    other = _other_script(clause)
    assert other != clause
    (read,) = _shape(other)
    assert read[:2] == (shape, direction) and fold(read[2]) == fold(indicator) and read[3] == aspirational


@pytest.mark.parametrize("clause", NEGATIVES)
def test_efforts_and_vague_objects_are_no_targets(clause: str) -> None:
    assert _shape(clause) == []
    assert _shape(_other_script(clause)) == []


@pytest.mark.parametrize(
    "clause",
    ["提高最低工資標準到每月1450元", "降低10%的企業物流成本", "完成4萬戶農村生活污水處理設施改造", "新增養老床位5000張"],
)
def test_a_clause_with_a_quantity_is_read_by_its_quantity_only(clause: str) -> None:
    drafts = clause_targets(index_of(clause), whole(clause))
    assert drafts and all(draft.quantity is not None and draft.qualitative is None for draft in drafts)


def test_the_end_markers_win_over_the_shapes() -> None:
    clause = "基本實現城鎮化地區全覆蓋"
    (draft,) = clause_targets(index_of(clause), whole(clause))
    assert draft.qualitative is not None and draft.qualitative.shape == "marker"


@pytest.mark.parametrize(
    ("clause", "hedge"),
    [
        ("基本建成國際航運中心", "基本"),
        ("基本完成郊區集約化供水", "基本"),
        ("努力成為全國最具活力的城市之一", "努力"),
        ("力爭國資國企改革取得實質性進展", "力爭"),
    ],
)
def test_hedges_stay_in_the_source_span(clause: str, hedge: str) -> None:
    (draft,) = clause_targets(index_of(clause), whole(clause))
    assert draft.span.slice(clause) == clause and draft.span.slice(clause).startswith(hedge)
    assert hedge not in draft.indicator


def test_a_share_is_a_ratio_for_indicator_codes() -> None:
    kinds = {}
    for clause in ("提高公共租賃住房實物配租比例", "擴大城鎮居民醫療保險覆蓋面", "繼續提高企業退休人員基本養老金水平"):
        (draft,) = clause_targets(index_of(clause), whole(clause))
        kinds[clause] = draft.kind.value if draft.kind else None
    assert list(kinds.values()) == ["ratio", "ratio", None]


@pytest.mark.parametrize(
    ("sentence", "stated"),
    [
        ("較大幅度增加退休人員收入,人均基本養老金增長15%", True),  # the figure states the clause before it
        ("繼續提高最低工資標準,新增就業崗位50萬個以上", False),  # a figure of another thing, in no direction
        ("逐年降低寬帶上網資費水平,人均收入增長8%", False),  # a figure in the other direction
    ],
)
def test_a_shape_stated_by_the_next_figure_is_its_lead_in(sentence: str, stated: bool) -> None:
    index = index_of(sentence)
    cut = sentence.index(",")
    first, second = whole(sentence[:cut]), whole(sentence)
    second = type(second)(cut + 1, len(sentence))
    drafts = [(clause, draft) for clause in (first, second) for draft in clause_targets(index, clause)]
    assert (first in stated_by_figures([first, second], drafts)) is stated


TRADITIONAL_FULL_WIDTH = (
    "(一)保障民生\n"
    "較大幅度增加退休人員收入，人均基本養老金增長10%。繼續提高最低工資標準，加強為老服務。"
    "將外環隧道調整為城市道路並停止收費，基本建成國際航運中心，努力成為全國最具活力的城市之一。\n"
    "(二)深化改革\n深化國資國企改革，力爭重點領域改革取得新突破。建立健全考核機制。"
)
SIMPLIFIED_ASCII = (
    "(一)保障民生\n"
    "较大幅度增加退休人员收入,人均基本养老金增长10%.继续提高最低工资标准,加强为老服务."
    "将外环隧道调整为城市道路并停止收费,基本建成国际航运中心,努力成为全国最具活力的城市之一.\n"
    "(二)深化改革\n深化国资国企改革,力争重点领域改革取得新突破.建立健全考核机制."
)


def _summary(data: dict[str, Any], language: str) -> list[tuple[Any, ...]]:
    return [
        (t["type"], t.get("direction"), t["commitment"], fold(t["indicator"][language]), fold(t["source"]["quote"]))
        for t in data["targets"]
    ]


@pytest.mark.parametrize(
    ("text", "language"),
    [(TRADITIONAL_FULL_WIDTH, Language.ZH_HANT), (SIMPLIFIED_ASCII, Language.ZH_HANS)],
    ids=["hant-full-width", "hans-ascii"],
)
def test_the_pipeline_reads_the_same_shapes_in_either_script_and_width(text: str, language: Language) -> None:
    data = extract(text, made_up_document(language), Curation())
    assert validate_data(data, "dataset") == ("dataset", [])
    assert _summary(data, language.value) == [
        ("quantitative", "increase", "firm", fold("人均基本養老金增長"), fold("人均基本養老金增長10%")),
        ("qualitative", "increase", "firm", fold("最低工資標準"), fold("繼續提高最低工資標準")),
        ("qualitative", "decrease", "firm", fold("外環隧道調整為城市道路並停止收費"), fold("將外環隧道調整為城市道路並停止收費")),
        ("qualitative", "achieve", "firm", fold("國際航運中心"), fold("基本建成國際航運中心")),
        ("qualitative", "achieve", "aspirational", fold("成為全國最具活力的城市之一"), fold("努力成為全國最具活力的城市之一")),
        ("qualitative", "achieve", "aspirational", fold("重點領域改革"), fold("力爭重點領域改革取得新突破")),
    ]
    for target in data["targets"]:
        assert text[target["source"]["start"] : target["source"]["end"]] == target["source"]["quote"]

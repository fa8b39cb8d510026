"""Responsible bodies of the seed, checked against a table written by hand from the text (issue 12).

Each row is a measure of seeds/shanghai-2012, words its text must hold (so a
renumbered measure fails loudly instead of checking the wrong one), the body or
bodies that should lead it, and why. The table was written by reading the
report as a policy analyst would, with the 2012 remits of Shanghai's bodies in
mind, not by copying the pipeline's output; the pipeline is made to pass it.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from .conftest import SEED

S = "shanghai."

# (measure id without the document prefix, words in its text, leads, reason)
TABLE: list[tuple[str, str, tuple[str, ...], str]] = [
    # (三) livelihoods
    ("c03.p01.m03", "保持物價總水平基本穩定", ("price-bureau",), "the overall price level is the Price Bureau's"),
    (
        "c03.p01.m04",
        "菜籃子",
        ("agriculture-commission",),
        "the 'vegetable basket' responsibility system is run from the Agriculture Commission",
    ),
    ("c03.p01.m09", "平價菜場", ("commerce-commission",), "low-price food markets are retail, the Commission of Commerce"),
    ("c03.p01.m13", "水價成本信息公開", ("price-bureau",), "disclosure of water-price costs is price regulation"),
    ("c03.p02.m03", "基本養老金增長15%", ("human-resources-social-security-bureau",), "basic pensions are paid by social security"),
    ("c03.p02.m12", "最低生活保障標準", ("civil-affairs-bureau",), "the minimum living allowance is Civil Affairs'"),
    ("c03.p02.m16", "新增養老床位", ("civil-affairs-bureau",), "care-home beds are planned and subsidised by Civil Affairs"),
    ("c03.p02.m21", "殘疾人社會保障體系", ("disabled-persons-federation",), "services for disabled people go through the Federation"),
    ("c03.p03.m03", "籌措保障性住房", ("housing-administration-bureau",), "affordable housing is the Housing Security bureau's"),
    (
        "c03.p03.m17",
        "房地產市場調控",
        ("housing-administration-bureau",),
        "the property-market policy is carried out by the housing bureau; 中央 is its source, not a body",
    ),
    ("c03.p03.m20", "房產稅改革試點", ("local-taxation-bureau",), "the property tax on homes is levied by the Local Taxation Bureau"),
    (
        "c03.p04.m01",
        "新增就業崗位",
        ("human-resources-social-security-bureau",),
        "jobs are the Human Resources and Social Security Bureau's",
    ),
    ("c03.p04.m14", "勞動爭議調解仲裁", ("human-resources-social-security-bureau",), "labour-dispute arbitration sits in that bureau"),
    # (四) safety and city management
    ("c04.p01.m04", "安全生產主體責任", ("work-safety-administration",), "work safety"),
    ("c04.p01.m10", "消防安全", ("public-security-bureau",), "the fire service was part of public security in 2012"),
    (
        "c04.p01.m15",
        "能源安全保障",
        ("development-reform-commission",),
        "energy supply is coordinated by the Development and Reform Commission",
    ),
    ("c04.p01.m18", "食品安全追溯體系", ("food-drug-administration",), "food safety supervision"),
    ("c04.p02.m05", "示范性林蔭道", ("landscaping-city-appearance-bureau",), "tree-lined streets are greening"),
    ("c04.p02.m09", "城管執法體制", ("urban-management-enforcement-bureau",), "urban-management enforcement names its own bureau"),
    ("c04.p02.m13", "公交線網", ("transport-port-authority",), "bus routes are run by the Transport and Port Authority"),
    (
        "c04.p02.m16",
        "城鄉規劃管理和執法",
        ("planning-land-resources-bureau",),
        "planning control and its enforcement belong to the planning bureau, not landscaping",
    ),
    ("c04.p02.m17", "歷史文化風貌區", ("planning-land-resources-bureau",), "historic areas are protected through planning"),
    (
        "c04.p03.m08",
        "11號線北段二期",
        ("construction-transport-commission",),
        "metro lines are built under the Construction and Transportation Commission",
    ),
    (
        "c04.p03.m11",
        "生活垃圾末端處置設施",
        ("landscaping-city-appearance-bureau",),
        "household-waste disposal is the city-appearance bureau's",
    ),
    # (五) smart city
    ("c05.p01.m05", "光纖寬帶網絡", ("economy-informatisation-commission",), "broadband networks are informatisation"),
    (
        "c05.p01.m07",
        "下一代廣播電視網",
        ("culture-radio-film-tv-bureau",),
        "broadcasting networks are the radio and television administration's",
    ),
    ("c05.p01.m08", "有線電視數字化", ("culture-radio-film-tv-bureau",), "cable television is broadcasting, not informatisation"),
    ("c05.p02.m09", "信息化與工業化深度融合", ("economy-informatisation-commission",), "informatisation of industry"),
    # (六) culture
    ("c06.p02.m05", "精神文明創建活動", ("spiritual-civilisation-office",), "civility campaigns"),
    ("c06.p03.m02", "中華藝術宮", ("culture-radio-film-tv-bureau",), "public art museums are culture"),
    ("c06.p03.m12", "檔案信息服務", ("archives-bureau",), "archives"),
    ("c06.p03.m13", "地方志書編纂", ("local-chronicles-office",), "local chronicles have their own office, not the culture bureau"),
    ("c06.p05.m05", "報刊出版單位轉企改制", ("press-publication-bureau",), "newspaper and periodical publishers"),
    # (七) education, health, sport, population
    ("c07.p01.m07", "新增40所幼兒園", ("education-commission",), "kindergartens"),
    ("c07.p01.m02", "財政教育支出", ("finance-bureau",), "a share of the budget is set through the Finance Bureau"),
    ("c07.p01.m16", "高水平研究型大學", ("education-commission",), "a new university with the Academy (named in the text, not the lead)"),
    ("c07.p02.m02", "三級醫院", ("health-bureau",), "hospitals"),
    ("c07.p02.m15", "城鎮職工基本醫保", ("medical-insurance-office",), "employees' medical insurance, not the health bureau"),
    ("c07.p02.m16", "簡化人群分類", ("medical-insurance-office",), "the insured groups of that same sentence's medical insurance"),
    ("c07.p02.m18", "小城鎮醫保政策", ("medical-insurance-office",), "small-town medical insurance"),
    ("c07.p02.m19", "門診統籌", ("medical-insurance-office",), "outpatient pooling is a medical-insurance scheme"),
    ("c07.p02.m21", "醫療救助", ("civil-affairs-bureau",), "medical assistance to the poor is social assistance, Civil Affairs"),
    ("c07.p03.m07", "國際體育仲裁院上海聽證中心", ("sports-bureau",), "sport"),
    ("c07.p03.m10", "人口計生利益導向機制", ("population-family-planning-commission",), "family-planning incentives, not sport"),
    ("c07.p03.m11", "婦女兒童全面發展", ("women-children-committee",), "women and children, not sport"),
    # (八) social management
    ("c08.p01.m12", "換屆選舉", ("civil-affairs-bureau",), "Civil Affairs guides the committees' elections (the committees take part)"),
    ("c08.p01.m15", "社會組織", ("civil-affairs-bureau",), "social organisations are registered by Civil Affairs"),
    ("c08.p01.m10", "充實治安管理", ("public-security-bureau",), "public-order forces"),
    ("c08.p02.m02", "居住地登記辦法", ("public-security-bureau",), "residence registration is the police's"),
    ("c08.p03.m03", "人民調解", ("justice-bureau",), "people's mediation"),
    ("c08.p03.m12", "信訪核查終結制度", ("petitions-office",), "petitions"),
    (
        "c08.p03.m15",
        "基層綜治組織建設",
        ("comprehensive-governance-office",),
        "grassroots comprehensive-governance bodies are the 綜治辦's, not the petitions office's",
    ),
    (
        "c08.p03.m16",
        "基層平安創建",
        ("comprehensive-governance-office",),
        "'safe community' campaigns are run by the comprehensive-governance commission",
    ),
    ("c08.p03.m17", "社會治安防控體系", ("public-security-bureau",), "crime prevention and control"),
    ("c08.p04.m04", "志愿服務", ("spiritual-civilisation-office",), "volunteering is coordinated by the Office for Spiritual Civilization"),
    ("c08.p04.m05", "民族、宗教工作", ("ethnic-religious-affairs-commission",), "ethnic and religious affairs"),
    ("c08.p04.m08", "雙擁工作機制", ("civil-affairs-bureau",), "support for the army and its families is run from Civil Affairs"),
    # (九) suburbs and rural areas
    ("c09.p01.m07", "16號線", ("construction-transport-commission",), "a metro line"),
    ("c09.p01.m10", "優質教育資源", ("education-commission",), "schools in the new towns"),
    ("c09.p02.m10", "設施菜田533公頃", ("agriculture-commission",), "farmland and livestock farms"),
    ("c09.p02.m14", "中小河道整治", ("water-authority",), "rivers"),
    ("c09.p02.m16", "集約化供水", ("water-authority",), "water supply"),
    ("c09.p02.m22", "非農就業崗位", ("human-resources-social-security-bureau",), "off-farm jobs are employment policy"),
    ("c09.p02.m25", "農業旅游業", ("agriculture-commission",), "farm tourism is led by agriculture (tourism takes part)"),
    ("c09.p03.m03", "土地承包經營權登記", ("agriculture-commission",), "rural land contracts are the Agriculture Commission's"),
    ("c09.p03.m08", "集體建設用地確權登記", ("planning-land-resources-bureau",), "registration of construction land is the land bureau's"),
    # (十) reform and opening
    ("c10.p01.m01", "浦東綜合配套改革試點", ("pudong-new-area-government",), "Pudong's own reform pilot"),
    ("c10.p02.m01", "增值稅制度改革試點", ("finance-bureau",), "the VAT pilot is led by the Finance Bureau (the tax bureaus take part)"),
    (
        "c08.p01.m04",
        "財力保障機制",
        ("finance-bureau",),
        "funding arrangements for the large residential communities are fiscal, not Civil Affairs' community work",
    ),
    (
        "c08.p04.m03",
        "高層次人才政策",
        ("human-resources-social-security-bureau",),
        "talent policy was drafted by the HR and social security bureau",
    ),
    ("c10.p03.m01", "國有企業", ("state-assets-commission",), "state-owned enterprises"),
    ("c10.p04.m07", "稅收優惠政策", ("local-taxation-bureau", "state-taxation-bureau"), "tax relief is applied by both tax bureaus"),
    (
        "c10.p04.m12",
        "小額貸款公司",
        ("financial-services-office",),
        "microcredit companies are supervised by the Financial Services Office",
    ),
    ("c10.p04.m05", "“專精特新”中小企業", ("economy-informatisation-commission",), "small and medium enterprises"),
    (
        "c10.p04.m13",
        "發行中小企業貸款專項債券",
        ("financial-services-office",),
        "bonds issued by financial institutions are the Financial Services Office's, even for small-firm loans",
    ),
    ("c10.p05.m05", "消費者權益", ("industry-commerce-bureau",), "cracking down on fraud to protect consumers"),
    (
        "c10.p05.m07",
        "社會誠信體系",
        ("economy-informatisation-commission",),
        "in 2012 the credit-system office sat in the Commission of Economy and Informatization, not Industry and Commerce",
    ),
    ("c10.p06.m03", "口岸對外開放", ("port-services-office",), "ports of entry"),
    (
        "c10.p06.m05",
        "貿易便利化",
        ("port-services-office",),
        "trade facilitation at the ports of entry, after 口岸 and 通關 in its sentence",
    ),
    ("c10.p07.m02", "長三角", ("cooperation-exchange-office",), "Yangtze River Delta cooperation (Development and Reform takes part)"),
    ("c10.p06.m11", "地區總部", ("commerce-commission",), "regional headquarters of multinationals are foreign investment"),
    ("c10.p06.m18", "外事工作", ("foreign-affairs-office",), "foreign affairs"),
    ("c10.p06.m19", "僑務工作", ("overseas-chinese-affairs-office",), "overseas Chinese affairs"),
    ("c10.p06.m20", "海外僑胞和歸僑僑眷", ("overseas-chinese-affairs-office",), "overseas Chinese, not the Commission of Commerce"),
    ("c10.p07.m06", "對口支援力度", ("cooperation-exchange-office",), "paired assistance to western regions"),
]


@pytest.fixture(scope="module")
def measures() -> dict[str, dict[str, Any]]:
    data = json.loads((SEED / "dataset.json").read_text(encoding="utf-8"))
    return {m["id"].removeprefix("shanghai-2012."): m for m in data["measures"]}


def test_the_table_is_large_and_covers_every_chapter() -> None:
    assert len(TABLE) >= 40
    assert len({row[0] for row in TABLE}) == len(TABLE)
    assert {row[0][:3] for row in TABLE} == {f"c{n:02d}" for n in range(3, 11)}


@pytest.mark.parametrize(("measure_id", "words", "leads", "reason"), TABLE, ids=[row[0] for row in TABLE])
def test_lead_bodies(measures: dict[str, dict[str, Any]], measure_id: str, words: str, leads: tuple[str, ...], reason: str) -> None:
    measure = measures[measure_id]
    assert words in measure["text"]["zh-Hant"], f"{measure_id} no longer holds {words!r}: the table needs review"
    found = {a["body_id"] for a in measure["bodies"] if a["role"] == "lead"}
    assert found == {S + lead for lead in leads}, f"{measure_id} {measure['text']['zh-Hant']}: {reason}"


# (measure id, words in its text, bodies that take part, reason): an area's participants, checked like the leads
PARTICIPANTS: list[tuple[str, str, tuple[str, ...], str]] = [
    (
        "c03.p01.m04",
        "米袋子",
        ("grain-bureau", "commerce-commission"),
        "grain reserves are the Grain Bureau's, wholesale markets Commerce's",
    ),
    (
        "c10.p07.m02",
        "長三角",
        ("development-reform-commission",),
        "the Delta's integration plans were the Development and Reform Commission's",
    ),
    ("c10.p06.m05", "貿易便利化", ("commerce-commission",), "trade itself stays Commerce's"),
    ("c07.p02.m15", "醫保", ("human-resources-social-security-bureau",), "the Medical Insurance Office sat under Human Resources"),
]


@pytest.mark.parametrize(("measure_id", "words", "participants", "reason"), PARTICIPANTS, ids=[row[0] for row in PARTICIPANTS])
def test_participants(measures: dict[str, dict[str, Any]], measure_id: str, words: str, participants: tuple[str, ...], reason: str) -> None:
    measure = measures[measure_id]
    assert words in measure["text"]["zh-Hant"], f"{measure_id} no longer holds {words!r}: the table needs review"
    found = {a["body_id"] for a in measure["bodies"] if a["role"] == "participant"}
    assert found == {S + body for body in participants}, f"{measure_id} {measure['text']['zh-Hant']}: {reason}"


def test_central_authorities_are_never_responsible(measures: dict[str, dict[str, Any]]) -> None:
    assigned = {a["body_id"] for m in measures.values() for a in m["bodies"]}
    assert not any(body.startswith("cn.central") for body in assigned)


QUOTED = re.compile(r"「([^」]+)」")


def test_policy_area_rationales_quote_the_measures_own_words(measures: dict[str, dict[str, Any]]) -> None:
    seen = 0
    for measure in measures.values():
        for assignment in measure["bodies"]:
            if assignment["basis"] == "policy_area":
                seen += 1
                quoted = QUOTED.findall(assignment["rationale"])
                assert quoted, assignment["rationale"]
                assert all(words in measure["text"]["zh-Hant"] for words in quoted), (measure["id"], assignment["rationale"])
    assert seen


def test_paragraph_defaults_say_so(measures: dict[str, dict[str, Any]]) -> None:
    for measure in measures.values():
        for assignment in measure["bodies"]:
            if assignment["basis"] == "paragraph_default":
                assert assignment["rationale"].startswith("Paragraph default"), assignment["rationale"]

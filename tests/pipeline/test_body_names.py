"""Bodies found by the shape of their names: every rule, both scripts, both punctuation widths.

Each row is written twice by hand, in Simplified and in Traditional; each is
read with full-width punctuation as written and with ASCII punctuation. The
expected names are in Simplified and compared after folding, so one row checks
all four forms; the names as written are checked against the text itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from workreport_pipeline.curation import CuratedBody, Curation
from workreport_pipeline.document_info import IssuerInfo
from workreport_pipeline.normalise import fold
from workreport_pipeline.spans import Span
from workreport_pipeline.stages.bodies import BodyRegistry, explicit_bodies
from workreport_pipeline.stages.body_names import find_names, place_prefix, role_clause, subject_end
from workreport_pipeline.stages.classify import ClauseKind, classify_clause, group_measures
from workreport_schema import AssignmentBasis, BodyClassification, Language

from .conftest import whole

ASCII_PUNCTUATION = str.maketrans({"，": ",", "：": ":", "；": ";", "（": "(", "）": ")"})

# (Simplified, Traditional, [(name in Simplified with any shared prefix, role)])
CASES: list[tuple[str, str, list[tuple[str, str]]]] = [
    # prefix + stem + suffix, as the subject of the clause (X要…, X將…)
    ("市人力资源社会保障局要加强职业技能培训", "市人力資源社會保障局要加強職業技能培訓", [("市人力资源社会保障局", "lead")]),
    ("市住房城乡建设管理委将推进旧区改造", "市住房城鄉建設管理委將推進舊區改造", [("市住房城乡建设管理委", "lead")]),
    ("区卫生健康委要推进医养结合", "區衛生健康委要推進醫養結合", [("区卫生健康委", "lead")]),
    ("市商务委员会要扩大消费", "市商務委員會要擴大消費", [("市商务委员会", "lead")]),
    ("市政府办公厅要加强督查", "市政府辦公廳要加強督查", [("市政府办公厅", "lead")]),
    ("县农业农村局必须加强监管", "縣農業農村局必須加強監管", [("县农业农村局", "lead")]),
    ("国家统计局将开展经济普查", "國家統計局將開展經濟普查", [("国家统计局", "lead")]),
    ("由市农业科学院牵头开展研究", "由市農業科學院牽頭開展研究", [("市农业科学院", "lead")]),
    # the issuer's own place as prefix
    ("测试市民政局要做好救助工作", "測試市民政局要做好救助工作", [("测试市民政局", "lead")]),
    # 由X牽頭 / X牽頭 / 由X負責 → lead; 會同X → participant
    (
        "由区商务委牵头，会同区统计局，开展服务业统计监测",
        "由區商務委牽頭，會同區統計局，開展服務業統計監測",
        [("区商务委", "lead"), ("区统计局", "participant")],
    ),
    ("由区商务委负责", "由區商務委負責", [("区商务委", "lead")]),
    ("区商务委牵头推进", "區商務委牽頭推進", [("区商务委", "lead")]),
    ("会同市教委、市科委推进校企合作", "會同市教委、市科委推進校企合作", [("市教委", "participant"), ("市科委", "participant")]),
    # X配合 → participant
    (
        "市发展改革委牵头，市经济信息化委、市财政局配合，制定实施办法",
        "市發展改革委牽頭，市經濟信息化委、市財政局配合，制定實施辦法",
        [("市发展改革委", "lead"), ("市经济信息化委", "participant"), ("市财政局", "participant")],
    ),
    # 與X共同 → participant (the subject before it leads); 與X合作 → partner
    (
        "区卫生健康委与区民政局共同推进医养结合",
        "區衛生健康委與區民政局共同推進醫養結合",
        [("区卫生健康委", "lead"), ("区民政局", "participant")],
    ),
    ("与市教委合作办学", "與市教委合作辦學", [("市教委", "partner")]),
    # lists with 、 and 和, a role shared by the whole list
    (
        "市发展改革委、市财政局和市审计局要加强监督",
        "市發展改革委、市財政局和市審計局要加強監督",
        [("市发展改革委", "lead"), ("市财政局", "lead"), ("市审计局", "lead")],
    ),
    ("由市发展改革委、市财政局牵头", "由市發展改革委、市財政局牽頭", [("市发展改革委", "lead"), ("市财政局", "lead")]),
    ("支持区科委和区教育局开展合作", "支持區科委和區教育局開展合作", [("区科委", "participant"), ("区教育局", "participant")]),
    # a shared prefix (市發展改革委、財政局和審計局: 市財政局, 市審計局)
    (
        "市发展改革委、财政局和审计局要加强监督",
        "市發展改革委、財政局和審計局要加強監督",
        [("市发展改革委", "lead"), ("市财政局", "lead"), ("市审计局", "lead")],
    ),
    # organ suffixes inside longer words are not bodies
    ("优化区域布局", "優化區域佈局", []),
    ("打开改革新局面", "打開改革新局面", []),
    ("全部完成改造任务", "全部完成改造任務", []),
    ("加强内部管理", "加強內部管理", []),
    ("培养优秀干部", "培養優秀幹部", []),
    ("部分地区试点", "部分地區試點", []),
    ("做好部署工作", "做好部署工作", []),
    ("推进中心城区道路改造", "推進中心城區道路改造", []),
    ("试行公共设施委托管理", "試行公共設施委託管理", []),
    ("积极举办国际会展", "積極舉辦國際會展", []),
    ("在音乐厅举办演出", "在音樂廳舉辦演出", []),
    # hospitals, theatres, places: 院 and 中心 that are not organs
    ("新建区人民医院", "新建區人民醫院", []),
    ("，区人民医院要改善服务", "，區人民醫院要改善服務", []),
    ("，区文化活动中心要延长开放时间", "，區文化活動中心要延長開放時間", []),
    ("、国家技术贸易交易中心等出口基地", "、國家技術貿易交易中心等出口基地", []),
    # a prefix character inside a word is not a jurisdiction
    ("推进市场监管改革", "推進市場監管改革", []),
    ("加强城市管理局面", "加強城市管理局面", []),
    ("支持区县发展", "支持區縣發展", []),
    ("支持兄弟省区市驻沪办协同工作", "支持兄弟省區市駐滬辦協同工作", []),
    ("落实与兄弟省区市政府的合作框架协议", "落實與兄弟省區市政府的合作框架協議", []),
    # a noun phrase is not a name
    ("，市重要的活动中心要开放", "，市重要的活動中心要開放", []),
    # courts and procuratorates (法院, 检察院)
    (
        "由市高级人民法院牵头，会同市人民检察院推进司法公开",
        "由市高級人民法院牽頭，會同市人民檢察院推進司法公開",
        [("市高级人民法院", "lead"), ("市人民检察院", "participant")],
    ),
    ("区人民法院要加强诉讼服务", "區人民法院要加強訴訟服務", [("区人民法院", "lead")]),
    # companies named after a jurisdiction or after the issuer's place written bare (测试 of 测试市)
    ("测试申通地铁集团有限公司要加快轨道交通建设", "測試申通地鐵集團有限公司要加快軌道交通建設", [("测试申通地铁集团有限公司", "lead")]),
    ("由市城投公司负责", "由市城投公司負責", [("市城投公司", "lead")]),
    ("会同测试久事集团推进枢纽建设", "會同測試久事集團推進樞紐建設", [("测试久事集团", "participant")]),
    # not companies or not named after a jurisdiction: 公司制, 上市公司, a private company, the bare place before an organ
    ("推进国有企业公司制改革", "推進國有企業公司制改革", []),
    ("，上市公司要规范治理", "，上市公司要規範治理", []),
    ("，华光科技有限公司要扩大产能", "，華光科技有限公司要擴大產能", []),
    ("，测试国资委要推进改革", "，測試國資委要推進改革", []),
]


def _forms(simplified: str, traditional: str) -> Iterator[tuple[str, str]]:
    for script, text in (("zh-Hans", simplified), ("zh-Hant", traditional)):
        yield f"{script}-full", text
        yield f"{script}-ascii", text.translate(ASCII_PUNCTUATION)


PARAMS = [
    pytest.param(text, expected, id=f"{simplified}-{form}")
    for simplified, traditional, expected in CASES
    for form, text in _forms(simplified, traditional)
]

ISSUER = IssuerInfo(name="测试市人民政府")
CIVIL = CuratedBody(
    "test.civil-affairs-bureau", "測試市民政局", "Civil Affairs Bureau", BodyClassification.GOVERNMENT_DEPARTMENT, None, ("市民政局",)
)
GOVERNMENT = CuratedBody("test.government", "測試市人民政府", "Test Municipal Government", BodyClassification.GOVERNMENT, None, ("市政府",))


def _registry(curation: Curation | None = None, language: Language = Language.ZH_HANS) -> BodyRegistry:
    return BodyRegistry.build(curation or Curation(), ISSUER, "doc-2020", language)


@pytest.mark.parametrize(("text", "expected"), PARAMS)
def test_bodies_found_by_pattern(text: str, expected: list[tuple[str, str]]) -> None:
    registry = _registry()
    drafts = explicit_bodies(text, fold(text), whole(text), registry)
    assert [(fold(registry.bodies[d.body_id].name), d.role.value) for d in drafts] == [(fold(n), role) for n, role in expected]
    for draft in drafts:
        assert draft.basis is AssignmentBasis.EXPLICIT and draft.span is not None
        body = registry.bodies[draft.body_id]
        assert body.found and body.en is None and body.name.endswith(draft.span.slice(text))


@pytest.mark.parametrize(
    ("text", "classification"),
    [
        ("市高级人民法院要推进司法公开", BodyClassification.JUDICIAL_ORGAN),
        ("區人民檢察院要加強監督", BodyClassification.JUDICIAL_ORGAN),
        ("測試申通地鐵集團有限公司要加快建設", BodyClassification.STATE_OWNED_ENTERPRISE),
        ("国家电网公司要保障供电", BodyClassification.STATE_OWNED_ENTERPRISE),
        ("國家統計局將開展普查", BodyClassification.CENTRAL_AUTHORITY),
        ("市农业科学院要开展研究", BodyClassification.ACADEMIC_INSTITUTION),
    ],
)
def test_found_bodies_are_classified_by_their_suffix(text: str, classification: BodyClassification) -> None:
    registry = _registry()
    (draft,) = explicit_bodies(text, fold(text), whole(text), registry)
    assert registry.bodies[draft.body_id].classification is classification


# (Simplified, Traditional, kind): subject clauses are actions, role clauses frame the action after them.
CLAUSES: list[tuple[str, str, ClauseKind]] = [
    ("市人力资源社会保障局要加强职业技能培训", "市人力資源社會保障局要加強職業技能培訓", ClauseKind.ACTION),
    ("区商务委将开展统计监测", "區商務委將開展統計監測", ClauseKind.ACTION),
    ("市发展改革委和市财政局要加强监督", "市發展改革委和市財政局要加強監督", ClauseKind.ACTION),
    ("区卫生健康委与区民政局共同推进医养结合", "區衛生健康委與區民政局共同推進醫養結合", ClauseKind.ACTION),
    ("区商务委牵头开展调查", "區商務委牽頭開展調查", ClauseKind.ACTION),
    ("由区商务委牵头", "由區商務委牽頭", ClauseKind.FRAMING),
    ("区商务委牵头", "區商務委牽頭", ClauseKind.FRAMING),
    ("市经济信息化委、市财政局配合", "市經濟信息化委、市財政局配合", ClauseKind.FRAMING),
    ("会同区统计局、区财政局", "會同區統計局、區財政局", ClauseKind.FRAMING),
    ("区域布局要更加合理", "區域佈局要更加合理", ClauseKind.CONTEXT),
    ("市场主体要依法经营", "市場主體要依法經營", ClauseKind.CONTEXT),
    ("由市场决定价格", "由市場決定價格", ClauseKind.CONTEXT),
    ("区人民医院要改善服务", "區人民醫院要改善服務", ClauseKind.CONTEXT),
    ("区商务委统计数据显示", "區商務委統計數據顯示", ClauseKind.CONTEXT),
]


@pytest.mark.parametrize(
    ("text", "kind"),
    [pytest.param(text, kind, id=f"{hans}-{form}") for hans, hant, kind in CLAUSES for form, text in _forms(hans, hant)],
)
def test_clause_kinds_of_subject_and_role_clauses(text: str, kind: ClauseKind) -> None:
    assert classify_clause(fold(text), whole(text)) is kind


@pytest.mark.parametrize(
    ("sentence", "measures"),
    [
        ("由区商务委牵头，会同区统计局、区财政局，开展服务业统计监测", ["由区商务委牵头，会同区统计局、区财政局，开展服务业统计监测"]),
        ("由區商務委牽頭,會同區統計局、區財政局,開展服務業統計監測", ["由區商務委牽頭,會同區統計局、區財政局,開展服務業統計監測"]),
        ("市发展改革委牵头，市财政局配合，制定实施办法", ["市发展改革委牵头，市财政局配合，制定实施办法"]),
        ("市發展改革委牽頭,市財政局配合,制定實施辦法", ["市發展改革委牽頭,市財政局配合,制定實施辦法"]),
        # the opening context clause leads the measure (classify rule 4), so the subject clause is never alone or lost
        ("物价牵动民心，市人力资源社会保障局要加强培训", ["物价牵动民心，市人力资源社会保障局要加强培训"]),
        ("物價牽動民心,市人力資源社會保障局要加強培訓", ["物價牽動民心,市人力資源社會保障局要加強培訓"]),
        ("会同区统计局，区域布局要更加合理", []),
    ],
)
def test_role_and_subject_clauses_in_measures(sentence: str, measures: list[str]) -> None:
    """Role clauses join the action after them; a subject clause starts a measure (it is never dropped)."""
    folded = fold(sentence)
    clauses = [Span(m.start(), m.end()) for m in re.finditer(r"[^,，]+", sentence)]
    groups = group_measures(folded, clauses, lambda clause: False)
    assert [group.span.slice(sentence) for group in groups] == measures


def test_role_clause_needs_a_role() -> None:
    for text in ("由区商务委牵头", "会同区统计局", "会同区统计局等部门", "区商务委负责"):
        assert role_clause(fold(text), whole(text)), text
    for text in ("由区商务委", "区商务委", "由区商务委牵头开展监测", "会同有关部门"):
        assert not role_clause(fold(text), whole(text)), text


def test_shared_prefix_keeps_the_written_span_and_names_the_whole_body() -> None:
    text = "市發展改革委、財政局和審計局要加強監督"
    matches = find_names(fold(text), whole(text))
    assert [(m.span.slice(text), m.name(text), m.shares_prefix) for m in matches] == [
        ("市發展改革委", "市發展改革委", False),
        ("財政局", "市財政局", True),
        ("審計局", "市審計局", True),
    ]


@pytest.mark.parametrize("text", ["国家发展改革委、财政部联合印发通知", "國家發展改革委、財政部聯合印發通知"])
def test_a_national_prefix_is_not_shared(text: str) -> None:
    assert [m.name(text) for m in find_names(fold(text), whole(text))] == [text[:7]]


def test_found_names_are_published_in_the_source_script() -> None:
    for text, language in (("区商务委要推进", Language.ZH_HANS), ("區商務委要推進", Language.ZH_HANT)):
        registry = _registry(language=language)
        (draft,) = explicit_bodies(text, fold(text), whole(text), registry)
        body = registry.bodies[draft.body_id]
        assert (body.name, body.language, body.classification) == (text[:4], language, BodyClassification.GOVERNMENT_DEPARTMENT)


def test_found_ids_are_deterministic_url_safe_and_script_independent() -> None:
    ids = set()
    for text in ("区商务委要推进", "區商務委要推進", "区商务委要推进".translate(ASCII_PUNCTUATION)):
        registry = _registry()
        (draft,) = explicit_bodies(text, fold(text), whole(text), registry)
        ids.add(draft.body_id)
    (body_id,) = ids
    assert re.fullmatch(r"doc-2020\.named-[0-9a-f]{10}", body_id)
    registry = _registry()
    other = explicit_bodies("区统计局要推进", fold("区统计局要推进"), whole("区统计局要推进"), registry)
    assert other[0].body_id != body_id


def test_id_scope_is_the_issuer_jurisdiction_or_cn_for_national_bodies() -> None:
    registry = BodyRegistry.build(Curation(), IssuerInfo(name="上海市人民政府", id="shanghai.municipal-government"), "sh-2012")
    text = "區商務委要推進，國家統計局將開展普查"
    drafts = explicit_bodies(text, fold(text), whole(text), registry)
    assert [d.body_id.split(".named-")[0] for d in drafts] == ["shanghai", "cn"]
    assert registry.bodies[drafts[1].body_id].classification is BodyClassification.CENTRAL_AUTHORITY


def test_known_names_win_at_equal_length_and_longer_names_win_over_known_ones() -> None:
    registry = _registry(Curation(bodies=(CIVIL, GOVERNMENT)))
    text = "市民政局要做好救助，市政府办公厅要加强督查，市发展改革委、民政局和财政局要加强协作"
    drafts = explicit_bodies(text, fold(text), whole(text), registry)
    found = [(d.span.slice(text) if d.span else "", d.body_id if not registry.bodies[d.body_id].found else "found") for d in drafts]
    assert found == [
        ("市民政局", CIVIL.id),
        ("市政府办公厅", "found"),
        ("市发展改革委", "found"),
        ("民政局", CIVIL.id),
        ("财政局", "found"),
    ]


def test_known_names_opening_with_a_jurisdiction_obey_the_boundary() -> None:
    registry = _registry(Curation(bodies=(GOVERNMENT,)))
    for text, found in (
        ("落实与兄弟省区市政府的合作框架协议", []),
        ("支持市政府推进改革", [GOVERNMENT.id]),
        ("由市政府牵头", [GOVERNMENT.id]),
    ):
        assert [d.body_id for d in explicit_bodies(text, fold(text), whole(text), registry)] == found, text


@pytest.mark.parametrize(
    ("issuer", "place"),
    [
        ("上海市人民政府", "上海市"),
        ("測試市人民政府", "测试市"),
        ("浦东新区人民政府", "浦东新区"),
        ("某某省政府", "某某省"),
        ("人民政府", None),
        ("上海市民政局", None),
        ("Shanghai Municipal People's Government", None),
    ],
)
def test_place_prefix_from_the_issuer(issuer: str, place: str | None) -> None:
    assert place_prefix(issuer) == place


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("市发展改革委和市财政局要加强监督", "市发展改革委和市财政局"),
        ("市發展改革委和市財政局要加強監督", "市發展改革委和市財政局"),
        ("区卫生健康委与区民政局共同推进", "区卫生健康委与区民政局"),
        ("區商務委牽頭推進", "區商務委"),
        ("区商务委会同区统计局开展调查", "区商务委"),
        ("区商务委统计数据显示", None),
        ("由区商务委牵头", None),
        ("推进区商务委改革", None),
    ],
)
def test_subject_end(text: str, subject: str | None) -> None:
    end = subject_end(fold(text), whole(text))
    assert (text[:end] if end is not None else None) == subject

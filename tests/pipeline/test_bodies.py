"""Bodies: explicit names with spans, curated rules, the policy-area lexicon, paragraph defaults, the issuer as last resort."""

from __future__ import annotations

import pytest

from workreport_pipeline.curation import AssignmentRule, CuratedBody, Curation, CurationError, PolicyArea
from workreport_pipeline.document_info import IssuerInfo
from workreport_pipeline.normalise import fold
from workreport_pipeline.stages.bodies import (
    AssignmentDraft,
    BodyRegistry,
    assign_bodies,
    curated_rules,
    explicit_bodies,
    match_policy_areas,
    paragraph_defaults,
    policy_area_bodies,
)
from workreport_schema import AssignmentBasis, BodyClassification, BodyRole

from .conftest import whole

ISSUER = IssuerInfo(name="上海市人民政府", id="shanghai.municipal-government")
CIVIL = CuratedBody(
    "shanghai.civil-affairs-bureau", "上海市民政局", "Civil Affairs Bureau", BodyClassification.GOVERNMENT_DEPARTMENT, None, ("市民政局",)
)


def _registry(curation: Curation | None = None) -> BodyRegistry:
    return BodyRegistry.build(curation or Curation(), ISSUER, "doc")


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("與中國科學院合作新建一所大學", [("cn.chinese-academy-of-sciences", "partner", "中國科學院")]),
        ("与中国科学院合作新建一所大学", [("cn.chinese-academy-of-sciences", "partner", "中国科学院")]),
        ("支持中國科學院發展", [("cn.chinese-academy-of-sciences", "participant", "中國科學院")]),
        (
            "支持工會、共青團、婦聯等人民團體發揮作用",
            [
                ("org.trade-unions", "participant", "工會"),
                ("org.communist-youth-league", "participant", "共青團"),
                ("org.womens-federation", "participant", "婦聯"),
            ],
        ),
        (
            "做好居委會、村委會換屆選舉工作",
            [("org.residents-committees", "participant", "居委會"), ("org.villagers-committees", "participant", "村委會")],
        ),
        ("支持婦女聯合會工作", [("org.womens-federation", "participant", "婦女聯合會")]),
        ("推進公共租賃住房建設", []),
    ],
)
def test_explicit_bodies(text: str, found: list[tuple[str, str, str]]) -> None:
    drafts = explicit_bodies(text, fold(text), whole(text), _registry())
    assert [(d.body_id, d.role.value, d.span.slice(text) if d.span else "") for d in drafts] == found
    assert all(d.basis is AssignmentBasis.EXPLICIT for d in drafts)


def test_curated_names_are_matched_too() -> None:
    curation = Curation(bodies=(CIVIL,))
    drafts = explicit_bodies("由市民政局牽頭", fold("由市民政局牽頭"), whole("由市民政局牽頭"), _registry(curation))
    assert [d.body_id for d in drafts] == ["shanghai.civil-affairs-bureau"]


def _rule(contains: str | None, body: str = CIVIL.id) -> AssignmentRule:
    return AssignmentRule(3, 2, body, BodyRole.LEAD, "because", contains)


def test_rules_with_words_and_paragraph_defaults_are_told_apart() -> None:
    rules = (_rule(None, "shanghai.municipal-government"), _rule("床位"))
    specific, general = curated_rules(rules, 3, 2, fold("新增養老床位5000張"))
    assert [r.body for r in specific] == [CIVIL.id] and [r.body for r in general] == ["shanghai.municipal-government"]
    specific, general = curated_rules(rules, 3, 2, fold("提高補貼水平"))
    assert specific == [] and [r.body for r in general] == ["shanghai.municipal-government"]
    assert curated_rules(rules, 3, 3, fold("新增養老床位")) == ([], [])
    (default,) = paragraph_defaults(general)
    assert default.basis is AssignmentBasis.PARAGRAPH_DEFAULT
    assert default.rationale is not None and default.rationale.startswith("Paragraph default") and default.rationale.endswith("because")


MEDICAL = CuratedBody(
    "shanghai.medical-insurance-office", "上海市醫療保險辦公室", "Medical Insurance Office", BodyClassification.GOVERNMENT_DEPARTMENT
)
HEALTH = CuratedBody("shanghai.health-bureau", "上海市衛生局", "Health Bureau", BodyClassification.GOVERNMENT_DEPARTMENT)
AREAS = (
    PolicyArea("medical-insurance", "Medical insurance", ("醫保", "門診統籌"), (MEDICAL.id,), "Insurance is the office's.", (CIVIL.id,)),
    PolicyArea("health", "Health", ("醫療", "醫院"), (HEALTH.id,), "Hospitals are the bureau's.", unless=("醫療救助",)),
)


@pytest.mark.parametrize(
    ("text", "areas", "quoted"),
    [
        ("完善城鎮職工基本醫保", ["medical-insurance"], [["醫保"]]),
        ("调整小城镇医保政策,建立门诊统筹", ["medical-insurance"], [["医保", "门诊统筹"]]),  # either script; quoted as written
        ("推進二級醫院轉型,提高醫保待遇", ["medical-insurance", "health"], [["醫保"], ["醫院"]]),  # file order, not text order
        ("進一步加大醫療救助力度", [], []),  # 醫療 inside 醫療救助 (unless) does not count
        ("醫療救助和醫療服務", ["health"], [["醫療"]]),  # the second 醫療 counts
        ("加強亂設攤綜合治理", [], []),
    ],
)
def test_policy_areas_are_matched_in_the_measures_own_words(text: str, areas: list[str], quoted: list[list[str]]) -> None:
    matches = match_policy_areas(AREAS, fold(text), whole(text))
    assert [m.area.id for m in matches] == areas
    assert [sorted({span.slice(text) for span in m.spans}, key=text.index) for m in matches] == quoted


def test_the_first_area_leads_and_later_areas_take_part_with_rationales_quoting_the_text() -> None:
    registry = _registry(Curation(bodies=(CIVIL, MEDICAL, HEALTH)))
    text = "推進二級醫院轉型,提高醫保待遇"
    drafts = policy_area_bodies(match_policy_areas(AREAS, fold(text), whole(text)), text, registry)
    assert [(d.body_id, d.role.value, d.basis.value) for d in drafts] == [
        (MEDICAL.id, "lead", "policy_area"),
        (CIVIL.id, "participant", "policy_area"),
        (HEALTH.id, "participant", "policy_area"),
    ]
    assert all(d.rationale for d in drafts)
    assert (
        drafts[0].rationale
        == "Policy area \u201cMedical insurance\u201d: the measure says 「醫保」. Insurance is the office's. Lead: Medical Insurance Office."
    )
    assert "「醫院」" in (drafts[2].rationale or "")


def _draft(body: str, role: BodyRole, basis: AssignmentBasis) -> AssignmentDraft:
    return AssignmentDraft(body, role, basis, rationale=None if basis is AssignmentBasis.EXPLICIT else "why")


LEAD, PART = BodyRole.LEAD, BodyRole.PARTICIPANT
E, C, P, D = AssignmentBasis.EXPLICIT, AssignmentBasis.CURATED, AssignmentBasis.POLICY_AREA, AssignmentBasis.PARAGRAPH_DEFAULT


@pytest.mark.parametrize(
    ("explicit", "curated", "areas", "defaults", "expected"),
    [
        # a body named as lead in the text: no inference is added
        ([("a", LEAD, E)], [], [("b", LEAD, P)], [("c", LEAD, D)], [("a", "lead", "explicit")]),
        # a named participant: the area gives the lead
        (
            [("a", PART, E)],
            [],
            [("b", LEAD, P), ("c", PART, P)],
            [("d", LEAD, D)],
            [("a", "participant", "explicit"), ("b", "lead", "policy_area"), ("c", "participant", "policy_area")],
        ),
        # a reviewer's rule for the measure wins over the lexicon
        ([], [("a", LEAD, C)], [("b", LEAD, P)], [("c", LEAD, D)], [("a", "lead", "curated")]),
        # the paragraph's default only when nothing else gives a lead
        ([], [], [], [("c", LEAD, D)], [("c", "lead", "paragraph_default")]),
        # a body already named keeps its explicit basis
        ([("b", PART, E)], [], [("b", LEAD, P)], [], [("b", "participant", "explicit"), ("i", "lead", "issuer")]),
        ([], [], [], [], [("i", "lead", "issuer")]),
    ],
)
def test_assignment_order(
    explicit: list[tuple[str, BodyRole, AssignmentBasis]],
    curated: list[tuple[str, BodyRole, AssignmentBasis]],
    areas: list[tuple[str, BodyRole, AssignmentBasis]],
    defaults: list[tuple[str, BodyRole, AssignmentBasis]],
    expected: list[tuple[str, str, str]],
) -> None:
    result = assign_bodies(*([_draft(*d) for d in group] for group in (explicit, curated, areas, defaults)), "i")
    assert [(d.body_id, d.role.value, d.basis.value) for d in result] == expected


def test_unknown_issuer_gets_a_document_scoped_id_and_known_one_its_own() -> None:
    assert BodyRegistry.build(Curation(), IssuerInfo(name="某市人民政府"), "doc-2020").issuer_id == "issuer.doc-2020"
    assert BodyRegistry.build(Curation(bodies=(CIVIL,)), IssuerInfo(name="上海市民政局"), "doc").issuer_id == CIVIL.id


def test_unknown_parent_is_an_error() -> None:
    orphan = CuratedBody("x.y", "某局", "Some bureau", BodyClassification.GOVERNMENT_DEPARTMENT, "x.nowhere")
    with pytest.raises(CurationError, match="parent"):
        _registry(Curation(bodies=(orphan,)))

"""Bodies: explicit names with spans, curated rules, the issuer as last resort."""

from __future__ import annotations

import pytest

from workreport_pipeline.curation import AssignmentRule, CuratedBody, Curation, CurationError
from workreport_pipeline.document_info import IssuerInfo
from workreport_pipeline.normalise import fold
from workreport_pipeline.stages.bodies import AssignmentDraft, BodyRegistry, assign_bodies, curated_bodies, explicit_bodies
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


def test_specific_rules_win_over_paragraph_rules() -> None:
    rules = (_rule(None, "shanghai.municipal-government"), _rule("床位"))
    assert [d.body_id for _, d in curated_bodies(rules, 3, 2, fold("新增養老床位5000張"))] == [CIVIL.id]
    assert [d.body_id for _, d in curated_bodies(rules, 3, 2, fold("提高補貼水平"))] == ["shanghai.municipal-government"]
    assert curated_bodies(rules, 3, 3, fold("新增養老床位")) == []


def test_issuer_is_the_last_resort_and_every_measure_has_a_lead() -> None:
    explicit = [AssignmentDraft("org.trade-unions", BodyRole.PARTICIPANT, AssignmentBasis.EXPLICIT)]
    result = assign_bodies([], explicit, "shanghai.municipal-government")
    assert [(d.body_id, d.role.value, d.basis.value) for d in result] == [
        ("org.trade-unions", "participant", "explicit"),
        ("shanghai.municipal-government", "lead", "issuer"),
    ]
    curated = [AssignmentDraft(CIVIL.id, BodyRole.LEAD, AssignmentBasis.CURATED, rationale="why")]
    assert [d.basis.value for d in assign_bodies(curated, [], "x")] == ["curated"]


def test_unknown_issuer_gets_a_document_scoped_id_and_known_one_its_own() -> None:
    assert BodyRegistry.build(Curation(), IssuerInfo(name="某市人民政府"), "doc-2020").issuer_id == "issuer.doc-2020"
    assert BodyRegistry.build(Curation(bodies=(CIVIL,)), IssuerInfo(name="上海市民政局"), "doc").issuer_id == CIVIL.id


def test_unknown_parent_is_an_error() -> None:
    orphan = CuratedBody("x.y", "某局", "Some bureau", BodyClassification.GOVERNMENT_DEPARTMENT, "x.nowhere")
    with pytest.raises(CurationError, match="parent"):
        _registry(Curation(bodies=(orphan,)))

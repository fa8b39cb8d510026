"""Clause kinds and measure grouping, table-driven."""

from __future__ import annotations

import pytest

from workreport_pipeline.normalise import fold
from workreport_pipeline.stages.classify import ClauseKind, classify_clause, clause_types, group_measures
from workreport_pipeline.stages.segment import clauses
from workreport_pipeline.stages.targets import states_target
from workreport_schema import ClauseType

from .conftest import index_of, whole


@pytest.mark.parametrize(
    ("clause", "kind"),
    [
        ("推進市外綠葉菜基地建設", ClauseKind.ACTION),
        ("繼續審慎穩妥推進資源性產品價格改革", ClauseKind.ACTION),
        ("必須繼續抓好物價調控", ClauseKind.ACTION),
        ("新增养老床位5000张", ClauseKind.ACTION),
        ("在城郊結合地區新增30所義務教育學校", ClauseKind.ACTION),
        ("基本建成老港可再生能源中心一期工程", ClauseKind.ACTION),
        ("推動在職人員特別是普通職工收入增長", ClauseKind.ACTION),
        ("住房問題是重大民生問題", ClauseKind.COPULA),
        ("就業是民生之本", ClauseKind.COPULA),
        ("就业是民生之本", ClauseKind.COPULA),
        ("建設智慧城市是實現城市現代化的必然要求", ClauseKind.COPULA),
        ("物價牽動民心", ClauseKind.CONTEXT),
        ("轉型發展中促進就業始終不能放松", ClauseKind.CONTEXT),
        ("使改革發展成果更好地惠及全體市民", ClauseKind.CONTINUATION),
        ("努力讓市民和農民都能滿意", ClauseKind.CONTINUATION),
        ("聚焦青年職工、引進人才等群體", ClauseKind.FRAMING),
        ("按照國家部署", ClauseKind.FRAMING),
    ],
)
def test_clause_kinds(clause: str, kind: ClauseKind) -> None:
    assert classify_clause(fold(clause), whole(clause)) is kind


@pytest.mark.parametrize(
    ("sentence", "measures"),
    [
        ("住房問題是重大民生問題,要作為一項長期、緊迫而重要的任務持續加以推進", []),
        ("就業是民生之本,轉型發展中促進就業始終不能放松", []),
        (
            "物價牽動民心,必須繼續抓好物價調控,采取綜合措施,保持物價總水平基本穩定",
            ["物價牽動民心,必須繼續抓好物價調控,采取綜合措施", "保持物價總水平基本穩定"],
        ),
        # Rule 4: leading context (a 通過 lead, a place, a reason) joins the measure after it.
        ("繼續通過多種方式將社區菜場回歸公益性,加快社區菜場建設", ["繼續通過多種方式將社區菜場回歸公益性,加快社區菜場建設"]),
        ("通过多种方式将社区菜场回归公益性，加快社区菜场建设", ["通过多种方式将社区菜场回归公益性，加快社区菜场建设"]),
        (
            "在城郊結合部快速城市化地區,根據實有人口規模充實治安管理力量",
            ["在城郊結合部快速城市化地區,根據實有人口規模充實治安管理力量"],
        ),
        ("在中西部地区，按照国家部署，新建学校10所", ["在中西部地区，按照国家部署，新建学校10所"]),
        ("時刻把“三農”問題放在心上,持續推進新農村建設,使農民增收", ["時刻把“三農”問題放在心上,持續推進新農村建設,使農民增收"]),
        # Leading context with no measure after it stays out (the report lists it).
        ("轉型發展,必須靠改革推動,重在制度創新", []),
        # After a copula, describing context belongs to the statement; a modal clause looks forward.
        ("大型居住社區是主要載體,承載著許多家庭的安居夢想,要堅持以居民需求為導向", ["要堅持以居民需求為導向"]),
        ("建設智慧城市是必然要求,要舉全市之力,加快建設智慧城市", ["要舉全市之力,加快建設智慧城市"]),
        # Context after a measure still joins the measure before it, never the next one.
        ("加快推進甲,物價牽動民心,推進乙", ["加快推進甲,物價牽動民心", "推進乙"]),
        ("提高各類人群的收入水平,使改革發展成果更好地惠及全體市民", ["提高各類人群的收入水平,使改革發展成果更好地惠及全體市民"]),
        ("聚焦青年職工、引進人才等群體,大幅放寬共有產權保障房準入標準", ["聚焦青年職工、引進人才等群體,大幅放寬共有產權保障房準入標準"]),
        ("郊區新建的4家三級醫院全面投入試運行", ["郊區新建的4家三級醫院全面投入試運行"]),
        (
            "加大財政教育投入,全市財政教育支出占地方公共財政支出的比重達到15%",
            ["加大財政教育投入", "全市財政教育支出占地方公共財政支出的比重達到15%"],
        ),
        ("加快推進甲,這是重要任務,使乙更好", ["加快推進甲"]),
        ("按照國家部署", []),
    ],
)
def test_grouping(sentence: str, measures: list[str]) -> None:
    index = index_of(sentence)
    groups = group_measures(index.folded, clauses(sentence, index.folded, whole(sentence)), lambda c: states_target(index, c))
    assert [group.span.slice(sentence) for group in groups] == measures


A, T, P, L, C, K = (ClauseType.ACTION, ClauseType.TARGET, ClauseType.PURPOSE, ClauseType.LEAD_IN, ClauseType.CONTEXT, ClauseType.CONDITION)


@pytest.mark.parametrize(
    ("sentence", "typed"),
    [
        # a framing lead-in, the action, its purpose — Traditional, ASCII commas
        (
            "聚焦青年職工、引進人才等群體,大幅放寬準入標準,使更多職工受益",
            [[("聚焦青年職工、引進人才等群體", L), ("大幅放寬準入標準", A), ("使更多職工受益", P)]],
        ),
        # the same in Simplified with full-width commas
        (
            "聚焦青年职工、引进人才等群体，大幅放宽准入标准，使更多职工受益",
            [[("聚焦青年职工、引进人才等群体", L), ("大幅放宽准入标准", A), ("使更多职工受益", P)]],
        ),
        # a reason that opens the sentence is context of the measure it leads
        ("物價牽動民心,必須繼續抓好物價調控", [[("物價牽動民心", C), ("必須繼續抓好物價調控", A)]]),
        # a condition, wherever it stands
        ("在確保安全的前提下,加快推進軌道交通建設", [[("在確保安全的前提下", K), ("加快推進軌道交通建設", A)]]),
        ("一旦发生险情，立即启动应急预案", [[("一旦发生险情", K), ("立即启动应急预案", A)]]),
        ("加快推進舊區改造,如果條件成熟", [[("加快推進舊區改造", A), ("如果條件成熟", K)]]),
        # who takes part, after the action, is context; 如期 is no condition
        ("如期完成舊區改造,由區房管局牽頭", [[("如期完成舊區改造", A), ("由區房管局牽頭", C)]]),
        # a clause that states a target with no action verb of its own
        (
            "加大財政教育投入,全市財政教育支出占地方公共財政支出的比重達到15%",
            [[("加大財政教育投入", A)], [("全市財政教育支出占地方公共財政支出的比重達到15%", T)]],
        ),
        ("居民消費價格漲幅控制在3%左右", [[("居民消費價格漲幅控制在3%左右", T)]]),
        # each action clause starts its own measure; a framing lead-in goes with the action after it
        ("加快推進甲,推動乙", [[("加快推進甲", A)], [("推動乙", A)]]),
        ("聚焦重點區域,加快推進甲,並推動乙", [[("聚焦重點區域", L), ("加快推進甲", A)], [("並推動乙", A)]]),
    ],
)
def test_clause_types(sentence: str, typed: list[list[tuple[str, ClauseType]]]) -> None:
    index = index_of(sentence)
    groups = group_measures(index.folded, clauses(sentence, index.folded, whole(sentence)), lambda c: states_target(index, c))
    found = [
        [
            (clause.slice(sentence), kind)
            for clause, kind in zip(group.clauses, clause_types(index.folded, group, lambda c: states_target(index, c)), strict=True)
        ]
        for group in groups
    ]
    assert found == typed

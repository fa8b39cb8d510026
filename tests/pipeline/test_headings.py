"""Paragraph headings (stages/headings.py): a short first sentence of ongoing work leads the first measure after it; a chapter's opening statement does not."""

from __future__ import annotations

import pytest

from workreport_pipeline.assemble import extract
from workreport_pipeline.curation import Curation
from workreport_schema import Language, validate_data

from .conftest import made_up_document

CASES = [
    # (why, paragraph, language, the measures' texts, the first measure's clause types)
    (
        "a heading of ongoing work leads the first measure, across the full stop",
        "繼續深化農村改革。加強農村集體資產管理,推進土地承包經營權登記試點。",
        Language.ZH_HANT,
        ["繼續深化農村改革。加強農村集體資產管理", "推進土地承包經營權登記試點"],
        ["lead_in", "action"],
    ),
    (
        "the same in Simplified, ASCII punctuation",
        "继续深化农村改革.加强农村集体资产管理,推进土地承包经营权登记试点.",
        Language.ZH_HANS,
        ["继续深化农村改革.加强农村集体资产管理", "推进土地承包经营权登记试点"],
        ["lead_in", "action"],
    ),
    (
        "發展, 推動, 實施 and 實行 name ongoing work too",
        "大力發展文化創意產業。實施科技帶動戰略,推動文化與旅游融合發展。",
        Language.ZH_HANT,
        ["大力發展文化創意產業。實施科技帶動戰略", "推動文化與旅游融合發展"],
        ["lead_in", "action"],
    ),
    (
        "the same in Simplified with full-width punctuation",
        "大力发展文化创意产业。实施科技带动战略，推动文化与旅游融合发展。",
        Language.ZH_HANS,
        ["大力发展文化创意产业。实施科技带动战略", "推动文化与旅游融合发展"],
        ["lead_in", "action"],
    ),
    (
        "a heading after its own lead-ins",
        "時刻把“三農”問題放在心上,持續推進社會主義新農村建設。加大工業反哺農業力度,強化科技興農。",
        Language.ZH_HANT,
        ["時刻把“三農”問題放在心上,持續推進社會主義新農村建設。加大工業反哺農業力度", "強化科技興農"],
        ["lead_in", "lead_in", "action"],
    ),
    (
        "a first sentence that sets something up is a commitment of its own",
        "建立殘疾人生活補貼制度。提高殘疾人就業水平。",
        Language.ZH_HANT,
        ["建立殘疾人生活補貼制度", "提高殘疾人就業水平"],
        ["action"],
    ),
    (
        "a heading with a target is a commitment of its own",
        "加快新增就業崗位50萬個。推進職業培訓。",
        Language.ZH_HANT,
        ["加快新增就業崗位50萬個", "推進職業培訓"],
        ["action"],
    ),
    (
        "a long first sentence with a list is no heading",
        "支持工會、共青團、婦聯等人民團體發揮橋梁紐帶作用。加強社會工作專業人才隊伍建設。",
        Language.ZH_HANT,
        ["支持工會、共青團、婦聯等人民團體發揮橋梁紐帶作用", "加強社會工作專業人才隊伍建設"],
        ["action"],
    ),
    (
        "a chapter's opening statement (a context, a stance, a vague action) is no heading: it stays its own measure",
        "始終把安全放在第一位,更加注重以人為本,提高城市管理水平。堅持制度建設先行,修訂一批安全管理法規。",
        Language.ZH_HANT,
        ["始終把安全放在第一位,更加注重以人為本,提高城市管理水平", "堅持制度建設先行,修訂一批安全管理法規"],
        ["context", "lead_in", "action"],
    ),
    (
        "nor is one after a statement of fact, Simplified with full-width punctuation",
        "文化是城市的灵魂。我们要充分认识文化的地位，切实提高文化自觉和自信。推进公共文化服务体系建设，扶持群众文化团队。",
        Language.ZH_HANS,
        ["我们要充分认识文化的地位，切实提高文化自觉和自信", "推进公共文化服务体系建设", "扶持群众文化团队"],
        ["context", "action"],
    ),
    (
        "an opening that names who leads it is a commitment of its own",
        "由區商務委牽頭,開展服務業統計監測。推進服務業發展。",
        Language.ZH_HANT,
        ["由區商務委牽頭,開展服務業統計監測", "推進服務業發展"],
        ["lead_in", "action"],
    ),
    (
        "an opening with a figure is a commitment of its own",
        "堅持就業優先,新增就業崗位50萬個。推進職業培訓。",
        Language.ZH_HANT,
        ["堅持就業優先,新增就業崗位50萬個", "推進職業培訓"],
        ["lead_in", "action"],
    ),
    (
        "the only sentence of a paragraph stays a measure",
        "推進體育強市建設。",
        Language.ZH_HANS,
        ["推進體育強市建設"],
        ["action"],
    ),
]


@pytest.mark.parametrize(("why", "paragraph", "language", "measures", "first_types"), CASES, ids=[case[0] for case in CASES])
def test_paragraph_headings(why: str, paragraph: str, language: Language, measures: list[str], first_types: list[str]) -> None:
    heading = "一、今年的主要任務\n" if language is Language.ZH_HANT else "一、今年的主要任务\n"
    data = extract(heading + paragraph, made_up_document(language), Curation())
    assert validate_data(data, "dataset") == ("dataset", [])
    text = data["documents"][0]["text"]
    assert [m["source"]["quote"] for m in data["measures"]] == measures, why
    first = data["measures"][0]
    assert [clause["type"] for clause in first["clauses"]] == first_types, why
    for clause in first["clauses"]:  # every clause is the text it points at
        assert text[clause["source"]["start"] : clause["source"]["end"]] == clause["source"]["quote"]

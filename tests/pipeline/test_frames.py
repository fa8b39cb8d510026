"""Frames (stages/frames.py): a list measure is read under its sentence's first action, and under the paragraph's heading."""

from __future__ import annotations

import pytest

from workreport_pipeline.assemble import extract
from workreport_pipeline.curation import Curation
from workreport_schema import Language, validate_data

from .conftest import made_up_document

CASES = [
    # (why, paragraph, language, {measure text: [frame quotes, nearest first]})
    (
        "the items of a list sentence are read under its first action",
        "完善中小企業服務體系,落實稅收優惠政策,統籌使用財政資金。",
        Language.ZH_HANT,
        {"完善中小企業服務體系": [], "落實稅收優惠政策": ["完善中小企業服務體系"], "統籌使用財政資金": ["完善中小企業服務體系"]},
    ),
    (
        "the same in Simplified with full-width punctuation",
        "完善中小企业服务体系，落实税收优惠政策，统筹使用财政资金。",
        Language.ZH_HANS,
        {"完善中小企业服务体系": [], "落实税收优惠政策": ["完善中小企业服务体系"], "统筹使用财政资金": ["完善中小企业服务体系"]},
    ),
    (
        "the sentence's lead is its first measure's action, not its lead-in",
        "按照國家部署,調整小城鎮醫保政策,建立門診統籌.",
        Language.ZH_HANT,
        {"按照國家部署,調整小城鎮醫保政策": [], "建立門診統籌": ["調整小城鎮醫保政策"]},
    ),
    (
        "a paragraph's heading frames every later sentence, and is the outer frame of their list items",
        "穩步推進增值稅制度改革試點。支持企業用足用好政策,拓展業務空間。加大財政扶持力度。",
        Language.ZH_HANT,
        {
            "穩步推進增值稅制度改革試點。支持企業用足用好政策": [],
            "拓展業務空間": ["支持企業用足用好政策", "穩步推進增值稅制度改革試點"],
            "加大財政扶持力度": ["穩步推進增值稅制度改革試點"],
        },
    ),
    (
        "a heading after a sentence that holds no measure, Simplified with ASCII punctuation",
        "转型发展,必须靠改革推动,重在制度创新.深化浦东综合配套改革试点.深化完善自主创新政策,推进园区土地二次开发试点.",
        Language.ZH_HANS,
        {
            "深化浦东综合配套改革试点": [],
            "深化完善自主创新政策": ["深化浦东综合配套改革试点"],
            "推进园区土地二次开发试点": ["深化完善自主创新政策", "深化浦东综合配套改革试点"],
        },
    ),
    (
        "figures side by side frame nothing",
        "新增就業崗位50萬個,新建學校20所.",
        Language.ZH_HANT,
        {"新增就業崗位50萬個": [], "新建學校20所": []},
    ),
    (
        "a paragraph with no heading gives its sentences' first measures no frame",
        "建立殘疾人生活補貼制度。提高殘疾人就業水平。",
        Language.ZH_HANT,
        {"建立殘疾人生活補貼制度": [], "提高殘疾人就業水平": []},
    ),
]


@pytest.mark.parametrize(("why", "paragraph", "language", "frames"), CASES, ids=[case[0] for case in CASES])
def test_frames(why: str, paragraph: str, language: Language, frames: dict[str, list[str]]) -> None:
    heading = "一、今年的主要任務\n" if language is Language.ZH_HANT else "一、今年的主要任务\n"
    data = extract(heading + paragraph, made_up_document(language), Curation())
    assert validate_data(data, "dataset") == ("dataset", [])
    text = data["documents"][0]["text"]
    by_id = {m["id"]: m for m in data["measures"]}
    assert {m["source"]["quote"]: [f["source"]["quote"] for f in m.get("frames") or []] for m in data["measures"]} == frames, why
    for measure in data["measures"]:
        for frame in measure.get("frames") or []:
            holder = by_id[frame["measure_id"]]  # the words are the holder's, in the source
            assert holder["source"]["start"] <= frame["source"]["start"] < frame["source"]["end"] <= holder["source"]["end"], why
            assert text[frame["source"]["start"] : frame["source"]["end"]] == frame["source"]["quote"]
        bases = [frame["basis"] for frame in measure.get("frames") or []]
        assert bases in ([], ["sentence_lead"], ["paragraph_heading"], ["sentence_lead", "paragraph_heading"]), why

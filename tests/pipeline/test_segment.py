"""Segmentation: headings, paragraphs, sentences, clauses."""

from __future__ import annotations

import pytest

from workreport_pipeline.normalise import fold
from workreport_pipeline.spans import Span
from workreport_pipeline.stages.segment import SegmentError, clauses, segment, sentences

from .conftest import whole


def _segment(text: str):  # type: ignore[no-untyped-def]
    return segment(text, fold(text))


@pytest.mark.parametrize(
    ("heading", "ordinal", "title"),
    [
        ("(三)更加努力保障和改善民生", 3, "更加努力保障和改善民生"),
        ("（四）常備不懈抓安全", 4, "常備不懈抓安全"),
        ("(二十)最后一章", 20, "最后一章"),
        ("  (十一) 带空格 ", 11, "带空格"),
        ("(一)(附)括號標題", 1, "(附)括號標題"),
    ],
)
def test_headings_in_both_bracket_widths(heading: str, ordinal: int, title: str) -> None:
    text = heading + "\n推進工作。"
    chapter = _segment(text).chapters[0]
    assert (chapter.ordinal, chapter.title.slice(text)) == (ordinal, title)
    assert chapter.heading.slice(text) == heading.strip()


def test_paragraphs_are_lines_and_preamble_is_kept_apart() -> None:
    text = "前言一行\n(一)甲\r\n第一段。\n\n第二段。\n(二)乙\n第三段。"
    result = _segment(text)
    assert [line.slice(text) for line in result.preamble] == ["前言一行"]
    assert [[p.span.slice(text) for p in c.paragraphs] for c in result.chapters] == [["第一段。", "第二段。"], ["第三段。"]]
    assert [p.ordinal for p in result.chapters[0].paragraphs] == [1, 2]


@pytest.mark.parametrize(
    ("text", "error"),
    [("沒有標題的文字。", "no chapter heading"), ("(一)甲\n內容。\n(一)乙\n內容。", "appears twice")],
)
def test_unusable_structure(text: str, error: str) -> None:
    with pytest.raises(SegmentError, match=error):
        _segment(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("推進甲。加快乙；完成丙！建立丁？", ["推進甲", "加快乙", "完成丙", "建立丁"]),
        ("推進甲;加快乙!完成丙?", ["推進甲", "加快乙", "完成丙"]),
        ("只有一句沒有句號", ["只有一句沒有句號"]),
        ("甲。。乙。", ["甲", "乙"]),
        # a full stop in ASCII or full-width form ends a sentence after a character that is not a letter or digit
        ("地區生產總值增長7.5%.新增就業崗位52萬個.", ["地區生產總值增長7.5%", "新增就業崗位52萬個"]),
        ("地区生产总值增长7.5%．新增就业岗位52万个．", ["地区生产总值增长7.5%", "新增就业岗位52万个"]),
        ("細顆粒物PM2.5濃度下降5%.完成治理.", ["細顆粒物PM2.5濃度下降5%", "完成治理"]),
        ("1.加快發展服務業.2.推進改革", ["1.加快發展服務業", "2.推進改革"]),
    ],
)
def test_sentences(text: str, expected: list[str]) -> None:
    assert [s.slice(text) for s in sentences(text, fold(text), whole(text))] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("推進甲,加快乙，完成丙", ["推進甲", "加快乙", "完成丙"]),
        ("投入1,000萬元,建成乙", ["投入1,000萬元", "建成乙"]),
        ("推進“甲,乙”建設,完成丙", ["推進“甲,乙”建設", "完成丙"]),
        ("新增(甲,乙)兩項,完成丙", ["新增(甲,乙)兩項", "完成丙"]),
        ("完成1,5個", ["完成1", "5個"]),
    ],
)
def test_clauses(text: str, expected: list[str]) -> None:
    assert [c.slice(text) for c in clauses(text, fold(text), whole(text))] == expected


def test_spans_point_into_the_exact_text() -> None:
    text = "（一）標題\n　推進甲，加快乙。"
    chapter = _segment(text).chapters[0]
    clause_spans = [c for p in chapter.paragraphs for s in p.sentences for c in s.clauses]
    assert [c.slice(text) for c in clause_spans] == ["推進甲", "加快乙"]
    assert clause_spans[0] == Span(7, 10)

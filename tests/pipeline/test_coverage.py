"""The whole text is accounted for: every character is in the preamble or a chapter, every clause in a measure or listed as context.

Walks the seed and the whole-report fixtures. The clause check re-reads each
sentence and applies the grouping rules' promise independently of the report:
no action clause is left out (outside a review and a review sentence, whose figures are results); a clause that opens its sentence (before any
measure or copula) is in no measure only when no measure follows it; a clause
after a measure is in it; after a copula statement, only a clause opening with
a modal or adverb (要舉全市之力) must join the measure after it. Then the
quality report must list exactly the clauses in no measure, each with a known
reason.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from workreport_pipeline.normalise import fold
from workreport_pipeline.report import CLAUSE_REASONS, quality_report
from workreport_pipeline.spans import Span
from workreport_pipeline.stages.classify import ClauseKind, classify_clause, skip_adverbs
from workreport_pipeline.stages.headline import headline_region
from workreport_pipeline.stages.results import review_clauses
from workreport_pipeline.stages.roles import holds_commitments, part_roles
from workreport_pipeline.stages.segment import clauses, segment, sentences

from .conftest import SEED
from .test_structure import fixture_datasets


def _seed() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((SEED / "dataset.json").read_text(encoding="utf-8"))
    return data


def _datasets() -> list[tuple[str, dict[str, Any]]]:
    return [("seed", _seed()), *fixture_datasets()]


def uncovered_characters(data: dict[str, Any]) -> list[int]:
    """Offsets of non-blank characters in neither the preamble, a chapter heading nor a paragraph."""
    text: str = data["documents"][0]["text"]
    covered = [False] * len(text)
    spans = [record["source"] for collection in ("chapters", "paragraphs") for record in data[collection]]
    if "preamble" in data["documents"][0]:
        spans.append(data["documents"][0]["preamble"])
    for span in spans:
        covered[span["start"] : span["end"]] = [True] * (span["end"] - span["start"])
    return [index for index, char in enumerate(text) if not covered[index] and not char.isspace()]


def coverage_problems(data: dict[str, Any]) -> list[str]:
    """Every clause in no measure that the grouping rules should have put in one, or that the report does not list."""
    text: str = data["documents"][0]["text"]
    folded = fold(text)
    measures = [Span(m["source"]["start"], m["source"]["end"]) for m in data["measures"]]
    listed = {(c.start, c.end): c.reason for c in quality_report(data).context_clauses}
    problems: list[str] = []
    segmentation = segment(text, folded)
    roles = part_roles(folded, segmentation.chapters)
    outside: set[tuple[int, int]] = set()
    for line in segmentation.preamble:
        if any(line.overlaps(m) for m in measures):
            problems.append(f"a measure in the preamble at {line.start}")
        outside.update((c.start, c.end) for c in _clauses_of_line(text, folded, line))
    for chapter in segmentation.chapters:
        commitments = holds_commitments(chapter, roles)
        for paragraph in chapter.paragraphs:
            paragraph_sentences = paragraph.sentences
            region = headline_region(folded, paragraph_sentences) if commitments else None
            for sentence in paragraph_sentences:
                review = review_clauses(folded, commitments, region, sentence)
                parts = sentence.clauses
                inside = [any(m.contains(c) for m in measures) for c in parts]
                kinds = [classify_clause(folded, c) for c in parts]
                for index, clause in enumerate(parts):
                    if inside[index]:
                        continue
                    outside.add((clause.start, clause.end))
                    if index < review or kinds[index] is ClauseKind.COPULA:
                        continue
                    words = clause.slice(text)
                    before = [i for k, i in zip(kinds[:index], inside[:index], strict=True) if i or k is ClauseKind.COPULA]
                    measure_after = any(inside[index + 1 :])
                    if kinds[index] is ClauseKind.ACTION:
                        problems.append(f"action clause in no measure: {words}")
                    elif not before and measure_after:
                        problems.append(f"leading {kinds[index].value} dropped from the measure after it: {words}")
                    elif before and before[-1]:
                        problems.append(f"{kinds[index].value} dropped from the measure before it: {words}")
                    elif before and measure_after and skip_adverbs(folded, clause) > clause.start:
                        problems.append(f"forward-looking {kinds[index].value} after a copula dropped from the measure after it: {words}")
    if set(listed) != outside:
        problems.append(f"the report lists {sorted(set(listed) ^ outside)[:3]}… differently from the clauses in no measure")
    problems += [f"unknown reason {reason!r}" for reason in set(listed.values()) - set(CLAUSE_REASONS)]
    return problems


def _clauses_of_line(text: str, folded: str, line: Span) -> list[Span]:
    return [clause for piece in sentences(text, folded, line) for clause in clauses(text, folded, piece)]


@pytest.fixture(scope="module", params=["seed", "whole-zh-hans.txt", "whole-zh-hant-ascii.txt"])
def dataset(request: pytest.FixtureRequest) -> dict[str, Any]:
    return dict(_datasets())[request.param]


def test_every_character_is_in_the_preamble_or_a_chapter(dataset: dict[str, Any]) -> None:
    assert len(dataset["paragraphs"]) > 5
    assert uncovered_characters(dataset) == []


def test_every_clause_is_in_a_measure_or_listed_as_context(dataset: dict[str, Any]) -> None:
    assert len(dataset["measures"]) > 5
    assert coverage_problems(dataset) == []


def test_the_check_finds_a_dropped_leading_clause() -> None:
    """Cut the leading 通過… clause off its measure, as the grouping once did: the check must name it."""
    data = _seed()
    (measure,) = [m for m in data["measures"] if m["text"]["zh-Hant"].startswith("繼續通過多種方式將社區菜場回歸公益性")]
    cut = measure["source"]["quote"].index(",") + 1
    measure["source"] = {
        "start": measure["source"]["start"] + cut,
        "end": measure["source"]["end"],
        "quote": measure["source"]["quote"][cut:],
    }
    assert coverage_problems(data) == ["leading context dropped from the measure after it: 繼續通過多種方式將社區菜場回歸公益性"]


def test_the_check_finds_a_character_outside_every_chapter() -> None:
    data = _seed()
    data["paragraphs"] = data["paragraphs"][1:]
    assert uncovered_characters(data)

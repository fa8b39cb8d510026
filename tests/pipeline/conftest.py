"""Shared helpers for the pipeline tests: fold a text and find clause spans by their words."""

from __future__ import annotations

import datetime
from pathlib import Path

from workreport_pipeline.document_info import DocumentInfo, IssuerInfo
from workreport_pipeline.normalise import fold
from workreport_pipeline.spans import Span
from workreport_pipeline.stages.quantities import TextIndex
from workreport_schema import Language

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "shanghai-2012"


def index_of(text: str) -> TextIndex:
    """The scanner's index of a short text."""
    return TextIndex.build(text, fold(text))


def whole(text: str) -> Span:
    """The span of the whole text (used as one clause)."""
    return Span(0, len(text))


def made_up_document(language: Language) -> DocumentInfo:
    """A made-up 2012 report (id test-2012) in the given script, for running the whole pipeline."""
    return DocumentInfo(
        id="test-2012",
        title="測試",
        year=2012,
        language=language,
        issuer=IssuerInfo(name="測試市人民政府"),
        release_time=datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC),
    )

"""Shared helpers for the pipeline tests: fold a text and find clause spans by their words."""

from __future__ import annotations

from pathlib import Path

from workreport_pipeline.normalise import fold
from workreport_pipeline.spans import Span
from workreport_pipeline.stages.quantities import TextIndex

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "shanghai-2012"


def index_of(text: str) -> TextIndex:
    """The scanner's index of a short text."""
    return TextIndex.build(text, fold(text))


def whole(text: str) -> Span:
    """The span of the whole text (used as one clause)."""
    return Span(0, len(text))

"""Batch ingest: many reports from a manifest or document folders, extracted in parallel, loaded one at a time."""

from .batch import Outcome, ingest
from .display import Progress, closing_table

__all__ = ["Outcome", "Progress", "closing_table", "ingest"]

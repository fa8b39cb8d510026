"""Small value objects shared by several records: periods, licences, provenance maps."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from ._base import Date, Record
from .codes import Provenance

PROVENANCE_KEY_PATTERN = r"^[a-z_]+(?:/(?:zh-Hant|zh-Hans|en))?$"

ProvenanceMap = dict[Annotated[str, Field(pattern=PROVENANCE_KEY_PATTERN)], Provenance]
"""Where each label came from, keyed by field (``title/en``): extracted, derived or curated."""


class Period(Record):
    """A span of calendar days, both ends inclusive."""

    start: Date = Field(title="Start", description="First day of the period (ISO 8601 date).")
    end: Date = Field(title="End", description="Last day of the period, inclusive (ISO 8601 date).")


class Licence(Record):
    """The terms under which something may be reused."""

    id: str = Field(
        min_length=1,
        max_length=100,
        pattern=r"^[A-Za-z0-9.+-]+$",
        title="Licence id",
        description="SPDX identifier (CC-BY-4.0) or a LicenseRef- name for terms SPDX does not list.",
    )
    title: str = Field(min_length=1, title="Title", description="Human-readable name of the licence.")
    url: str | None = Field(
        default=None,
        pattern=r"^https?://\S+$",
        json_schema_extra={"format": "uri"},
        title="URL",
        description="Where the licence text can be read.",
    )

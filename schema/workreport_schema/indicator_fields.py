"""The indicator code fields that targets and results share (codelist ``indicator``)."""

from __future__ import annotations

from typing import Any

from pydantic import Field

from .codes import INDICATOR_CODE_PATTERN


def indicator_code_field(record: str) -> Any:
    """``indicator_code`` of a target or a result."""
    return Field(
        default=None,
        pattern=INDICATOR_CODE_PATTERN,
        title="Indicator code",
        description=(
            "Code of the open codelist indicator (gdp_growth, new_jobs…) that the indicator's words match, so the "
            f"{record} lines up with others across documents and years; derived by the pipeline (provenance indicator_code), "
            "absent when no entry matches. Read an unknown code as an indicator this version does not list."
        ),
    )


def indicator_code_source_field() -> Any:
    """``indicator_code_source`` of a target or a result."""
    return Field(
        default=None,
        title="Indicator code source",
        description="The words of the source that matched the codelist entry (地區生產總值 for gdp_growth); present with indicator_code.",
    )

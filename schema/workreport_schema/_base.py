"""Shared building blocks of every record: strictness, ids and numbers.

Records are closed and their scalars strict so that the pydantic models and
the published JSON Schema give the same verdict on the same JSON: unknown keys
are refused, strings are never coerced to numbers nor numbers to dates, and an
optional field is omitted rather than written as ``null``.
"""

from __future__ import annotations

import datetime
from typing import Annotated, Any

from pydantic import AwareDatetime, BaseModel, BeforeValidator, ConfigDict, Field, PlainSerializer, Strict, ValidationInfo, model_validator

from .records import JSONObject

ID_PATTERN = r"^[a-z0-9]+(?:[-_.][a-z0-9]+)*$"
"""Ids are lower-case ASCII words joined by ``-``, ``_`` or ``.``: safe in any URL path."""

ID_MAX_LENGTH = 200


def _number_out(value: float) -> int | float:
    """Write integral numbers without a trailing ``.0`` (``11000000``, not ``11000000.0``)."""
    return int(value) if value.is_integer() else value


Number = Annotated[float, Strict(), PlainSerializer(_number_out, return_type=int | float, when_used="json")]
"""A JSON number (never a string); integral values are serialised as integers."""

Integer = Annotated[int, Strict()]
"""A JSON integer (never a string)."""


def _text_or(kind: type) -> Any:
    def check(value: Any) -> Any:
        if isinstance(value, str | kind):
            return value
        raise ValueError(f"expected an ISO 8601 string, not {type(value).__name__}")

    return BeforeValidator(check)


Date = Annotated[datetime.date, _text_or(datetime.date)]
"""An ISO 8601 calendar date written as a string (never a timestamp number)."""

Timestamp = Annotated[AwareDatetime, _text_or(datetime.datetime)]
"""An RFC 3339 date-time with a time zone, written as a string."""

RecordId = Annotated[
    str,
    Field(pattern=ID_PATTERN, min_length=1, max_length=ID_MAX_LENGTH),
]
"""A record id (see ``ID_PATTERN``)."""


class Record(BaseModel):
    """Base of every published model: strict, closed, aliases on the wire."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        serialize_by_alias=True,
        validate_by_alias=True,
        validate_by_name=False,
        use_enum_values=False,
    )

    @model_validator(mode="before")
    @classmethod
    def _refuse_null(cls, data: Any, info: ValidationInfo) -> Any:
        """Refuse explicit nulls in JSON: the JSON Schema allows only omission (None from Python means omitted)."""
        if info.mode == "json" and isinstance(data, dict):
            nulls = sorted(str(key) for key, value in data.items() if value is None)
            if nulls:
                raise ValueError(f"null is not allowed; omit the field instead: {', '.join(nulls)}")
        return data

    def to_json_dict(self) -> JSONObject:
        """The record as it is published: aliases, no omitted fields, JSON types."""
        return self.model_dump(mode="json", by_alias=True, exclude_none=True)

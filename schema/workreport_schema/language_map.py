"""Labels in several languages, keyed by BCP 47 tag."""

from __future__ import annotations

from typing import Any

from pydantic import ConfigDict, Field, model_validator

from ._base import Record


class LanguageMap(Record):
    """A label in one or more of the known languages (zh-Hant, zh-Hans, en).

    The source language is kept as written; zh-Hans is derived with OpenCC and
    English is curated. Which is which is recorded in the owning record's
    ``provenance``.
    """

    model_config = ConfigDict(json_schema_extra={"minProperties": 1})

    zh_hant: str | None = Field(
        default=None, alias="zh-Hant", min_length=1, title="Traditional Chinese", description="The label in Traditional characters."
    )
    zh_hans: str | None = Field(
        default=None, alias="zh-Hans", min_length=1, title="Simplified Chinese", description="The label in Simplified characters."
    )
    en: str | None = Field(default=None, min_length=1, title="English", description="The label in English.")

    @model_validator(mode="after")
    def _not_empty(self) -> LanguageMap:
        if self.zh_hant is None and self.zh_hans is None and self.en is None:
            raise ValueError("a language map needs at least one language")
        return self

    @classmethod
    def of(cls, *, zh_hant: str | None = None, zh_hans: str | None = None, en: str | None = None) -> LanguageMap:
        """Build a map from Python names (the wire uses the BCP 47 tags)."""
        data: dict[str, Any] = {"zh-Hant": zh_hant, "zh-Hans": zh_hans, "en": en}
        return cls.model_validate({key: value for key, value in data.items() if value is not None})

    def get(self, tag: str) -> str | None:
        """The label for a BCP 47 tag, or None."""
        return {"zh-Hant": self.zh_hant, "zh-Hans": self.zh_hans, "en": self.en}.get(tag)

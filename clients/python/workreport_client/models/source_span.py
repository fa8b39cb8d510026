from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="SourceSpan")


@_attrs_define
class SourceSpan:
    """A slice of the document's exact source text. ``start`` and ``end`` count Unicode code points from the start of the
    text, end exclusive, so that ``text[start:end] == quote`` in Python and in any language that indexes by code point.
    That the quote is exactly ``end - start`` characters long and equals the text there is checked by the semantic rules
    (JSON Schema cannot compare two fields). (workreport schema 1.6.0)

        Attributes:
            start (int): Offset of the first character, in code points from the start of the text.
            end (int): Offset just past the last character (exclusive), in code points.
            quote (str): The characters text[start:end], exactly as in the source.
    """

    start: int
    end: int
    quote: str

    def to_dict(self) -> dict[str, Any]:
        start = self.start

        end = self.end

        quote = self.quote

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "start": start,
                "end": end,
                "quote": quote,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        start = d.pop("start")

        end = d.pop("end")

        quote = d.pop("quote")

        source_span = cls(
            start=start,
            end=end,
            quote=quote,
        )

        return source_span

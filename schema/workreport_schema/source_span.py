"""Where a record comes from: exact characters of the document text."""

from __future__ import annotations

from pydantic import Field

from ._base import Integer, Record


class SourceSpan(Record):
    """A slice of the document's exact source text.

    ``start`` and ``end`` count Unicode code points from the start of the text,
    end exclusive, so that ``text[start:end] == quote`` in Python and in any
    language that indexes by code point. That the quote is exactly
    ``end - start`` characters long and equals the text there is checked by the
    semantic rules (JSON Schema cannot compare two fields).
    """

    start: Integer = Field(ge=0, title="Start", description="Offset of the first character, in code points from the start of the text.")
    end: Integer = Field(ge=1, title="End", description="Offset just past the last character (exclusive), in code points.")
    quote: str = Field(min_length=1, title="Quote", description="The characters text[start:end], exactly as in the source.")

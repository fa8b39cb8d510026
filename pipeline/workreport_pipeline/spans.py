"""Offsets into the exact source text, and the SourceSpan records made from them."""

from __future__ import annotations

from dataclasses import dataclass

from workreport_schema import SourceSpan


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """A half-open range [start, end) of code points in the source text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span {self.start}:{self.end}")

    def __len__(self) -> int:
        return self.end - self.start

    def slice(self, text: str) -> str:
        return text[self.start : self.end]

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def strip(self, text: str, chars: str | None = None) -> Span:
        """The span without leading and trailing whitespace (or ``chars``)."""
        start, end = self.start, self.end
        while start < end and (text[start].isspace() if chars is None else text[start] in chars):
            start += 1
        while end > start and (text[end - 1].isspace() if chars is None else text[end - 1] in chars):
            end -= 1
        return Span(start, end)

    def record(self, text: str) -> SourceSpan:
        """The published span: offsets and the exact quote."""
        return SourceSpan(start=self.start, end=self.end, quote=self.slice(text))

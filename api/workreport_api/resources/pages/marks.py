"""A document's records marked in its text: marks at exact characters, nested, cut into chapter sections as HTML;
and a search hit's matches marked in its snippet."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import quote

from markupsafe import Markup, escape

from workreport_schema import ChapterJSON, ResultJSON, TargetJSON

from ..search import Snippet
from .queries import MeasureSpans
from .text import chapter_title

KINDS = {"measure": "measures", "target": "targets", "result": "results", "body": "bodies"}
"""Kinds of marks, outermost first where two start and end together."""


@dataclass
class Mark:
    """A highlighted span: a record at exact characters, with what the page shows of it."""

    start: int
    end: int
    kind: str
    record_id: str
    api: str
    label: str
    anchor: bool = True
    page: str | None = None
    children: list[Mark] = field(default_factory=list)
    tag: str = field(default="", repr=False, compare=False)
    """The opening <mark> tag, made on first use (after nest() has clipped the span)."""

    def opening(self) -> str:
        if not self.tag:
            kind, record_id = _html(self.kind), _html(self.record_id)
            tag = (
                f'<mark class="hl hl-{kind}" data-kind="{kind}" data-record="{record_id}" data-api="{_html(self.api)}"'
                f' data-start="{self.start}" data-end="{self.end}" title="{_html(self.label)}" tabindex="0"'
            )
            if self.anchor:
                tag += f' id="{record_id}"'
            if self.page:
                tag += f' data-page="{_html(self.page)}"'
            self.tag = tag + ">"
        return self.tag


_TO_ESCAPE = re.compile("[&<>'\"]")
"""The characters markupsafe's escape() replaces: a string without them is already its own HTML."""


def _html(value: str) -> str:
    """escape(value), skipping the work (and the Markup object) when there is nothing to replace."""
    return str(escape(value)) if _TO_ESCAPE.search(value) else value


def nest(marks: list[Mark]) -> list[Mark]:
    """Marks as a tree: each inside the smallest mark that contains it (a span that crosses another is clipped)."""
    roots: list[Mark] = []
    stack: list[Mark] = []
    for mark in sorted(marks, key=lambda m: (m.start, -m.end, list(KINDS).index(m.kind))):
        while stack and stack[-1].end <= mark.start:
            stack.pop()
        if stack:
            mark.end = min(mark.end, stack[-1].end)
            stack[-1].children.append(mark)
        else:
            roots.append(mark)
        stack.append(mark)
    return roots


def markup(text: str, start: int, end: int, marks: list[Mark]) -> Markup:
    """text[start:end] as HTML, each mark a <mark> element around exactly its characters."""
    out: list[str] = []
    plain = _TO_ESCAPE.search(text) is None  # a report's text seldom has any: then no piece of it needs escaping
    _markup(text, start, end, marks, out, str if plain else escape)
    return Markup("".join(out))


def _markup(text: str, start: int, end: int, marks: list[Mark], out: list[str], html: Callable[[str], str]) -> None:
    """markup() into one list: the pieces of the whole tree in order, joined once by the caller."""
    position = start
    for mark in marks:
        if mark.end <= start or mark.start >= end:
            continue
        if position < mark.start:
            out.append(html(text[position : mark.start]))
        out.append(mark.opening())
        if mark.children:
            _markup(text, mark.start, mark.end, mark.children, out, html)
        else:
            out.append(html(text[mark.start : mark.end]))
        out.append("</mark>")
        position = mark.end
    out.append(html(text[position:end]))


@dataclass
class Section:
    """One chapter of the page: heading, depth in the hierarchy, and its text with marks."""

    id: str
    title: str
    depth: int
    heading: Markup
    body: Markup
    start: int
    body_start: int
    measures: int


def sections(text: str, language: str, chapters: list[ChapterJSON], marks: list[Mark]) -> tuple[Markup, int, list[Section]]:
    """The text cut at chapter headings: the part before the first chapter, and each chapter to the next one."""
    chapters = sorted(chapters, key=lambda c: c["source"]["start"])
    depth: dict[str, int] = {}
    for chapter in chapters:
        parent = chapter.get("parent_id")
        depth[chapter["id"]] = depth.get(parent, -1) + 1 if parent else 0
    tree = nest(marks)
    # The outermost marks do not overlap, so their starts and ends both ascend: a range's marks are one slice of them.
    starts, ends = [m.start for m in tree], [m.end for m in tree]
    measure_starts = sorted(m.start for m in marks if m.kind == "measure")

    def within(start: int, end: int) -> Markup:
        return markup(text, start, end, tree[bisect_right(ends, start) : bisect_left(starts, end)])

    first = chapters[0]["source"]["start"] if chapters else len(text)
    result = []
    for index, chapter in enumerate(chapters):
        start, heading_end = chapter["source"]["start"], chapter["source"]["end"]
        end = chapters[index + 1]["source"]["start"] if index + 1 < len(chapters) else len(text)
        while heading_end < end and text[heading_end] in "\r\n":
            heading_end += 1  # the line break after a heading belongs to it, not to the first line of the text
        counted = bisect_left(measure_starts, end) - bisect_left(measure_starts, start) if start < end else 0
        result.append(
            Section(
                id=chapter["id"],
                title=chapter_title(chapter, language),
                depth=min(depth[chapter["id"]], 3),
                heading=within(start, heading_end),
                body=within(heading_end, end),
                start=start,
                body_start=heading_end,
                measures=counted,
            )
        )
    return within(0, first), first, result


def marks_of(
    measures: list[MeasureSpans], targets: list[TargetJSON], bodies: dict[str, str], results: list[ResultJSON] | None = None
) -> list[Mark]:
    """A mark for every measure, target and result at its span, and for every body the text names (explicit basis)."""
    marks = []
    for measure in measures:
        source = measure.source
        marks.append(Mark(source.start, source.end, "measure", measure.id, f"/v1/measures/{measure.id}", f"measure {measure.id}"))
        for assignment in measure.bodies:
            if assignment.basis == "explicit" and assignment.source:
                span = assignment.source
                body_id = assignment.body_id
                name = bodies.get(body_id, body_id)
                marks.append(
                    Mark(
                        span.start,
                        span.end,
                        "body",
                        body_id,
                        f"/v1/bodies/{body_id}",
                        f"body {name} ({assignment.role})",
                        anchor=False,
                        page=f"/bodies/{quote(body_id, safe='')}",
                    )
                )
    for target in targets:
        words = target["source"]
        marks.append(
            Mark(
                words["start"],
                words["end"],
                "target",
                target["id"],
                f"/v1/targets/{target['id']}",
                f"{target['type']} target {target['id']}",
            )
        )
    for result in results or []:
        words = result["source"]
        estimate = " (estimate)" if result.get("estimate") else ""
        marks.append(
            Mark(words["start"], words["end"], "result", result["id"], f"/v1/results/{result['id']}", f"result {result['id']}{estimate}")
        )
    return marks


def highlighted(snippet: Snippet) -> Markup:
    """A hit's snippet as HTML, each match inside it a <mark class="hit">."""
    text, pieces, position = snippet["text"], [], 0
    for cut in snippet["highlights"]:
        pieces.append(escape(text[position : cut["start"]]))
        pieces.append(Markup('<mark class="hit">') + escape(text[cut["start"] : cut["end"]]) + Markup("</mark>"))
        position = cut["end"]
    pieces.append(escape(text[position:]))
    return Markup("").join(pieces)

"""Pages for people under `/`: home, a document's text with its records marked, search (server-rendered HTML).

The pages read the same database as the API and go through the same edge
(release-keyed cache, ETags, compression); their JSON twins are the /v1
resources they link to. Templates autoescape every value; the only script
and style sheet are files of this package, served under a strict CSP.
"""

from __future__ import annotations

import hashlib
import json
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Annotated, Any
from urllib.parse import quote

import jinja2
import msgspec
from litestar import Response, get
from litestar.exceptions import NotFoundException, ValidationException
from litestar.params import Parameter
from litestar.types import ExceptionHandlersMap
from markupsafe import Markup, escape
from sqlalchemy import Connection, func, select
from sqlmodel import col

from workreport_pipeline import to_simplified, to_traditional

from ..charts import Bar, StackedRow, bar_chart, number, stacked_bars
from ..db.reading import ReleaseInfo, latest_release, snapshot
from ..db.search import fold_query
from ..db.tables import Body, Chapter, Document, DocumentRecordRow, Measure, Outcome, RecordRow, Result, Target, Unit
from ..http.cursor import CursorError, decode_cursor, encode_cursor
from ..http.errors import on_not_found, on_unexpected, on_validation
from ..http.negotiation import require_acceptable
from ..http.params import NO_NUL, Cursor
from ..http.requests import HttpRequest
from ..state import Api, ApiState
from .responses import data_response, static_response
from .search import MAX_OFFSET, find

PAGE_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
)
"""Pages load only our own script and style sheet; forms submit only to us."""

HTML = "text/html"
SCRIPTS = {"zh-Hans": "简体", "zh-Hant": "繁體"}
_ASSETS = {"explorer.js": "text/javascript", "explorer.css": "text/css"}
PAGE_HITS = 20
"""Hits on one search page (the next page follows the API's cursor)."""
TARGET_TYPES = ("quantitative", "qualitative")
KINDS = {"measure": "measures", "target": "targets", "result": "results", "body": "bodies"}
"""Kinds of marks, outermost first where two start and end together."""
QUANTITY_KINDS = ("money", "area", "count", "ratio")
"""Quantity kinds charted first, each apart (others follow by name)."""


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("workreport_api", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


@cache
def _asset(name: str) -> bytes:
    return resources.files("workreport_api").joinpath(f"static/pages/{name}").read_bytes()


@cache
def asset_url(name: str) -> str:
    """An asset's URL with a content hash, so it can be cached for long."""
    return f"/static/pages/{name}?v={hashlib.sha256(_asset(name)).hexdigest()[:12]}"


def render(template: str, **values: object) -> bytes:
    return _environment().get_template(template).render(asset_url=asset_url, **values).encode()


def page(content: bytes, release: ReleaseInfo | None, twin: str) -> Response[bytes]:
    """A page for the edge to cache like the API, linked to its JSON twin (the /v1 resource it shows)."""
    headers = {"Content-Security-Policy": PAGE_CSP, "Link": f'<{twin}>; rel="alternate"; type="application/json"'}
    return data_response(content, release, media_type=HTML, headers=headers)


def canonical(request: HttpRequest, api: ApiState) -> str:
    """The page's URL under the public base URL (query kept: it is part of what the page shows)."""
    query = request.scope.get("query_string", b"").decode("latin-1")
    return f"{api.base_url}{request.url.path}" + (f"?{query}" if query else "")


def convert(text: str, script: str) -> str:
    """The text in another script with exactly as many code points, so every offset still holds."""
    converter = to_simplified if script == "zh-Hans" else to_traditional
    whole = converter(text)
    if len(whole) == len(text):
        return whole
    pieces = []
    for char in text:
        one = converter(char)
        pieces.append(one if len(one) == 1 else char)
    return "".join(pieces)


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


def _document(connection: Connection, document_id: str) -> tuple[str, dict[str, Any]]:
    row = connection.execute(select(col(Document.text), col(Document.record)).where(col(Document.id) == document_id)).one_or_none()
    if row is None:
        raise NotFoundException(detail=f"no document with id {document_id[:200]!r}")
    return row.text, json.loads(row.record)


PathId = Annotated[str, Parameter(max_length=200, pattern=NO_NUL)]
"""A record id in a page's path, bounded like the API's."""


def record_or_404(connection: Connection, table: type[RecordRow], record_id: str, what: str) -> dict[str, Any]:
    """The published record of a row by id, or the API's 404 (the page then shows it as HTML)."""
    record = connection.execute(select(col(table.record)).where(col(table.id) == record_id)).scalar_one_or_none()
    if record is None:
        raise NotFoundException(detail=f"no {what} with id {record_id[:200]!r}")
    return dict(json.loads(record))


def _records(connection: Connection, table: type[DocumentRecordRow], document_id: str) -> list[dict[str, Any]]:
    rows = connection.execute(select(col(table.record)).where(col(table.document_id) == document_id).order_by(col(table.seq))).scalars()
    return [json.loads(record) for record in rows]


class Span(msgspec.Struct, frozen=True, gc=False):
    start: int
    end: int


class Assignment(msgspec.Struct, frozen=True, gc=False):
    body_id: str
    role: str
    basis: str
    source: Span | None = None


class MeasureSpans(msgspec.Struct, frozen=True, gc=False):
    """What the document page shows of a measure: its span and the bodies it names (the rest of the record is skipped)."""

    id: str
    source: Span
    bodies: tuple[Assignment, ...] = ()


_measure_spans = msgspec.json.Decoder(MeasureSpans)


def measure_spans(connection: Connection, document_id: str) -> list[MeasureSpans]:
    """The document's measures in order, decoding only the fields the page marks (most of a record is its text)."""
    query = select(col(Measure.record)).where(col(Measure.document_id) == document_id).order_by(col(Measure.seq))
    return [_measure_spans.decode(record) for record in connection.execute(query).scalars()]


def label(names: dict[str, str], language: str) -> str:
    return names.get(language) or names.get("zh-Hant") or next(iter(names.values()), "")


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


def sections(text: str, language: str, chapters: list[dict[str, Any]], marks: list[Mark]) -> tuple[Markup, int, list[Section]]:
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
    measures: list[MeasureSpans], targets: list[dict[str, Any]], bodies: dict[str, str], results: list[dict[str, Any]] | None = None
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
        source = target["source"]
        marks.append(
            Mark(
                source["start"],
                source["end"],
                "target",
                target["id"],
                f"/v1/targets/{target['id']}",
                f"{target['type']} target {target['id']}",
            )
        )
    for result in results or []:
        source = result["source"]
        estimate = " (estimate)" if result.get("estimate") else ""
        marks.append(
            Mark(source["start"], source["end"], "result", result["id"], f"/v1/results/{result['id']}", f"result {result['id']}{estimate}")
        )
    return marks


@dataclass
class KindCharts:
    """The quantity charts of one quantity kind: one per unit, since units never share an axis."""

    kind: str
    charts: list[Markup]
    rows: list[dict[str, Any]]


def chapter_chart(document_id: str, language: str, chapters: list[dict[str, Any]], targets: list[dict[str, Any]]) -> Markup | None:
    """Targets per chapter, quantitative and qualitative, for the chapters that hold any (in document order)."""
    counts: dict[str, dict[str, int]] = {}
    for target in targets:
        per = counts.setdefault(target["chapter_id"], {})
        per[target["type"]] = per.get(target["type"], 0) + 1
    rows = [
        StackedRow(chapter_title(chapter, language), counts[chapter["id"]], f"#{chapter['id']}", language)
        for chapter in sorted(chapters, key=lambda c: c["source"]["start"])
        if chapter["id"] in counts
    ]
    if not rows:
        return None
    total = {kind: sum(row.counts.get(kind, 0) for row in rows) for kind in TARGET_TYPES}
    desc = f"{len(rows)} chapters with targets: {total['quantitative']} quantitative and {total['qualitative']} qualitative in all."
    return stacked_bars(f"chapters-{document_id}", "Targets per chapter, by type", desc, rows, TARGET_TYPES)


def quantity_charts(document_id: str, language: str, targets: list[dict[str, Any]], units: dict[str, dict[str, Any]]) -> list[KindCharts]:
    """Quantitative targets as bars: money, area, count and ratio apart, and within each kind one chart per unit."""
    by_kind: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for target in targets:
        if target.get("value") is not None and target.get("unit"):
            kind = target.get("quantity_kind") or "other"
            by_kind.setdefault(kind, {}).setdefault(target["unit"], []).append(target)
    order = sorted(by_kind, key=lambda kind: (QUANTITY_KINDS.index(kind) if kind in QUANTITY_KINDS else len(QUANTITY_KINDS), kind))
    result = []
    for kind in order:
        charts, rows = [], []
        for unit_id, group in by_kind[kind].items():
            unit = (units.get(unit_id, {}).get("names") or {}).get("en", unit_id)
            bars = []
            for target in group:
                stated = (target.get("stated") or {}).get("text", "")
                name = label(target.get("indicator", {}), language)
                bars.append(Bar(f"{name} {stated}".strip(), target["value"], target.get("value_max"), f"#{target['id']}", stated, language))
                value = number(target["value"]) + (f"–{number(target['value_max'])}" if target.get("value_max") is not None else "")
                rows.append({"target": target, "indicator": name, "stated": stated, "unit": unit, "value": value})
            desc = f"{len(bars)} {kind} targets in {unit}, from zero; each bar is labelled with its value and links to its words."
            charts.append(bar_chart(f"quantities-{document_id}-{unit_id}", f"Targets in {unit} ({kind})", desc, unit, bars))
        result.append(KindCharts(kind, charts, rows))
    return result


def chapter_title(chapter: dict[str, Any], language: str) -> str:
    return (f"({chapter['numeral']}) " if chapter.get("numeral") else "") + label(chapter["title"], language)


def html_error(request: HttpRequest, error: Exception) -> Response[bytes]:
    """An error on a page: the API's problem details, as an HTML page for browsers (same status)."""
    if isinstance(error, NotFoundException):
        problem = on_not_found(request, error)
    elif isinstance(error, ValidationException):
        problem = on_validation(request, error)
    else:
        problem = on_unexpected(request, error)
    if not isinstance(problem.content, bytes) or "text/html" not in request.headers.get("accept", ""):
        return problem
    details = json.loads(problem.content)
    content = render("error.html", problem=details)
    return Response(content=content, status_code=problem.status_code, media_type=HTML, headers={"Content-Security-Policy": PAGE_CSP})


PAGE_ERRORS: ExceptionHandlersMap = {NotFoundException: html_error, ValidationException: html_error}


@get("/", sync_to_thread=True, include_in_schema=False, exception_handlers=PAGE_ERRORS)
def home(request: HttpRequest, api: Api) -> Response[bytes]:
    """Home: what this is, the documents with their counts, search, and where the data is."""
    require_acceptable(request, HTML)
    with snapshot(api.engine) as connection:
        release = latest_release(connection)
        documents = [json.loads(record) for record in connection.execute(select(col(Document.record)).order_by(col(Document.id))).scalars()]
        counts: dict[str, dict[str, int]] = {d["id"]: {} for d in documents}
        for name, table in (("chapters", Chapter), ("measures", Measure), ("targets", Target)):
            for document_id, count in connection.execute(select(col(table.document_id), func.count()).group_by(col(table.document_id))):
                counts.setdefault(document_id, {})[name] = int(count)
    rows = [{"record": d, "title": label(d["title"], d.get("language", "zh-Hant")), "counts": counts.get(d["id"], {})} for d in documents]
    return page(render("home.html", documents=rows, canonical=canonical(request, api)), release, "/v1")


@get("/documents/{document_id:str}", sync_to_thread=True, include_in_schema=False, exception_handlers=PAGE_ERRORS)
def document_page(request: HttpRequest, api: Api, document_id: PathId) -> Response[bytes]:
    """A report's full text, chapter by chapter, with measures, targets and named bodies marked where they are written."""
    require_acceptable(request, HTML)
    with snapshot(api.engine) as connection:
        release = latest_release(connection)
        text, record = _document(connection, document_id)
        chapters = _records(connection, Chapter, document_id)
        measures = measure_spans(connection, document_id)
        targets = _records(connection, Target, document_id)
        results = _records(connection, Result, document_id)
        bodies = {
            row.id: label(json.loads(row.record)["names"], record.get("language", "zh-Hant"))
            for row in connection.execute(select(col(Body.id), col(Body.record)))
        }
        facts = {
            row.id: {"chapter_id": row.chapter_id, "quantity_kind": row.quantity_kind}
            for row in connection.execute(
                select(col(Target.id), col(Target.chapter_id), col(Target.quantity_kind)).where(col(Target.document_id) == document_id)
            )
        }
        units = {row.id: json.loads(row.record) for row in connection.execute(select(col(Unit.id), col(Unit.record)))}
    language = record.get("language", "zh-Hant")
    preamble, preamble_end, parts = sections(text, language, chapters, marks_of(measures, targets, bodies, results))
    charted = [{**target, **facts[target["id"]]} for target in targets]
    named = sorted({a.body_id for m in measures for a in m.bodies if a.basis == "explicit"}, key=lambda b: bodies.get(b, b))
    values = {
        "canonical": canonical(request, api),
        "document": record,
        "title": label(record["title"], language),
        "language": language,
        "preamble": preamble,
        "preamble_end": preamble_end,
        "sections": parts,
        "counts": {"measures": len(measures), "targets": len(targets), "results": len(results), "chapters": len(chapters)},
        "chapter_chart": chapter_chart(document_id, language, chapters, charted),
        "quantities": quantity_charts(document_id, language, charted, units),
        "named_bodies": [(body_id, bodies.get(body_id, body_id)) for body_id in named],
        "scripts": SCRIPTS,
        "length": len(text),
    }
    return page(render("document.html", **values), release, f"/v1/documents/{quote(document_id, safe='')}")


@get("/documents/{document_id:str}/script/{script:str}", sync_to_thread=True, include_in_schema=False)
def document_script(
    request: HttpRequest,
    api: Api,
    document_id: Annotated[str, Parameter(max_length=200, pattern=NO_NUL)],
    script: Annotated[str, Parameter(max_length=10, pattern=NO_NUL)],
) -> Response[bytes]:
    """The document's text in zh-Hans or zh-Hant, code point for code point (offsets unchanged), for the script toggle."""
    require_acceptable(request, "text/plain")
    if script not in SCRIPTS:
        raise NotFoundException(detail=f"no script {script[:10]!r} (zh-Hans or zh-Hant)")
    with snapshot(api.engine) as connection:
        release = latest_release(connection)
        text, _ = _document(connection, document_id)
    return data_response(convert(text, script).encode(), release, media_type="text/plain")


def search_offset(cursor: str | None) -> int:
    """Where a page of hits starts: the API's search cursor (an offset), checked as the API checks it (400 otherwise)."""
    if cursor is None:
        return 0
    try:
        (offset,) = decode_cursor(cursor, (int,))
    except CursorError as error:
        raise ValidationException(
            detail="invalid parameters", extra=[{"key": "cursor", "message": str(error), "source": "query"}]
        ) from None
    if not 0 <= offset <= MAX_OFFSET:
        raise ValidationException(detail="invalid parameters", extra=[{"key": "cursor", "message": "is out of range", "source": "query"}])
    return int(offset)


def highlighted(snippet: dict[str, Any]) -> Markup:
    """A hit's snippet as HTML, each match inside it a <mark class="hit">."""
    text, pieces, position = snippet["text"], [], 0
    for cut in snippet["highlights"]:
        pieces.append(escape(text[position : cut["start"]]))
        pieces.append(Markup('<mark class="hit">') + escape(text[cut["start"] : cut["end"]]) + Markup("</mark>"))
        position = cut["end"]
    pieces.append(escape(text[position:]))
    return Markup("").join(pieces)


@get("/search", sync_to_thread=True, include_in_schema=False, exception_handlers=PAGE_ERRORS)
def search_page(
    request: HttpRequest, api: Api, q: Annotated[str | None, Parameter(max_length=100)] = None, cursor: Cursor = None
) -> Response[bytes]:
    """The API's search as a page: hits in context, the matching characters highlighted, each linked to its place in the text;
    PAGE_HITS a page, paged with the API's own cursor (next and previous)."""
    require_acceptable(request, HTML)
    hits: list[dict[str, Any]] = []
    total, estimated, more = 0, False, False
    needle = fold_query(q or "")
    offset = search_offset(cursor)
    release = None
    if needle:
        found = find(api, needle, None, None, offset, PAGE_HITS)
        total, estimated, release, more = found.total, found.estimated, found.release, found.more
        hits = [{"type": hit.type, "id": hit.id, "document_id": hit.document_id, "html": highlighted(hit.snippet)} for hit in found.hits]
    else:
        with snapshot(api.engine) as connection:
            release = latest_release(connection)
    shown = (q or "").strip()
    query = f"q={quote(shown, safe='')}"
    here = f"/search?{query}"
    pages = {
        "next": f"{here}&cursor={encode_cursor((offset + PAGE_HITS,))}" if more else None,
        "previous": (f"{here}&cursor={encode_cursor((offset - PAGE_HITS,))}" if offset > PAGE_HITS else here) if offset else None,
    }
    twin = f"/v1/search?{query}&limit={PAGE_HITS}" + (f"&cursor={cursor}" if cursor else "") if shown else "/v1/search"
    values = {
        "q": shown,
        "hits": hits,
        "total": total,
        "estimated": estimated,
        "offset": offset,
        "pages": pages,
        "twin": twin,
        "canonical": canonical(request, api),
    }
    return page(render("search.html", **values), release, twin)


TARGET_COLUMNS = (
    ("id", "id"),
    ("document", "document"),
    ("chapter", "chapter"),
    ("indicator", "indicator"),
    ("type", "type"),
    ("stated", "stated"),
    ("value", "value"),
    ("unit", "unit"),
    ("quantity_kind", "quantity kind"),
    ("comparator", "comparator"),
    ("commitment", "commitment"),
    ("direction", "direction"),
    ("headline", "headline"),
    ("indicator_code", "indicator code"),
    ("outcome", "outcome"),
)
"""Columns of the targets table: key in the downloads, header on the page."""


def target_rows(connection: Connection) -> list[dict[str, Any]]:
    """One flat row per target, in document order, with the chapter and unit names a reader needs."""
    chapters = {row.id: json.loads(row.record) for row in connection.execute(select(col(Chapter.id), col(Chapter.record)))}
    units = {row.id: json.loads(row.record) for row in connection.execute(select(col(Unit.id), col(Unit.record)))}
    languages = dict(connection.execute(select(col(Document.id), col(Document.language))).all())
    principal = dict(connection.execute(select(col(Outcome.target_id), col(Outcome.outcome)).where(col(Outcome.principal))).all())
    rows = []
    query = select(col(Target.chapter_id), col(Target.quantity_kind), col(Target.record)).order_by(col(Target.document_id), col(Target.seq))
    for chapter_id, quantity_kind, record in connection.execute(query):
        target = json.loads(record)
        language = languages.get(target["document_id"], "zh-Hant")
        chapter = chapters.get(chapter_id, {})
        unit = units.get(target.get("unit") or "", {})
        rows.append(
            {
                "id": target["id"],
                "document": target["document_id"],
                "chapter": (f"({chapter['numeral']})" if chapter.get("numeral") else chapter_id),
                "chapter_title": label(chapter.get("title", {}), language),
                "indicator": label(target.get("indicator", {}), language),
                "type": target.get("type", ""),
                "stated": (target.get("stated") or {}).get("text", ""),
                "value": target.get("value"),
                "unit": (unit.get("names") or {}).get("en", target.get("unit") or ""),
                "quantity_kind": quantity_kind or "",
                "comparator": target.get("comparator") or "",
                "commitment": target.get("commitment") or "",
                "direction": target.get("direction") or "",
                "headline": "headline" if target.get("headline") else "",
                "indicator_code": target.get("indicator_code") or "",
                "outcome": principal.get(target["id"], ""),
                "language": language,
            }
        )
    return rows


@get("/targets", sync_to_thread=True, include_in_schema=False, exception_handlers=PAGE_ERRORS)
def targets_page(request: HttpRequest, api: Api) -> Response[bytes]:
    """Every target as a table: sortable and filterable in the browser, rows linked to their place in the text."""
    require_acceptable(request, HTML)
    with snapshot(api.engine) as connection:
        release = latest_release(connection)
        rows = target_rows(connection)
    filtered = ("type", "quantity_kind", "comparator", "commitment", "headline", "indicator_code", "outcome")
    choices = {key: sorted({str(row[key]) for row in rows if row[key]}) for key in filtered}
    content = render("targets.html", rows=rows, columns=TARGET_COLUMNS, choices=choices, canonical=canonical(request, api))
    return page(content, release, "/v1/targets")


@get("/static/pages/{name:str}", sync_to_thread=True, include_in_schema=False)
def page_asset(
    request: HttpRequest,
    name: Annotated[str, Parameter(max_length=60, pattern=NO_NUL)],
    v: Annotated[str | None, Parameter(max_length=64, pattern=r"^[0-9a-f]+$")] = None,
) -> Response[bytes]:
    """The pages' script and style sheet (the v= content hash only busts caches)."""
    media_type = _ASSETS.get(name)
    if media_type is None:
        raise NotFoundException(detail=f"no page asset named {name[:60]!r}")
    require_acceptable(request, media_type)
    return static_response(_asset(name), media_type)


ROUTES = [home, document_page, document_script, search_page, targets_page, page_asset]

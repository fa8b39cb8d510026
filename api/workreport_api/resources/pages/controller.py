"""Routes of the pages for people under /: each reads through queries.py in one snapshot, then renders.

The pages read the same database as the API and go through the same edge
(release-keyed cache, ETags, compression); their JSON twins are the /v1
resources they link to. Templates autoescape every value; the only script
and style sheet are files of this package, served under a strict CSP.
"""

from __future__ import annotations

from typing import Annotated
from urllib.parse import quote

from litestar import Response, get
from litestar.exceptions import NotFoundException
from litestar.params import Parameter

from ...charts import OUTCOME_GLYPHS, OUTCOME_WORDS
from ...db.reading import latest_release, snapshot
from ...db.search import fold_query
from ...http.cursor import encode_cursor
from ...http.negotiation import require_acceptable
from ...http.params import NO_NUL, Cursor, IssuerFilter
from ...http.requests import HttpRequest
from ...state import Api
from ..indicators import IndicatorCode
from ..responses import data_response, static_response
from ..search import find, search_offset
from . import queries
from .charts import ChartedTarget, chapter_chart, quantity_charts, series_charts
from .groups import BASES, ROLES, groups_of
from .marks import highlighted, marks_of, sections
from .params import PAGE_HITS, PathId, not_found
from .render import ASSETS, HTML, PAGE_ERRORS, asset, canonical, page, render
from .tables import TARGET_COLUMNS, series_rows, target_rows, unit_names
from .text import SCRIPTS, convert, label


@get("/", sync_to_thread=True, include_in_schema=False, exception_handlers=PAGE_ERRORS)
def home(request: HttpRequest, api: Api) -> Response[bytes]:
    """Home: what this is, the documents with their counts, search, and where the data is."""
    require_acceptable(request, HTML)
    with snapshot(api.engine) as connection:
        release = latest_release(connection)
        documents = queries.documents(connection)
        counts = queries.counts_per_document(connection)
    rows = [{"record": d, "title": label(d["title"], d.get("language", "zh-Hant")), "counts": counts.get(d["id"], {})} for d in documents]
    return page(render("home.html", documents=rows, canonical=canonical(request, api)), release, "/v1")


@get("/documents/{document_id:str}", sync_to_thread=True, include_in_schema=False, exception_handlers=PAGE_ERRORS)
def document_page(request: HttpRequest, api: Api, document_id: PathId) -> Response[bytes]:
    """A report's full text, chapter by chapter, with measures, targets and named bodies marked where they are written."""
    require_acceptable(request, HTML)
    with snapshot(api.engine) as connection:
        release = latest_release(connection)
        found = queries.document(connection, document_id)
        if found is None:
            raise not_found("document", document_id)
        chapters = queries.chapters(connection, document_id)
        measures = queries.measure_spans(connection, document_id)
        targets = queries.targets(connection, document_id)
        results = queries.results(connection, document_id)
        body_names = queries.body_names(connection)
        facts = queries.target_facts(connection, document_id)
        units = queries.units(connection)
    text, record = found
    language = record.get("language", "zh-Hant")
    bodies = {body_id: label(names, language) for body_id, names in body_names.items()}
    preamble, preamble_end, parts = sections(text, language, chapters, marks_of(measures, targets, bodies, results))
    charted: list[ChartedTarget] = [{**target, **facts[target["id"]]} for target in targets]
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
        found = queries.document(connection, document_id)
    if found is None:
        raise not_found("document", document_id)
    text, _ = found
    return data_response(convert(text, script).encode(), release, media_type="text/plain")


@get("/search", sync_to_thread=True, include_in_schema=False, exception_handlers=PAGE_ERRORS)
def search_page(
    request: HttpRequest, api: Api, q: Annotated[str | None, Parameter(max_length=100)] = None, cursor: Cursor = None
) -> Response[bytes]:
    """The API's search as a page: hits in context, the matching characters highlighted, each linked to its place in the text;
    PAGE_HITS a page, paged with the API's own cursor (next and previous)."""
    require_acceptable(request, HTML)
    hits: list[dict[str, str]] = []  # type, id, document_id and the snippet as HTML (Markup)
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


@get("/targets", sync_to_thread=True, include_in_schema=False, exception_handlers=PAGE_ERRORS)
def targets_page(request: HttpRequest, api: Api) -> Response[bytes]:
    """Every target as a table: sortable and filterable in the browser, rows linked to their place in the text."""
    require_acceptable(request, HTML)
    with snapshot(api.engine) as connection:
        release = latest_release(connection)
        chapters = queries.all_chapters(connection)
        units = queries.units(connection)
        languages = queries.languages(connection)
        principal = queries.principal_outcome_codes(connection)
        targets = queries.all_targets(connection)
    rows = target_rows(chapters, units, languages, principal, targets)
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
    media_type = ASSETS.get(name)
    if media_type is None:
        raise NotFoundException(detail=f"no page asset named {name[:60]!r}")
    require_acceptable(request, media_type)
    return static_response(asset(name), media_type)


@get("/indicators", sync_to_thread=True, include_in_schema=False, exception_handlers=PAGE_ERRORS)
def indicators_page(request: HttpRequest, api: Api) -> Response[bytes]:
    """The indicator codelist with how many loaded targets, results and documents carry each code (JSON twin: /v1/indicators)."""
    require_acceptable(request, HTML)
    with snapshot(api.engine) as connection:
        release = latest_release(connection)
        indicators = queries.indicators(connection)
    used = [i for i in indicators if i["target_count"] + i["result_count"]]
    content = render("indicators.html", indicators=indicators, used=len(used), canonical=canonical(request, api))
    return page(content, release, "/v1/indicators")


@get("/indicators/{code:str}", sync_to_thread=True, include_in_schema=False, exception_handlers=PAGE_ERRORS)
def indicator_page(request: HttpRequest, api: Api, code: IndicatorCode, issuer: IssuerFilter = None) -> Response[bytes]:
    """One indicator's series: a chart per unit (targets with their outcomes, results apart) and a table of every point
    (JSON twin: /v1/indicators/{code}/series)."""
    require_acceptable(request, HTML)
    with snapshot(api.engine) as connection:
        release = latest_release(connection)
        indicator = queries.indicator(connection, code)
        if indicator is None:
            raise not_found("indicator", code)
        points = queries.series(connection, code, issuer)
        principal = queries.principal_outcomes(connection, code)
        names = queries.body_names_among(connection, {p["issuer_id"] for p in points} | ({issuer} if issuer else set()))
        languages = queries.languages(connection)
        units = unit_names(queries.units(connection))
    issuers = {body_id: label(words, "en") for body_id, words in names.items()}
    issuer_langs = {body_id: "en" if words.get("en") else "zh-Hant" for body_id, words in names.items()}  # no English name: the Chinese one
    title = indicator["title"]["en"]
    rows = series_rows(points, issuers, issuer_langs, languages, units, principal)
    tally = {word: sum(1 for row in rows if row["outcome"] == key) for key, word in OUTCOME_WORDS.items()}
    twin = f"/v1/indicators/{quote(code, safe='')}/series" + (f"?issuer={quote(issuer, safe='')}" if issuer else "")
    values = {
        "indicator": indicator,
        "title": title,
        "rows": rows,
        "charts": series_charts(code, title, points, issuers, units),
        "tally": tally,
        "issuer": issuer,
        "issuer_name": issuers.get(issuer or "", issuer),
        "issuers": {p["issuer_id"]: issuers.get(p["issuer_id"], p["issuer_id"]) for p in points},
        "issuer_langs": issuer_langs,
        "twin": twin,
        "glyphs": OUTCOME_GLYPHS,
        "words": OUTCOME_WORDS,
        "canonical": canonical(request, api),
    }
    return page(render("indicator.html", **values), release, twin)


@get("/bodies", sync_to_thread=True, include_in_schema=False, exception_handlers=PAGE_ERRORS)
def bodies_page(request: HttpRequest, api: Api) -> Response[bytes]:
    """Every body the loaded documents refer to, with how many measures it is on, by role (JSON twin: /v1/bodies)."""
    require_acceptable(request, HTML)
    with snapshot(api.engine) as connection:
        release = latest_release(connection)
        bodies = queries.bodies(connection)
        counts = queries.role_counts(connection)
    rows = [{"body": body, "counts": counts.get(body["id"], {}), "total": sum(counts.get(body["id"], {}).values())} for body in bodies]
    content = render("bodies.html", rows=rows, roles=ROLES, canonical=canonical(request, api))
    return page(content, release, "/v1/bodies")


@get("/bodies/{body_id:str}", sync_to_thread=True, include_in_schema=False, exception_handlers=PAGE_ERRORS)
def body_page(request: HttpRequest, api: Api, body_id: PathId) -> Response[bytes]:
    """One body: its names and parent, and its measures grouped by role (lead, partner, participant) and basis
    (JSON twin: /v1/bodies/{id}, its measures /v1/bodies/{id}/measures)."""
    require_acceptable(request, HTML)
    with snapshot(api.engine) as connection:
        release = latest_release(connection)
        body = queries.body(connection, body_id)
        if body is None:
            raise not_found("body", body_id)
        kin = queries.kin_names(connection, body_id, body.get("parent_id"))
        measures = queries.measures_of_body(connection, body_id)
        languages = queries.languages(connection)
    names = {kin_id: label(words, "zh-Hant") for kin_id, words in kin.items()}
    children = sorted((child, name) for child, name in names.items() if child != body.get("parent_id"))
    values = {
        "body": body,
        "name": label(body["names"], "zh-Hant"),
        "parent": (body.get("parent_id"), names.get(body.get("parent_id") or "", body.get("parent_id"))),
        "children": children,
        "groups": groups_of(body_id, measures, languages),
        "count": len(measures),
        "roles": ROLES,
        "bases": BASES,
        "canonical": canonical(request, api),
    }
    twin = f"/v1/bodies/{quote(body_id, safe='')}"
    return page(render("body.html", **values), release, twin)


ROUTES = [
    home,
    document_page,
    document_script,
    search_page,
    targets_page,
    page_asset,
    indicators_page,
    indicator_page,
    bodies_page,
    body_page,
]

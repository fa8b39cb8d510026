"""The pages' HTML: the Jinja environment, the script and style sheet under content-hashed URLs, and page and error
responses under a strict CSP (the pages go through the same edge as the API: release-keyed cache, ETags, compression)."""

from __future__ import annotations

import hashlib
import json
from functools import cache
from importlib import resources

import jinja2
from litestar import Response
from litestar.exceptions import NotFoundException, ValidationException
from litestar.types import ExceptionHandlersMap

from ...db.reading import ReleaseInfo
from ...http.errors import on_not_found, on_unexpected, on_validation
from ...http.requests import HttpRequest
from ...state import ApiState
from ..responses import data_response

PAGE_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
)
"""Pages load only our own script and style sheet; forms submit only to us."""

HTML = "text/html"
ASSETS = {"explorer.js": "text/javascript", "explorer.css": "text/css"}
"""The only script and style sheet, with their media types."""


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
def asset(name: str) -> bytes:
    return resources.files("workreport_api").joinpath(f"static/pages/{name}").read_bytes()


@cache
def asset_url(name: str) -> str:
    """An asset's URL with a content hash, so it can be cached for long."""
    return f"/static/pages/{name}?v={hashlib.sha256(asset(name)).hexdigest()[:12]}"


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

"""The OpenAPI document, the interactive docs page (assets served by us, no CDN) and problem type pages."""

from __future__ import annotations

from importlib import resources
from typing import Annotated

from litestar import Response, get
from litestar.exceptions import NotFoundException
from litestar.params import Parameter

from ..edge.problems import PROBLEM_TYPES, problem_type_uri
from ..http.negotiation import require_acceptable
from ..http.params import NO_NUL
from ..http.requests import HttpRequest
from ..openapi import build_openapi, render_openapi
from ..state import Api
from .responses import ERRORS, dumps, static_response

DOCS_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
)
_ASSETS = {
    "swagger-ui-bundle.js": ("swagger_ui", "static/swagger-ui-bundle.js", "text/javascript"),
    "swagger-ui.css": ("swagger_ui", "static/swagger-ui.css", "text/css"),
    "docs.js": ("workreport_api", "static/docs/docs.js", "text/javascript"),
}


def _read(package: str, path: str) -> bytes:
    return resources.files(package).joinpath(path).read_bytes()


@get("/openapi.json", sync_to_thread=True, operation_id="get_openapi", summary="OpenAPI 3.1 document", include_in_schema=False)
def openapi(request: HttpRequest, api: Api) -> Response[bytes]:
    require_acceptable(request, "application/json", "application/vnd.oai.openapi+json")
    document = build_openapi(request.app, api.base_url)
    return static_response(render_openapi(document).encode(), "application/json")


@get("/docs", sync_to_thread=True, operation_id="get_docs", include_in_schema=False)
def docs(request: HttpRequest) -> Response[bytes]:
    require_acceptable(request, "text/html")
    return static_response(_read("workreport_api", "static/docs/index.html"), "text/html", headers={"Content-Security-Policy": DOCS_CSP})


@get("/static/docs/{name:str}", sync_to_thread=True, operation_id="get_docs_asset", include_in_schema=False)
def docs_asset(request: HttpRequest, name: Annotated[str, Parameter(max_length=60, pattern=NO_NUL)]) -> Response[bytes]:
    asset = _ASSETS.get(name)
    if asset is None:
        raise NotFoundException(detail=f"no docs asset named {name[:60]!r}")
    package, path, media_type = asset
    require_acceptable(request, media_type)
    return static_response(_read(package, path), media_type)


@get(
    "/problems/{slug:str}",
    sync_to_thread=True,
    operation_id="get_problem_type",
    summary="Describe a problem type",
    responses=ERRORS,
    tags=["index"],
)
def problem_type(
    request: HttpRequest,
    api: Api,
    slug: Annotated[str, Parameter(max_length=60, pattern=NO_NUL, description="Problem type, such as invalid-parameters.")],
) -> Response[dict[str, object]]:
    """What a problem type (the `type` of an error response) means."""
    require_acceptable(request, "application/json")
    kind = PROBLEM_TYPES.get(slug)
    if kind is None:
        raise NotFoundException(detail=f"no problem type {slug[:60]!r}")
    body = {"type": problem_type_uri(api.base_url, slug), "title": kind.title, "status": kind.status, "description": kind.description}
    return static_response(dumps(body), "application/json")


ROUTES = [openapi, docs, docs_asset, problem_type]

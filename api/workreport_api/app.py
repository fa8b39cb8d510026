"""``create_app()``: the Litestar application behind the HTTP edge, built from settings."""

from __future__ import annotations

import gc
import logging
from typing import cast

from litestar import Litestar
from litestar.datastructures import State
from litestar.di import Provide
from litestar.openapi import OpenAPIConfig
from litestar.openapi.spec import Contact, License, Tag
from litestar.plugins.pydantic import PydanticPlugin

from workreport_schema import SCHEMA_VERSION

from .db.engine import make_engine
from .edge import ASGIApp, Edge, ReleaseWatcher
from .http.errors import EXCEPTION_HANDLERS
from .http.params import reject_unknown_parameters
from .resources import (
    bodies,
    chapters,
    docs,
    documents,
    exports,
    health,
    index,
    indicators,
    measures,
    outcomes,
    pages,
    paragraphs,
    results,
    schemas,
    search,
    targets,
    units,
)
from .settings import Settings
from .state import ApiState

API_VERSION = "1.1.0"
"""The OpenAPI info.version: the minor number counts additive releases of v1 (1.1.0: indicators, series, outcomes)."""
DESCRIPTION = """Read-only open data from government work reports: documents, chapters, paragraphs,
measures, targets with units (`headline=true`: the headline targets), results (figures a
review of last year reports as achieved, never targets), and the bodies responsible;
indicators (a reviewed codelist) with each one's series across documents, and outcomes: a
target judged by a later report's result for the same issuer, indicator and year. Every record carries the
exact span of the source text it came from (`GET /v1/documents/{id}/text`).

Lists return `{"data", "meta", "links"}` with opaque cursors and a `Link: rel="next"`
header; CSV and NDJSON by `Accept` or `format=`. Unknown or repeated query parameters
are rejected with 400. Errors are RFC 9457 `application/problem+json`. Responses carry
strong ETags (revalidate with `If-None-Match`) and Last-Modified from the data release.

Stability: within v1 changes are additive only (new fields, new operations, new
codes in open codelists); clients must ignore keys they do not know."""

RESOURCES = (
    index,
    documents,
    chapters,
    paragraphs,
    measures,
    targets,
    results,
    indicators,
    outcomes,
    units,
    bodies,
    search,
    exports,
    schemas,
    health,
    docs,
    pages,
)


def _openapi_config() -> OpenAPIConfig:
    return OpenAPIConfig(
        title="workreport API",
        version=API_VERSION,
        description=DESCRIPTION,
        summary="Commitments of government work reports, traceable to the source text.",
        license=License(name="CC-BY-4.0 (data)", identifier="CC-BY-4.0"),
        contact=Contact(name="workreport"),
        tags=[
            Tag(name=name)
            for name in (
                "index",
                "documents",
                "chapters",
                "paragraphs",
                "measures",
                "targets",
                "results",
                "indicators",
                "outcomes",
                "units",
                "bodies",
                "search",
                "exports",
                "schemas",
                "health",
            )
        ],
        path="/_litestar",
        render_plugins=[],
    )


def create_litestar(api: ApiState) -> Litestar:
    """The Litestar application (without the edge); tests of handlers may use it directly."""
    logging.getLogger("workreport").setLevel(api.settings.log_level.upper())
    return Litestar(
        route_handlers=[handler for module in RESOURCES for handler in module.ROUTES],
        dependencies={"api": Provide(lambda: api, use_cache=True, sync_to_thread=False)},
        exception_handlers=EXCEPTION_HANDLERS,
        before_request=reject_unknown_parameters,
        openapi_config=_openapi_config(),
        plugins=[PydanticPlugin(prefer_alias=True)],
        on_shutdown=[api.close],
        debug=False,
        state=State({"api": api}),
    )


def create_app(settings: Settings | None = None) -> Edge:
    """The ASGI application: the HTTP edge around the Litestar app, from settings (default: the environment)."""
    settings = settings or Settings.from_env()
    engine = make_engine(settings.database_url)
    api = ApiState(settings, engine, ReleaseWatcher(engine, settings.release_check_seconds))
    return Edge(cast(ASGIApp, create_litestar(api)), settings, api.watcher)


def create_served_app() -> Edge:
    """``create_app()`` for a worker of ``workreport serve``: the app, then what start-up made frozen out of the
    garbage collector's view (``gc.freeze``).

    A worker holds about 250,000 objects that live as long as it does (modules, routes, schemas, grammars). A full
    collection walks them all, 100–200 ms on a 2-core machine, and pages that allocate much (the document page) set
    one off now and then: the slowest requests were those pauses. Frozen, these objects are never walked again
    (the slowest of 1,000 uncached document pages: 130–180 ms before, 20–40 ms after); garbage made later is
    collected as before.
    """
    app = create_app()
    gc.collect()
    gc.freeze()
    return app


def litestar_of(app: object) -> Litestar:
    """The Litestar app inside an edge (for the OpenAPI export)."""
    inner = app.app if isinstance(app, Edge) else app
    assert isinstance(inner, Litestar)
    return inner


__all__ = ["API_VERSION", "SCHEMA_VERSION", "create_app", "create_litestar", "create_served_app", "litestar_of"]

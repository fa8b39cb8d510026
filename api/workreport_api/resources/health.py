"""Liveness and readiness probes."""

from __future__ import annotations

from litestar import Response, get

from ..db import migrate
from ..http.errors import Unavailable
from ..http.negotiation import require_acceptable
from ..http.requests import HttpRequest
from ..models import Health
from ..state import Api
from .responses import ERRORS, json_response


@get("/healthz", sync_to_thread=True, operation_id="get_health", summary="Process is up", tags=["health"], responses=ERRORS)
def healthz(request: HttpRequest) -> Response[Health]:
    """200 while the process runs; does not touch the database."""
    require_acceptable(request, "application/json")
    return json_response({"status": "ok"})


@get("/readyz", sync_to_thread=True, operation_id="get_readiness", summary="Ready to serve data", tags=["health"], responses=ERRORS)
def readyz(request: HttpRequest, api: Api) -> Response[Health]:
    """200 when the database is reachable and at this version's migration; 503 problem+json with Retry-After otherwise."""
    require_acceptable(request, "application/json")
    try:
        state = migrate.migration_state(api.engine, api.settings)
    except Exception as error:
        raise Unavailable(detail="database unreachable") from error
    if state.status != "current":
        raise Unavailable(detail=f"database migration is {state.status} ({state.current or 'base'}; this version needs {state.head})")
    return json_response({"status": "ready", "revision": state.current})


ROUTES = [healthz, readyz]

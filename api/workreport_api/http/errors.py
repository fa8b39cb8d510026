"""Exception handlers: every error becomes RFC 9457 problem+json; no stack trace ever leaves the server."""

from __future__ import annotations

import logging

from litestar import Response
from litestar.exceptions import HTTPException, NotFoundException, ValidationException
from litestar.types import ExceptionHandlersMap
from sqlalchemy import exc as sa_exc

from ..db.engine import DatabaseError
from ..edge.problems import PROBLEM_MEDIA_TYPE, InvalidParam, problem_body
from .negotiation import NotAcceptable
from .params import query_aliases
from .requests import HttpRequest
from .slots import RETRY_AFTER_SECONDS as DOWNLOAD_RETRY_SECONDS
from .slots import Overloaded

LOG = logging.getLogger("workreport.api")
RETRY_AFTER_SECONDS = 5


class Unavailable(HTTPException):
    status_code = 503


def _base(request: HttpRequest) -> str:
    return str(request.app.state.api.settings.public_base_url)


def _instance(request: HttpRequest) -> str:
    query = request.scope.get("query_string", b"").decode("latin-1")
    path = (request.scope.get("raw_path") or request.url.path.encode()).split(b"?")[0]
    return path.decode("latin-1") + (f"?{query}" if query else "")


def problem_response(
    request: HttpRequest,
    slug: str,
    status: int,
    detail: str,
    params: list[InvalidParam] | None = None,
    headers: dict[str, str] | None = None,
) -> Response[bytes]:
    body = problem_body(_base(request), slug, detail, _instance(request)[:300], params)
    return Response(content=body, status_code=status, media_type=PROBLEM_MEDIA_TYPE, headers=headers or {})


def _invalid_params(request: HttpRequest, error: ValidationException) -> list[InvalidParam]:
    handler = request.scope.get("route_handler")
    aliases = query_aliases(handler) if handler is not None else {}
    params = []
    for item in error.extra if isinstance(error.extra, list) else []:
        if isinstance(item, dict):
            name = str(item.get("key") or "request")
            params.append(InvalidParam(name=aliases.get(name, name), reason=str(item.get("message") or "invalid")))
    return params


def on_validation(request: HttpRequest, error: ValidationException) -> Response[bytes]:
    params = _invalid_params(request, error)
    detail = "; ".join(f"{p.name}: {p.reason}" for p in params)[:300] or "the request parameters are invalid"
    return problem_response(request, "invalid-parameters", 400, detail, params)


def on_not_found(request: HttpRequest, error: NotFoundException) -> Response[bytes]:
    detail = error.detail if error.detail and error.detail != "Not Found" else f"nothing at {request.url.path[:200]}"
    return problem_response(request, "not-found", 404, detail)


def on_not_acceptable(request: HttpRequest, error: NotAcceptable) -> Response[bytes]:
    return problem_response(request, "not-acceptable", 406, error.detail)


def on_unavailable(request: HttpRequest, error: Exception) -> Response[bytes]:
    LOG.warning("database unavailable: %s", str(error).splitlines()[0] if str(error) else type(error).__name__)
    detail = error.detail if isinstance(error, Unavailable) and error.detail else "the database is unavailable; try again shortly"
    return problem_response(request, "unavailable", 503, detail, headers={"Retry-After": str(RETRY_AFTER_SECONDS)})


def on_overloaded(request: HttpRequest, error: Overloaded) -> Response[bytes]:
    return problem_response(request, "overloaded", 503, str(error.detail), headers={"Retry-After": str(DOWNLOAD_RETRY_SECONDS)})


def on_http(request: HttpRequest, error: HTTPException) -> Response[bytes]:
    if error.status_code == 404:
        return problem_response(request, "not-found", 404, f"nothing at {request.url.path[:200]}")
    if error.status_code == 400:
        return problem_response(request, "bad-request", 400, str(error.detail)[:300])
    return on_unexpected(request, error)


def on_unexpected(request: HttpRequest, error: Exception) -> Response[bytes]:
    LOG.exception("unexpected error on %s", request.url.path)
    return problem_response(request, "internal-error", 500, "an unexpected error occurred; it was logged")


EXCEPTION_HANDLERS: ExceptionHandlersMap = {
    ValidationException: on_validation,
    NotFoundException: on_not_found,
    NotAcceptable: on_not_acceptable,
    Unavailable: on_unavailable,
    Overloaded: on_overloaded,
    DatabaseError: on_unavailable,
    sa_exc.OperationalError: on_unavailable,
    sa_exc.InterfaceError: on_unavailable,
    sa_exc.DisconnectionError: on_unavailable,
    sa_exc.TimeoutError: on_unavailable,
    HTTPException: on_http,
    Exception: on_unexpected,
}

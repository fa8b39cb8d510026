"""The list parameters every collection shares, declared once: paging, representation, and what a list needs to answer.

A list handler declares only its own filters and ends with ``**listing: Unpack[ListArgs]``; ``list_parameters``
writes the shared parameters into the signature Litestar reads (``request`` and ``api`` first, then the handler's
own, then ``limit``, ``cursor``, ``format`` and ``bom``), so the OpenAPI document, the validation and the
``reject_unknown_parameters`` guard see one flat list of parameters in the order they always had, and the handler
passes them on whole: ``collection(SPEC, where, **listing)``.

Why not a Litestar dependency (``Provide``) returning the same four values: Litestar would then validate them with
a second signature model and resolve a dependency on every request, 6–7 µs of CPU per list request in-process (2–3%
of a cold page of 50), and report a bad ``limit`` alone where today a bad ``limit`` and a bad filter are reported
together. Here Litestar calls the handler as it did before: nothing is added per request.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import TypedDict, TypeVar

from ..http.params import DEFAULT_LIMIT, Bom, Cursor, Format, Limit, ResponseFormat
from ..http.requests import HttpRequest
from ..state import Api, ApiState

Handler = TypeVar("Handler", bound=Callable[..., object])


class ListArgs(TypedDict):
    """The shared arguments of a list handler, passed on to ``collection``."""

    request: HttpRequest
    api: ApiState
    limit: int
    cursor: str | None
    fmt: ResponseFormat | None
    bom: bool | None


_KEYWORD = inspect.Parameter.KEYWORD_ONLY
_POSITIONAL = inspect.Parameter.POSITIONAL_OR_KEYWORD
_HEAD = (("request", HttpRequest), ("api", Api))
_TAIL = (("limit", Limit, DEFAULT_LIMIT), ("cursor", Cursor, None), ("fmt", Format, None), ("bom", Bom, None))
assert [name for name, *_ in (*_HEAD, *_TAIL)] == list(ListArgs.__annotations__), "ListArgs and the shared parameters differ"


def list_parameters(handler: Handler) -> Handler:
    """Give a list handler the shared list parameters (below ``@get``, which reads the signature this writes)."""
    signature = inspect.signature(handler)
    own = [parameter for parameter in signature.parameters.values() if parameter.kind is not inspect.Parameter.VAR_KEYWORD]
    if len(own) == len(signature.parameters):
        raise TypeError(f"{handler.__name__} must end with **listing: Unpack[ListArgs]")
    head = [inspect.Parameter(name, _POSITIONAL, annotation=annotation) for name, annotation in _HEAD]
    tail = [inspect.Parameter(name, _KEYWORD, default=default, annotation=annotation) for name, annotation, default in _TAIL]
    handler.__signature__ = signature.replace(parameters=[*head, *own, *tail])  # type: ignore[attr-defined]
    handler.__annotations__.update({name: annotation for name, annotation, *_ in (*_HEAD, *_TAIL)})
    return handler

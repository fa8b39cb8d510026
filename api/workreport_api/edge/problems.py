"""RFC 9457 problem details: every error the API returns, in one shape."""

from __future__ import annotations

import json
from dataclasses import dataclass

from pydantic import BaseModel, Field

PROBLEM_MEDIA_TYPE = "application/problem+json"


class InvalidParam(BaseModel):
    """One rejected request parameter."""

    name: str = Field(description="The parameter's name.")
    reason: str = Field(description="Why it was rejected.")


class Problem(BaseModel):
    """An error, as RFC 9457 problem details."""

    type: str = Field(description="URI of the problem type; GET it for a description.")
    title: str = Field(description="Short summary of the problem type.")
    status: int = Field(description="HTTP status code.")
    detail: str = Field(description="What went wrong with this request.")
    instance: str = Field(description="The request path (and query) that caused the problem.")
    invalid_params: list[InvalidParam] | None = Field(default=None, description="For 400: each rejected parameter and why.")


@dataclass(frozen=True)
class ProblemType:
    slug: str
    title: str
    status: int
    description: str


PROBLEM_TYPES: dict[str, ProblemType] = {
    p.slug: p
    for p in (
        ProblemType(
            "invalid-parameters",
            "Invalid parameters",
            400,
            "A parameter is unknown, repeated, malformed or out of bounds; see invalid_params.",
        ),
        ProblemType(
            "bad-request",
            "Bad request",
            400,
            "The request cannot be read: a malformed request line (raw non-ASCII characters must be percent-encoded), "
            "bad percent-encoding, text that is not UTF-8, or a header that may appear once sent twice.",
        ),
        ProblemType(
            "request-timeout",
            "Request timeout",
            408,
            "The client did not send a whole request header section in time; the connection is closed.",
        ),
        ProblemType("not-found", "Not found", 404, "No resource at this path, or no record with this id."),
        ProblemType("method-not-allowed", "Method not allowed", 405, "The API is read-only: use GET, HEAD or OPTIONS."),
        ProblemType(
            "not-acceptable", "Not acceptable", 406, "None of the media types in Accept is served here; see the documented formats."
        ),
        ProblemType("uri-too-long", "URI too long", 414, "The path or the query string is longer than the API accepts."),
        ProblemType(
            "rate-limited",
            "Too many requests",
            429,
            "The client sent more requests than the rate limit allows; retry after Retry-After seconds.",
        ),
        ProblemType(
            "headers-too-large",
            "Request header fields too large",
            431,
            "The request has more header fields, or more header bytes, than the server accepts (see the README's limits).",
        ),
        ProblemType("internal-error", "Internal error", 500, "The server failed unexpectedly; the failure was logged."),
        ProblemType(
            "unavailable", "Service unavailable", 503, "The database is unreachable or not migrated; retry after Retry-After seconds."
        ),
        ProblemType(
            "overloaded",
            "Server busy",
            503,
            "The server is at its limit of open connections or of whole-collection downloads; retry after Retry-After seconds.",
        ),
    )
}


def problem_type_uri(base_url: str, slug: str) -> str:
    return f"{base_url.rstrip('/')}/problems/{slug}"


def problem_body(base_url: str, slug: str, detail: str, instance: str, invalid_params: list[InvalidParam] | None = None) -> bytes:
    """The JSON bytes of a problem of a known type."""
    kind = PROBLEM_TYPES[slug]
    body: dict[str, object] = {
        "type": problem_type_uri(base_url, slug),
        "title": kind.title,
        "status": kind.status,
        "detail": detail,
        "instance": instance,
    }
    if invalid_params:
        body["invalid_params"] = [param.model_dump() for param in invalid_params]
    return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()

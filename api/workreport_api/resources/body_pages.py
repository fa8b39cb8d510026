"""Pages for people: the responsible bodies, and each body with its measures by role and basis.

JSON twins: /v1/bodies and /v1/bodies/{id} (its measures: /v1/bodies/{id}/measures).
The basis says why a body is on a measure (named in the text, assigned by a
reviewer with a rationale, or the issuer for want of better): the page keeps
them apart so no inference reads as if the text said it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from litestar import Response, get
from sqlalchemy import func, select
from sqlmodel import col

from workreport_schema import load_codelist

from ..db.reading import latest_release, snapshot
from ..db.tables import Body, BodyAssignment, Document, Measure
from ..http.negotiation import require_acceptable
from ..http.requests import HttpRequest
from ..state import Api
from .pages import HTML, PAGE_ERRORS, PathId, canonical, label, page, record_or_404, render


def _codes(name: str) -> dict[str, str]:
    """A codelist's codes in its order, with their English titles."""
    return {row["Code"]: row["Title (en)"] for row in load_codelist(name).rows}


ROLES = _codes("body_role")
BASES = _codes("assignment_basis")


@dataclass
class Assigned:
    """A measure as this body's: the measure, and why the body is on it (the name's words, or the reviewer's rationale)."""

    measure: dict[str, Any]
    text: str
    language: str
    quote: str | None = None
    rationale: str | None = None


@dataclass
class Group:
    """The measures of one role and basis."""

    role: str
    basis: str
    measures: list[Assigned] = field(default_factory=list)


def groups_of(body_id: str, measures: list[dict[str, Any]], languages: dict[str, str]) -> list[Group]:
    """The body's measures grouped by role, then basis, in codelist order; measures in the order given."""
    found: dict[tuple[str, str], Group] = {}
    for measure in measures:
        language = languages.get(measure["document_id"], "zh-Hant")
        for assignment in measure.get("bodies", []):
            if assignment["body_id"] != body_id:
                continue
            key = (assignment["role"], assignment["basis"])
            group = found.setdefault(key, Group(*key))
            group.measures.append(
                Assigned(
                    measure=measure,
                    text=label(measure["text"], language),
                    language=language,
                    quote=(assignment.get("source") or {}).get("quote"),
                    rationale=assignment.get("rationale"),
                )
            )
    roles, bases = list(ROLES), list(BASES)

    def order(key: tuple[str, str]) -> tuple[int, str, int, str]:
        role, basis = key
        return (roles.index(role) if role in roles else len(roles), role, bases.index(basis) if basis in bases else len(bases), basis)

    return [found[key] for key in sorted(found, key=order)]


@get("/bodies", sync_to_thread=True, include_in_schema=False, exception_handlers=PAGE_ERRORS)
def bodies_page(request: HttpRequest, api: Api) -> Response[bytes]:
    """Every body the loaded documents refer to, with how many measures it is on, by role."""
    require_acceptable(request, HTML)
    with snapshot(api.engine) as connection:
        release = latest_release(connection)
        bodies = [json.loads(record) for record in connection.execute(select(col(Body.record)).order_by(col(Body.id))).scalars()]
        counts: dict[str, dict[str, int]] = {}
        query = select(col(BodyAssignment.body_id), col(BodyAssignment.role), func.count()).group_by(
            col(BodyAssignment.body_id), col(BodyAssignment.role)
        )
        for body_id, role, count in connection.execute(query):
            counts.setdefault(body_id, {})[role] = int(count)
    rows = [{"body": body, "counts": counts.get(body["id"], {}), "total": sum(counts.get(body["id"], {}).values())} for body in bodies]
    content = render("bodies.html", rows=rows, roles=ROLES, canonical=canonical(request, api))
    return page(content, release, "/v1/bodies")


@get("/bodies/{body_id:str}", sync_to_thread=True, include_in_schema=False, exception_handlers=PAGE_ERRORS)
def body_page(request: HttpRequest, api: Api, body_id: PathId) -> Response[bytes]:
    """One body: its names and parent, and its measures grouped by role (lead, partner, participant) and basis."""
    require_acceptable(request, HTML)
    with snapshot(api.engine) as connection:
        release = latest_release(connection)
        body = record_or_404(connection, Body, body_id, "body")
        names = {
            row.id: label(json.loads(row.record)["names"], "zh-Hant")
            for row in connection.execute(
                select(col(Body.id), col(Body.record)).where((col(Body.id) == body.get("parent_id")) | (col(Body.parent_id) == body_id))
            )
        }
        on = select(col(BodyAssignment.measure_id)).where(col(BodyAssignment.body_id) == body_id)
        measures = [
            json.loads(row)
            for row in connection.execute(
                select(col(Measure.record)).where(col(Measure.id).in_(on)).order_by(col(Measure.document_id), col(Measure.seq))
            ).scalars()
        ]
        languages = dict(connection.execute(select(col(Document.id), col(Document.language))).all())
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


ROUTES = [bodies_page, body_page]

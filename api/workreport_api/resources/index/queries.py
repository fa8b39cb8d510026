"""The SQL of the catalog."""

from __future__ import annotations

import json

from sqlalchemy import Connection, select
from sqlmodel import col

from workreport_schema import DocumentJSON

from ...db.tables import Document


def documents(connection: Connection) -> list[DocumentJSON]:
    """Every document's record, by id: one dcat:Dataset each."""
    return [json.loads(r) for r in connection.scalars(select(col(Document.record)).order_by(col(Document.id)))]

"""search display: each search entry carries the text a hit shows and a measure's source start

A search hit's snippet is cut from the label in its document's language and
its match offset from the measure's source start; both were read by decoding
the whole stored record of every hit (and joining its document for the
language). The entry now carries them (``display``, ``source_start``); the
upgrade fills them from the records already loaded, as the loader does.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-29

"""

import json
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | Sequence[str] | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BATCH = 2000
LABELS = {"measure": ("measures", "text"), "target": ("targets", "indicator"), "result": ("results", "indicator")}
"""Each kind of entry: the table of its records and the label it is searched by."""


def upgrade() -> None:
    """Add the columns, then fill them from each entry's record and its document's language."""
    op.add_column("search_entries", sa.Column("display", sa.Text(), server_default="", nullable=False))
    op.add_column("search_entries", sa.Column("source_start", sa.Integer(), nullable=True))
    connection = op.get_bind()
    update = sa.text("UPDATE search_entries SET display = :display, source_start = :start WHERE id = :id")
    for kind, (table, field) in LABELS.items():
        batch = sa.text(
            f"SELECT e.id, r.record, d.language FROM search_entries e JOIN {table} r ON r.id = e.record_id "  # names above
            "JOIN documents d ON d.id = e.document_id WHERE e.kind = :kind AND e.id > :after ORDER BY e.id LIMIT :size"
        )
        after = -1
        while rows := connection.execute(batch, {"kind": kind, "after": after, "size": BATCH}).all():  # a batch at a time, by key
            values = []
            for entry_id, record_text, language in rows:
                record = json.loads(record_text)
                labels = record[field]
                source = record.get("source") if kind == "measure" else None
                display = labels.get(language or "zh-Hant") or next(iter(labels.values()))
                values.append({"id": entry_id, "display": display, "start": source["start"] if source else None})
            connection.execute(update, values)
            after = rows[-1][0]


def downgrade() -> None:
    """Drop the columns (in place on both engines: a copied table would lose SQLite's trigram triggers)."""
    op.execute("ALTER TABLE search_entries DROP COLUMN source_start")
    op.execute("ALTER TABLE search_entries DROP COLUMN display")

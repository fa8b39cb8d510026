"""ordered filter indexes: each growing filter column followed by its list's order

A list filtered by unit, indicator, kind, comparator, … is read in the list's
order from one index and stops at the end of the page, however many records
match; the single-column index it replaces made every page read and sort every
match (db/tables.py ``ordered_indexes``). A body's assignments carry their
measure's position (``seq``) so the measures of a body, or of a basis, are read
the same way from the assignments.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-29

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

DOCUMENT_ORDER = ["document_id", "seq", "id"]
OUTCOME_ORDER = ["target_document_id", "target_seq", "id"]
ORDERED = {
    "targets": (
        ["type", "unit_id", "quantity_kind", "comparator", "commitment", "direction", "headline", "indicator_code"],
        DOCUMENT_ORDER,
    ),
    "results": (["unit_id", "quantity_kind", "comparator", "estimate", "direction", "indicator_code"], DOCUMENT_ORDER),
    "outcomes": (
        ["result_document_id", "issuer_id", "indicator_code", "year", "outcome", "stated_outcome", "principal"],
        OUTCOME_ORDER,
    ),
}
"""Table → (its filter columns, its list order), as db/tables.py declares them at this revision."""
ASSIGNMENT_ORDER = ["document_id", "seq", "measure_id"]
ASSIGNMENT_INDEXES = {
    "ix_body_assignments_body_id_order": ["body_id", *ASSIGNMENT_ORDER],
    "ix_body_assignments_basis_order": ["basis", *ASSIGNMENT_ORDER],
    "ix_body_assignments_body_id_basis_order": ["body_id", "basis", *ASSIGNMENT_ORDER],
}


def upgrade() -> None:
    """Replace each column's own index by the column followed by the list order."""
    for table, (columns, order) in ORDERED.items():
        for column in columns:
            op.drop_index(f"ix_{table}_{column}", table_name=table)
            op.create_index(f"ix_{table}_{column}_order", table, [column, *order], unique=False)
    op.add_column("body_assignments", sa.Column("seq", sa.Integer(), nullable=False, server_default="0"))
    op.execute("UPDATE body_assignments SET seq = (SELECT measures.seq FROM measures WHERE measures.id = body_assignments.measure_id)")
    if op.get_bind().dialect.name != "sqlite":  # SQLite cannot drop a default without copying the table; loads set seq
        op.alter_column("body_assignments", "seq", server_default=None)
    op.drop_index("ix_body_assignments_body_basis", table_name="body_assignments")
    op.drop_index("ix_body_assignments_basis", table_name="body_assignments")
    for name, columns in ASSIGNMENT_INDEXES.items():
        op.create_index(name, "body_assignments", columns, unique=False)


def downgrade() -> None:
    """Back to one index per column."""
    for name in ASSIGNMENT_INDEXES:
        op.drop_index(name, table_name="body_assignments")
    op.create_index("ix_body_assignments_basis", "body_assignments", ["basis"], unique=False)
    op.create_index("ix_body_assignments_body_basis", "body_assignments", ["body_id", "basis"], unique=False)
    op.drop_column("body_assignments", "seq")
    for table, (columns, _order) in ORDERED.items():
        for column in columns:
            op.drop_index(f"ix_{table}_{column}_order", table_name=table)
            op.create_index(f"ix_{table}_{column}", table, [column], unique=False)

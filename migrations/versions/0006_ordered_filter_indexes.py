"""ordered filter indexes: each growing filter column followed by its list's order

A list filtered by unit, indicator, kind, comparator, … is read in the list's
order from one index and stops at the end of the page, however many records
match; the single-column index it replaces made every page read and sort every
match (db/tables.py ``ordered_indexes``).

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-29

"""

from collections.abc import Sequence

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


def upgrade() -> None:
    """Replace each column's own index by the column followed by the list order."""
    for table, (columns, order) in ORDERED.items():
        for column in columns:
            op.drop_index(f"ix_{table}_{column}", table_name=table)
            op.create_index(f"ix_{table}_{column}_order", table, [column, *order], unique=False)


def downgrade() -> None:
    """Back to one index per column."""
    for table, (columns, _order) in ORDERED.items():
        for column in columns:
            op.drop_index(f"ix_{table}_{column}_order", table_name=table)
            op.create_index(f"ix_{table}_{column}", table, [column], unique=False)

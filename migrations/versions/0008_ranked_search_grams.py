"""ranked search grams: 3-character pieces, their occurrences and the entry's place in the ranking

A query of up to 3 characters is ranked from one index of ``search_grams``
alone, however many entries match: each row now carries how often its piece
occurs in the entry and the entry's place in the ranking order (its document's
``search_key``, a number that sorts like the document's id, and its ``ordinal``
within the document), and the table holds 3-character pieces too. The ranking
read and ordered every candidate's entry before (its cost grew with the
matches, up to 200). The upgrade numbers the documents and rebuilds the table
from the entries already loaded, as the loader writes it.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-29

"""

from collections.abc import Iterator, Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0008"
down_revision: str | Sequence[str] | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

STEP = 1 << 32
"""The distance between consecutive documents' numbers (db/document_keys.py at this revision)."""
BATCH = 2000


def _pieces(folded: str, sizes: tuple[int, ...]) -> dict[str, int]:
    """Every distinct piece of these sizes that is not all whitespace, with its count, not overlapping (db/search.py
    ``grams`` at this revision)."""
    pieces = {folded[i : i + size] for size in sizes for i in range(len(folded) - size + 1)}
    return {piece: folded.count(piece) for piece in pieces if not piece.isspace()}


def _create_grams(gram_length: int, ranked: bool) -> None:
    columns = [
        sa.Column("gram", sqlmodel.sql.sqltypes.AutoString(length=gram_length), nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=False),
    ]
    if ranked:
        columns += [
            sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
            sa.Column("occurrences", sa.Integer(), nullable=False),
            sa.Column("document_key", sa.BigInteger(), nullable=False),
            sa.Column("ordinal", sa.Integer(), nullable=False),
        ]
    op.create_table(
        "search_grams",
        *columns,
        sa.ForeignKeyConstraint(["entry_id"], ["search_entries.id"], name="fk_search_grams_entry_id_search_entries", ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("gram", "entry_id", name="pk_search_grams"),
        **({"sqlite_with_rowid": False} if ranked else {}),
    )
    op.create_index("ix_search_grams_entry_id", "search_grams", ["entry_id"], unique=False)


def _documents(connection: sa.Connection) -> Iterator[tuple[str, int]]:
    for document_id, key in connection.execute(sa.text("SELECT id, search_key FROM documents ORDER BY id")):
        yield document_id, key


def _fill(connection: sa.Connection, ranked: bool) -> None:
    """Write each document's grams from its entries, a batch of rows at a time."""
    entries = sa.text("SELECT id, kind, folded FROM search_entries WHERE document_id = :document ORDER BY seq, kind")
    if ranked:
        insert = sa.text(
            "INSERT INTO search_grams (gram, entry_id, kind, occurrences, document_key, ordinal) "
            "VALUES (:gram, :entry_id, :kind, :occurrences, :document_key, :ordinal)"
        )
    else:
        insert = sa.text("INSERT INTO search_grams (gram, entry_id) VALUES (:gram, :entry_id)")
    sizes = (1, 2, 3) if ranked else (1, 2)
    for document_id, key in list(_documents(connection)):
        rows: list[dict[str, object]] = []
        for ordinal, (entry_id, kind, folded) in enumerate(connection.execute(entries, {"document": document_id}).all()):
            for gram, occurrences in sorted(_pieces(folded, sizes).items()):
                row: dict[str, object] = {"gram": gram, "entry_id": entry_id}
                if ranked:
                    row |= {"kind": kind, "occurrences": occurrences, "document_key": key, "ordinal": ordinal}
                rows.append(row)
            if len(rows) >= BATCH:
                connection.execute(insert, rows)
                rows = []
        if rows:
            connection.execute(insert, rows)


def upgrade() -> None:
    """Number the documents in id order, then rebuild the grams with their ranking."""
    op.add_column("documents", sa.Column("search_key", sa.BigInteger(), server_default="0", nullable=False))
    connection = op.get_bind()
    update = sa.text("UPDATE documents SET search_key = :key WHERE id = :id")
    for position, (document_id, _) in enumerate(list(_documents(connection))):
        connection.execute(update, {"key": position * STEP, "id": document_id})
    op.drop_index("ix_search_grams_entry_id", table_name="search_grams")
    op.drop_table("search_grams")
    _create_grams(3, ranked=True)
    _fill(connection, ranked=True)
    op.create_index(
        "ix_search_grams_ranking",
        "search_grams",
        ["gram", sa.text("occurrences DESC"), "document_key", "ordinal", "kind", "entry_id"],
        unique=False,
    )


def downgrade() -> None:
    """Rebuild the grams as they were (1 and 2 characters, no ranking), then drop the documents' numbers (in place
    on both engines)."""
    op.drop_index("ix_search_grams_ranking", table_name="search_grams")
    op.drop_index("ix_search_grams_entry_id", table_name="search_grams")
    op.drop_table("search_grams")
    _create_grams(2, ranked=False)
    _fill(op.get_bind(), ranked=False)
    op.execute("ALTER TABLE documents DROP COLUMN search_key")

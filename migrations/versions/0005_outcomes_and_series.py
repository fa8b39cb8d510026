"""indicators, outcomes and series points: records that span documents

indicators holds the reviewed indicator codelist with how many loaded targets
and results use each code; outcomes holds each target judged by a later
report's result (same issuer, indicator and year); series_points holds every
coded target and result as a point of its indicator's series. All three are
derived from the loaded rows and rewritten by every load and removal; the
upgrade fills them from the rows already loaded.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
import sqlmodel


# revision identifiers, used by Alembic.
revision: str = '0005'
down_revision: Union[str, Sequence[str], None] = '0004'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

String = sqlmodel.sql.sqltypes.AutoString


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        'indicators',
        sa.Column('id', String(length=64), nullable=False),
        sa.Column('target_count', sa.Integer(), nullable=False),
        sa.Column('result_count', sa.Integer(), nullable=False),
        sa.Column('record', sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_indicators')),
    )
    op.create_table(
        'outcomes',
        sa.Column('id', String(length=420), nullable=False),
        sa.Column('target_id', String(length=200), nullable=False),
        sa.Column('result_id', String(length=200), nullable=False),
        sa.Column('target_document_id', String(length=200), nullable=False),
        sa.Column('target_seq', sa.Integer(), nullable=False),
        sa.Column('result_document_id', String(length=200), nullable=False),
        sa.Column('issuer_id', String(length=200), nullable=False),
        sa.Column('indicator_code', String(length=64), nullable=False),
        sa.Column('year', sa.Integer(), nullable=False),
        sa.Column('outcome', String(length=20), nullable=False),
        sa.Column('stated_outcome', String(length=20), nullable=True),
        sa.Column('principal', sa.Boolean(), nullable=False),
        sa.Column('record', sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(['target_id'], ['targets.id'], name=op.f('fk_outcomes_target_id_targets'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['result_id'], ['results.id'], name=op.f('fk_outcomes_result_id_results'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_outcomes')),
    )
    op.create_index('ix_outcomes_order', 'outcomes', ['target_document_id', 'target_seq', 'id'], unique=False)
    for column in ('target_id', 'result_id', 'result_document_id', 'issuer_id', 'indicator_code', 'year', 'outcome', 'stated_outcome', 'principal'):
        op.create_index(op.f(f'ix_outcomes_{column}'), 'outcomes', [column], unique=False)
    op.create_table(
        'series_points',
        sa.Column('id', String(length=200), nullable=False),
        sa.Column('kind', String(length=10), nullable=False),
        sa.Column('indicator_code', String(length=64), nullable=False),
        sa.Column('year', sa.Integer(), nullable=False),
        sa.Column('issuer_id', String(length=200), nullable=False),
        sa.Column('document_id', String(length=200), nullable=False),
        sa.Column('seq', sa.Integer(), nullable=False),
        sa.Column('record', sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_series_points_document_id_documents'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_series_points')),
    )
    op.create_index(
        'ix_series_points_order', 'series_points', ['indicator_code', 'year', 'issuer_id', 'document_id', 'seq', 'id'], unique=False
    )
    for column in ('kind', 'issuer_id', 'document_id'):
        op.create_index(op.f(f'ix_series_points_{column}'), 'series_points', [column], unique=False)
    _fill()


def _fill() -> None:
    """Derive the new records from the rows already loaded, as a load would."""
    from workreport_api.db.comparisons import refresh_comparisons

    connection = op.get_bind()
    issuers = [row[0] for row in connection.execute(sa.text('SELECT DISTINCT issuer_id FROM documents'))]
    refresh_comparisons(connection, issuers)


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table('series_points')
    op.drop_table('outcomes')
    op.drop_table('indicators')

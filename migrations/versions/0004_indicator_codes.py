"""indicator codes of targets and results

targets.indicator_code and results.indicator_code (schema 1.3: a code of the
open codelist indicator), indexed for the indicator filter. Rows loaded before
have none until their document is loaded again (``workreport init`` reloads a
seed whose content hash changed).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
import sqlmodel


# revision identifiers, used by Alembic.
revision: str = '0004'
down_revision: Union[str, Sequence[str], None] = '0003'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    for table in ('targets', 'results'):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column('indicator_code', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True))
            batch_op.create_index(batch_op.f(f'ix_{table}_indicator_code'), ['indicator_code'], unique=False)


def downgrade() -> None:
    """Downgrade schema."""
    for table in ('results', 'targets'):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_index(batch_op.f(f'ix_{table}_indicator_code'))
            batch_op.drop_column('indicator_code')

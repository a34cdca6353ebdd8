"""measures' due date, latest progress note and last update; the plan's staleness limits

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07 02:30:00

Filled by the next load (the measures register's optional columns `due_date`, `progress_note`,
`updated`, and `[plan] measure_flag_days` / `measure_stale_days`); until then they are empty and the
screens say a measure's last update is not known.
"""
import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('measure') as batch:
        batch.add_column(sa.Column('due_date', sa.Date(), nullable=True))
        batch.add_column(sa.Column('progress_note', sa.Text(), nullable=True, comment='the latest progress note'))
        batch.add_column(sa.Column('updated_on', sa.Date(), nullable=True,
                                   comment='when the measure was last updated (its status or note)'))
    with op.batch_alter_table('municipality') as batch:
        batch.add_column(sa.Column('measure_flag_days', sa.Integer(), nullable=True,
                                   comment='a measure not updated for this many days is flagged'))
        batch.add_column(sa.Column('measure_stale_days', sa.Integer(), nullable=True,
                                   comment='... and stale after this many'))


def downgrade() -> None:
    with op.batch_alter_table('municipality') as batch:
        batch.drop_column('measure_stale_days')
        batch.drop_column('measure_flag_days')
    with op.batch_alter_table('measure') as batch:
        batch.drop_column('updated_on')
        batch.drop_column('progress_note')
        batch.drop_column('due_date')

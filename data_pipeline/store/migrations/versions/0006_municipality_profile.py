"""every municipality's size and age structure, with its distance from the own (similar municipalities)

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01 18:00:00

Filled by the next load (from `[regions] profile`'s downloads); until then the screens say the
similar municipalities are not computed yet.
"""
import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('municipality_profile',
    sa.Column('region_id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('population', sa.Float(), nullable=True),
    sa.Column('share_0_14', sa.Float(), nullable=True, comment='0–14-year-olds, % of the population'),
    sa.Column('share_15_64', sa.Float(), nullable=True),
    sa.Column('share_65_plus', sa.Float(), nullable=True),
    sa.Column('distance', sa.Float(), nullable=True,
              comment='standardised distance from the own municipality (log population, 0–14 %, 65+ %)'),
    sa.Column('similarity_rank', sa.Integer(), nullable=True,
              comment='1 = the most similar; empty for the own and incomplete profiles'),
    sa.PrimaryKeyConstraint('region_id')
    )


def downgrade() -> None:
    op.drop_table('municipality_profile')

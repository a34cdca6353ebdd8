"""every municipality and county as regions, ranks at load time, municipality boundaries

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01 15:00:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('region') as batch:
        batch.add_column(sa.Column('county_id', sa.Integer(), nullable=True,
                                   comment="a municipality's wellbeing services county (region id), from memberOf"))
        batch.alter_column('role', existing_type=sa.String(length=16), existing_nullable=False,
                           comment='municipality | county | country | peer | other',
                           existing_comment='municipality | county | country | peer')
    op.create_table('indicator_rank',
    sa.Column('indicator_id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('year', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('gender', sa.String(length=8), nullable=False, comment='total'),
    sa.Column('scope', sa.String(length=8), nullable=False, comment='country | county'),
    sa.Column('region_id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('rank', sa.Integer(), nullable=False, comment="1 = best by the indicator's direction; ties share the lowest"),
    sa.Column('count', sa.Integer(), nullable=False, comment='municipalities with a value in the scope that year'),
    sa.Column('quartile', sa.Integer(), nullable=False, comment='1 = best quarter … 4 = worst, by rank position'),
    sa.Column('previous_year', sa.Integer(), nullable=True, comment="the indicator's previous year with ranks in the scope"),
    sa.Column('previous_rank', sa.Integer(), nullable=True),
    sa.Column('rank_change', sa.Integer(), nullable=True, comment='previous_rank - rank: positive = climbed'),
    sa.PrimaryKeyConstraint('indicator_id', 'year', 'gender', 'scope', 'region_id')
    )
    op.create_index('ix_indicator_rank_region', 'indicator_rank', ['region_id', 'indicator_id', 'year'], unique=False)
    op.create_table('municipality_shape',
    sa.Column('code', sa.String(length=3), nullable=False, comment='municipality code, e.g. 609'),
    sa.Column('name_fi', sa.Text(), nullable=False),
    sa.Column('name_sv', sa.Text(), nullable=True),
    sa.Column('name_en', sa.Text(), nullable=True),
    sa.Column('year', sa.Integer(), nullable=False, comment="the municipal division's year"),
    sa.Column('geometry', sa.Text(), nullable=False, comment='GeoJSON geometry in WGS84 lon/lat'),
    sa.PrimaryKeyConstraint('code')
    )


def downgrade() -> None:
    op.drop_table('municipality_shape')
    op.drop_index('ix_indicator_rank_region', table_name='indicator_rank')
    op.drop_table('indicator_rank')
    with op.batch_alter_table('region') as batch:
        batch.alter_column('role', existing_type=sa.String(length=16), existing_nullable=False,
                           comment='municipality | county | country | peer',
                           existing_comment='municipality | county | country | peer | other')
        batch.drop_column('county_id')

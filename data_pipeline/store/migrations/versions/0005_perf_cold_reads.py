"""district outlines simplified for the map and indicators' year spans (derived on each load); events indexed by
date, department, level

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01 18:00:00

district_outline is filled here from the stored districts, simplified as data_pipeline.store.aggregates does
on each load, so a store upgraded without a new load draws the same map as before; indicator_year_span
from the stored values, as each load computes it. The events' date
index gains the department and level: the adoption chart's count by department and level in a period
then reads the index alone.
"""
import numpy as np
import shapely
import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

# As data_pipeline.store.aggregates on the day of this migration: about 10 m, rounded to about 1 m.
SIMPLIFY_DEGREES = 0.0001
GRID_DEGREES = 0.00001


def upgrade() -> None:
    op.drop_index('ix_participation_event_date', table_name='participation_event')
    op.create_index('ix_participation_event_date', 'participation_event',
                    ['event_date', 'department_code', 'participation_level'], unique=False)
    outline = op.create_table('district_outline',
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('geometry', sa.Text(), nullable=False, comment='simplified GeoJSON geometry in WGS84 lon/lat'),
    sa.Column('west', sa.Float(), nullable=False),
    sa.Column('south', sa.Float(), nullable=False),
    sa.Column('east', sa.Float(), nullable=False),
    sa.Column('north', sa.Float(), nullable=False),
    sa.PrimaryKeyConstraint('code'),
    )
    op.create_table('indicator_year_span',
    sa.Column('indicator_id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('first_year', sa.Integer(), nullable=False),
    sa.Column('last_year', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('indicator_id'),
    )
    op.execute("INSERT INTO indicator_year_span (indicator_id, first_year, last_year) "
               "SELECT indicator_id, MIN(year), MAX(year) FROM indicator_value GROUP BY indicator_id")
    rows = op.get_bind().execute(sa.text("SELECT code, geometry FROM district ORDER BY code")).all()
    if not rows:
        return
    geoms = shapely.from_geojson([geometry for _, geometry in rows])
    small = shapely.set_precision(shapely.simplify(geoms, SIMPLIFY_DEGREES, preserve_topology=True), GRID_DEGREES)
    small = np.where(shapely.is_empty(small), geoms, small)
    bounds = shapely.bounds(small)
    op.bulk_insert(outline, [
        {"code": code, "geometry": text, "west": float(b[0]), "south": float(b[1]), "east": float(b[2]),
         "north": float(b[3])}
        for (code, _), text, b in zip(rows, shapely.to_geojson(small).tolist(), bounds)])


def downgrade() -> None:
    op.drop_table('indicator_year_span')
    op.drop_table('district_outline')
    op.drop_index('ix_participation_event_date', table_name='participation_event')
    op.create_index('ix_participation_event_date', 'participation_event', ['event_date'], unique=False)

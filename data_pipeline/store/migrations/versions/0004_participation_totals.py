"""participation totals by district, level and type (derived on each load)

Revision ID: 0004
Revises: 0002
Create Date: 2026-12-01 15:00:00

The table is filled here from the stored events, with the grouping data_pipeline.store.aggregates uses on
each load, so a store upgraded without a new load shows the same participation figures as before.
"""
import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

BREAKDOWNS = (("district", "district_code"), ("level", "participation_level"), ("type", "event_type"))


def upgrade() -> None:
    op.create_table('participation_total',
    sa.Column('breakdown', sa.String(length=16), nullable=False, comment='district | level | type'),
    sa.Column('code', sa.String(length=32), nullable=True, comment='empty = events without a district'),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('age_group_code', sa.String(length=32), nullable=True, comment='empty = all age groups'),
    sa.Column('participants', sa.Integer(), nullable=False),
    sa.Column('events', sa.Integer(), nullable=False),
    )
    op.create_index('ix_participation_total_year', 'participation_total', ['year', 'breakdown'], unique=False)
    sqlite = op.get_bind().dialect.name == 'sqlite'
    year = ("CAST(substr(e.event_date, 1, 4) AS INTEGER)" if sqlite
            else "CAST(EXTRACT(YEAR FROM e.event_date) AS INTEGER)")
    for name, column in BREAKDOWNS:
        op.execute(
            "INSERT INTO participation_total (breakdown, code, year, age_group_code, participants, events) "
            f"SELECT '{name}', e.{column}, {year}, NULL, COALESCE(SUM(p.n), 0), COUNT(*) "
            "FROM participation_event e LEFT JOIN (SELECT event_id, SUM(participants) AS n FROM event_participants "
            "GROUP BY event_id) p ON p.event_id = e.id "
            f"GROUP BY e.{column}, {year}")
        op.execute(
            "INSERT INTO participation_total (breakdown, code, year, age_group_code, participants, events) "
            f"SELECT '{name}', e.{column}, {year}, p.age_group_code, SUM(p.participants), COUNT(*) "
            "FROM participation_event e JOIN event_participants p ON p.event_id = e.id "
            f"GROUP BY e.{column}, {year}, p.age_group_code")


def downgrade() -> None:
    op.drop_index('ix_participation_total_year', table_name='participation_total')
    op.drop_table('participation_total')

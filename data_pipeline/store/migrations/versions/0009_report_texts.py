"""the council report's texts the coordinator writes per section, every save kept as a version

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07 05:10:00

Written by `hyte report-text` (the report screen's saves run it in a process of their own); a load
never replaces it. The newest row per (kind, year, lang, section) is the section's text.
"""
import sqlalchemy as sa
from alembic import op

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'report_text',
        sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), primary_key=True, autoincrement=True),
        sa.Column('kind', sa.String(16), nullable=False, comment='annual | broad'),
        sa.Column('year', sa.Integer(), nullable=False, comment="the report's year (a broad report's: the term's last)"),
        sa.Column('lang', sa.String(8), nullable=False),
        sa.Column('section', sa.String(32), nullable=False,
                  comment="THL's section: summary, background, current_state, ..."),
        sa.Column('text', sa.Text(), nullable=False, comment="the coordinator's text; empty: the proposed draft again"),
        sa.Column('saved_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('actor', sa.Text(), nullable=False),
        )
    op.create_index('ix_report_text_key', 'report_text', ['kind', 'year', 'lang', 'section', 'id'])


def downgrade() -> None:
    op.drop_index('ix_report_text_key', table_name='report_text')
    op.drop_table('report_text')

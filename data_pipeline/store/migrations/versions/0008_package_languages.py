"""the package's languages, and the Swedish speakers' share in the municipalities' profiles

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07 02:00:00

`municipality.languages` is hyte.toml's `language` ("sv", "fi,sv"): the app opens in the package's first
language when neither the link nor the browser names one. `municipality_profile.share_swedish` is
Sotkanet 2343, a measure of similarity for a bilingual or Swedish-speaking municipality. Both are filled
by the next load; until then the app opens in Finnish and compares by size and age alone.
"""
import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('municipality') as batch:
        batch.add_column(sa.Column('languages', sa.Text(), nullable=True,
                                   comment="hyte.toml's language, primary first, comma-separated (sv,fi)"))
    with op.batch_alter_table('municipality_profile') as batch:
        batch.add_column(sa.Column('share_swedish', sa.Float(), nullable=True,
                                   comment='Swedish speakers, % of the population (Sotkanet 2343)'))


def downgrade() -> None:
    with op.batch_alter_table('municipality_profile') as batch:
        batch.drop_column('share_swedish')
    with op.batch_alter_table('municipality') as batch:
        batch.drop_column('languages')

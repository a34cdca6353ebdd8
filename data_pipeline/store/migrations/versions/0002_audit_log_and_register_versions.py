"""audit log and register versions (uploads from the app)

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 09:00:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

_ID = sa.BigInteger().with_variant(sa.Integer(), 'sqlite')


def upgrade() -> None:
    op.create_table('audit_log',
    sa.Column('id', _ID, autoincrement=True, nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('actor', sa.Text(), nullable=False, comment='the signed-in e-mail, or the OS user of the CLI'),
    sa.Column('action', sa.String(length=16), nullable=False, comment='upload | restore | refresh | rejected'),
    sa.Column('register', sa.String(length=64), nullable=True, comment='the register changed; empty for a whole refresh'),
    sa.Column('file_name', sa.Text(), nullable=True, comment='the file as the person uploaded it'),
    sa.Column('rows', sa.Integer(), nullable=True, comment='rows of the register (upload, restore) or of all tables (refresh)'),
    sa.Column('run_id', _ID, nullable=True),
    sa.Column('message', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['run_id'], ['load_run.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('register_version',
    sa.Column('id', _ID, autoincrement=True, nullable=False),
    sa.Column('register', sa.String(length=64), nullable=False),
    sa.Column('file_name', sa.Text(), nullable=False, comment='as stored in the package: <register>.csv|.xlsx'),
    sa.Column('uploaded_name', sa.Text(), nullable=True, comment='as the person uploaded it'),
    sa.Column('content', sa.LargeBinary(), nullable=True, comment='empty when the package had no file for the register'),
    sa.Column('sha256', sa.String(length=64), nullable=True),
    sa.Column('rows', sa.Integer(), nullable=True),
    sa.Column('origin', sa.String(length=16), nullable=False, comment='package | upload | restore'),
    sa.Column('saved_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('actor', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_register_version_register', 'register_version', ['register', 'id'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_register_version_register', table_name='register_version')
    op.drop_table('register_version')
    op.drop_table('audit_log')

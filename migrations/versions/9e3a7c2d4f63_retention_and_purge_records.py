"""retention and purge records

Revision ID: 9e3a7c2d4f63
Revises: 8d2f6b1c3e52
Create Date: 2026-11-24 14:40:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '9e3a7c2d4f63'
down_revision = '8d2f6b1c3e52'
branch_labels = None
depends_on = None


def upgrade():
    # organisations.retention_days already exists (initial schema); these tables record purges.
    op.create_table('purge_records',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('performed_by_id', sa.Integer(), nullable=True),
    sa.Column('retention_days', sa.Integer(), nullable=False),
    sa.Column('cutoff', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('runs', sa.Integer(), nullable=False),
    sa.Column('posts', sa.Integer(), nullable=False),
    sa.Column('findings', sa.Integer(), nullable=False),
    sa.Column('revisions', sa.Integer(), nullable=False),
    sa.Column('captures', sa.Integer(), nullable=False),
    sa.Column('attachments', sa.Integer(), nullable=False),
    sa.Column('personas', sa.Integer(), nullable=False),
    sa.Column('notes', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_purge_records_organisation_id_organisations')),
    sa.ForeignKeyConstraint(['performed_by_id'], ['users.id'], name=op.f('fk_purge_records_performed_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_purge_records'))
    )
    with op.batch_alter_table('purge_records', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_purge_records_organisation_id'), ['organisation_id'], unique=False)

    op.create_table('purged_runs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('run_id', sa.Integer(), nullable=False),
    sa.Column('purge_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['purge_id'], ['purge_records.id'], name=op.f('fk_purged_runs_purge_id_purge_records')),
    sa.ForeignKeyConstraint(['run_id'], ['runs.id'], name=op.f('fk_purged_runs_run_id_runs')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_purged_runs')),
    sa.UniqueConstraint('run_id', name=op.f('uq_purged_runs_run_id'))
    )
    with op.batch_alter_table('purged_runs', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_purged_runs_purge_id'), ['purge_id'], unique=False)

    op.create_table('purged_counts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('purge_id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('cohort_id', sa.Integer(), nullable=True),
    sa.Column('live_session_id', sa.Integer(), nullable=True),
    sa.Column('scenario_id', sa.String(length=60), nullable=False),
    sa.Column('scenario_title', sa.String(length=200), nullable=False),
    sa.Column('platform', sa.String(length=20), nullable=False),
    sa.Column('label', sa.String(length=20), nullable=False),
    sa.Column('runs', sa.Integer(), nullable=False),
    sa.Column('runs_with_phi', sa.Integer(), nullable=False),
    sa.Column('posts', sa.Integer(), nullable=False),
    sa.Column('overridden_posts', sa.Integer(), nullable=False),
    sa.Column('findings', sa.Integer(), nullable=False),
    sa.Column('overridden_findings', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['cohort_id'], ['cohorts.id'], name=op.f('fk_purged_counts_cohort_id_cohorts')),
    sa.ForeignKeyConstraint(['live_session_id'], ['live_sessions.id'], name=op.f('fk_purged_counts_live_session_id_live_sessions')),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_purged_counts_organisation_id_organisations')),
    sa.ForeignKeyConstraint(['purge_id'], ['purge_records.id'], name=op.f('fk_purged_counts_purge_id_purge_records')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_purged_counts'))
    )
    with op.batch_alter_table('purged_counts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_purged_counts_cohort_id'), ['cohort_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_purged_counts_live_session_id'), ['live_session_id'], unique=False)
        batch_op.create_index('ix_purged_counts_org_scenario', ['organisation_id', 'scenario_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_purged_counts_purge_id'), ['purge_id'], unique=False)


def downgrade():
    with op.batch_alter_table('purged_counts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_purged_counts_purge_id'))
        batch_op.drop_index('ix_purged_counts_org_scenario')
        batch_op.drop_index(batch_op.f('ix_purged_counts_live_session_id'))
        batch_op.drop_index(batch_op.f('ix_purged_counts_cohort_id'))
    op.drop_table('purged_counts')
    with op.batch_alter_table('purged_runs', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_purged_runs_purge_id'))
    op.drop_table('purged_runs')
    with op.batch_alter_table('purge_records', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_purge_records_organisation_id'))
    op.drop_table('purge_records')

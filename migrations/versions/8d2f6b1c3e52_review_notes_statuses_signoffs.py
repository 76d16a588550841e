"""review notes statuses signoffs

Revision ID: 8d2f6b1c3e52
Revises: 7c1e5a0b2d41
Create Date: 2026-11-24 14:40:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '8d2f6b1c3e52'
down_revision = '7c1e5a0b2d41'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('review_notes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('run_id', sa.Integer(), nullable=False),
    sa.Column('post_id', sa.Integer(), nullable=True),
    sa.Column('author_id', sa.Integer(), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('supersedes_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['author_id'], ['users.id'], name=op.f('fk_review_notes_author_id_users')),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_review_notes_organisation_id_organisations')),
    sa.ForeignKeyConstraint(['post_id'], ['posts.id'], name=op.f('fk_review_notes_post_id_posts')),
    sa.ForeignKeyConstraint(['run_id'], ['runs.id'], name=op.f('fk_review_notes_run_id_runs')),
    sa.ForeignKeyConstraint(['supersedes_id'], ['review_notes.id'], name=op.f('fk_review_notes_supersedes_id_review_notes')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_review_notes')),
    sa.UniqueConstraint('supersedes_id', name=op.f('uq_review_notes_supersedes_id'))
    )
    with op.batch_alter_table('review_notes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_review_notes_run_id'), ['run_id'], unique=False)

    op.create_table('run_reviews',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('run_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('updated_by_id', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_run_reviews_organisation_id_organisations')),
    sa.ForeignKeyConstraint(['run_id'], ['runs.id'], name=op.f('fk_run_reviews_run_id_runs')),
    sa.ForeignKeyConstraint(['updated_by_id'], ['users.id'], name=op.f('fk_run_reviews_updated_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_run_reviews')),
    sa.UniqueConstraint('run_id', name=op.f('uq_run_reviews_run_id'))
    )
    op.create_table('cohort_signoffs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('cohort_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['cohort_id'], ['cohorts.id'], name=op.f('fk_cohort_signoffs_cohort_id_cohorts')),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_cohort_signoffs_organisation_id_organisations')),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_cohort_signoffs_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cohort_signoffs'))
    )
    with op.batch_alter_table('cohort_signoffs', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_cohort_signoffs_cohort_id'), ['cohort_id'], unique=False)


def downgrade():
    with op.batch_alter_table('cohort_signoffs', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_cohort_signoffs_cohort_id'))

    op.drop_table('cohort_signoffs')
    op.drop_table('run_reviews')
    with op.batch_alter_table('review_notes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_review_notes_run_id'))

    op.drop_table('review_notes')

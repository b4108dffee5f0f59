"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

import db.types

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table('audit_entries',
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('at', db.types.UTCDateTime(), nullable=False),
    sa.Column('user_id', sa.String(length=36), nullable=True),
    sa.Column('action', sa.String(length=16), nullable=False),
    sa.Column('table_name', sa.String(length=32), nullable=True),
    sa.Column('row_id', sa.String(length=36), nullable=True),
    sa.Column('detail', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('prev_hash', sa.String(length=64), nullable=False),
    sa.Column('entry_hash', sa.String(length=64), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('server_seq', sa.BigInteger(), nullable=True),
    sa.Column('deleted_at', db.types.UTCDateTime(), nullable=True),
    sa.Column('updated_at', db.types.UTCDateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=36), nullable=True),
    sa.Column('device_id', sa.String(length=64), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_entries')),
    sa.UniqueConstraint('device_id', 'seq', name=op.f('uq_audit_entries_device_id_seq'))
    )
    with op.batch_alter_table('audit_entries', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_entries_seq'), ['seq'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_entries_server_seq'), ['server_seq'], unique=False)

    op.create_table('local_state',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_local_state'))
    )
    op.create_table('org_units',
    sa.Column('parent_id', sa.String(length=36), nullable=True),
    sa.Column('kind', sa.String(length=24), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('address', sa.String(length=200), nullable=True),
    sa.Column('phone', sa.String(length=32), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('server_seq', sa.BigInteger(), nullable=True),
    sa.Column('deleted_at', db.types.UTCDateTime(), nullable=True),
    sa.Column('updated_at', db.types.UTCDateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=36), nullable=True),
    sa.Column('device_id', sa.String(length=64), nullable=True),
    sa.ForeignKeyConstraint(['parent_id'], ['org_units.id'], name=op.f('fk_org_units_parent_id_org_units')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_org_units')),
    sa.UniqueConstraint('code', name=op.f('uq_org_units_code'))
    )
    with op.batch_alter_table('org_units', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_org_units_parent_id'), ['parent_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_org_units_server_seq'), ['server_seq'], unique=False)

    op.create_table('outbox',
    sa.Column('seq', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('mutation_id', sa.String(length=36), nullable=False),
    sa.Column('table_name', sa.String(length=32), nullable=False),
    sa.Column('row_id', sa.String(length=36), nullable=False),
    sa.Column('op', sa.String(length=8), nullable=False),
    sa.Column('base_version', sa.Integer(), nullable=False),
    sa.Column('changes', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('user_id', sa.String(length=36), nullable=True),
    sa.Column('device_id', sa.String(length=64), nullable=False),
    sa.Column('schema_version', sa.String(length=32), nullable=False),
    sa.Column('created_at', db.types.UTCDateTime(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('server_reason', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('seq', name=op.f('pk_outbox')),
    sa.UniqueConstraint('mutation_id', name=op.f('uq_outbox_mutation_id'))
    )
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_outbox_row_id'), ['row_id'], unique=False)

    op.create_table('users',
    sa.Column('username', sa.String(length=64), nullable=False),
    sa.Column('display_name', sa.String(length=64), nullable=False),
    sa.Column('role', sa.String(length=24), nullable=False),
    sa.Column('org_unit_id', sa.String(length=36), nullable=False),
    sa.Column('phone', sa.String(length=32), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('server_seq', sa.BigInteger(), nullable=True),
    sa.Column('deleted_at', db.types.UTCDateTime(), nullable=True),
    sa.Column('updated_at', db.types.UTCDateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=36), nullable=True),
    sa.Column('device_id', sa.String(length=64), nullable=True),
    sa.ForeignKeyConstraint(['org_unit_id'], ['org_units.id'], name=op.f('fk_users_org_unit_id_org_units')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_users')),
    sa.UniqueConstraint('username', name=op.f('uq_users_username'))
    )
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_users_org_unit_id'), ['org_unit_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_users_server_seq'), ['server_seq'], unique=False)

    op.create_table('patients',
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('name_pinyin', sa.String(length=128), nullable=False),
    sa.Column('name_initials', sa.String(length=16), nullable=False),
    sa.Column('sex', sa.String(length=1), nullable=False),
    sa.Column('birth_date', sa.Date(), nullable=False),
    sa.Column('id_number', sa.String(length=18), nullable=True),
    sa.Column('phone', sa.String(length=20), nullable=True),
    sa.Column('address', sa.String(length=200), nullable=True),
    sa.Column('community_id', sa.String(length=36), nullable=True),
    sa.Column('family_doctor_id', sa.String(length=36), nullable=True),
    sa.Column('contract_signed', sa.Boolean(), nullable=False),
    sa.Column('smoking_pack_years', sa.Float(), nullable=True),
    sa.Column('family_history', sa.Text(), nullable=True),
    sa.Column('occupational_exposure', sa.Text(), nullable=True),
    sa.Column('warning_flags', sa.Text(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('server_seq', sa.BigInteger(), nullable=True),
    sa.Column('deleted_at', db.types.UTCDateTime(), nullable=True),
    sa.Column('updated_at', db.types.UTCDateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=36), nullable=True),
    sa.Column('device_id', sa.String(length=64), nullable=True),
    sa.ForeignKeyConstraint(['community_id'], ['org_units.id'], name=op.f('fk_patients_community_id_org_units')),
    sa.ForeignKeyConstraint(['family_doctor_id'], ['users.id'], name=op.f('fk_patients_family_doctor_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_patients'))
    )
    with op.batch_alter_table('patients', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_patients_community_id'), ['community_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_patients_id_number'), ['id_number'], unique=False)
        batch_op.create_index(batch_op.f('ix_patients_name_initials'), ['name_initials'], unique=False)
        batch_op.create_index(batch_op.f('ix_patients_name_pinyin'), ['name_pinyin'], unique=False)
        batch_op.create_index(batch_op.f('ix_patients_server_seq'), ['server_seq'], unique=False)

    op.create_table('cases',
    sa.Column('patient_id', sa.String(length=36), nullable=False),
    sa.Column('cancer_type', sa.String(length=24), nullable=False),
    sa.Column('stage', sa.String(length=16), nullable=False),
    sa.Column('risk_level', sa.String(length=8), nullable=False),
    sa.Column('station_id', sa.String(length=36), nullable=True),
    sa.Column('clinic_cm_id', sa.String(length=36), nullable=True),
    sa.Column('ward_cm_id', sa.String(length=36), nullable=True),
    sa.Column('community_cm_id', sa.String(length=36), nullable=True),
    sa.Column('next_action', sa.String(length=200), nullable=True),
    sa.Column('due_date', sa.Date(), nullable=True),
    sa.Column('last_contact_at', db.types.UTCDateTime(), nullable=True),
    sa.Column('opened_at', db.types.UTCDateTime(), nullable=False),
    sa.Column('closed_at', db.types.UTCDateTime(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('server_seq', sa.BigInteger(), nullable=True),
    sa.Column('deleted_at', db.types.UTCDateTime(), nullable=True),
    sa.Column('updated_at', db.types.UTCDateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=36), nullable=True),
    sa.Column('device_id', sa.String(length=64), nullable=True),
    sa.ForeignKeyConstraint(['clinic_cm_id'], ['users.id'], name=op.f('fk_cases_clinic_cm_id_users')),
    sa.ForeignKeyConstraint(['community_cm_id'], ['users.id'], name=op.f('fk_cases_community_cm_id_users')),
    sa.ForeignKeyConstraint(['patient_id'], ['patients.id'], name=op.f('fk_cases_patient_id_patients')),
    sa.ForeignKeyConstraint(['station_id'], ['org_units.id'], name=op.f('fk_cases_station_id_org_units')),
    sa.ForeignKeyConstraint(['ward_cm_id'], ['users.id'], name=op.f('fk_cases_ward_cm_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cases'))
    )
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_cases_cancer_type'), ['cancer_type'], unique=False)
        batch_op.create_index(batch_op.f('ix_cases_clinic_cm_id'), ['clinic_cm_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_cases_community_cm_id'), ['community_cm_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_cases_due_date'), ['due_date'], unique=False)
        batch_op.create_index('ix_cases_open_due', ['closed_at', 'due_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_cases_patient_id'), ['patient_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_cases_server_seq'), ['server_seq'], unique=False)
        batch_op.create_index(batch_op.f('ix_cases_stage'), ['stage'], unique=False)
        batch_op.create_index(batch_op.f('ix_cases_station_id'), ['station_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_cases_ward_cm_id'), ['ward_cm_id'], unique=False)

    op.create_table('letters',
    sa.Column('patient_id', sa.String(length=36), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('template_version', sa.String(length=32), nullable=False),
    sa.Column('printed_at', db.types.UTCDateTime(), nullable=False),
    sa.Column('printed_by', sa.String(length=36), nullable=True),
    sa.Column('reprint_reason', sa.Text(), nullable=True),
    sa.Column('fields', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('server_seq', sa.BigInteger(), nullable=True),
    sa.Column('deleted_at', db.types.UTCDateTime(), nullable=True),
    sa.Column('updated_at', db.types.UTCDateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=36), nullable=True),
    sa.Column('device_id', sa.String(length=64), nullable=True),
    sa.ForeignKeyConstraint(['patient_id'], ['patients.id'], name=op.f('fk_letters_patient_id_patients')),
    sa.ForeignKeyConstraint(['printed_by'], ['users.id'], name=op.f('fk_letters_printed_by_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_letters'))
    )
    with op.batch_alter_table('letters', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_letters_patient_id'), ['patient_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_letters_server_seq'), ['server_seq'], unique=False)

    op.create_table('screenings',
    sa.Column('patient_id', sa.String(length=36), nullable=False),
    sa.Column('programme', sa.String(length=32), nullable=False),
    sa.Column('screened_on', sa.Date(), nullable=False),
    sa.Column('result', sa.String(length=16), nullable=False),
    sa.Column('details', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=True),
    sa.Column('org_unit_id', sa.String(length=36), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('server_seq', sa.BigInteger(), nullable=True),
    sa.Column('deleted_at', db.types.UTCDateTime(), nullable=True),
    sa.Column('updated_at', db.types.UTCDateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=36), nullable=True),
    sa.Column('device_id', sa.String(length=64), nullable=True),
    sa.ForeignKeyConstraint(['org_unit_id'], ['org_units.id'], name=op.f('fk_screenings_org_unit_id_org_units')),
    sa.ForeignKeyConstraint(['patient_id'], ['patients.id'], name=op.f('fk_screenings_patient_id_patients')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_screenings'))
    )
    with op.batch_alter_table('screenings', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_screenings_patient_id'), ['patient_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_screenings_server_seq'), ['server_seq'], unique=False)

    op.create_table('followups',
    sa.Column('patient_id', sa.String(length=36), nullable=False),
    sa.Column('case_id', sa.String(length=36), nullable=True),
    sa.Column('due_date', sa.Date(), nullable=False),
    sa.Column('method', sa.String(length=16), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('assignee_id', sa.String(length=36), nullable=True),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('completed_at', db.types.UTCDateTime(), nullable=True),
    sa.Column('reached', sa.Boolean(), nullable=True),
    sa.Column('outcome', sa.String(length=32), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('rule_id', sa.String(length=64), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('server_seq', sa.BigInteger(), nullable=True),
    sa.Column('deleted_at', db.types.UTCDateTime(), nullable=True),
    sa.Column('updated_at', db.types.UTCDateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=36), nullable=True),
    sa.Column('device_id', sa.String(length=64), nullable=True),
    sa.ForeignKeyConstraint(['assignee_id'], ['users.id'], name=op.f('fk_followups_assignee_id_users')),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_followups_case_id_cases')),
    sa.ForeignKeyConstraint(['patient_id'], ['patients.id'], name=op.f('fk_followups_patient_id_patients')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_followups'))
    )
    with op.batch_alter_table('followups', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_followups_assignee_id'), ['assignee_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_followups_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_followups_patient_id'), ['patient_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_followups_server_seq'), ['server_seq'], unique=False)
        batch_op.create_index('ix_followups_status_due', ['status', 'due_date'], unique=False)

    op.create_table('mdt_requests',
    sa.Column('patient_id', sa.String(length=36), nullable=False),
    sa.Column('case_id', sa.String(length=36), nullable=True),
    sa.Column('question', sa.Text(), nullable=False),
    sa.Column('specialties', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('checklist', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('slot_at', db.types.UTCDateTime(), nullable=True),
    sa.Column('decision', sa.Text(), nullable=True),
    sa.Column('decided_at', db.types.UTCDateTime(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('server_seq', sa.BigInteger(), nullable=True),
    sa.Column('deleted_at', db.types.UTCDateTime(), nullable=True),
    sa.Column('updated_at', db.types.UTCDateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=36), nullable=True),
    sa.Column('device_id', sa.String(length=64), nullable=True),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_mdt_requests_case_id_cases')),
    sa.ForeignKeyConstraint(['patient_id'], ['patients.id'], name=op.f('fk_mdt_requests_patient_id_patients')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mdt_requests'))
    )
    with op.batch_alter_table('mdt_requests', schema=None) as batch_op:
        batch_op.create_index('ix_mdt_requests_case_state', ['case_id', 'state'], unique=False)
        batch_op.create_index(batch_op.f('ix_mdt_requests_patient_id'), ['patient_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_mdt_requests_server_seq'), ['server_seq'], unique=False)

    op.create_table('referrals',
    sa.Column('patient_id', sa.String(length=36), nullable=False),
    sa.Column('case_id', sa.String(length=36), nullable=True),
    sa.Column('direction', sa.String(length=8), nullable=False),
    sa.Column('green_channel', sa.Boolean(), nullable=False),
    sa.Column('urgency', sa.String(length=16), nullable=False),
    sa.Column('from_org_id', sa.String(length=36), nullable=False),
    sa.Column('to_org_id', sa.String(length=36), nullable=False),
    sa.Column('to_department', sa.String(length=64), nullable=True),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('question', sa.Text(), nullable=True),
    sa.Column('clinical_summary', sa.Text(), nullable=True),
    sa.Column('findings', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=True),
    sa.Column('requested_exams', sa.Text(), nullable=True),
    sa.Column('contact_person', sa.String(length=64), nullable=True),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('state_reason', sa.Text(), nullable=True),
    sa.Column('short_code', sa.String(length=12), nullable=False),
    sa.Column('sent_at', db.types.UTCDateTime(), nullable=True),
    sa.Column('scheduled_at', db.types.UTCDateTime(), nullable=True),
    sa.Column('scheduled_place', sa.String(length=120), nullable=True),
    sa.Column('closed_at', db.types.UTCDateTime(), nullable=True),
    sa.Column('breach_reason', sa.String(length=32), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('server_seq', sa.BigInteger(), nullable=True),
    sa.Column('deleted_at', db.types.UTCDateTime(), nullable=True),
    sa.Column('updated_at', db.types.UTCDateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=36), nullable=True),
    sa.Column('device_id', sa.String(length=64), nullable=True),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_referrals_case_id_cases')),
    sa.ForeignKeyConstraint(['from_org_id'], ['org_units.id'], name=op.f('fk_referrals_from_org_id_org_units')),
    sa.ForeignKeyConstraint(['patient_id'], ['patients.id'], name=op.f('fk_referrals_patient_id_patients')),
    sa.ForeignKeyConstraint(['to_org_id'], ['org_units.id'], name=op.f('fk_referrals_to_org_id_org_units')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_referrals')),
    sa.UniqueConstraint('short_code', name=op.f('uq_referrals_short_code'))
    )
    with op.batch_alter_table('referrals', schema=None) as batch_op:
        batch_op.create_index('ix_referrals_case_state', ['case_id', 'state'], unique=False)
        batch_op.create_index(batch_op.f('ix_referrals_patient_id'), ['patient_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_referrals_server_seq'), ['server_seq'], unique=False)

    op.create_table('timeline_events',
    sa.Column('patient_id', sa.String(length=36), nullable=False),
    sa.Column('case_id', sa.String(length=36), nullable=True),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('occurred_at', db.types.UTCDateTime(), nullable=False),
    sa.Column('org_unit_id', sa.String(length=36), nullable=True),
    sa.Column('author_id', sa.String(length=36), nullable=True),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('body', sa.Text(), nullable=True),
    sa.Column('data', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=True),
    sa.Column('ref_table', sa.String(length=32), nullable=True),
    sa.Column('ref_id', sa.String(length=36), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('server_seq', sa.BigInteger(), nullable=True),
    sa.Column('deleted_at', db.types.UTCDateTime(), nullable=True),
    sa.Column('updated_at', db.types.UTCDateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=36), nullable=True),
    sa.Column('device_id', sa.String(length=64), nullable=True),
    sa.ForeignKeyConstraint(['author_id'], ['users.id'], name=op.f('fk_timeline_events_author_id_users')),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_timeline_events_case_id_cases')),
    sa.ForeignKeyConstraint(['org_unit_id'], ['org_units.id'], name=op.f('fk_timeline_events_org_unit_id_org_units')),
    sa.ForeignKeyConstraint(['patient_id'], ['patients.id'], name=op.f('fk_timeline_events_patient_id_patients')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_timeline_events'))
    )
    with op.batch_alter_table('timeline_events', schema=None) as batch_op:
        batch_op.create_index('ix_timeline_events_patient_time', ['patient_id', 'occurred_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_timeline_events_server_seq'), ['server_seq'], unique=False)




def downgrade() -> None:

    with op.batch_alter_table('timeline_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_timeline_events_server_seq'))
        batch_op.drop_index('ix_timeline_events_patient_time')

    op.drop_table('timeline_events')
    with op.batch_alter_table('referrals', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_referrals_server_seq'))
        batch_op.drop_index(batch_op.f('ix_referrals_patient_id'))
        batch_op.drop_index('ix_referrals_case_state')

    op.drop_table('referrals')
    with op.batch_alter_table('mdt_requests', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_mdt_requests_server_seq'))
        batch_op.drop_index(batch_op.f('ix_mdt_requests_patient_id'))
        batch_op.drop_index('ix_mdt_requests_case_state')

    op.drop_table('mdt_requests')
    with op.batch_alter_table('followups', schema=None) as batch_op:
        batch_op.drop_index('ix_followups_status_due')
        batch_op.drop_index(batch_op.f('ix_followups_server_seq'))
        batch_op.drop_index(batch_op.f('ix_followups_patient_id'))
        batch_op.drop_index(batch_op.f('ix_followups_case_id'))
        batch_op.drop_index(batch_op.f('ix_followups_assignee_id'))

    op.drop_table('followups')
    with op.batch_alter_table('screenings', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_screenings_server_seq'))
        batch_op.drop_index(batch_op.f('ix_screenings_patient_id'))

    op.drop_table('screenings')
    with op.batch_alter_table('letters', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_letters_server_seq'))
        batch_op.drop_index(batch_op.f('ix_letters_patient_id'))

    op.drop_table('letters')
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_cases_ward_cm_id'))
        batch_op.drop_index(batch_op.f('ix_cases_station_id'))
        batch_op.drop_index(batch_op.f('ix_cases_stage'))
        batch_op.drop_index(batch_op.f('ix_cases_server_seq'))
        batch_op.drop_index(batch_op.f('ix_cases_patient_id'))
        batch_op.drop_index('ix_cases_open_due')
        batch_op.drop_index(batch_op.f('ix_cases_due_date'))
        batch_op.drop_index(batch_op.f('ix_cases_community_cm_id'))
        batch_op.drop_index(batch_op.f('ix_cases_clinic_cm_id'))
        batch_op.drop_index(batch_op.f('ix_cases_cancer_type'))

    op.drop_table('cases')
    with op.batch_alter_table('patients', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_patients_server_seq'))
        batch_op.drop_index(batch_op.f('ix_patients_name_pinyin'))
        batch_op.drop_index(batch_op.f('ix_patients_name_initials'))
        batch_op.drop_index(batch_op.f('ix_patients_id_number'))
        batch_op.drop_index(batch_op.f('ix_patients_community_id'))

    op.drop_table('patients')
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_users_server_seq'))
        batch_op.drop_index(batch_op.f('ix_users_org_unit_id'))

    op.drop_table('users')
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_outbox_row_id'))

    op.drop_table('outbox')
    with op.batch_alter_table('org_units', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_org_units_server_seq'))
        batch_op.drop_index(batch_op.f('ix_org_units_parent_id'))

    op.drop_table('org_units')
    op.drop_table('local_state')
    with op.batch_alter_table('audit_entries', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_entries_server_seq'))
        batch_op.drop_index(batch_op.f('ix_audit_entries_seq'))

    op.drop_table('audit_entries')


"""All models, importable from one place so Alembic sees the whole metadata."""
from typing import Any

from db.models.audit import AuditEntry
from db.models.base import Base
from db.models.base import Synced
from db.models.clinical import AttachmentContent
from db.models.clinical import Call
from db.models.clinical import Followup
from db.models.clinical import Letter
from db.models.clinical import MdtRequest
from db.models.clinical import Referral
from db.models.clinical import ReferralAttachment
from db.models.clinical import Screening
from db.models.clinical import Task
from db.models.clinical import TimelineEvent
from db.models.local import LocalState
from db.models.local import OutboxEntry
from db.models.org import OrgUnit
from db.models.org import User
from db.models.people import Case
from db.models.people import Patient
from db.models.screening_network import ExamSlot
from db.models.screening_network import Household
from db.models.screening_network import HouseholdMember
from db.models.screening_network import SlotBooking
from db.models.server import AppliedMutation
from db.models.server import AuthToken
from db.models.server import ChangeLog
from db.models.server import Credential
from db.models.server import Device
from db.models.server import DuplicateReview
from db.models.server import LoginThrottle
from db.models.server import PublishedFile
from db.models.server import SecurityEvent
from db.models.server import SeqCounter
from db.models.server import ServerMeta
from db.models.server import SyncConflict

# Tables that travel through sync, in an order that satisfies foreign keys.
# type[Any]: looked up by table name, each with columns of its own (patient_id, …).
SYNCED_MODELS: tuple[type[Any], ...] = (
    OrgUnit, User, Patient, Case, TimelineEvent, Followup, Referral, ReferralAttachment, MdtRequest,
    Screening, Letter, Task, Call, Household, HouseholdMember, ExamSlot, SlotBooking, AuditEntry,
)
MODEL_BY_TABLE: dict[str, type[Any]] = {m.__tablename__: m for m in SYNCED_MODELS}
LOCAL_ONLY_TABLES = (OutboxEntry.__tablename__, LocalState.__tablename__)

__all__ = [
    "AppliedMutation", "AuthToken", "ChangeLog", "Credential", "Device", "DuplicateReview", "LoginThrottle", "PublishedFile", "SecurityEvent", "SeqCounter", "ServerMeta", "SyncConflict",
    "AttachmentContent", "AuditEntry", "Base", "Call", "ExamSlot", "Household", "HouseholdMember", "SlotBooking", "Case", "Followup", "Letter", "LocalState", "MdtRequest",
    "MODEL_BY_TABLE", "OrgUnit", "OutboxEntry", "Patient", "Referral", "ReferralAttachment", "Screening",
    "SYNCED_MODELS", "Synced", "Task", "TimelineEvent", "User",
]

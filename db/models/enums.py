"""Vocabularies stored as short codes; labels for people live in app/ and ui/."""
from __future__ import annotations

import enum


class StrEnum(str, enum.Enum):
    def __str__(self) -> str:
        return self.value


class OrgKind(StrEnum):
    CENTRE = "centre"
    SUB_CENTRE = "sub_centre"
    STREET_STATION = "street_station"
    COMMUNITY_POINT = "community_point"
    PARTNER_HOSPITAL = "partner_hospital"


class Role(StrEnum):
    CLINIC_CM = "clinic_cm"        # 一体化门诊个案管理师
    WARD_CM = "ward_cm"            # 专病个案管理师
    COMMUNITY_CM = "community_cm"  # 属地个案管理师
    FAMILY_DOCTOR = "family_doctor"
    ADMIN = "admin"


class Stage(StrEnum):
    """防 筛 诊 治 康 帮, in pathway order."""

    PREVENT = "prevent"
    SCREEN = "screen"
    DIAGNOSE = "diagnose"
    TREAT = "treat"
    REHAB = "rehab"
    SUPPORT = "support"


class CancerType(StrEnum):
    LUNG = "lung"
    COLORECTAL = "colorectal"
    BREAST = "breast"
    CERVICAL = "cervical"
    STOMACH = "stomach"
    LIVER = "liver"
    OESOPHAGUS = "oesophagus"
    PROSTATE = "prostate"
    THYROID = "thyroid"
    NASOPHARYNX = "nasopharynx"


class EventKind(StrEnum):
    SCREENING = "screening"
    REFERRAL = "referral"
    EXAM = "exam"
    MDT = "mdt"
    TREATMENT = "treatment"
    FOLLOWUP = "followup"
    LETTER = "letter"
    NOTE = "note"
    CALL = "call"
    STAGE = "stage"


class FollowupStatus(StrEnum):
    PLANNED = "planned"
    DONE = "done"
    MISSED = "missed"
    CANCELLED = "cancelled"


class ReferralDirection(StrEnum):
    UP = "up"      # 上转: community → hospital
    DOWN = "down"  # 下转: hospital → community


class ReferralState(StrEnum):
    DRAFT = "draft"
    SENT = "sent"
    RECEIVED = "received"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    SCHEDULED = "scheduled"
    SEEN = "seen"
    CLOSED = "closed"
    CANCELLED = "cancelled"


OPEN_REFERRAL_STATES = (
    ReferralState.DRAFT, ReferralState.SENT, ReferralState.RECEIVED,
    ReferralState.ACCEPTED, ReferralState.SCHEDULED, ReferralState.SEEN,
)


class MdtState(StrEnum):
    REQUESTED = "requested"
    READY = "ready"
    BOOKED = "booked"
    DECIDED = "decided"
    CANCELLED = "cancelled"


OPEN_MDT_STATES = (MdtState.REQUESTED, MdtState.READY, MdtState.BOOKED)


class RiskLevel(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"

"""Referral problems (app/rulebook/referrals.py, app/referrals/service.py)."""
from __future__ import annotations

ENGLISH = {
    "referral.reason_required": "Give the reason for the referral.",
    "referral.not_a_draft": "Only a draft can be edited; this referral is {state}.",
    "referral.choose_org": "Choose the {field_name}.",
    "referral.unknown_org": "{field_name}: not an organisation of the network directory on this computer.",
    "referral.same_org": "The receiving organisation is the sending organisation.",
    "referral.direction_level": "The receiving organisation does not fit a {direction}: an up-referral goes to a "
                                "higher level (a hospital), a down-referral to a community site.",
    "referral.green_channel_up_only": "The green channel is for up-referrals only.",
    "referral.too_many_findings": "At most {max} findings can be attached.",
    "referral.finding_not_on_timeline": "An attached finding is not on this patient's timeline.",
    "referral.starts_as_draft": "A new referral starts as a draft, not {state}.",
    "referral.state_reason_required": "Say why (needed to {action} a referral).",
    "referral.breach_reason_required": "More than 24 hours have passed since it was sent: choose a reason for the delay.",
    "referral.unknown_action": "Unknown referral step: {action}.",
    "referral.final": "This referral is {state}: it cannot {action} any more.",
    "referral.step_first": "Cannot {action} a referral that is {state}: first {first}.",
    "referral.step_order": "Cannot {action} a referral that is {state}. Possible now: {allowed}.",
    "referral.not_your_side": "Only the {side} organisation may {action} this referral, and yours is not it.",
    "referral.not_your_contracted_patient": "A family doctor may {action} referrals only for his or her own "
                                            "contracted patients.",
    "referral.appointment_in_past": "The appointment time is in the past.",
    "referral.within_24h": "This referral is within its 24 hours: no reason for a delay is needed.",
}

TERM_PARAMS = {
    "referral:state": "referral_state",
    "referral:action": "referral_action",
    "referral:first": "referral_action",
    "referral:allowed": "referral_action",
    "referral:side": "referral_side",
    "referral:direction": "referral_direction",
}

TERMS = {
    "referral_state.draft": "a draft",
    "referral_state.sent": "sent",
    "referral_state.received": "received",
    "referral_state.accepted": "accepted",
    "referral_state.rejected": "rejected",
    "referral_state.scheduled": "scheduled",
    "referral_state.seen": "seen",
    "referral_state.closed": "closed",
    "referral_state.cancelled": "cancelled",
    "referral_action.draft": "draft",
    "referral_action.edit": "edit",
    "referral_action.send": "send",
    "referral_action.receive": "receive",
    "referral_action.accept": "accept",
    "referral_action.reject": "reject",
    "referral_action.schedule": "schedule",
    "referral_action.seen": "register the visit of",
    "referral_action.close": "close",
    "referral_action.cancel": "cancel",
    "referral_side.from": "sending",
    "referral_side.to": "receiving",
    "referral_direction.up": "up-referral",
    "referral_direction.down": "down-referral",
}

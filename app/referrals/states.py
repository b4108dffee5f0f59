"""The referral's life: which step may follow which, and why a step is refused.

    draft → sent → received → accepted | rejected → scheduled → seen → closed
    cancelled (with a reason) from any open state

The table is the whole rule: the service asks `refusal()` before it writes anything, and
the UI asks `actions()` to know which buttons to offer, so both say the same thing.
"""
from __future__ import annotations

from db.models.enums import OPEN_REFERRAL_STATES
from db.models.enums import ReferralState as S

OPEN = tuple(s.value for s in OPEN_REFERRAL_STATES)
# The 24-hour clock runs while the receiving site has not yet given a date.
CLOCK_RUNNING = (S.SENT.value, S.RECEIVED.value, S.ACCEPTED.value)
FINAL = (S.REJECTED.value, S.CLOSED.value, S.CANCELLED.value)

# action -> (states it may start from, state it leads to)
ACTIONS: dict[str, tuple[tuple[str, ...], str]] = {
    "send": ((S.DRAFT.value,), S.SENT.value),
    "receive": ((S.SENT.value,), S.RECEIVED.value),
    "accept": ((S.RECEIVED.value,), S.ACCEPTED.value),
    "reject": ((S.RECEIVED.value,), S.REJECTED.value),
    "schedule": ((S.ACCEPTED.value, S.SCHEDULED.value), S.SCHEDULED.value),  # again = 改约
    "seen": ((S.SCHEDULED.value,), S.SEEN.value),
    "close": ((S.SEEN.value,), S.CLOSED.value),
    "cancel": (OPEN, S.CANCELLED.value),
}
# Which side of the referral acts: the sending site drafts, sends, closes the loop and may
# cancel; the receiving site receives, decides and gives the appointment.
SIDE = {"send": "from", "cancel": "from", "close": "from", "receive": "to", "accept": "to",
        "reject": "to", "schedule": "to", "seen": "to"}

STATE_ZH = {"draft": "草稿", "sent": "已发送", "received": "已接收", "accepted": "已接受",
            "rejected": "已拒绝", "scheduled": "已预约", "seen": "已就诊", "closed": "已关闭",
            "cancelled": "已取消"}
ACTION_ZH = {"send": "发送", "receive": "接收", "accept": "接受", "reject": "拒绝", "schedule": "预约",
             "seen": "登记就诊", "close": "关闭", "cancel": "取消"}
# What has to happen first, for the refusals people meet most.
_FIRST = {
    ("draft", "receive"): "转诊单尚未发送 / it has not been sent yet",
    ("sent", "accept"): "请先接收转诊单 / receive it first",
    ("sent", "schedule"): "接诊机构尚未接收 / the receiving site has not received it yet",
    ("received", "schedule"): "请先接受转诊 / accept it first",
    ("accepted", "seen"): "尚未预约就诊 / no appointment has been given",
    ("scheduled", "close"): "患者尚未就诊 / the patient has not been seen yet",
}


def actions(state: str) -> list[str]:
    """The actions allowed from `state`, in the order a person takes them."""
    return [a for a, (sources, _) in ACTIONS.items() if state in sources]


def target(action: str) -> str:
    return ACTIONS[action][1]


def refusal(state: str, action: str) -> str | None:
    """None when `action` is allowed from `state`, else the reason, in words for people."""
    if action not in ACTIONS:
        return f"未知操作 {action!r} / unknown action"
    if state in ACTIONS[action][0]:
        return None
    now = STATE_ZH.get(state, state)
    if state in FINAL:
        return f"转诊单已{now[1:]}，不能再{ACTION_ZH[action]} / a {state} referral cannot change any more"
    why = _FIRST.get((state, action))
    allowed = "、".join(ACTION_ZH[a] for a in actions(state)) or "无"
    head = f"转诊单当前为「{now}」，不能{ACTION_ZH[action]}"
    tail = f"：{why}" if why else f"；现在可以：{allowed}"
    return f"{head}{tail} / cannot {action} a {state} referral"

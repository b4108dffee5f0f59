"""A reminder never invites a patient to a closed clinic.

A clinic visit (门诊复诊) planned on a weekend or holiday — by hand before the rule book
refused it, or synced from an older desktop — prints on the next working day (the holiday
calendar knows 调休), and the follow-up itself moves with the letter when the batch is
recorded, so the patient's letter and the case manager's calendar say the same day. Calls
and home visits print as planned: the station works them any day.
"""
from __future__ import annotations

from dataclasses import dataclass

from app.followups import Placement
from app.followups import move_followup
from app.followups import place
from app.letters.gather import LetterData
from app.letters.kinds import WEEKDAYS
from app.letters.kinds import chinese_date
from app.problems import Problem
from db.models import Followup

# Only letters that invite the patient to come: a missed follow-up's date is already past.
SHIFTED_KINDS = ("followup_reminder",)


@dataclass(frozen=True)
class Moved:
    patient_id: str
    patient_name: str
    ref_id: str  # the follow-up
    placement: Placement

    @property
    def problem(self) -> Problem:
        """schedule.letter_moved: "王芳：2026-12-06（周日）→ 2026-12-07（周一）（门诊只在工作日）"."""
        p = self.placement
        return Problem("schedule.letter_moved", None, {
            "name": self.patient_name, "asked": p.asked.isoformat(), "asked_weekday": p.asked.weekday(),
            "to": p.date.isoformat(), "to_weekday": p.date.weekday()})


def to_working_days(letters: list[LetterData], calendar) -> list[Moved]:
    """Print each clinic visit of these letters on a working day; what moved, for the person."""
    moved: list[Moved] = []
    for data in letters:
        if data.kind.code not in SHIFTED_KINDS or data.method != "clinic":
            continue
        placement = place(calendar, "clinic", data.moved_from or data.on)
        if not placement.moved:
            continue
        data.moved_from, data.on = placement.asked, placement.date
        data.fields["due_date"] = chinese_date(placement.date)
        data.fields["due_weekday"] = WEEKDAYS[placement.date.weekday()]
        moved.append(Moved(data.patient_id, data.patient_name, data.ref_id, placement))
    return moved


def move_records(tx, printed) -> int:
    """In the batch's own transaction: each printed letter's follow-up to the printed day."""
    n = 0
    for ready in printed:
        data = ready.data
        if data.moved_from is None or data.ref_table != "followups":
            continue
        f = tx.session.get(Followup, data.ref_id)
        if f is None or f.deleted_at is not None or f.due_date != data.moved_from:
            continue  # changed since the batch was prepared: the record's own date stands
        move_followup(tx, f, data.on, "schedule.timeline_moved_letter", "",
                      asked=data.moved_from.isoformat(), asked_weekday=data.moved_from.weekday())
        n += 1
    return n


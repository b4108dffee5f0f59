"""Follow-ups as an iCalendar file (RFC 5545) for the calendar on a phone or desktop.

All-day events (VALUE=DATE), one per open follow-up, with a UID that stays the same for
the same follow-up so re-importing updates rather than duplicates. Lines end in CRLF and
fold at 75 octets without splitting a UTF-8 character. A calendar app is outside our
control, so events carry the least a person needs: a masked name, the method and the
cancer; the full record stays in CaseDesk. Every export is audited.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import or_
from sqlalchemy import select

from app import __version__
from app import clock
from app.pathway.queries import MISSED
from app.pathway.queries import PLANNED
from app.problems import refuse
from db.models import Case
from db.models import Followup
from db.models import OrgUnit
from db.models import Patient
from db.models import User

if TYPE_CHECKING:
    from app.profile import Profile

LINE_OCTETS = 75
CANCER_ZH = {"lung": "肺癌", "colorectal": "结直肠癌", "breast": "乳腺癌", "cervical": "宫颈癌",
             "stomach": "胃癌", "liver": "肝癌", "oesophagus": "食管癌", "prostate": "前列腺癌",
             "thyroid": "甲状腺癌", "nasopharynx": "鼻咽癌"}
METHOD_ZH = {"phone": "电话随访", "clinic": "门诊随访", "home": "上门随访"}


def escape_text(value: str) -> str:
    """TEXT values: backslash, semicolon, comma and newlines escaped (RFC 5545 3.3.11)."""
    return (value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n"))


def fold(line: str) -> str:
    """Split a content line into ≤75-octet pieces on character boundaries (CRLF + space)."""
    pieces: list[str] = []
    current: list[str] = []
    size = 0
    for ch in line:
        n = len(ch.encode("utf-8"))
        limit = LINE_OCTETS if not pieces else LINE_OCTETS - 1  # continuation starts with a space
        if size + n > limit:
            pieces.append("".join(current))
            current, size = [], 0
        current.append(ch)
        size += n
    pieces.append("".join(current))
    return "\r\n ".join(pieces)


def mask_name(name: str) -> str:
    return name[:1] + "*" * max(len(name) - 1, 1) if name else "*"


def _stamp(at: dt.datetime) -> str:
    if at.tzinfo is None:
        at = at.replace(tzinfo=dt.timezone.utc)
    return at.astimezone(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")


def resolve_scope(session, user: str | None, station: str | None) -> tuple[str | None, str | None, str]:
    """--user accepts a username or id, --station a code or id; returns ids and a label."""
    if user:
        row = session.execute(select(User.id, User.display_name).where(or_(User.username == user, User.id == user))).first()
        if row is None:
            raise refuse("calendar.no_user", "user", given=user)
        return row[0], None, row[1]
    if station:
        row = session.execute(select(OrgUnit.id, OrgUnit.name).where(or_(OrgUnit.code == station, OrgUnit.id == station))).first()
        if row is None:
            raise refuse("calendar.no_station", "station", given=station)
        return None, row[0], row[1]
    return None, None, "全部"


def calendar_text(sessions, user: str | None = None, station: str | None = None) -> tuple[str, int]:
    """The .ics text for a user's or a station's open follow-ups, and how many events."""
    stamp = _stamp(clock.now())
    with sessions() as s:
        user_id, station_id, label = resolve_scope(s, user, station)
        q = (select(Followup, Patient.name, Case.cancer_type)
             .join(Patient, Patient.id == Followup.patient_id)
             .outerjoin(Case, Case.id == Followup.case_id)
             .where(Followup.status.in_((PLANNED, MISSED)), Followup.deleted_at.is_(None))
             .order_by(Followup.due_date, Followup.id))
        if user_id:
            q = q.where(Followup.assignee_id == user_id)
        if station_id:
            q = q.where(Case.station_id == station_id)
        lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:-//CaseDesk//Follow-ups {__version__}//ZH",
                 "CALSCALE:GREGORIAN", "METHOD:PUBLISH", f"X-WR-CALNAME:{escape_text('随访 · ' + label)}",
                 "X-WR-TIMEZONE:Asia/Shanghai"]
        n = 0
        for f, name, cancer in s.execute(q):
            n += 1
            what = METHOD_ZH.get(f.method, f.method)
            summary = f"{what}：{mask_name(name)}" + (f"（{CANCER_ZH.get(cancer, cancer)}）" if cancer else "")
            if f.status == MISSED:
                summary = "【主动追踪】" + summary
            description = "\n".join(x for x in (
                f"已尝试 {f.attempts} 次" if f.attempts else "", f"规则：{f.rule_id}" if f.rule_id else "",
                f.notes or "", "详情请在 CaseDesk 中查看") if x)
            lines += [
                "BEGIN:VEVENT", f"UID:followup-{f.id}@casedesk", f"DTSTAMP:{stamp}",
                f"DTSTART;VALUE=DATE:{f.due_date:%Y%m%d}",
                f"DTEND;VALUE=DATE:{f.due_date + dt.timedelta(days=1):%Y%m%d}",
                f"SUMMARY:{escape_text(summary)}", f"DESCRIPTION:{escape_text(description)}",
                f"LAST-MODIFIED:{_stamp(f.updated_at)}", f"SEQUENCE:{f.version or 0}",
                "TRANSP:TRANSPARENT", "STATUS:CONFIRMED", "END:VEVENT"]
        lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines), n


def export_followups(profile: Profile, out: Path, user: str | None = None, station: str | None = None) -> int:
    text, n = calendar_text(profile.sessions, user, station)
    Path(out).write_bytes(text.encode("utf-8"))
    profile.store.record_access("export", "followups", detail={"format": "ics", "events": n,
                                                               "user": user, "station": station},
                                note=str(out))
    return n

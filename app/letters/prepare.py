"""Before anything prints: fill each letter and find the ones that must not print, with why.

A letter is skipped, never printed wrong: no postal address, a character the font has no
glyph for (it would print as a blank box), a template field this record has no value for,
or already printed (unless a reprint reason is given). Skips are listed; the rest print.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from dataclasses import field
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select

from app import clock
from app.letters.fonts import describe_chars
from app.letters.fonts import metrics
from app.letters.gather import LetterData
from app.letters.gather import Scope
from app.letters.gather import gather
from app.letters.kinds import LetterKind
from app.letters.layout import Filled
from app.letters.templates import Piece
from app.letters.templates import Template
from app.letters.templates import load_template
from app.letters.working_days import Moved
from app.letters.working_days import to_working_days
from app.pathway import for_profile
from app.problems import Problem
from db.ids import uuid7
from db.models import Letter

if TYPE_CHECKING:
    from app.profile import Profile

# Why a letter did not print; the UI and CLI turn the code into words, `detail` adds the specifics.
NO_ADDRESS = "no_address"
MISSING_GLYPHS = "missing_glyphs"
TEMPLATE_FIELD = "template_field"
ALREADY_PRINTED = "already_printed"
REASONS = (NO_ADDRESS, MISSING_GLYPHS, TEMPLATE_FIELD, ALREADY_PRINTED)
PREFIX = {"screening_invitation": "SI", "appointment_notice": "AN", "followup_reminder": "FR",
          "referral_slip": "RS", "results_ready": "RR", "missed_followup": "MF"}


@dataclass(frozen=True)
class Skipped:
    patient_id: str
    patient_name: str
    reason: str  # one of REASONS
    detail: str = ""
    on: dt.date | None = None  # the letter's date (due date, appointment …)

    @property
    def problem(self) -> Problem:
        """For the CLI's list of skips (ui/problem_words: letters.skipped_<reason>)."""
        return Problem(f"letters.skipped_{self.reason}", None, {"name": self.patient_name, "detail": self.detail})


@dataclass
class Ready:
    data: LetterData
    filled: Filled
    letter_id: str
    number: str
    reprint: bool  # printed before: this print carries the reprint reason


@dataclass
class Prepared:
    kind: LetterKind
    template: Template
    ready: list[Ready]
    skipped: list[Skipped]
    reprint_reason: str | None
    moved: list[Moved] = field(default_factory=list)  # clinic visits printed on the next working day


def prepare(profile: Profile, kind: LetterKind, date_from: dt.date | None, date_to: dt.date | None,
            scope: Scope = Scope(), reprint_reason: str | None = None,
            patient_ids: set[str] | None = None, letters: list[LetterData] | None = None) -> Prepared:
    """Raises TemplateError for a broken template: then nothing of this kind can print."""
    template = load_template(kind, Path(profile.path) / "letters")
    letterhead = profile.settings.get("letters.letterhead")
    with profile.sessions() as session:
        if letters is None:
            letters = gather(session, kind, date_from, date_to, scope, letterhead)
        if patient_ids is not None:
            letters = [x for x in letters if x.patient_id in patient_ids]
        printed_before = _printed_before(session, kind, letters)
    moved = to_working_days(letters, for_profile(profile).calendar)
    reason = (reprint_reason or "").strip() or None
    ready, skipped = [], []
    for data in letters:
        earlier = printed_before.get((data.ref_table, data.ref_id))
        letter_id = uuid7()
        number = f"{PREFIX[kind.code]}-{clock.today():%Y%m%d}-{letter_id[-8:].upper()}"
        data.fields["number"] = number
        problem = _check(template, data)
        if problem is None and earlier is not None and reason is None:
            problem = (ALREADY_PRINTED, f"{earlier:%Y-%m-%d %H:%M}")
        if problem is not None:
            skipped.append(Skipped(data.patient_id, data.patient_name, *problem, on=data.on))
            continue
        ready.append(Ready(data, fill(template, data), letter_id, number, earlier is not None))
    printing = {r.data.ref_id for r in ready}
    return Prepared(kind, template, ready, skipped, reason, [m for m in moved if m.ref_id in printing])


def _check(template: Template, data: LetterData) -> tuple[str, str] | None:
    f = data.fields
    if not f.get("address"):
        return NO_ADDRESS, ""
    # What the page prints besides the template: recipient block and sender line.
    used = {"address", "patient_name", "letterhead", "station", "station_address"}.union(*(p.fields for p in template.pieces()))
    lacking = []
    for name in sorted(used):
        missing = metrics().missing(f.get(name) or "")
        if missing:
            lacking.append(f"{describe_chars(missing)}（{name}）")
    if lacking:
        return MISSING_GLYPHS, "；".join(lacking)
    for piece in template.pieces():
        for name in sorted(piece.fields):
            if f.get(name) is None:
                where = f"{template.path.name}:{piece.line}" if piece.line else template.path.name
                return TEMPLATE_FIELD, f"{{{name}}} ({where})"
    return None


def _printed_before(session, kind: LetterKind, letters: list[LetterData]) -> dict[tuple, dt.datetime]:
    """(ref_table, ref_id) -> when a letter of this kind was last printed for that record."""
    found: dict[tuple, dt.datetime] = {}
    ids = sorted({x.patient_id for x in letters})
    for i in range(0, len(ids), 500):
        rows = session.execute(select(Letter.fields, Letter.printed_at).where(
            Letter.kind == kind.code, Letter.patient_id.in_(ids[i:i + 500]), Letter.deleted_at.is_(None)))
        for fields, at in rows:
            key = ((fields or {}).get("ref_table"), (fields or {}).get("ref_id"))
            if key[1] and (key not in found or at > found[key]):
                found[key] = at
    return {k: v.astimezone() for k, v in found.items()}


def _text(piece: Piece, fields: dict) -> str:
    return piece.text.format_map(fields) if piece.fields else piece.text.replace("{{", "{").replace("}}", "}")


def fill(template: Template, data: LetterData) -> Filled:
    f = data.fields
    t = template.sections
    sender = " · ".join(x for x in (f.get("station"), f.get("station_address"),
                                    f"电话 {f['station_phone']}" if f.get("station_phone") else None) if x)
    name_line = f"{f['patient_name']} {f.get('honorific') or ''} 收".replace("  ", " ")
    address, print_date = f["address"], f["print_date"]
    assert address is not None and print_date is not None  # _check skips a letter without an address
    assert template.title is not None and template.salutation is not None  # parse_template sets both
    return Filled(
        letterhead=f.get("letterhead") or "", sender=sender, number=f.get("number") or "",
        print_date=print_date, recipient=(address, name_line),
        title=_text(template.title, f), salutation=_text(template.salutation, f),
        body=[_text(p, f) for p in t["body"]],
        details=[(p.label.replace("{{", "{").replace("}}", "}"), _text(p, f)) for p in t["details"]],
        closing=[_text(p, f) for p in t["closing"]],
        signature=[_text(p, f) for p in t["signature"]],
        note=[_text(p, f) for p in t["note"]],
        footer=f"{data.kind.label} · 模板 {template.version}",
        qr=(f.get("referral_code") or "") if data.kind.code == "referral_slip" else "",
    )

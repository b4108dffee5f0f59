"""Importing a screening list: read, map columns, validate every row, then write it all in
ONE transaction or nothing at all.

A file with any bad row imports nothing; the report names every bad line and why. The
person fixes the file, or excludes lines explicitly, and runs it again. Imported people
become patients with pinyin search keys, each with a screening-stage case per programme
the list names, and a "pushed for screening" timeline event (the dashboard's first step).
"""
from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select

from app import audit
from app import clock
from app.errors import CaseDeskError
from app.pathway import for_profile
from app.pinyin import name_keys
from app.screening.bulk import BulkInsert
from app.screening.context import Context
from app.screening.fields import auto_mapping
from app.screening.fields import missing_required
from app.screening.fields import source_key
from app.screening.reader import Cancelled
from app.screening.reader import Sheet
from app.screening.reader import read_list
from app.screening.validate import Decisions
from app.screening.validate import Person
from app.screening.validate import Report
from app.screening.validate import validate
from app.tasks import first_invitation_task
from db.models import Case
from db.models import Patient
from db.models.enums import EventKind
from db.models.enums import Stage

if TYPE_CHECKING:
    from app.profile import Profile

Progress = Callable[[int, int], None]


class MappingError(CaseDeskError):
    """The columns do not say who the people are (no name, or no ID and no birth date/sex)."""


@dataclass(frozen=True)
class ImportResult:
    import_id: str
    patients: int
    merged: int
    cases: int
    events: int
    excluded: int
    seconds: float


class ListImport:
    """One file on its way in. The dialog and the command line drive the same steps."""

    def __init__(self, profile: Profile, path: Path | str):
        self.profile = profile
        self.path = Path(path)
        self.sheet: Sheet | None = None
        self.mapping: dict[int, str] = {}
        self.mapping_remembered = False
        self._ctx: Context | None = None

    # -- reading and mapping ------------------------------------------------------
    def read(self, progress: Progress | None = None, should_stop=None) -> Sheet:
        self.sheet = read_list(self.path, progress, should_stop)
        saved = self.remembered_mapping()
        self.mapping_remembered = saved is not None
        self.mapping = saved if saved is not None else auto_mapping(self.sheet.headers)
        return self.sheet

    @property
    def _sheet(self) -> Sheet:
        """The sheet, once read() has read it (every later step needs it)."""
        assert self.sheet is not None, "read() comes first"
        return self.sheet

    @property
    def source_key(self) -> str:
        return source_key(self._sheet.headers)

    def remembered_mapping(self) -> dict[int, str] | None:
        raw = self.profile.get_local(self.source_key)
        if not raw:
            return None
        try:
            saved = json.loads(raw)
            return {int(i): k for i, k in saved["columns"].items() if int(i) < len(self._sheet.headers)}
        except (ValueError, KeyError, TypeError, AttributeError):
            return None  # a damaged entry: recognise the headers again

    def remember_mapping(self) -> None:
        """Kept in the profile's local state, per source (its header row)."""
        value = {"columns": {str(i): k for i, k in sorted(self.mapping.items())},
                 "headers": self._sheet.headers, "file": self.path.name}
        self.profile.set_local(self.source_key, json.dumps(value, ensure_ascii=False))
        self.mapping_remembered = True

    def set_mapping(self, mapping: dict[int, str]) -> None:
        seen: set[str] = set()
        for key in mapping.values():
            if key in seen:
                raise MappingError.coded("screening.mapping_twice", column=key)
            seen.add(key)
        self.mapping = dict(mapping)

    # -- validation -----------------------------------------------------------------
    def validate(self, decisions: Decisions = Decisions(), progress: Progress | None = None,
                 should_stop=None) -> Report:
        missing = missing_required(self.mapping)
        if missing:
            raise MappingError.coded("screening.mapping_missing", columns=missing)
        with self.profile.sessions() as s:
            self._ctx = Context.load(s, clock.today())
        return validate(self._sheet, self.mapping, self._ctx, decisions, progress, should_stop)

    # -- writing --------------------------------------------------------------------
    def commit(self, report: Report, progress: Progress | None = None, should_stop=None) -> ImportResult:
        """Write every good row in one transaction. Refuses a report with problems."""
        if not report.ok:
            raise CaseDeskError.coded("screening.bad_lines", count=len(report.bad_lines))
        if not report.people:  # every line excluded (or none): said so, and nothing written
            raise CaseDeskError.coded("screening.nothing_to_import", excluded=len(report.excluded))
        t0 = time.perf_counter()
        ctx, store = self._ctx, self.profile.store
        assert ctx is not None  # the report came from validate(), which loaded it
        today, pathway = clock.today(), for_profile(self.profile)
        actions = {}
        with store.write() as tx:
            bulk = BulkInsert(tx, store)
            import_id = bulk.new_id()
            merged = self._merge(tx, report.people)
            open_cases = self._open_cases(tx, [p.merge_into for p in report.people if p.merge_into])
            audit.append(tx.session, device_id=store.device_id, user_id=store.user_id, action="import",
                         table="patients", detail=self._summary(import_id, report))
            n_cases = 0
            for n, p in enumerate(report.people, start=1):
                pid = p.merge_into or bulk.add("patients", _patient_row(p))
                case_ids = []
                for cancer in p.programmes:
                    case_id = open_cases.get((pid, cancer))
                    if case_id is None:
                        if cancer not in actions:  # newly listed: invited within the window, not a repeat interval on
                            actions[cancer] = pathway.first_invitation(cancer, today)
                        due = actions[cancer]
                        cm = ctx.community_cm.get(p.station_id or "")
                        case_id = bulk.add("cases", {
                            "patient_id": pid, "cancer_type": cancer, "stage": Stage.SCREEN.value,
                            "risk_level": "medium", "station_id": p.station_id,
                            "community_cm_id": cm, "opened_at": bulk.now})
                        bulk.add("tasks", first_invitation_task(pid, case_id, cancer, due, cm))
                        n_cases += 1
                    case_ids.append(case_id)
                event_id = bulk.add("timeline_events", self._event(p, pid, case_ids, import_id, bulk.now))
                bulk.audit("patients", pid, {"op": "merge" if p.merge_into else "insert", "import_id": import_id,
                                             "line": p.line, "cases": case_ids, "timeline_events": [event_id]},
                           self._note(p))
                if should_stop and n % 1000 == 0 and should_stop():
                    raise Cancelled.coded("screening.cancelled_nothing_imported")

            def written(done, total):
                if should_stop and should_stop():
                    raise Cancelled.coded("screening.cancelled_nothing_imported")
                if progress:
                    progress(done, total)

            bulk.write(written)
        return ImportResult(import_id, len(report.people) - merged, merged, n_cases, len(report.people),
                            len(report.excluded), time.perf_counter() - t0)

    @staticmethod
    def _note(p: Person) -> str:
        """The audit note's code (ui/problem_templates/audit_note.py): the line and the import are
        in the entry's detail, the file in the import's summary."""
        return "audit_note.screening_import_merge" if p.merge_into else "audit_note.screening_import"

    def _summary(self, import_id: str, report: Report) -> dict:
        digest = hashlib.sha256(self.path.read_bytes()).hexdigest()
        return {"import_id": import_id, "file": self.path.name, "sha256": digest, "rows": report.rows,
                "imported": len(report.people), "excluded_lines": report.excluded,
                "merged": {str(p.line): p.merge_into for p in report.people if p.merge_into}}

    def _event(self, p: Person, pid, case_ids, import_id, now) -> dict:
        """One "pushed for screening" event per person, on the first programme's case."""
        return {"patient_id": pid, "case_id": case_ids[0] if case_ids else None, "kind": EventKind.SCREENING.value,
                "occurred_at": now, "org_unit_id": p.community_id or p.station_id,
                "author_id": self.profile.store.user_id, "title": "",
                "title_code": "timeline.screening.listed" if p.programmes else "timeline.screening.listed_any",
                "title_args": {"programmes": list(p.programmes)} if p.programmes else {},
                "body": None,  # worded when shown (ui/timeline_words.py), from the code below
                "data": {"step": "pushed", "programmes": list(p.programmes), "cases": case_ids,
                         "source": self.path.name, "line": p.line, "import_id": import_id,
                         "body_code": "timeline.body.screening_source",
                         "body_args": {"file": self.path.name, "line": p.line}}}

    @staticmethod
    def _merge(tx, people: list[Person]) -> int:
        """Confirmed merges fill what the patient record lacks; nothing on file is overwritten."""
        n = 0
        for p in people:
            if not p.merge_into:
                continue
            patient = tx.session.get(Patient, p.merge_into)
            fills = {k: v for k, v in (("id_number", p.id_number), ("phone", p.phone), ("address", p.address),
                                       ("community_id", p.community_id)) if v and not getattr(patient, k)}
            if fills:
                tx.update(patient, note="audit_note.screening_import_merge", **fills)
            n += 1
        return n

    @staticmethod
    def _open_cases(tx, patient_ids: list[str]) -> dict[tuple[str, str], str]:
        if not patient_ids:
            return {}
        rows = tx.session.execute(select(Case.id, Case.patient_id, Case.cancer_type).where(
            Case.patient_id.in_(patient_ids), Case.closed_at.is_(None), Case.deleted_at.is_(None)))
        return {(r.patient_id, r.cancer_type): r.id for r in rows}


_name_keys = lru_cache(maxsize=65536)(name_keys)  # common names recur across a county's lists


def _patient_row(p: Person) -> dict:
    pinyin, initials = _name_keys(p.name)
    return {"name": p.name, "name_pinyin": pinyin[:128], "name_initials": initials[:16], "sex": p.sex,
            "birth_date": p.birth_date, "id_number": p.id_number, "phone": p.phone, "address": p.address,
            "community_id": p.community_id}


def import_file(profile: Profile, path, decisions: Decisions = Decisions(), progress: Progress | None = None,
                mapping: dict[int, str] | None = None) -> tuple[Report, ImportResult | None]:
    """Headless: read, validate and (when every row is good) write. The report either way."""
    job = ListImport(profile, path)
    job.read()
    if mapping is not None:
        job.set_mapping(mapping)
    report = job.validate(decisions, progress)
    return report, job.commit(report, progress) if report.ok else None

"""Row plumbing for the generator: deterministic ids, value formats and bulk inserts.

On SQLite rows are handed to the driver's executemany already in the stored formats the
ORM writes (dates 'YYYY-MM-DD', datetimes 'YYYY-MM-DD HH:MM:SS.ffffff' naive UTC, JSON
as json.dumps text, booleans 0/1), which is several times faster than Core's type
processing. Other databases get Python values through Core executemany.
"""
from __future__ import annotations

import datetime as dt
import json
import random
from typing import Any
from typing import Protocol

from sqlalchemy import Connection

from db.models import Base

UTC = dt.timezone.utc
EPOCH_ORDINAL = dt.date(1970, 1, 1).toordinal()

# Columns each generator row carries, in order; `id` first. The sync columns version,
# updated_at and device_id are the same for every row and added by the writer.
COLUMNS: dict[str, tuple[str, ...]] = {
    "org_units": ("id", "parent_id", "kind", "code", "name", "address", "phone"),
    "users": ("id", "username", "display_name", "role", "org_unit_id", "phone", "active"),
    "patients": ("id", "name", "name_pinyin", "name_initials", "sex", "birth_date", "id_number",
                 "phone", "address", "community_id", "family_doctor_id", "contract_signed",
                 "smoking_pack_years", "family_history", "occupational_exposure", "warning_flags"),
    "cases": ("id", "patient_id", "cancer_type", "stage", "risk_level", "station_id", "clinic_cm_id",
              "ward_cm_id", "community_cm_id", "last_contact_at", "opened_at", "closed_at"),
    "tasks": ("id", "patient_id", "case_id", "kind", "title", "args", "due_date", "owner_id", "source_table",
              "source_id", "rule_id", "state", "closed_at", "close_note"),
    "timeline_events": ("id", "patient_id", "case_id", "kind", "occurred_at", "org_unit_id",
                        "author_id", "title", "title_code", "title_args", "body", "data", "ref_table", "ref_id"),
    "followups": ("id", "patient_id", "case_id", "due_date", "method", "status", "assignee_id",
                  "attempts", "completed_at", "reached", "outcome", "notes", "rule_id"),
    "referrals": ("id", "patient_id", "case_id", "direction", "green_channel", "urgency",
                  "from_org_id", "to_org_id", "to_department", "reason", "question",
                  "clinical_summary", "findings", "requested_exams", "contact_person", "state",
                  "state_reason", "short_code", "sent_at", "scheduled_at", "scheduled_place",
                  "closed_at", "breach_reason", "discharge_summary", "treatment_plan", "rehab_instructions"),
    "mdt_requests": ("id", "patient_id", "case_id", "question", "specialties", "checklist", "state",
                     "slot_at", "decision", "decided_at"),
    "screenings": ("id", "patient_id", "programme", "screened_on", "result", "details", "org_unit_id"),
    "letters": ("id", "patient_id", "kind", "template_version", "printed_at", "printed_by",
                "reprint_reason", "fields"),
    "households": ("id", "patient_id", "name", "address", "supervisor_patient_id", "supervisor_name",
                   "supervisor_phone", "notes"),
    "household_members": ("id", "household_id", "patient_id", "relation"),
}
# Insert order that satisfies the foreign keys.
TABLES = tuple(COLUMNS)
DEVICE_ID = "demo"


class Ids:
    """UUIDv7 text ids, rising in creation order so B-tree inserts append.

    Each is db.ids.uuid7(ms, rand) with `ms` counting up from `base_ms`, one millisecond
    per 4,096 ids, and `rand` a 12-bit counter within that millisecond (RFC 9562's
    "fixed bit-length dedicated counter") followed by 64 bits from `rng`.
    """

    PER_MS = 4096

    def __init__(self, rng: random.Random, base_ms: int):
        self._randbytes = rng.randbytes
        self.ms = base_ms
        self._n = self.PER_MS
        self._hex = self._prefix = ""

    def __call__(self) -> str:
        n = self._n
        if n == self.PER_MS:
            self.ms += 1
            m = "%012x" % self.ms
            self._prefix = f"{m[:8]}-{m[8:]}-7"
            self._hex = self._randbytes(8 * self.PER_MS).hex()
            n = 0
        self._n = n + 1
        h, p = self._hex, n * 16
        return f"{self._prefix}{_COUNTER[n]}-{_VARIANT[h[p]]}{h[p + 1:p + 4]}-{h[p + 4:p + 16]}"


_COUNTER = ["%03x" % i for i in range(Ids.PER_MS)]
_VARIANT = {c: "%x" % (8 | int(c, 16) & 3) for c in "0123456789abcdef"}


class Format(Protocol):
    """How the generator's values are written: SqliteFormat (stored text) or PythonFormat."""

    raw: bool

    def date(self, ordinal: int) -> Any: ...

    def ts(self, epoch: int) -> Any: ...

    def json(self, obj: Any) -> Any: ...


class SqliteFormat:
    """Dates from ordinals and datetimes from epoch seconds, as SQLite stores them."""

    raw = True

    def __init__(self):
        self._days: dict[int, str] = {}
        self._epoch_days: dict[int, str] = {}
        self._tod = [f" {s // 3600:02d}:{s // 60 % 60:02d}:{s % 60:02d}.000000" for s in range(86400)]

    def date(self, ordinal: int) -> str:
        s = self._days.get(ordinal)
        if s is None:
            s = self._days[ordinal] = dt.date.fromordinal(ordinal).isoformat()
        return s

    def ts(self, epoch: int) -> str:
        day, second = divmod(epoch, 86400)
        s = self._epoch_days.get(day)
        if s is None:
            s = self._epoch_days[day] = self.date(day + EPOCH_ORDINAL)
        return s + self._tod[second]

    json = staticmethod(json.dumps)


class PythonFormat:
    """Python values for Core (PostgreSQL and anything else)."""

    raw = False

    @staticmethod
    def date(ordinal: int) -> dt.date:
        return dt.date.fromordinal(ordinal)

    @staticmethod
    def ts(epoch: int) -> dt.datetime:
        return dt.datetime.fromtimestamp(epoch, UTC)

    @staticmethod
    def json(obj):
        return obj


def format_for(conn: Connection) -> Format:
    return SqliteFormat() if conn.dialect.name == "sqlite" else PythonFormat()


class BulkWriter:
    """Inserts rows by table, in TABLES order so foreign keys are satisfied."""

    def __init__(self, conn: Connection, fmt: Format, stamp: dt.datetime):
        self.conn = conn
        self.fmt = fmt
        self.counts: dict[str, int] = {t: 0 for t in TABLES}
        if fmt.raw:
            stamp_text = fmt.ts(int(stamp.timestamp()))
            self._sql = {
                t: f"INSERT INTO {t} ({', '.join(cols)}, version, updated_at, device_id) "
                   f"VALUES ({', '.join('?' * len(cols))}, 0, '{stamp_text}', '{DEVICE_ID}')"
                for t, cols in COLUMNS.items()
            }
        self._sync = {"version": 0, "updated_at": stamp, "device_id": DEVICE_ID}

    def write(self, rows: dict[str, list[tuple]]) -> None:
        for table in TABLES:
            batch = rows.get(table)
            if not batch:
                continue
            if self.fmt.raw:
                self.conn.exec_driver_sql(self._sql[table], batch)
            else:
                cols = COLUMNS[table]
                self.conn.execute(Base.metadata.tables[table].insert(),
                                  [{**dict(zip(cols, r)), **self._sync} for r in batch])
            self.counts[table] += len(batch)

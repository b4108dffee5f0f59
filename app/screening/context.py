"""What validation compares rows against: the network's streets and communities, and
the patients already on file (read once per import, not once per row)."""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import select

from app.masking import mask_id_number
from app.screening.parse import place_key
from db.models import OrgUnit
from db.models import Patient
from db.models import User
from db.models.enums import OrgKind
from db.models.enums import Role


@dataclass(frozen=True)
class Candidate:
    """An existing patient a row may be; `same_id` when the ID numbers are equal."""

    patient_id: str
    name: str
    birth_date: dt.date
    masked_id: str
    community: str
    same_id: bool


MIN_PREFIX = 2  # one character (大) would begin too many names


def _names(unit) -> list[str]:
    return list(dict.fromkeys([unit.name, *(a for a in (unit.aliases or []) if isinstance(a, str) and a.strip())]))


def _squeeze(text: str) -> str:
    return "".join(text.split())


def _by_prefix(names: list[tuple[str, str]], value: str) -> str | None:
    """The one unit whose name begins with `value`; None when none or several do."""
    if len(value) < MIN_PREFIX:
        return None
    found = {unit for name, unit in names if name.startswith(value)}
    return found.pop() if len(found) == 1 else None


class Context:
    def __init__(self, today: dt.date):
        self.today = today
        self.stations: dict[str, str] = {}  # place key -> station id
        self.points: dict[str, list[tuple[str, str]]] = defaultdict(list)  # key -> [(point, station)]
        self.unit_names: dict[str, str] = {}
        self.community_cm: dict[str, str] = {}  # station id -> its community case manager
        self._by_id: dict[str, list[str]] = defaultdict(list)
        self._by_name_birth: dict[tuple, list[str]] = defaultdict(list)
        self._patients: dict[str, tuple] = {}
        self._keys: dict[str, str] = {}
        self._station_names: list[tuple[str, str]] = []  # (name or alias, station id)
        self._point_names: list[tuple[str, tuple[str, str]]] = []  # (name or alias, (point, station))

    def key(self, place: str) -> str:
        """place_key(), remembered: a list names the same few hundred places again and again."""
        k = self._keys.get(place)
        if k is None:
            k = self._keys[place] = place_key(place)
        return k

    def station(self, street: str) -> str | None:
        """The street station a list's 街道 value names: by name, alias or code (suffixes such as
        街道/工作站 aside), else the one station whose name or alias begins with the value
        (大碶街道 → 大碶街道工作站)."""
        found = self.stations.get(self.key(street)) or self.stations.get(_squeeze(street).lower())
        if found is None:
            found = _by_prefix(self._station_names, _squeeze(street))
        return found

    def community_points(self, community: str) -> list[tuple[str, str]]:
        """(point, station) pairs a list's 社区 value may name: by name, alias or code, else
        points whose name or alias begins with the value."""
        found = self.points.get(self.key(community)) or self.points.get(_squeeze(community).lower(), [])
        if not found:
            value = _squeeze(community)
            if len(value) >= MIN_PREFIX:
                found = list(dict.fromkeys(e for name, e in self._point_names if name.startswith(value)))
        return found

    @classmethod
    def load(cls, session, today: dt.date) -> "Context":
        ctx = cls(today)
        units = session.execute(select(OrgUnit.id, OrgUnit.kind, OrgUnit.name, OrgUnit.code, OrgUnit.parent_id,
                                       OrgUnit.aliases)
                                .where(OrgUnit.deleted_at.is_(None), OrgUnit.active.is_not(False))).all()
        for u in units:
            ctx.unit_names[u.id] = u.name
            if u.kind == OrgKind.STREET_STATION.value:
                for name in _names(u):
                    ctx.stations.setdefault(place_key(name), u.id)
                    ctx._station_names.append((_squeeze(name), u.id))
                ctx.stations.setdefault(u.code.lower(), u.id)
        for u in units:
            if u.kind == OrgKind.COMMUNITY_POINT.value:
                entry = (u.id, u.parent_id)
                for key in dict.fromkeys([*(place_key(n) for n in _names(u)), u.code.lower()]):
                    ctx.points[key].append(entry)
                ctx._point_names += [(_squeeze(n), entry) for n in _names(u)]
        cms = session.execute(select(User.id, User.org_unit_id).where(
            User.role == Role.COMMUNITY_CM.value, User.active.is_(True), User.deleted_at.is_(None))
            .order_by(User.username)).all()
        for cm in cms:
            ctx.community_cm.setdefault(cm.org_unit_id, cm.id)
        rows = session.execute(select(Patient.id, Patient.name, Patient.birth_date, Patient.sex,
                                      Patient.id_number, Patient.community_id)
                               .where(Patient.deleted_at.is_(None)))
        for r in rows:
            ctx._patients[r.id] = (r.name, r.birth_date, r.id_number, r.community_id)
            if r.id_number:
                ctx._by_id[r.id_number.upper()].append(r.id)
            ctx._by_name_birth[(r.name, r.birth_date, r.sex)].append(r.id)
        return ctx

    def matches(self, name: str, birth: dt.date, sex: str, id_number: str | None) -> list[Candidate]:
        """Patients on file who may be this person: the same ID number, or the same name,
        birth date and sex where one of the two has no ID number (namesakes born the same
        day with different numbers are different people)."""
        found = {pid: True for pid in self._by_id.get(id_number or "", ())}
        for pid in self._by_name_birth.get((name, birth, sex), ()):
            if pid not in found and (not id_number or not self._patients[pid][2]):
                found[pid] = False
        return [self.candidate(pid, same) for pid, same in found.items()]

    def candidate(self, pid: str, same_id: bool) -> Candidate:
        name, birth, id_number, community = self._patients[pid]
        return Candidate(pid, name, birth, mask_id_number(id_number), self.unit_names.get(community or "", ""),
                         same_id)

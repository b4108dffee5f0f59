"""Registering a person at the desk, and editing a patient's contact details.

A walk-in to the one-stop clinic becomes a patient here instead of waiting for a list
import. The form is checked field by field (problems of area "register", worded in ui/),
then against the patients in the person's own scope: the same ID number refuses (the
existing patient is named, so the person opens that one instead); the same name and birth
date, or the same phone, is a warning the person must confirm. Patients outside the scope
are never compared and never named: another station's residents are not this desk's to see.

The record itself still passes the rule book when written (profile.store.write()): who may
register in which community, and whether the family doctor works at its station.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from dataclasses import field
from typing import TYPE_CHECKING

from sqlalchemy import func
from sqlalchemy import or_
from sqlalchemy import select

from app import clock
from app import idcard
from app import phone as phones
from app.masking import mask_id_number
from app.pinyin import name_keys
from app.problems import Problem
from app.problems import ProblemError
from app.problems import refuse
from app.rulebook.lookup import SessionLookup
from app.rulebook.patients import LIMITS
from app.sync.scope import Scope
from app.tasks import open_task
from db.models import Case
from db.models import OrgUnit
from db.models import Patient
from db.models import User
from db.models.enums import CancerType
from db.models.enums import OrgKind
from db.models.enums import Role
from db.models.enums import Stage

if TYPE_CHECKING:
    from app.profile import Profile

CANCERS = tuple(c.value for c in CancerType)
STAGES = tuple(s.value for s in Stage)
EDITABLE = ("phone", "address", "community_id", "family_doctor_id")


@dataclass
class PersonForm:
    """What the desk types. Birth date and sex come from the ID number unless given; given
    ones must agree with it."""

    id_number: str = ""
    name: str = ""
    phone: str = ""
    address: str = ""
    community_id: str | None = None
    family_doctor_id: str | None = None
    birth_date: dt.date | None = None
    sex: str | None = None


@dataclass(frozen=True)
class NewCase:
    cancer_type: str
    stage: str = Stage.SCREEN.value


@dataclass(frozen=True)
class Choice:
    id: str
    name: str


@dataclass(frozen=True)
class Duplicate:
    """A patient in the person's scope who may be the one being registered."""

    patient_id: str
    name: str
    masked_id: str
    birth_date: dt.date
    community: str
    reasons: tuple[str, ...]  # "id_number" / "name_birth" / "phone"

    @property
    def certain(self) -> bool:
        """The same ID number is the same person: never a second record."""
        return "id_number" in self.reasons


class DuplicateFound(ProblemError):
    """Registration stopped at patients in scope who may be this person (`duplicates`)."""

    def __init__(self, problems, duplicates: list[Duplicate]):
        super().__init__(problems)
        self.duplicates = duplicates


@dataclass
class Checked:
    """A form's values as they would be stored, and the problems found field by field."""

    values: dict = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def by_field(self) -> dict[str, list[Problem]]:
        out: dict[str, list[Problem]] = {}
        for p in self.problems:
            out.setdefault(p.field or "", []).append(p)
        return out


class Registration:
    def __init__(self, store, pathway=None):
        """`pathway`: a callable giving the Pathway (for a case opened at once); the bundled
        rules when None."""
        self.store = store
        self._pathway = pathway

    @classmethod
    def for_profile(cls, profile: Profile) -> "Registration":
        from app.pathway import for_profile  # local: the rule files load on first need
        return cls(profile.store, lambda: for_profile(profile))

    # -- what the form offers --------------------------------------------------------
    def _scope(self, session) -> Scope:
        actor = self.store.actor(session)
        if actor is None:
            return Scope("", "", None)
        return Scope(actor.user_id, actor.role, actor.units)

    def communities(self) -> list[Choice]:
        """Community points the person may register patients in (their station's, or all)."""
        with self.store.sessions() as s:
            scope = self._scope(s)
            rows = s.execute(select(OrgUnit.id, OrgUnit.name).where(
                OrgUnit.kind == OrgKind.COMMUNITY_POINT.value, OrgUnit.deleted_at.is_(None),
                OrgUnit.active.is_not(False)).order_by(OrgUnit.code, OrgUnit.name)).all()
        return [Choice(i, n) for i, n in rows if scope.units is None or i in scope.units]

    def doctors(self, community_id: str | None) -> list[Choice]:
        """Active family doctors of the community's station (the rule book's condition)."""
        if not community_id:
            return []
        with self.store.sessions() as s:
            lookup = SessionLookup(s)
            station = lookup.station_of(community_id)
            rows = s.execute(select(User.id, User.display_name, User.org_unit_id).where(
                User.role == Role.FAMILY_DOCTOR.value, User.active.is_(True), User.deleted_at.is_(None))
                .order_by(User.display_name)).all()
            return [Choice(i, n) for i, n, unit in rows if station and lookup.station_of(unit) == station]

    # -- checks ------------------------------------------------------------------------
    def check(self, form: PersonForm, today: dt.date | None = None) -> Checked:
        """Field-level problems of a new registration, and the values it would store."""
        today = today or clock.today()
        out = Checked()
        self._id_number(form, today, out)
        name = " ".join((form.name or "").split())
        if not name:
            out.problems.append(Problem("register.name_required", "name"))
        elif len(name) > LIMITS["name"]:
            out.problems.append(Problem("register.too_long", "name", {"max": LIMITS["name"]}))
        out.values["name"] = name
        self._contact(form, out)
        return out

    def check_contact(self, form: PersonForm, patient_id: str) -> Checked:
        """Field-level problems of an edit to `patient_id`'s contact details."""
        out = Checked()
        self._contact(form, out, self.current(patient_id))
        return out

    def _id_number(self, form: PersonForm, today: dt.date, out: Checked) -> None:
        raw = idcard.normalize(form.id_number or "")
        if not raw:
            out.problems.append(Problem("register.id_number_required", "id_number"))
            return
        why = idcard.problem_code(raw, today)
        if why:
            out.problems.append(Problem("register.id_number_invalid", "id_number", {"why": why}))
            return
        _, birth, sex = idcard.parse(raw, today)
        out.values.update(id_number=raw.upper(), birth_date=birth, sex=sex)
        if form.birth_date is not None and form.birth_date != birth:
            out.problems.append(Problem("register.birth_date_mismatch", "birth_date",
                                        {"given": form.birth_date.isoformat(), "in_id": birth.isoformat()}))
        if form.sex and form.sex != sex:
            out.problems.append(Problem("register.sex_mismatch", "sex", {"given_sex": form.sex, "id_sex": sex}))

    def _contact(self, form: PersonForm, out: Checked, current: PersonForm | None = None) -> None:
        """Phone, address, community, doctor. `current`: an edit's patient as it is; a community
        or doctor it keeps is not checked again (a family doctor's own patient may live in
        a community outside his scope, and its phone is still his to correct)."""
        raw = (form.phone or "").strip()
        if raw:
            try:
                out.values["phone"] = phones.normalise(raw)
            except phones.NotAPhone:
                out.problems.append(Problem("register.phone_invalid", "phone", {"value": raw}))
        else:
            out.values["phone"] = None
        address = " ".join((form.address or "").split())
        if len(address) > LIMITS["address"]:
            out.problems.append(Problem("register.too_long", "address", {"max": LIMITS["address"]}))
        out.values["address"] = address or None
        with self.store.sessions() as s:
            scope, lookup = self._scope(s), SessionLookup(s)
            community = form.community_id
            unit = lookup.org(community)
            if not community:
                out.problems.append(Problem("register.community_required", "community_id"))
            elif unit is None or unit.kind != OrgKind.COMMUNITY_POINT.value:
                out.problems.append(Problem("register.community_unknown", "community_id"))
            elif scope.units is not None and community not in scope.units and not (
                    current is not None and community == current.community_id):
                out.problems.append(Problem("register.community_outside", "community_id"))
            out.values["community_id"] = community or None
            doctor = form.family_doctor_id or None
            if doctor is not None and unit is not None and not (
                    current is not None and (doctor, community) == (current.family_doctor_id, current.community_id)):
                person = lookup.user(doctor)
                if person is None or person.role != Role.FAMILY_DOCTOR.value or not person.active:
                    out.problems.append(Problem("register.not_a_family_doctor", "family_doctor_id"))
                elif lookup.station_of(person.org_unit_id) != lookup.station_of(community):
                    out.problems.append(Problem("register.doctor_other_station", "family_doctor_id"))
            out.values["family_doctor_id"] = doctor

    def duplicates(self, values: dict, exclude: str | None = None) -> list[Duplicate]:
        """Patients in scope with the same ID number, the same name and birth date, or the
        same phone; the same ID number first."""
        conds = []
        if values.get("id_number"):
            conds.append(Patient.id_number == values["id_number"])
        if values.get("name") and values.get("birth_date"):
            conds.append((Patient.name == values["name"]) & (Patient.birth_date == values["birth_date"]))
        if values.get("phone"):  # by the phone-tail index, as the search box looks a phone up
            conds.append((func.substr(Patient.phone, -4) == values["phone"][-4:]) & (Patient.phone == values["phone"]))
        if not conds:
            return []
        with self.store.sessions() as s:
            query = (select(Patient.id, Patient.name, Patient.id_number, Patient.birth_date, Patient.phone,
                            OrgUnit.name.label("community"))
                     .outerjoin(OrgUnit, OrgUnit.id == Patient.community_id)
                     .where(Patient.deleted_at.is_(None), or_(*conds)))
            in_scope = self._scope(s).patient_condition()
            if in_scope is not None:
                query = query.where(in_scope)
            if exclude:
                query = query.where(Patient.id != exclude)
            rows = s.execute(query.limit(20)).all()
        found = []
        for r in rows:
            reasons = tuple(reason for reason, same in (
                ("id_number", bool(values.get("id_number")) and r.id_number == values.get("id_number")),
                ("name_birth", r.name == values.get("name") and r.birth_date == values.get("birth_date")),
                ("phone", bool(values.get("phone")) and r.phone == values.get("phone"))) if same)
            found.append(Duplicate(r.id, r.name, mask_id_number(r.id_number), r.birth_date, r.community or "",
                                   reasons))
        return sorted(found, key=lambda d: (not d.certain, d.name))

    @staticmethod
    def _stop_at(duplicates: list[Duplicate], confirmed: bool) -> None:
        certain = [d for d in duplicates if d.certain]
        if certain:
            d = certain[0]
            raise DuplicateFound([Problem("register.same_id_number", "id_number",
                                          {"name": d.name, "masked_id": d.masked_id, "community": d.community})],
                                 duplicates)
        if duplicates and not confirmed:
            raise DuplicateFound([Problem("register.possible_duplicate", None, {"count": len(duplicates)})],
                                 duplicates)

    # -- writing ------------------------------------------------------------------------
    def register(self, form: PersonForm, case: NewCase | None = None, confirmed: bool = False) -> str:
        """The new patient's id. Refuses a form with problems (all of them, by field), the same
        ID number in scope, and a possible duplicate the person has not confirmed."""
        today = clock.today()
        checked = self.check(form, today)
        if case is not None:
            if case.cancer_type not in CANCERS:
                checked.problems.append(Problem("register.cancer_unknown", "cancer_type", {"value": case.cancer_type}))
            if case.stage not in STAGES:
                checked.problems.append(Problem("register.stage_unknown", "stage", {"value": case.stage}))
        if checked.problems:
            raise ProblemError(checked.problems)
        values = checked.values
        self._stop_at(self.duplicates(values), confirmed)
        pinyin, initials = name_keys(values["name"])
        with self.store.write() as tx:
            patient = tx.add(Patient(name_pinyin=pinyin[:128], name_initials=initials[:16], **values),
                             note="audit_note.walk_in_registration")
            if case is not None:
                self._open_case(tx, patient, case, today)
        return patient.id

    def _open_case(self, tx, patient: Patient, case: NewCase, today: dt.date) -> None:
        from app import pathway as pathway_module  # local: rule files load on first need
        pathway = self._pathway() if self._pathway else pathway_module.load()
        if case.stage == Stage.SCREEN.value:  # newly in a screening programme: invited now
            due = pathway.first_invitation(case.cancer_type, today)
            kind, args = "screening", {"cancer": case.cancer_type}
        else:
            _text, due = pathway.next_action(case.cancer_type, case.stage, today, today)
            kind, args = "stage", {"stage": case.stage}
        s = tx.session
        station = SessionLookup(s).station_of(patient.community_id)
        cm = s.scalar(select(User.id).where(User.org_unit_id == station, User.active.is_(True),
                                            User.role == Role.COMMUNITY_CM.value).order_by(User.username)) \
            if station else None
        new = tx.add(Case(patient_id=patient.id, cancer_type=case.cancer_type, stage=case.stage,
                          risk_level="medium", station_id=station, community_cm_id=cm, opened_at=clock.now()),
                     note="audit_note.walk_in_case")
        open_task(tx, new, kind, due.date, args=args, owner_id=cm, rule_id=due.rule_id)

    def current(self, patient_id: str) -> PersonForm:
        """A patient's details as the edit form starts from (full phone: the desk edits it)."""
        with self.store.sessions() as s:
            p = s.get(Patient, patient_id)
            if p is None or p.deleted_at is not None:
                raise refuse("register.no_patient", "patient")
            return PersonForm(id_number=p.id_number or "", name=p.name, phone=p.phone or "", address=p.address or "",
                              community_id=p.community_id, family_doctor_id=p.family_doctor_id,
                              birth_date=p.birth_date, sex=p.sex)

    def open_for_edit(self, patient_id: str) -> PersonForm:
        """`current()` for the edit form, which shows the full phone: audited as a reveal, as the
        patient window's "Show" is."""
        form = self.current(patient_id)
        self.store.record_access("reveal", "patients", patient_id, detail={"field": "phone", "for": "edit"})
        return form

    def edit(self, patient_id: str, form: PersonForm, confirmed: bool = False) -> dict:
        """Change phone, address, community and family doctor (the ID, name, birth date and sex
        stay). Returns {field: [old, new]} of what changed; the same checks as registering."""
        current = self.current(patient_id)
        checked = self.check_contact(form, patient_id)
        if checked.problems:
            raise ProblemError(checked.problems)
        values = {k: checked.values[k] for k in EDITABLE}
        if values["phone"] and values["phone"] != (current.phone or None):
            self._stop_at([d for d in self.duplicates({"phone": values["phone"]}, exclude=patient_id)], confirmed)
        with self.store.write() as tx:
            patient = tx.session.get(Patient, patient_id)
            return tx.update(patient, note="audit_note.contact_edit", **values)

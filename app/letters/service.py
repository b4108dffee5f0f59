"""What the workstation asks of letters beyond a batch: stations to choose from, one patient's letter."""
from __future__ import annotations

from typing import TYPE_CHECKING

from app.letters.gather import for_patient
from app.letters.gather import stations
from app.letters.kinds import LetterKind
from app.letters.prepare import Prepared
from app.letters.prepare import prepare
from app.problems import refuse

if TYPE_CHECKING:
    from app.profile import Profile


def station_choices(profile: Profile) -> list[tuple[str, str, str]]:
    """(id, code, name) of the street stations, for the scope chooser."""
    with profile.sessions() as s:
        return stations(s)


def prepare_for_patient(profile: Profile, kind: LetterKind, patient_id: str, reprint_reason: str | None = None) -> Prepared:
    """The letter of `kind` for one patient, checked like a batch of one. Raises a ProblemError
    (letters.nothing_for_patient) when the patient has no record this kind is printed from."""
    with profile.sessions() as s:
        data = for_patient(s, kind, patient_id, profile.settings.get("letters.letterhead"))
    if data is None:
        raise refuse("letters.nothing_for_patient", letter_kind=kind.code, table=kind.source)
    return prepare(profile, kind, None, None, reprint_reason=reprint_reason, letters=[data])

"""The worklist's saved views, the calendar feed and the FHIR export."""
from __future__ import annotations

ENGLISH = {
    "views.name_required": "Give the view a name.",
    "views.name_too_long": "A view's name has at most {max} characters.",
    "calendar.no_user": "There is no user “{given}”.",
    "calendar.no_station": "There is no station “{given}”.",
    "fhir.no_patient": "There is no patient {patient} (or the record was deleted).",
    "fhir.cannot_write": "{path} cannot be written ({reason}).",
}

TERMS = {"field.user": "User", "field.station": "Station"}

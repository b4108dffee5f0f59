"""FHIR R4 export: a collection Bundle of Patient, Condition, CarePlan, ServiceRequest
(referrals), Appointment (booked referrals and MDT slots) and Task (follow-ups).

`python main.py export fhir --profile DIR --out FILE [--patient ID]`. An export is an
audited access; like every export it is written to a temporary file and renamed.
"""
from __future__ import annotations

from app.fhir.bundle import build_bundle
from app.fhir.bundle import export_fhir

__all__ = ["build_bundle", "export_fhir"]

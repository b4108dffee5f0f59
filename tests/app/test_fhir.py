"""FHIR R4 export: the Bundle validates with the fhir.resources models (R4B, the R4 line
fhir.resources ships), codes are from the R4 value sets, references resolve, the CLI."""
from __future__ import annotations

import json

import pytest
from fhir.resources.R4B.bundle import Bundle

from tests.app.test_dashboard import caseload  # noqa: F401 - the hand-built caseload fixture
from tests.support import run_main

# Required bindings fhir.resources does not check itself.
CODES = {
    ("Patient", "gender"): {"male", "female", "other", "unknown"},
    ("ServiceRequest", "status"): {"draft", "active", "on-hold", "revoked", "completed", "entered-in-error", "unknown"},
    ("ServiceRequest", "intent"): {"proposal", "plan", "directive", "order", "original-order", "reflex-order",
                                   "filler-order", "instance-order", "option"},
    ("Appointment", "status"): {"proposed", "pending", "booked", "arrived", "fulfilled", "cancelled", "noshow",
                                "entered-in-error", "checked-in", "waitlist"},
    ("Task", "status"): {"draft", "requested", "received", "accepted", "rejected", "ready", "cancelled",
                         "in-progress", "on-hold", "failed", "completed", "entered-in-error"},
    ("CarePlan", "status"): {"draft", "active", "on-hold", "revoked", "completed", "entered-in-error", "unknown"},
}


def check(bundle: dict) -> dict[str, list[dict]]:
    Bundle.model_validate(bundle)
    urls = {e["fullUrl"] for e in bundle["entry"]}
    by_type: dict[str, list[dict]] = {}
    for e in bundle["entry"]:
        r = e["resource"]
        by_type.setdefault(r["resourceType"], []).append(r)
        for (kind, key), allowed in CODES.items():
            if r["resourceType"] == kind:
                assert r[key] in allowed, (kind, key, r[key])
        for ref in _references(r):
            assert ref in urls, f"{r['resourceType']} points at {ref}, which is not in the bundle"
    return by_type


def _references(node):
    if isinstance(node, dict):
        if "reference" in node:
            yield node["reference"]
        for v in node.values():
            yield from _references(v)
    elif isinstance(node, list):
        for v in node:
            yield from _references(v)


def test_the_bundle_validates_and_holds_every_kind(profile, caseload, tmp_path):  # noqa: F811
    from app.fhir import export_fhir

    counts = export_fhir(profile, tmp_path / "all.json")
    bundle = json.loads((tmp_path / "all.json").read_text(encoding="utf-8"))
    by_type = check(bundle)
    assert counts == {t: len(v) for t, v in by_type.items()}
    assert set(by_type) == {"Patient", "Condition", "CarePlan", "ServiceRequest", "Appointment", "Task"}
    assert len(by_type["Patient"]) == 6 and len(by_type["CarePlan"]) == 6
    assert len(by_type["Condition"]) == 3  # cases past screening: b, c (provisional), d
    statuses = sorted(c["verificationStatus"]["coding"][0]["code"] for c in by_type["Condition"])
    assert statuses == ["confirmed", "confirmed", "provisional"]
    assert {c["code"]["coding"][0]["code"] for c in by_type["Condition"]} == {"C34"}
    assert len(by_type["Task"]) == 6 and len(by_type["ServiceRequest"]) == 3
    # a scheduled and a seen referral, and the decided MDT session of case b
    assert sorted(a["status"] for a in by_type["Appointment"]) == ["booked", "fulfilled", "fulfilled"]


def test_one_patient_and_the_cli(profile, profile_dir, caseload, tmp_path):  # noqa: F811
    out = tmp_path / "one.json"
    done = run_main("export", "fhir", "--profile", str(profile_dir), "--out", str(out), "--patient", caseload.p.b)
    assert done.returncode == 0, done.stderr
    by_type = check(json.loads(out.read_text(encoding="utf-8")))
    assert [p["id"] for p in by_type["Patient"]] == [caseload.p.b]
    assert {r["subject"]["reference"] for r in by_type["ServiceRequest"]} == {f"urn:uuid:{caseload.p.b}"}
    done = run_main("export", "fhir", "--profile", str(profile_dir), "--out", str(tmp_path / "x.txt"))
    assert done.returncode == 2 and "--out 的文件名应以 .json 结尾" in done.stderr  # Chinese by default


def test_a_bad_resource_would_fail_validation(profile, caseload):  # noqa: F811
    from app.fhir import build_bundle

    with profile.sessions() as s:
        bundle = build_bundle(s)
    bundle["entry"][0]["resource"]["birthdate"] = "1960"  # misspelt element
    with pytest.raises(ValueError):
        Bundle.model_validate(bundle)

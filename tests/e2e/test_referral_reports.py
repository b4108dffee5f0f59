"""A report attached to a referral on one desktop is opened on another after sync, against a
real server process on PostgreSQL: the row through the sync pages, the bytes beside them
(PUT before the push, GET after the pull), nobody outside the patient's scope reads them."""
from __future__ import annotations

import hashlib
import io
import shutil
import subprocess
import uuid

import httpx
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas
from sqlalchemy import select

from app.referrals import ReferralService
from app.referrals.attachments import AttachmentService
from app.rulebook.attachments import MAX_BYTES
from db import migrate
from db.ids import uuid7
from db.models import Patient
from db.models import ReferralAttachment
from tests.conftest import need_component


def pathology_pdf() -> bytes:
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=A4)
    page.setFont("STSong-Light", 14)
    page.drawString(72, 760, "病理诊断报告 Pathology report")
    page.drawString(72, 730, "右肺上叶 浸润性腺癌 pT1bN0")
    page.save()
    return out.getvalue()


def signed_in(url: str, username: str) -> dict:
    r = httpx.post(f"{url}/auth/login", json={"username": username, "password": f"{username}-demo",
                                               "device_id": str(uuid.uuid4())}, timeout=30)
    assert r.status_code == 200, r.text
    return {"Authorization": f"Bearer {r.json()['access_token']}"}


def test_an_attached_pdf_reaches_a_second_desktop_and_opens_there(fleet, tmp_path):
    if shutil.which("pdftotext") is None:
        need_component("pdftotext", "the attached report is checked as a real PDF")
    a = fleet("a", "clinic_cm", 0)
    b = fleet("b", "clinic_cm", 1)
    a.client.cycle()
    service = ReferralService(a.profile)
    with a.session() as s:
        patient_id = s.scalar(select(Patient.id).where(Patient.community_id.is_not(None)).order_by(Patient.id))
    form, _ = service.prefill(patient_id, "up")
    form.reason = "低剂量CT示右肺上叶结节，穿刺病理已出"
    rid = service.save(form, send=True)
    report = tmp_path / "病理报告.pdf"
    report.write_bytes(pathology_pdf())
    aid = AttachmentService(a.profile).attach(rid, report)
    assert set(a.client.cycle().pushed) == {"applied"}  # the referral, its events, its report: none refused
    row = fleet.sql("SELECT added_by, size, sha256 FROM referral_attachments WHERE id = :id", id=aid)[0]
    assert row[0] == a.profile.store.user_id and row[1] == report.stat().st_size  # stamped by the server

    b.client.cycle()
    [shown] = AttachmentService(b.profile).of_referral(rid)
    assert shown.here and shown.file_name == "病理报告.pdf" and shown.added_by
    name, data = AttachmentService(b.profile).content(aid)
    assert hashlib.sha256(data).hexdigest() == hashlib.sha256(report.read_bytes()).hexdigest()
    opened = tmp_path / "opened" / name
    opened.parent.mkdir()
    opened.write_bytes(data)
    text = subprocess.run(["pdftotext", str(opened), "-"], capture_output=True, text=True, check=True).stdout
    assert "病理诊断报告" in text and "浸润性腺癌" in text


def test_nobody_outside_the_patients_scope_reads_a_report_and_bad_uploads_are_refused(fleet, tmp_path):
    a = fleet("a", "clinic_cm", 0)
    a.client.cycle()
    service = ReferralService(a.profile)
    with a.session() as s:
        patient_id, community = s.execute(select(Patient.id, Patient.community_id).where(
            Patient.community_id.is_not(None)).order_by(Patient.id)).first()
    form, _ = service.prefill(patient_id, "up")
    form.reason = "复查"
    rid = service.save(form, send=True)
    report = tmp_path / "r.pdf"
    report.write_bytes(pathology_pdf())
    aid = AttachmentService(a.profile).attach(rid, report)
    a.client.cycle()
    url = fleet.server.url
    # A community case manager of a station that does not hold this patient: the same 404 as for
    # an id that exists nowhere (no answer tells whether a report exists).
    stations = {r[0]: r[1] for r in fleet.sql(
        "SELECT u.username, o.id FROM users u JOIN org_units o ON o.id = u.org_unit_id WHERE u.role = 'community_cm'")}
    held_by = {r[0] for r in fleet.sql("SELECT id FROM org_units WHERE id = :c OR id = "
                                       "(SELECT parent_id FROM org_units WHERE id = :c)", c=community)}
    outsider = next(u for u, unit in sorted(stations.items()) if unit not in held_by)
    headers = signed_in(url, outsider)
    theirs = httpx.get(f"{url}/sync/attachments/{aid}", headers=headers, timeout=30)
    nowhere = httpx.get(f"{url}/sync/attachments/{uuid7()}", headers=headers, timeout=30)
    assert theirs.status_code == nowhere.status_code == 404
    assert theirs.json()["code"] == nowhere.json()["code"] == "attachment.unknown"
    assert httpx.get(f"{url}/sync/attachments/{aid}", timeout=30).status_code == 401  # no token, no bytes
    mine = signed_in(url, a.username)
    octet = {**mine, "Content-Type": "application/octet-stream"}
    other = httpx.put(f"{url}/sync/attachments/{aid}", content=b"%PDF-other", headers=octet, timeout=30)
    assert other.status_code == 409 and other.json()["code"] == "attachment.content_differs"
    big = httpx.put(f"{url}/sync/attachments/{uuid7()}", content=b"%PDF-" + b"0" * MAX_BYTES, headers=octet,
                    timeout=60)
    assert big.status_code == 413 and big.json()["params"]["limit_mb"] == 10
    # A row pushed without its bytes (an altered desktop) is refused by the rule book.
    lone = str(uuid7())
    body = {"schema_version": migrate.head(), "mutations": [{
        "mutation_id": str(uuid7()), "table": "referral_attachments", "row_id": lone, "op": "insert",
        "base_version": 0, "changes": {k: [None, v] for k, v in {
            "patient_id": patient_id, "referral_id": rid, "file_name": "x.pdf", "media_type": "application/pdf",
            "size": 5, "sha256": "0" * 64, "added_at": "2026-12-05T00:00:00+00:00"}.items()}}]}
    answer = httpx.post(f"{url}/sync/push", json=body, headers=mine, timeout=30).json()["results"][0]
    assert answer["status"] == "rejected" and {p["code"] for p in answer["problems"]} == {"attachment.content_missing"}
    assert a.count(ReferralAttachment) == 1

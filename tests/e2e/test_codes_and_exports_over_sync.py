"""Across desktops, through a real server process on PostgreSQL: a formula typed on one
desktop reaches another person's export as text (issue 14 item 10), and two desktops that
signed in make referral codes that carry the device codes the server handed them (item 5)."""
from __future__ import annotations

import datetime as dt
import re
import zipfile

from openpyxl import load_workbook
from sqlalchemy import select

from app.referrals import ReferralService
from app.referrals import codes
from app.tasks import TaskService
from db.models import Case
from db.models import Patient
from db.models import Referral
from db.models import Task
from tests.support import run_main

HYPERLINK = '=HYPERLINK("http://x","click")'


def test_a_formula_typed_on_one_desktop_is_text_in_another_persons_export(fleet, tmp_path):
    a = fleet("a", "clinic_cm", 0)
    b = fleet("b", "clinic_cm", 1)
    a.client.cycle()
    b.client.cycle()
    with a.session() as s:
        case_id, patient_id = s.execute(select(Case.id, Case.patient_id).where(Case.closed_at.is_(None))
                                        .order_by(Case.id).limit(1)).one()
    task_id = TaskService(a.profile.store).add(case_id, HYPERLINK, dt.date(2000, 1, 1))  # due first: shown
    a.edit(Patient, patient_id, name="@SUM(A1)")
    assert a.client.cycle().pushed == {"applied": 2}
    b.client.cycle()
    assert b.get(Task, task_id).title == HYPERLINK
    b.close()
    out = tmp_path / "b.xlsx"
    result = run_main("export", "xlsx", "--profile", str(b.profile.path), "--out", str(out), "--search", "@SUM")
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(out) as z:
        sheet = z.read("xl/worksheets/sheet1.xml")
    assert not re.search(rb"<(?:\w+:)?f[ >/]", sheet)
    rows = list(load_workbook(out).active.iter_rows())
    cells = {c.value: c for row in rows for c in row}
    (typed,) = [v for v in cells if isinstance(v, str) and v.startswith(HYPERLINK)]  # "… (+n)": more work open
    assert cells[typed].data_type == "s" and cells["@SUM(A1)"].data_type == "s"
    result = run_main("export", "csv", "--profile", str(b.profile.path), "--out", str(tmp_path / "b.csv"),
                      "--search", "@SUM")
    assert result.returncode == 0, result.stderr
    text = (tmp_path / "b.csv").read_text(encoding="utf-8-sig")
    assert "\"'@SUM(A1)\"" in text and "\"'=HYPERLINK(\"\"http://x\"\",\"\"click\"\")" in text


def test_signed_in_desktops_carry_their_server_given_device_codes_into_referral_codes(fleet):
    a = fleet("a", "community_cm", 0)
    b = fleet("b", "community_cm", 1)
    devices = dict(fleet.sql("SELECT id, code FROM devices"))
    for desk in (a, b):
        code = desk.profile.get_local(codes.DEVICE_CODE_KEY)
        assert codes.is_device_code(code) and devices[desk.profile.device_id] == code
    assert a.profile.get_local(codes.DEVICE_CODE_KEY) != b.profile.get_local(codes.DEVICE_CODE_KEY)
    a.client.cycle()
    # A referral made on desktop a (offline would do: nothing here needs the server) carries
    # a's code, and the server takes it as it is.
    service = ReferralService(a.profile)
    with a.session() as s:
        patient_id = s.scalar(select(Patient.id).where(Patient.community_id.is_not(None)).order_by(Patient.id))
    form, _ = service.prefill(patient_id, "up")
    form.reason = "低剂量CT示右肺上叶磨玻璃结节 9 mm"
    rid = service.save(form)
    short = a.get(Referral, rid).short_code
    assert short.startswith(a.profile.get_local(codes.DEVICE_CODE_KEY) + "-") and len(short) == 9
    a.client.cycle()
    assert fleet.sql("SELECT short_code FROM referrals WHERE id = :id", id=rid) == [(short,)]

"""Typed sync errors against a real server process: the refusals people meet on a shared
desktop (another person's profile, too many wrong passwords), a refused change worded in the
person's language, and what the sign-in hands the desktop (its device code)."""
from __future__ import annotations

import datetime as dt
import re

import pytest
from sqlalchemy import update

from app import clock
from app.sync import errors
from app.sync import service
from app.sync.client import DEVICE_CODE_KEY
from app.sync.client import SyncClient
from app.sync.errors import SyncError
from db.models import OutboxEntry
from db.models import Patient
from ui.sync import say

CJK = re.compile(r"[\u4e00-\u9fff]")


def test_another_person_signing_in_with_this_desktops_device_is_told_so(fleet):
    a = fleet("a")  # the device of profile "a" is registered to its first user
    other = fleet.roles["clinic_cm"][1]
    client = SyncClient(a.profile, fleet.server.url)
    try:
        with pytest.raises(SyncError) as refused:
            client.login(other, f"{other}-demo")
    finally:
        client.close()
    exc = refused.value
    assert (exc.kind, exc.status, exc.code) == (errors.DEVICE_OTHER_USER, 403, "auth.device_other_user")
    zh, en = say.failure(exc, "zh_CN"), say.failure(exc, "en")
    assert "另一位用户" in zh and "停用" not in zh
    assert "another person" in en and "disabled" not in en and not CJK.search(en)


def test_too_many_wrong_passwords_slow_down_with_how_long(fleet):
    a = fleet("a")
    client = SyncClient(a.profile, fleet.server.url)
    kinds, exc = [], None
    try:
        for _ in range(12):
            try:
                client.login(a.username, "wrong")
            except SyncError as refused:
                kinds.append(refused.kind)
                exc = refused
                if refused.kind == errors.SLOWED_DOWN:
                    break
    finally:
        client.close()
    assert kinds[0] == errors.WRONG_CREDENTIALS and kinds[-1] == errors.SLOWED_DOWN
    assert exc.status == 429 and exc.params["retry_after_s"] > 0
    assert re.fullmatch(r"登录尝试次数过多，请等待 \d+ 秒后再试。", say.failure(exc, "zh_CN"))
    assert re.fullmatch(r"Too many sign-in attempts\. Wait \d+ seconds, then try again\.", say.failure(exc, "en"))


def test_a_refused_change_stays_with_its_problems_worded_in_chinese_and_english(fleet):
    a = fleet("a")
    a.client.cycle()
    pid = a.patient_ids()[0]
    a.edit(Patient, pid, phone="13912345678")
    with a.profile.sessions.begin() as s:  # a desktop claiming a version the server never had
        s.execute(update(OutboxEntry).values(base_version=OutboxEntry.base_version + 50))
    assert a.client.push() == {"rejected": 1}
    (item,) = service.outbox_items(a.profile, ("rejected",))
    assert [p.code for p in item.problems] == ["sync.base_version_ahead"]
    assert say.rejection(item, "zh_CN").startswith("这项更改基于该记录的第")
    assert say.rejection(item, "en").startswith("This change was made on version")
    assert item.reason  # the server's English, kept for logs
    assert a.get(Patient, pid).phone == "13912345678"  # still here, to be corrected and resent
    assert a.client.push() == {}  # not sent again by itself


def test_the_sign_in_hands_the_desktop_its_device_code(fleet):
    a = fleet("a")
    code = a.profile.get_local(DEVICE_CODE_KEY)
    assert code and len(code) == 3
    assert fleet.sql("SELECT code FROM devices WHERE id = :d", d=a.profile.device_id) == [(code,)]
    b = fleet("b", index=1)
    assert b.profile.get_local(DEVICE_CODE_KEY) not in (None, code)


def test_the_desktops_clock_reaches_the_server(fleet, monkeypatch):
    a = fleet("a")
    a.client.cycle()
    a.edit(Patient, a.patient_ids()[0], phone="13912345679")
    real_now = clock.now
    monkeypatch.setattr(clock, "now", lambda: real_now() + dt.timedelta(minutes=10))  # this desktop runs fast
    a.client.cycle()
    (skew,), = fleet.sql("SELECT clock_skew_s FROM devices WHERE id = :d", d=a.profile.device_id)
    assert 590 <= skew <= 610
    audit = fleet.sql("SELECT clock_skew_s FROM audit_entries WHERE device_id = :d AND clock_skew_s IS NOT NULL",
                      d=a.profile.device_id)
    assert audit and all(590 <= s <= 610 for (s,) in audit)

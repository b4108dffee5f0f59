"""A sync failure has a kind decided by the server's code and status, never by its words;
the words people read come from ui/problem_templates in one language (the window and the
`sync` command alike). Recorded server answers stand in for the server here; the same
refusals from a real server process are in tests/e2e/test_sync_errors_e2e.py."""
from __future__ import annotations

import datetime as dt
import json
import re

import httpx
import orjson
import pytest

from app import clock
from app.secrets import KeyringUnavailable
from app.sync import errors
from app.sync import local
from app.sync import service
from app.sync.client import DEVICE_CODE_KEY
from app.sync.client import SyncClient
from app.sync.errors import SyncError
from db.models import OutboxEntry
from db.models import Patient
from ui.problem_templates import ENGLISH
from ui.sync import say

CJK = re.compile(r"[\u4e00-\u9fff]")


def body(code, **params) -> bytes:
    return json.dumps({"code": code, "params": params, "detail": "English, for logs"}).encode()


@pytest.mark.parametrize("status, answer, signing_in, kind", [
    (401, body("auth.wrong_credentials"), True, errors.WRONG_CREDENTIALS),
    (401, body("auth.token_expired"), False, errors.SIGNED_OUT),
    (401, body("auth.refresh_reused"), False, errors.SIGNED_OUT),
    (429, body("auth.slow_down", retry_after_s=40), True, errors.SLOWED_DOWN),
    (403, body("auth.account_disabled"), True, errors.ACCOUNT_DISABLED),
    (403, body("auth.device_other_user"), True, errors.DEVICE_OTHER_USER),
    (403, body("auth.device_revoked"), False, errors.DEVICE_REVOKED),
    (409, body("sync.schema_mismatch"), False, errors.VERSION),
    (409, body("audit.hash_mismatch", seq=3), False, errors.REFUSED),
    (413, body("request.too_large", max_mib=32), False, errors.REFUSED),
    (503, body("server.database_down"), False, errors.SERVER_BUSY),
    (403, body("auth.something_new"), True, errors.REFUSED),  # a newer server's code: not "disabled"
    # An older server: {"detail": "..."} only; its status decides, whatever the words say.
    (401, b'{"detail": "this account is disabled"}', True, errors.WRONG_CREDENTIALS),
    (401, b'{"detail": "sign in again"}', False, errors.SIGNED_OUT),
    (423, b'{"detail": "too many failed logins"}', True, errors.SLOWED_DOWN),
    (403, b'{"detail": "this account is disabled"}', False, errors.ACCOUNT_DISABLED),
    (409, b'{"detail": "this CaseDesk is too old"}', False, errors.REFUSED),
    (502, b"<html>Bad gateway</html>", False, errors.OFFLINE),
    (503, b'{"detail": "busy"}', False, errors.SERVER_BUSY),
    (500, b"Internal Server Error", False, errors.SERVER_ERROR),
])
def test_the_kind_comes_from_the_code_or_the_status(status, answer, signing_in, kind):
    exc = errors.from_answer(status, answer, {}, signing_in=signing_in)
    assert (exc.kind, exc.status) == (kind, status)
    assert service.classify(exc) == kind


def test_the_wrong_person_on_a_shared_desktop_is_not_told_the_account_is_disabled():
    exc = errors.from_answer(403, body("auth.device_other_user"), {}, signing_in=True)
    zh, en = say.failure(exc, "zh_CN"), say.failure(exc, "en")
    assert "另一位用户" in zh and "停用" not in zh
    assert "another person" in en and "disabled" not in en and not CJK.search(en)
    disabled = errors.from_answer(403, body("auth.account_disabled"), {}, signing_in=True)
    assert "停用" in say.failure(disabled, "zh_CN")


def test_a_slow_down_says_how_long_to_wait():
    exc = errors.from_answer(429, body("auth.slow_down", retry_after_s=40), {"retry-after": "40"})
    assert say.failure(exc, "zh_CN") == "登录尝试次数过多，请等待 40 秒后再试。"
    assert say.failure(exc, "en") == "Too many sign-in attempts. Wait 40 seconds, then try again."
    # The header alone is enough; without either, the words still say to wait.
    header_only = errors.from_answer(429, b'{"detail": "slow down"}', {"retry-after": "90"})
    assert "90 秒" in say.failure(header_only, "zh_CN")
    old = errors.from_answer(423, b'{"detail": "too many failed logins; try again in 15 minutes"}', {})
    assert say.failure(old, "zh_CN") == "登录尝试次数过多，请等几分钟后再试。"


@pytest.mark.parametrize("exc", [
    SyncError(errors.OFFLINE), SyncError(errors.TIMEOUT), SyncError(errors.UNREADABLE),
    errors.from_answer(413, body("request.too_large", max_mib=32), {}),
    errors.from_answer(404, b'{"detail": "Not Found"}', {}),
    errors.from_answer(409, body("sync.schema_mismatch"), {}),
    KeyringUnavailable("locked"), RuntimeError("a bug"),
])
def test_each_failure_reads_in_one_language(exc):
    zh, en = say.failure(exc, "zh_CN"), say.failure(exc, "en")
    assert CJK.search(zh) and not re.search(r"[A-Za-z]{4,}", zh.replace("CaseDesk", "").replace("HTTP", "")
                                            .replace("MiB", ""))
    assert en and not CJK.search(en)
    assert "English, for logs" not in zh + en  # the server's detail is for logs only


def test_every_kind_has_words():
    for kind in service.KINDS:
        assert f"sync.kind.{kind}" in ENGLISH, kind


def recorded(answers: dict[str, tuple[int, dict]], seen: list):
    """A transport that answers each path with a recorded answer of the server (issue #14)."""
    def handle(request: httpx.Request) -> httpx.Response:
        seen.append((request.url.path, json.loads(request.content)))
        status, answer = answers[request.url.path]
        return httpx.Response(status, json=answer)
    return httpx.MockTransport(handle)


LOGIN_ANSWER = {"access_token": "a" * 43, "refresh_token": "r" * 43, "expires_in": 900,
                "user": {"id": "0190f000-0000-7000-8000-000000000001", "username": "cm01",
                         "display_name": "王芳", "role": "clinic_cm"},
                "device_code": "K7Q"}


def test_the_device_code_from_the_sign_in_is_kept(profile):
    seen = []
    refreshed = {**LOGIN_ANSWER, "device_code": "K7Q"}
    refreshed.pop("user")
    client = SyncClient(profile, "http://server.test", transport=recorded(
        {"/auth/login": (200, LOGIN_ANSWER), "/auth/refresh": (200, refreshed)}, seen))
    try:
        assert profile.get_local(DEVICE_CODE_KEY) is None
        client.login("cm01", "cm01-demo")
        assert profile.get_local(DEVICE_CODE_KEY) == "K7Q"
        profile.set_local(DEVICE_CODE_KEY, "")  # a refresh that carries it keeps it too
        client._refresh()
        assert profile.get_local(DEVICE_CODE_KEY) == "K7Q"
        assert seen[0][1]["device_id"] == profile.device_id
    finally:
        client.close()


def test_push_and_audit_carry_the_desktops_clock(profile, monkeypatch):
    monkeypatch.setattr(clock, "now", lambda: dt.datetime(2026, 3, 2, 6, 30, tzinfo=dt.timezone.utc))
    with profile.store.write() as tx:
        tx.add(Patient(name="赵敏", sex="F", birth_date=dt.date(1970, 5, 6)))
    with profile.sessions() as s:
        mutations = [e.mutation_id for e in local.pending_wire(s, 10)]
    seen = []
    client = SyncClient(profile, "http://server.test", transport=recorded({
        "/sync/push": (200, {"results": [{"mutation_id": m, "status": "applied", "version": 1, "server_seq": 9}
                                         for m in mutations]}),
        "/sync/audit": (200, {"stored": 1, "acked_seq": 10**6}),
    }, seen))
    client.access_token = "a" * 43
    try:
        client.push()
        from app.sync import audit_push
        audit_push.send(profile, client._stamped)
    finally:
        client.close()
    assert [(path, b.get("client_time")) for path, b in seen] == [
        ("/sync/push", "2026-03-02T06:30:00+00:00"), ("/sync/audit", "2026-03-02T06:30:00+00:00")]


def rejected(profile, answer: dict) -> service.OutboxItem:
    with profile.store.write() as tx:
        p = tx.add(Patient(name="赵敏", sex="F", birth_date=dt.date(1970, 5, 6)))
    with profile.sessions.begin() as s:
        entry = s.query(OutboxEntry).filter_by(row_id=p.id).one()
        local.record_results(s, [{"mutation_id": entry.mutation_id, "status": "rejected", **answer}])
    (item,) = [i for i in service.outbox_items(profile, ("rejected",)) if i.row_id == p.id]
    return item


def test_a_refused_change_keeps_its_problems_and_reads_in_the_persons_language(profile):
    item = rejected(profile, {"problems": [{"code": "sync.base_version_ahead", "field": None,
                                            "params": {"base": 7, "server": 3}}],
                              "reason": "base version 7 is ahead of the server's 3"})
    assert item.reason == "base version 7 is ahead of the server's 3"  # kept for logs
    assert [p.code for p in item.problems] == ["sync.base_version_ahead"]
    assert say.rejection(item, "zh_CN").startswith("这项更改基于该记录的第 7 版")
    assert say.rejection(item, "en").startswith("This change was made on version 7 of the record")


def test_an_older_servers_reason_is_still_shown(profile):
    item = rejected(profile, {"reason": "name: a patient needs a name"})
    assert item.problems == [] and say.rejection(item, "zh_CN") == "name: a patient needs a name"


def test_no_sync_code_decides_by_reading_a_message():
    """What happened is the kind, status and code; the words of an exception are for logs."""
    from pathlib import Path
    root = Path(__file__).resolve().parents[2]
    files = [*sorted((root / "app" / "sync").glob("*.py")), root / "app" / "commands" / "sync.py",
             *sorted((root / "ui" / "sync").glob("*.py"))]
    reading = re.compile(r"""["'][^"']+["']\s+(not\s+)?in\s+(str\(|\w*reason|\w*message|\w*detail\b)"""
                         r"""|re\.\w+\([^)]*str\(exc""")
    found = [f"{path.relative_to(root)}:{n}: {line.strip()}" for path in files
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if reading.search(line)]
    assert found == []  # conflicts too: the server's conflict answer carries its kind
    assert not reading.search("if exc.kind == errors.VERSION:") and reading.search('"too old" in str(exc)')


def test_a_push_batch_stops_short_of_the_byte_bound_and_the_rest_goes_next(profile, monkeypatch):
    """Long notes: a batch of the usual count could pass the server's body limit (a 413 that
    would come back every cycle); it is cut by size instead, never below one mutation."""
    from app.sync import client as client_mod
    with profile.store.write() as tx:
        for i in range(5):
            tx.add(Patient(name=f"赵敏{i}", sex="F", birth_date=dt.date(1970, 5, 6), warning_flags="长" * 1500))
    monkeypatch.setattr(client_mod, "PUSH_BYTES", 10_000)  # ~2 of these mutations (UTF-8: 4.5 KB each)
    client = SyncClient(profile, "http://server.test", transport=recorded({}, []))
    try:
        first, payload = client._read_batch(None)
        assert 1 <= len(first) < 5
        assert [orjson.loads(m)["mutation_id"] for m in payload] == [e.mutation_id for e in first]
        rest, _ = client._read_batch(first[-1].seq)
        monkeypatch.setattr(client_mod, "PUSH_BYTES", 10)  # smaller than any one mutation: still one goes
        one, _ = client._read_batch(None)
    finally:
        client.close()
    assert len(one) == 1
    with profile.sessions() as s:
        waiting = [e.mutation_id for e in local.pending_wire(s, 100)]
    assert [e.mutation_id for e in first + rest][:len(waiting)] == waiting[:len(first) + len(rest)]
    assert len(first) + len(rest) <= len(waiting)

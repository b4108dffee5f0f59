"""`python main.py sync` as a person or a script runs it, against a real server process."""
from __future__ import annotations

import re

import pytest
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy import update

from app.profile import Profile
from db.models import OutboxEntry
from db.models import Patient
from tests.e2e.conftest import users_by_role
from tests.support import run_main

pytestmark = pytest.mark.usefixtures("keyring_ready")

CJK = re.compile(r"[\u4e00-\u9fff]")
CHINESE = {"LANG": "C.UTF-8", "LC_ALL": "", "CASEDESK_LANG": ""}
ENGLISH = {"LANG": "en_GB.UTF-8", "LC_ALL": "", "CASEDESK_LANG": ""}


@pytest.fixture
def cm(demo_db) -> str:
    return users_by_role(demo_db)["clinic_cm"][0]


def signed_in_sync(tmp_path, server, user, *extra, env=None):
    return run_main("sync", "--profile", str(tmp_path / "desk"), "--server", server.url, "--login", user,
                    *extra, env={"CASEDESK_PASSWORD": f"{user}-demo", **(env or ENGLISH)})


def patients(path) -> int:
    profile = Profile.open(path)
    try:
        with profile.sessions() as s:
            return s.scalar(select(func.count()).select_from(Patient))
    finally:
        profile.close()


def test_login_and_first_sync_make_a_new_desktop(tmp_path, demo_server, cm):
    out = signed_in_sync(tmp_path, demo_server, cm)
    assert out.returncode == 0, out.stderr
    assert "signed in as" in out.stdout
    assert "pulled:" in out.stdout and "pulled: 0 rows" not in out.stdout
    assert "received changes up to" in out.stderr  # a first sync shows its pages
    assert patients(tmp_path / "desk") == 120
    again = run_main("sync", "--profile", str(tmp_path / "desk"), env=CHINESE)  # server URL and sign-in kept
    assert again.returncode == 0, again.stderr
    assert "已发送：无" in again.stdout and "已接收：0 行" in again.stdout
    assert not re.search(r"[a-z]{3,}", again.stdout)  # Chinese by default, and only Chinese
    assert again.stderr == ""


def test_a_local_edit_is_pushed_and_reported(tmp_path, demo_server, cm):
    assert signed_in_sync(tmp_path, demo_server, cm).returncode == 0
    profile = Profile.open(tmp_path / "desk")
    with profile.store.write() as tx:
        p = tx.session.scalars(select(Patient).limit(1)).one()
        tx.update(p, phone="13811112222")
    profile.close()
    out = run_main("--lang", "en", "sync", "--profile", str(tmp_path / "desk"), env=CHINESE)
    assert out.returncode == 0, out.stderr
    assert "pushed: 1 applied" in out.stdout
    assert "waiting: 0 changes" in out.stdout


def test_server_down_exits_3_and_keeps_the_change(tmp_path, demo_server, cm):
    assert signed_in_sync(tmp_path, demo_server, cm).returncode == 0
    profile = Profile.open(tmp_path / "desk")
    with profile.store.write() as tx:
        tx.update(tx.session.scalars(select(Patient).limit(1)).one(), phone="13822223333")
    profile.close()
    demo_server.stop()
    out = run_main("sync", "--profile", str(tmp_path / "desk"), env=CHINESE)
    assert out.returncode == 3
    assert "无法连接服务器。您的更改已保留" in out.stderr
    profile = Profile.open(tmp_path / "desk")
    with profile.sessions() as s:
        assert s.scalar(select(func.count()).select_from(OutboxEntry)) == 1
    profile.close()
    demo_server.start()
    back = run_main("sync", "--profile", str(tmp_path / "desk"), env=CHINESE)
    assert back.returncode == 0 and "已发送：已接受 1 项" in back.stdout


def test_wrong_password_is_said_plainly_in_chinese_or_english(tmp_path, demo_server, cm):
    args = ("sync", "--profile", str(tmp_path / "desk"), "--server", demo_server.url, "--login", cm)
    zh = run_main(*args, env={"CASEDESK_PASSWORD": "not-the-password", **CHINESE})
    assert zh.returncode == 2
    assert "用户名或密码错误" in zh.stderr and "wrong" not in zh.stderr.lower()
    assert "Traceback" not in zh.stderr
    en = run_main("--lang", "en", *args, env={"CASEDESK_PASSWORD": "not-the-password", **CHINESE})
    assert en.returncode == 2 and "Wrong user name or password." in en.stderr
    assert not CJK.search(en.stderr), en.stderr


def test_no_server_and_no_sign_in_are_errors_not_crashes(tmp_path, demo_server, cm):
    Profile.open(tmp_path / "desk").close()
    no_server = run_main("sync", "--profile", str(tmp_path / "desk"), env=CHINESE)
    assert no_server.returncode == 2 and "没有配置服务器" in no_server.stderr
    not_signed = run_main("sync", "--profile", str(tmp_path / "desk"), "--server", demo_server.url, env=ENGLISH)
    assert not_signed.returncode == 2 and "Please sign in to the server" in not_signed.stderr
    bad_url = run_main("sync", "--profile", str(tmp_path / "desk"), "--server", "ftp://x")
    assert bad_url.returncode == 2 and "--server must be" in bad_url.stderr


def test_unreachable_server_at_sign_in_is_offline(tmp_path):
    out = run_main("sync", "--profile", str(tmp_path / "desk"), "--server", "http://127.0.0.1:9",
                   "--login", "cm01", env={"CASEDESK_PASSWORD": "x", **CHINESE})
    assert out.returncode == 3 and "无法连接服务器" in out.stderr and "[offline]" in out.stderr


def test_a_refused_change_is_listed_with_its_reason_in_the_persons_language(tmp_path, demo_server, cm):
    assert signed_in_sync(tmp_path, demo_server, cm).returncode == 0
    profile = Profile.open(tmp_path / "desk")
    with profile.store.write() as tx:
        patient = tx.session.scalars(select(Patient).order_by(Patient.id).limit(1)).one()
        name = patient.name
        tx.update(patient, phone="13822224444")
    with profile.sessions.begin() as s:  # a desktop claiming a version the server never had
        s.execute(update(OutboxEntry).values(base_version=OutboxEntry.base_version + 50))
    profile.close()
    zh = run_main("sync", "--profile", str(tmp_path / "desk"), env=CHINESE)
    assert zh.returncode == 0, zh.stderr
    assert f"  ✗ 患者 {name}：这项更改基于该记录的第" in zh.stdout
    en = run_main("--lang", "en", "sync", "--profile", str(tmp_path / "desk"), env=CHINESE)
    assert en.returncode == 0, en.stderr
    line = next(t for t in en.stdout.splitlines() if t.startswith("  ✗ "))
    assert line.startswith(f"  ✗ patient {name}: This change was made on version")  # still there, still refused

"""Accounts as a county sets them up: `server init`, `server users …`, the first sign-in forced
to change its one-time password, `POST /auth/password`, and the desktop's `password` command.
Real PostgreSQL, the real command line, a real server process over HTTP."""
from __future__ import annotations

import csv
import os
import subprocess
import sys
import uuid

import httpx
import pytest
from sqlalchemy import create_engine
from sqlalchemy import text
from sqlalchemy.pool import NullPool

from tests.conftest import PG_ADMIN_URL
from tests.conftest import _pg_admin
from tests.e2e.conftest import ServerProcess
from tests.e2e.conftest import free_port
from tests.support import ROOT
from tests.support import run_main

ADMIN_PASSWORD = "Beilun-county1"
ENGLISH = {"LANG": "en_GB.UTF-8", "LC_ALL": "", "CASEDESK_LANG": ""}


def fresh_database() -> str:
    name = f"casedesk_acct_{uuid.uuid4().hex[:8]}"
    admin = _pg_admin()
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return name


def drop_database(name: str) -> None:
    admin = _pg_admin()
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def url_of(name: str) -> str:
    return f"{PG_ADMIN_URL.rsplit('/', 1)[0]}/{name}"


def server_cli(*args, password: str | None = None):
    env = dict(ENGLISH)
    if password is not None:
        env["CASEDESK_PASSWORD"] = password
    return run_main("server", *args, env=env)


class County:
    def __init__(self, db: str, server: ServerProcess):
        self.db, self.server, self.url = db, server, server.url
        self.engine = create_engine(db, poolclass=NullPool)

    def sql(self, statement: str, **params):
        with self.engine.begin() as conn:
            result = conn.execute(text(statement), params)
            return result.all() if result.returns_rows else None

    def users(self, *args):
        return server_cli("users", *args[:1], "--db", self.db, *args[1:])

    def add(self, role: str = "community_cm") -> tuple[str, str]:
        username = f"cm{uuid.uuid4().hex[:6]}"
        out = self.users("add", "--username", username, "--name", "王芳", "--role", role, "--org", "ROOT")
        assert out.returncode == 0, out.stderr
        one_time = out.stdout.split(f"One-time password for {username}: ")[1].split()[0]
        return username, one_time

    def post(self, path: str, body: dict, token: str | None = None) -> httpx.Response:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        return httpx.post(f"{self.url}{path}", json=body, headers=headers, timeout=30)

    def login(self, username: str, password: str, device: str | None = None) -> httpx.Response:
        return self.post("/auth/login", {"username": username, "password": password,
                                         "device_id": device or str(uuid.uuid4())})

    def change(self, username: str, old: str, new: str, device: str | None = None) -> httpx.Response:
        return self.post("/auth/password", {"username": username, "old_password": old, "new_password": new,
                                            "device_id": device or str(uuid.uuid4())})

    def events(self, username: str) -> list[tuple[str, str | None]]:
        return [tuple(r) for r in self.sql(
            "SELECT e.kind, e.code FROM security_events e LEFT JOIN users u ON u.id = e.user_id "
            "WHERE u.username = :u OR e.username = :u ORDER BY e.at, e.id", u=username)]


@pytest.fixture(scope="module")
def county():
    """A database made by `server init` (no demo), served by a real server process."""
    name = fresh_database()
    db = url_of(name)
    out = server_cli("init", "--db", db, password=ADMIN_PASSWORD)
    assert out.returncode == 0, out.stderr
    server = ServerProcess(db).start()
    place = County(db, server)
    yield place
    server.stop()
    place.engine.dispose()
    drop_database(name)


def test_init_refuses_a_weak_password_makes_the_admin_once_and_no_demo_data():
    name = fresh_database()
    db = url_of(name)
    try:
        weak = server_cli("init", "--db", db, password="admin123")
        assert weak.returncode == 2
        assert "must not contain the login name “admin”" in weak.stderr
        short = server_cli("init", "--db", db, password="aB1")
        assert short.returncode == 2 and "at least 8 characters" in short.stderr
        engine = create_engine(db, poolclass=NullPool)
        with engine.connect() as conn:  # refused before anything was written: not even the schema
            assert conn.execute(text("SELECT to_regclass('users')")).scalar() is None
        done = server_cli("init", "--db", db, password=ADMIN_PASSWORD)
        assert done.returncode == 0, done.stderr
        assert "administrator “admin” can sign in" in done.stdout
        again = server_cli("init", "--db", db, password="Other-pass99")
        assert again.returncode == 0 and "already initialised" in again.stdout
        with engine.connect() as conn:
            assert conn.execute(text("SELECT username, role FROM users")).all() == [("admin", "admin")]
            assert conn.execute(text("SELECT code, kind FROM org_units")).all() == [("ROOT", "centre")]
            assert conn.execute(text("SELECT count(*) FROM patients")).scalar() == 0
            assert conn.execute(text("SELECT kind FROM security_events")).scalars().all() == ["server_initialised"]
            # synced rows: the desktops pull the administrator and the root unit
            assert conn.execute(text("SELECT count(*) FROM change_log")).scalar() == 2
        engine.dispose()
        listed = server_cli("users", "list", "--db", db)
        assert listed.returncode == 0 and "admin" in listed.stdout and "ROOT" in listed.stdout
    finally:
        drop_database(name)


def test_admin_signs_in_with_the_init_password(county):
    answer = county.login("admin", ADMIN_PASSWORD)
    assert answer.status_code == 200, answer.text
    assert answer.json()["user"]["role"] == "admin"
    assert "password_expires_in_days" not in answer.json()


def test_a_one_time_password_must_be_changed_and_only_the_right_password_learns_it(county):
    username, one_time = county.add()
    wrong = county.login(username, one_time + "x")
    assert wrong.status_code == 401 and wrong.json()["code"] == "auth.wrong_credentials"
    first = county.login(username, one_time)
    assert first.status_code == 403, first.text
    assert first.json()["code"] == "auth.password_change_required"
    assert first.json()["params"] == {"reason": "one_time"}
    weak = county.change(username, one_time, "longbutweak")
    assert weak.status_code == 422 and weak.json()["code"] == "password.classes"
    same = county.change(username, one_time, one_time)
    assert same.status_code == 422 and same.json()["code"] == "password.reused"
    named = county.change(username, one_time, f"My-{username.upper()}-1")
    assert named.status_code == 422 and named.json()["code"] == "password.contains_username"
    bad_old = county.change(username, "Not-the-one1", "Strong-pass42")
    assert bad_old.status_code == 401 and bad_old.json()["code"] == "auth.wrong_credentials"
    changed = county.change(username, one_time, "Strong-pass42")
    assert changed.status_code == 200, changed.text
    assert changed.json()["user"]["username"] == username and changed.json()["access_token"]
    assert county.login(username, "Strong-pass42").status_code == 200
    assert county.login(username, one_time).status_code == 401
    again = county.change(username, "Strong-pass42", one_time)  # one of the last five
    assert again.status_code == 422 and again.json()["code"] == "password.reused"
    kinds = [k for k, _ in county.events(username)]
    assert kinds[:2] == ["user_added", "login_failed"]
    assert ("login_failed", "auth.password_change_required") in county.events(username)
    assert kinds.count("password_refused") == 4 and "password_changed" in kinds


def test_an_expired_password_must_be_changed_and_a_warning_comes_before(county):
    username, one_time = county.add()
    assert county.change(username, one_time, "Strong-pass42").status_code == 200
    county.sql("UPDATE credentials SET changed_at = now() - interval '170 days' WHERE user_id = "
               "(SELECT id FROM users WHERE username = :u)", u=username)
    warned = county.login(username, "Strong-pass42")
    assert warned.status_code == 200 and warned.json()["password_expires_in_days"] in (9, 10)
    county.sql("UPDATE credentials SET changed_at = now() - interval '181 days' WHERE user_id = "
               "(SELECT id FROM users WHERE username = :u)", u=username)
    expired = county.login(username, "Strong-pass42")
    assert expired.status_code == 403 and expired.json()["params"] == {"reason": "expired"}
    assert county.change(username, "Strong-pass42", "Fresh-pass43").status_code == 200
    assert "password_expires_in_days" not in county.login(username, "Fresh-pass43").json()


def test_disabling_a_person_ends_their_tokens_at_once_and_enabling_lets_them_back(county):
    username, one_time = county.add()
    device = str(uuid.uuid4())
    body = county.change(username, one_time, "Strong-pass42", device).json()
    check = {"tables": ["patients"]}
    assert county.post("/sync/check", check, body["access_token"]).status_code == 200
    out = county.users("disable", username)
    assert out.returncode == 0 and "disabled" in out.stdout
    refused = county.post("/sync/check", check, body["access_token"])
    assert refused.status_code == 403 and refused.json()["code"] == "auth.account_disabled"
    assert county.sql("SELECT count(*) FROM auth_tokens WHERE user_id = (SELECT id FROM users WHERE username = :u) "
                      "AND revoked_at IS NULL", u=username) == [(0,)]
    renewed = county.post("/auth/refresh", {"refresh_token": body["refresh_token"], "device_id": device})
    assert renewed.status_code == 403 and renewed.json()["code"] == "auth.account_disabled"
    assert county.login(username, "Strong-pass42").status_code == 401  # looks like any failure
    assert county.users("disable", username).stdout.count("already") == 1
    assert county.users("enable", username).returncode == 0
    assert county.login(username, "Strong-pass42").status_code == 200
    assert ("user_disabled", None) in county.events(username) and ("user_enabled", None) in county.events(username)


def test_reset_password_prints_a_one_time_password_once_and_ends_sessions(county):
    username, one_time = county.add()
    body = county.change(username, one_time, "Strong-pass42").json()
    out = county.users("reset-password", username)
    assert out.returncode == 0, out.stderr
    fresh = out.stdout.split(f"One-time password for {username}: ")[1].split()[0]
    assert county.post("/sync/check", {"tables": ["patients"]}, body["access_token"]).status_code == 401
    assert county.login(username, "Strong-pass42").status_code == 401
    assert county.login(username, fresh).json()["code"] == "auth.password_change_required"
    assert ("password_reset", None) in county.events(username)


@pytest.mark.parametrize("args, said", [
    (("add", "--username", "bad name", "--name", "x", "--role", "clinic_cm", "--org", "ROOT"), "cannot be a login name"),
    (("add", "--username", "ok1", "--name", "x", "--role", "nurse", "--org", "ROOT"), "“nurse” is not a role"),
    (("add", "--username", "ok1", "--name", "x", "--role", "clinic_cm", "--org", "NOPE"), "code “NOPE”"),
    (("add", "--username", "admin", "--name", "x", "--role", "clinic_cm", "--org", "ROOT"), "taken already"),
    (("add", "--username", "ok1", "--name", "x", "--role", "clinic_cm", "--org", "ROOT", "--phone", "call me"),
     "not a telephone number"),
    (("disable", "nobody"), "no account “nobody”"),
    (("reset-password", "nobody"), "no account “nobody”"),
    (("disable", "admin"), "last active administrator"),
])
def test_bad_administrative_input_is_refused_in_words_and_changes_nothing(county, args, said):
    before = county.sql("SELECT count(*), sum(version) FROM users")
    out = county.users(*args)
    assert out.returncode == 2
    assert said in out.stderr and "Traceback" not in out.stderr
    assert county.sql("SELECT count(*), sum(version) FROM users") == before


def test_commands_without_a_database_say_so():
    out = server_cli("users", "list")
    assert out.returncode == 2 and "needs --db URL" in out.stderr
    unreachable = server_cli("users", "list", "--db", "postgresql+psycopg://nobody@127.0.0.1:1/none")
    assert unreachable.returncode == 2 and "cannot be used" in unreachable.stderr
    assert "Traceback" not in unreachable.stderr


def write_csv(path, rows, encoding="utf-8-sig"):
    with open(path, "w", encoding=encoding, newline="") as fh:
        csv.writer(fh).writerows(rows)
    return path


def write_xlsx(path, rows):
    import openpyxl

    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(list(row))
    book.save(path)
    return path


HEADER = ("用户名", "姓名", "角色", "机构编码", "电话")


def test_a_staff_list_with_bad_lines_is_refused_whole_and_every_line_named(county, tmp_path):
    taken = county.add()[0]
    sheet = write_csv(tmp_path / "staff.csv", [
        HEADER,
        ("zhang.wei", "张伟", "属地个案管理师", "ROOT", "13800000001"),  # good: still not written
        ("bad name", "李四", "家庭医生", "ROOT", ""),
        ("wang.fang", "", "护士", "NOPE", "call me"),
        ("zhang.wei", "张伟二", "管理员", "ROOT", ""),
    ])
    before = county.sql("SELECT count(*) FROM users")
    out = county.users("import", str(sheet), "--passwords-out", str(tmp_path / "pw.csv"))
    assert out.returncode == 2
    lines = out.stderr.splitlines()
    for expected in ("Line 3, column 用户名: “bad name” cannot be a login name",
                     "Line 4, column 姓名: the name is empty",
                     "Line 4, column 角色: “护士” is not a role",
                     "Line 4, column 机构编码: there is no organisation unit with the code “NOPE”",
                     "Line 4, column 电话: “call me” is not a telephone number",
                     "Line 5, column 用户名: “zhang.wei” is in the list already (line 2)"):
        assert any(line.startswith(expected) for line in lines), (expected, out.stderr)
    assert "6 problem(s) in the staff list: nothing was imported." in out.stderr
    assert county.sql("SELECT count(*) FROM users") == before
    assert not (tmp_path / "pw.csv").exists()
    missing = write_csv(tmp_path / "cols.csv", [("用户名", "姓名"), ("a1", "甲")])
    out = county.users("import", str(missing), "--passwords-out", str(tmp_path / "pw.csv"))
    assert out.returncode == 2 and "lacks the column(s) 角色、机构编码" in out.stderr
    other = tmp_path / "staff.txt"
    other.write_text("x")
    out = county.users("import", str(other), "--passwords-out", str(tmp_path / "pw.csv"))
    assert out.returncode == 2 and "is not a .csv, .xlsx, .xls or .ods file" in out.stderr
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"not a zip")
    out = county.users("import", str(broken), "--passwords-out", str(tmp_path / "pw.csv"))
    assert out.returncode == 2 and "cannot be read" in out.stderr and "Traceback" not in out.stderr
    assert taken  # the county's other people are untouched
    assert county.sql("SELECT count(*) FROM users") == before


def test_a_staff_list_imports_with_one_time_passwords_only_in_the_sheet_and_reimport_updates(county, tmp_path):
    tag = uuid.uuid4().hex[:4]
    a, b = f"zhao{tag}", f"qian{tag}"
    sheet = write_xlsx(tmp_path / "staff.xlsx", [
        HEADER, (a, "赵敏", "一体化门诊个案管理师", "ROOT", 13800000002), (b, "钱涛", "family_doctor", "ROOT", None)])
    out = county.users("import", str(sheet), "--passwords-out", str(tmp_path / "pw.csv"))
    assert out.returncode == 0, out.stderr
    assert "2 added, 0 updated, 0 unchanged" in out.stdout
    with open(tmp_path / "pw.csv", encoding="utf-8-sig", newline="") as fh:
        given = list(csv.reader(fh))
    assert given[0] == ["用户名", "初始密码"] and {r[0] for r in given[1:]} == {a, b}
    for _name, password in given[1:]:
        assert password not in out.stdout + out.stderr  # the sheet is the only copy
    assert (tmp_path / "pw.csv").stat().st_mode & 0o077 == 0
    assert county.sql("SELECT role, phone FROM users WHERE username = :u", u=a) == [("clinic_cm", "13800000002")]
    passwords = dict(given[1:])
    first = county.login(a, passwords[a])
    assert first.status_code == 403 and first.json()["code"] == "auth.password_change_required"
    again = write_csv(tmp_path / "staff2.csv", [
        HEADER, (a, "赵敏", "专病个案管理师", "ROOT", "0574-1234567"), (b, "钱涛", "家庭医生", "ROOT", "")],
        encoding="gb18030")  # as Excel in China saves a csv
    out = county.users("import", str(again), "--passwords-out", str(tmp_path / "pw.csv"))
    assert out.returncode == 2 and "exists already" in out.stderr
    out = county.users("import", str(again), "--passwords-out", str(tmp_path / "pw2.csv"))
    assert out.returncode == 0, out.stderr
    assert "0 added, 1 updated, 1 unchanged" in out.stdout
    assert county.sql("SELECT role, phone, version FROM users WHERE username = :u", u=a) == [
        ("ward_cm", "0574-1234567", 2)]
    assert county.login(a, passwords[a]).json()["code"] == "auth.password_change_required"  # password kept
    imports = county.sql("SELECT detail FROM security_events WHERE kind = 'users_imported'")
    assert any(d["added"] == [a, b] for (d,) in imports) and any(d["updated"] == [a] for (d,) in imports)


def test_the_desktop_changes_a_one_time_password_and_then_syncs(county, tmp_path, keyring_ready):
    username, one_time = county.add()
    desk = str(tmp_path / "desk")
    sync = run_main("sync", "--profile", desk, "--server", county.url, "--login", username,
                    env={**ENGLISH, "CASEDESK_PASSWORD": one_time})
    assert sync.returncode == 2, sync.stderr
    assert "must be changed before you can sign in" in sync.stderr and "main.py password" in sync.stderr
    weak = run_main("password", "--profile", desk, "--login", username, "--server", county.url,
                    env={**ENGLISH, "CASEDESK_PASSWORD": one_time, "CASEDESK_NEW_PASSWORD": "weakweakweak"})
    assert weak.returncode == 2 and "at least 3 of these kinds" in weak.stderr
    changed = run_main("password", "--profile", desk, "--login", username,
                       env={**ENGLISH, "CASEDESK_PASSWORD": one_time, "CASEDESK_NEW_PASSWORD": "Desk-pass-77"})
    assert changed.returncode == 0, changed.stderr
    assert f"The password of {username} was changed" in changed.stdout
    chinese = run_main("--lang", "zh_CN", "password", "--profile", desk, "--login", username,
                       env={"CASEDESK_PASSWORD": "Desk-pass-77", "CASEDESK_NEW_PASSWORD": "Desk-pass-77"})
    assert chinese.returncode == 2 and "最近用过" in chinese.stderr
    synced = run_main("sync", "--profile", desk, "--login", username,
                      env={**ENGLISH, "CASEDESK_PASSWORD": "Desk-pass-77"})
    assert synced.returncode == 0, synced.stderr
    assert "signed in as" in synced.stdout


def test_guessing_the_old_password_is_slowed_down_as_a_sign_in_is(county):
    username, one_time = county.add()
    for _ in range(5):  # the free failures (server/throttle.py)
        assert county.change(username, "Guess-pass-1", "Strong-pass42").status_code == 401
    slowed = county.change(username, one_time, "Strong-pass42")  # even the right one waits now
    assert slowed.status_code == 429 and slowed.json()["code"] == "auth.slow_down"
    assert int(slowed.headers["Retry-After"]) >= 1
    unknown = county.change(f"nobody{uuid.uuid4().hex[:4]}", "Guess-pass-1", "Strong-pass42")
    assert unknown.status_code == 401 and unknown.json() == county.change(
        username + "x", "Guess-pass-1", "Strong-pass42").json()  # an unknown name reads as a wrong password
    kinds = [k for k, _ in county.events(username)]
    assert kinds.count("login_failed") == 5 and "slowed" in kinds and "password_changed" not in kinds


def test_init_without_a_password_or_a_terminal_says_how_to_give_one():
    name = fresh_database()
    try:
        out = run_main("server", "init", "--db", url_of(name), env={**ENGLISH, "CASEDESK_PASSWORD": ""})
        assert out.returncode == 2 and "too short" in out.stderr  # an empty one is a weak one
        clean = {**{k: v for k, v in os.environ.items() if k != "CASEDESK_PASSWORD"}, **ENGLISH}
        out = subprocess.run([sys.executable, str(ROOT / "main.py"), "server", "init", "--db", url_of(name)],
                             env=clean, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=60)
        assert out.returncode == 2 and "set CASEDESK_PASSWORD" in out.stderr
    finally:
        drop_database(name)


def test_the_password_command_refuses_a_wrong_password_and_waits_for_an_unreachable_server(county, tmp_path,
                                                                                          keyring_ready):
    username, one_time = county.add()
    desk = str(tmp_path / "desk")
    wrong = run_main("password", "--profile", desk, "--login", username, "--server", county.url,
                     env={**ENGLISH, "CASEDESK_PASSWORD": "Not-it-123", "CASEDESK_NEW_PASSWORD": "Desk-pass-77"})
    assert wrong.returncode == 2 and "Traceback" not in wrong.stderr
    assert county.login(username, one_time).json()["code"] == "auth.password_change_required"  # unchanged
    away = run_main("password", "--profile", desk, "--login", username, "--server", f"http://127.0.0.1:{free_port()}",
                    env={**ENGLISH, "CASEDESK_PASSWORD": one_time, "CASEDESK_NEW_PASSWORD": "Desk-pass-77"})
    assert away.returncode == 3, away.stderr
    assert county.login(username, one_time).json()["code"] == "auth.password_change_required"

"""The administrator's endpoints (/admin/, server/admin_api.py) on PostgreSQL: an administrator
may, a case manager is refused 403 auth.admin_only (and the attempt is logged), every action is
in the security log with the address it came from, and an organisation file with a bad line
names it (line, column, reason) and writes nothing."""
from __future__ import annotations

import base64

import pytest


@pytest.fixture
def admin(api):
    return {"Authorization": api.login("admin")["Authorization"]}


def events(api, kind):
    return api.sql("SELECT username, client_addr, detail FROM security_events WHERE kind = :k ORDER BY at",
                   k=kind)


def org_file(text: str) -> dict:
    return {"filename": "units.csv", "content": base64.b64encode(text.encode("utf-8")).decode()}


def test_a_case_manager_is_refused_every_admin_endpoint_and_the_attempt_is_logged(api):
    cm = {"Authorization": api.login("clinic_cm")["Authorization"]}
    for method, path, body in (("get", "/admin/users", None), ("get", "/admin/org", None),
                               ("get", "/admin/devices", None), ("get", "/admin/security-log", None),
                               ("post", "/admin/users", {"username": "x1", "name": "X", "role": "admin",
                                                         "org": "ROOT"}),
                               ("post", "/admin/users/admin/reset-password", None),
                               ("post", "/admin/devices/dev-admin-0/revoke", None),
                               ("post", "/admin/org/import", org_file("编码,名称,类型,上级编码\n"))):
        answer = getattr(api.client, method)(path, headers=cm, **({"json": body} if body is not None else {}))
        assert answer.status_code == 403, (path, answer.text)
        assert answer.json()["code"] == "auth.admin_only"
    refused = events(api, "admin_refused")
    assert len(refused) == 8 and all(r[1] == "testclient" for r in refused)
    assert api.sql("SELECT count(*) FROM users WHERE username = 'x1'") == [(0,)]


def test_unsigned_requests_are_refused_before_the_body(api):
    answer = api.client.post("/admin/users", content=b"{not json")
    assert answer.status_code == 401 and answer.json()["code"] == "auth.signin_required"


def test_add_reset_disable_enable_each_in_the_security_log(api, admin):
    unit = api.sql("SELECT code FROM org_units WHERE kind = 'street_station' ORDER BY code LIMIT 1")[0][0]
    answer = api.client.post("/admin/users", headers=admin, json={"username": "wang.li", "name": "王丽",
                                                                  "role": "属地个案管理师", "org": unit})
    assert answer.status_code == 200, answer.text
    first = answer.json()["one_time_password"]
    listed = {u["username"]: u for u in api.client.get("/admin/users", headers=admin).json()["users"]}
    assert listed["wang.li"]["role"] == "community_cm" and listed["wang.li"]["must_change"]
    assert "one_time_password" not in listed["wang.li"]
    # the one-time password works once, and must be changed
    login = api.client.post("/auth/login", json={"username": "wang.li", "password": first, "device_id": "d-w"})
    assert login.status_code == 403 and login.json()["code"] == "auth.password_change_required"

    reset = api.client.post("/admin/users/wang.li/reset-password", headers=admin)
    assert reset.status_code == 200 and reset.json()["one_time_password"] != first
    off = api.client.post("/admin/users/wang.li/disable", headers=admin)
    assert off.json() == {"username": "wang.li", "active": False, "changed": True}
    again = api.client.post("/admin/users/wang.li/disable", headers=admin)
    assert again.json()["changed"] is False
    on = api.client.post("/admin/users/wang.li/enable", headers=admin)
    assert on.json()["active"] is True
    for kind in ("user_added", "password_reset", "user_disabled", "user_enabled"):
        (username, addr, detail), = events(api, kind)
        assert (username, addr, detail["by"]) == ("wang.li", "testclient", "admin"), kind
    # the one-time password is nowhere in the log
    assert api.sql("SELECT count(*) FROM security_events WHERE detail::text LIKE :p",
                   p=f"%{reset.json()['one_time_password']}%") == [(0,)]


def test_bad_person_is_refused_with_every_problem_and_nothing_written(api, admin):
    answer = api.client.post("/admin/users", headers=admin, json={"username": "bad name", "name": "X",
                                                                  "role": "chef", "org": "ROOT"})
    assert answer.status_code == 422
    body = answer.json()
    assert body["code"] == "account.username_invalid"
    assert [p["code"] for p in body["params"]["problems"]] == ["account.username_invalid", "account.role_unknown"]
    unknown = api.client.post("/admin/users/nobody/disable", headers=admin)
    assert unknown.status_code == 422 and unknown.json()["code"] == "account.unknown_user"
    last = api.client.post("/admin/users/admin/disable", headers=admin)
    assert last.status_code == 422 and last.json()["code"] == "account.last_admin"


def test_org_import_names_the_bad_line_and_writes_nothing(api, admin):
    before = api.sql("SELECT count(*), max(server_seq) FROM org_units")
    text = ("编码,名称,类型,上级编码,地址,电话,别名\n"
            "BL,北仑区防治分中心,分中心,,,,\n"
            "BL01,大碶街道工作站,街道工作站,BL,,,大碶街道\n"
            "BL0101,横杨社区防治点,社区防治点,BLXX,,,\n"
            "BL02,新碶街道工作站,诊所,BL,,,\n")
    answer = api.client.post("/admin/org/import", headers=admin, json=org_file(text))
    assert answer.status_code == 422, answer.text
    problems = answer.json()["params"]["problems"]
    assert [(p["code"], p["params"]["line"], p["params"]["column"]) for p in problems] == [
        ("org.unknown_parent", 4, "上级编码"), ("org.unknown_type", 5, "类型")]
    assert api.sql("SELECT count(*), max(server_seq) FROM org_units") == before
    assert events(api, "org_imported") == []
    for name in ("../units.csv", "a\\units.csv", "."):  # a name, never a path
        refused = api.client.post("/admin/org/import", headers=admin, json={**org_file(text), "filename": name})
        assert refused.status_code == 422, name
    not_a_sheet = api.client.post("/admin/org/import", headers=admin, json={**org_file(text), "filename": "..."})
    assert not_a_sheet.status_code == 422 and not_a_sheet.json()["code"] == "org.file_type"

    good = text.replace("BLXX", "BL01").replace("诊所", "街道工作站")
    answer = api.client.post("/admin/org/import", headers=admin, json=org_file(good))
    assert answer.status_code == 200, answer.text
    assert sorted(answer.json()["added"]) == ["BL", "BL01", "BL0101", "BL02"]
    (username, addr, detail), = events(api, "org_imported")
    assert (username, addr, detail["by"], detail["added"]) == ("admin", "testclient", "admin", 4)
    tree = {u["code"]: u for u in api.client.get("/admin/org", headers=admin).json()["units"]}
    assert tree["BL0101"]["parent"] == "BL01" and tree["BL01"]["aliases"] == ["大碶街道"]


def test_org_import_from_xlsx_names_the_bad_line(api, admin, tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    for row in (("编码", "名称", "类型", "上级编码"), ("BL", "北仑区防治分中心", "分中心", None),
                ("BL01", "大碶街道工作站", "街道工作站", "BL"), ("BL0101", "横杨社区防治点", "社区防治点", "BL")):
        sheet.append(row)
    book.save(tmp_path / "units.xlsx")
    before = api.sql("SELECT count(*) FROM org_units")
    content = base64.b64encode((tmp_path / "units.xlsx").read_bytes()).decode()
    answer = api.client.post("/admin/org/import", headers=admin, json={"filename": "units.xlsx", "content": content})
    assert answer.status_code == 422, answer.text
    assert [(p["code"], p["params"]["line"]) for p in answer.json()["params"]["problems"]] == [
        ("org.point_not_under_station", 4)]
    assert api.sql("SELECT count(*) FROM org_units") == before


def test_devices_list_and_revoke_logged_with_the_address(api, admin):
    api.login("clinic_cm", device="dev-lost-laptop")
    found = {d["id"]: d for d in api.client.get("/admin/devices", headers=admin).json()["devices"]}
    lost = found["dev-lost-laptop"]
    assert lost["username"] == api.users["clinic_cm"][0][0] and lost["last_addr"] == "testclient"
    answer = api.client.post("/admin/devices/dev-lost-laptop/revoke", headers=admin)
    assert answer.status_code == 200 and answer.json()["tokens_ended"] == 2
    assert answer.json()["device"]["revoked_at"]
    (_, addr, detail), = events(api, "device_revoked")
    assert addr == "testclient" and detail["by"] == "admin"
    twice = api.client.post("/admin/devices/dev-lost-laptop/revoke", headers=admin)
    assert twice.status_code == 422 and twice.json()["code"] == "devices.already_revoked"


def test_security_log_newest_first_filtered_by_person_and_date(api, admin):
    api.client.post("/auth/login", json={"username": "admin", "password": "wrong", "device_id": "dev-x"})
    log = api.client.get("/admin/security-log", headers=admin).json()["events"]
    assert [e["at"] for e in log] == sorted((e["at"] for e in log), reverse=True)
    assert log[0]["kind"] == "login_failed" and log[0]["user"] == "admin"
    cm = api.users["clinic_cm"][0][0]
    api.login("clinic_cm")
    mine = api.client.get("/admin/security-log", headers=admin, params={"user": cm}).json()["events"]
    assert mine and {e["user"] for e in mine} == {cm}
    api.client.post(f"/admin/users/{cm}/reset-password", headers=admin)
    by_admin = api.client.get("/admin/security-log", headers=admin, params={"user": "admin"}).json()["events"]
    assert by_admin[0]["kind"] == "password_reset" and by_admin[0]["user"] == cm  # what the administrator did
    future = api.client.get("/admin/security-log", headers=admin, params={"since": "2999-01-01"}).json()
    assert future["events"] == []
    past = api.client.get("/admin/security-log", headers=admin, params={"until": "2000-01-01"}).json()
    assert past["events"] == []
    bad = api.client.get("/admin/security-log", headers=admin, params={"since": "yesterday"})
    assert bad.status_code == 422 and bad.json()["code"] == "admin.bad_time"

"""Published files over HTTP (server/files.py) on real PostgreSQL, the server in-process: only an
administrator publishes or withdraws (403 for anyone else, logged), a bad file is a 422 naming
its file and line with nothing stored, the same bytes twice change nothing, everyone signed in
reads the list and the content, nobody unsigned does."""
from __future__ import annotations

import hashlib

from tests.support import ROOT

HOLIDAYS_2027 = (ROOT / "docs" / "examples" / "holidays" / "2027.toml").read_text(encoding="utf-8")


def admin(api) -> dict:
    return {"Authorization": api.login("admin")["Authorization"]}


def test_only_an_administrator_publishes_and_everyone_signed_in_reads(api):
    cm = {"Authorization": api.login("clinic_cm")["Authorization"]}
    refused = api.client.post("/files", json={"name": "2027.toml", "content": HOLIDAYS_2027}, headers=cm)
    assert refused.status_code == 403 and refused.json()["code"] == "files.admin_only"
    assert api.sql("SELECT count(*) FROM published_files") == [(0,)]
    assert api.sql("SELECT count(*) FROM security_events WHERE kind = 'scope_refused' AND code = 'files.admin_only'") \
        == [(1,)]
    assert api.client.get("/files").status_code == 401  # the edge asks for a token first
    assert api.client.post("/files", json={"name": "x", "content": "y"}).status_code == 401

    boss = admin(api)
    answer = api.client.post("/files", json={"name": "2027.toml", "content": HOLIDAYS_2027}, headers=boss)
    assert answer.status_code == 200, answer.text
    entry = answer.json()
    assert entry["kind"] == "holidays" and entry["version"] == "draft-2026-12-04" and entry["changed"] is True
    assert entry["published_by"] == api.users["admin"][0][0]
    assert entry["sha256"] == hashlib.sha256(HOLIDAYS_2027.encode()).hexdigest()

    listed = api.client.get("/files", headers=cm).json()["files"]
    assert [(f["id"], f["kind"], f["name"]) for f in listed] == [(entry["id"], "holidays", "2027.toml")]
    assert set(listed[0]) == {"id", "kind", "name", "version", "sha256", "size", "published_at", "published_by"}
    content = api.client.get(f"/files/{entry['id']}", headers=cm)
    assert content.status_code == 200 and content.content.decode("utf-8") == HOLIDAYS_2027
    assert api.client.get("/files/not-an-id", headers=cm).status_code == 404

    again = api.client.post("/files", json={"name": "2027.toml", "content": HOLIDAYS_2027}, headers=boss).json()
    assert again["id"] == entry["id"] and again["changed"] is False
    assert api.sql("SELECT count(*) FROM published_files") == [(1,)]

    assert api.client.post(f"/files/{entry['id']}/withdraw", headers=cm).status_code == 403
    gone = api.client.post(f"/files/{entry['id']}/withdraw", headers=boss)
    assert gone.status_code == 200 and gone.json()["withdrawn_at"]
    assert api.client.get("/files", headers=cm).json() == {"files": []}
    twice = api.client.post(f"/files/{entry['id']}/withdraw", headers=boss)
    assert twice.status_code == 409 and twice.json()["code"] == "files.already_withdrawn"
    assert [k for (k,) in api.sql("SELECT kind FROM security_events WHERE kind LIKE 'file_%' ORDER BY at")] == \
        ["file_published", "file_withdrawn"]


def test_a_bad_file_is_refused_with_its_line_and_nothing_is_stored(api):
    bundled = (ROOT / "resources" / "rules" / "followup.toml").read_text(encoding="utf-8")
    broken = bundled.replace('every = "3m"', 'every = "3x"', 1)
    line = broken.splitlines().index(next(x for x in broken.splitlines() if '"3x"' in x)) + 1
    answer = api.client.post("/files", json={"name": "followup.toml", "content": broken}, headers=admin(api))
    assert answer.status_code == 422
    body = answer.json()
    assert body["code"] == "files.refused"
    assert body["params"]["file"] == "followup.toml" and body["params"]["line"] == line
    assert body["params"]["kind"] == "rules"
    assert body["params"]["reason"]["code"] == "rules.file_interval_malformed"
    assert body["params"]["reason"]["params"]["where"] == f"followup.toml:{line}"
    assert api.sql("SELECT count(*) FROM published_files") == [(0,)]

    named = api.client.post("/files", json={"kind": "letters", "name": "thank_you.txt", "content": "x"},
                            headers=admin(api))
    assert named.status_code == 422 and named.json()["code"] == "files.bad_name"


def test_a_rule_id_used_twice_across_files_is_refused(api):
    """A pathway rule file is checked with the bundled set: a clash with another file shows."""
    screening = (ROOT / "resources" / "rules" / "screening.toml").read_text(encoding="utf-8")
    nodules = (ROOT / "resources" / "rules" / "nodules.toml").read_text(encoding="utf-8")
    taken = next(x.split("=", 1)[1].strip() for x in screening.splitlines() if x.startswith("id ="))
    clash = nodules.replace('id = "nodule-solid-5-15"', f"id = {taken}", 1)
    answer = api.client.post("/files", json={"name": "nodules.toml", "content": clash}, headers=admin(api))
    assert answer.status_code == 422, answer.text
    assert answer.json()["params"]["reason"]["code"] == "rules.duplicate_id"

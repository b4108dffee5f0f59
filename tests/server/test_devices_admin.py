"""`server devices list|revoke` on real PostgreSQL with the server in-process: the list shows each
desktop's user, last sync and address; revoking one ends its tokens at once (the next request
and a refresh are refused), logs a security event, and bad input exits 2 in words."""
from __future__ import annotations

from app.cli import run


def devices(api, capsys, *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = run(["--lang", "en", "server", "devices", *args, "--db", api.db_url])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_list_shows_each_desktop_and_revoke_ends_its_tokens_at_once(api, capsys):
    cm = api.login("clinic_cm", device="laptop-lost")
    other = api.login("clinic_cm", index=1, device="desk-kept")
    username = api.users["clinic_cm"][0][0]
    code, out, _ = devices(api, capsys, "list")
    assert code == 0
    line = next(row for row in out.splitlines() if row.startswith("laptop-lost"))
    assert username in line and "testclient" in line  # who, and the address it last came from
    assert api.sql("SELECT last_seen_at IS NOT NULL, code IS NOT NULL FROM devices WHERE id = 'laptop-lost'") == \
        [(True, True)]
    auth = {"Authorization": cm["Authorization"]}
    assert api.client.post("/sync/pull", json={"cursor": 0, "limit": 1}, headers=auth).status_code == 200

    code, out, err = devices(api, capsys, "revoke", "--device", "laptop-lost")
    assert code == 0, err
    assert "laptop-lost" in out and username in out and "2 sign-in token(s) ended" in out

    refused = api.client.post("/sync/pull", json={"cursor": 0, "limit": 1}, headers=auth)
    assert refused.status_code == 403 and refused.json()["code"] == "auth.device_revoked"
    again = api.client.post("/auth/refresh", json={"refresh_token": cm["refresh"], "device_id": "laptop-lost"})
    assert again.status_code == 403 and again.json()["code"] == "auth.device_revoked"
    assert api.sql("SELECT count(*) FROM auth_tokens WHERE device_id = 'laptop-lost' AND revoked_at IS NULL") == [(0,)]
    assert api.sql("SELECT count(*) FROM security_events WHERE kind = 'device_refused' AND device_id = 'laptop-lost'") \
        == [(1,)]  # its contact after the withdrawal is recorded
    kept = api.client.post("/sync/pull", json={"cursor": 0, "limit": 1},
                           headers={"Authorization": other["Authorization"]})
    assert kept.status_code == 200  # only that desktop
    assert api.sql("SELECT kind, device_id FROM security_events WHERE kind = 'device_revoked'") == \
        [("device_revoked", "laptop-lost")]
    _, out, _ = devices(api, capsys, "list")
    line = next(row for row in out.splitlines() if row.startswith("laptop-lost"))
    assert line.rstrip()[-16:-6].count("-") == 2  # the withdrawn date shows in its column


def test_revoke_bad_input_exits_2_in_words(api, capsys):
    api.login("clinic_cm", device="laptop-1")
    code, _, err = devices(api, capsys, "revoke", "--device", "no-such-desktop")
    assert code == 2 and "No desktop has the id no-such-desktop" in err
    assert devices(api, capsys, "revoke", "--device", "laptop-1")[0] == 0
    code, _, err = devices(api, capsys, "revoke", "--device", "laptop-1")
    assert code == 2 and "Desktop laptop-1 was already withdrawn on" in err
    assert api.sql("SELECT count(*) FROM security_events WHERE kind = 'device_revoked'") == [(1,)]

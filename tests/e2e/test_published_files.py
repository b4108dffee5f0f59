"""Files published once on the server reach every desktop with its next sync (server/files.py,
app/sync/files.py): the 2027 holiday year makes 2027 due dates right, a bad file is refused on
the server with its line and nothing stored, a file damaged in transit or failing the check on
the desktop is not used and the earlier one stays, a withdrawn file sends the desktop back to the
bundled one, `rules list` says where each file comes from, and a published letter template and
risk rule file are what the desktop prints and assesses with. Real server process on
PostgreSQL, real profiles in the real keyring, the CLI as a person runs it."""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import subprocess
import uuid

import httpx
import pytest

from tests.e2e.conftest import users_by_role
from tests.support import ROOT
from tests.support import run_main

pytestmark = pytest.mark.usefixtures("keyring_ready")

ENGLISH = {"LANG": "en_GB.UTF-8", "LC_ALL": "", "CASEDESK_LANG": ""}
EXAMPLE_2027 = ROOT / "docs" / "examples" / "holidays" / "2027.toml"
WEEKENDS_ONLY = "moved over weekends only"
# 2027-09-17 + 2 weeks is Friday 1 October: National Day, so the date moves to Friday 8 October.
DUE = ("rules", "due", "--from", "2027-09-17", "--after", "2w")


def main(*args, **env):
    return run_main("--lang", "en", *args, env={**ENGLISH, **env})


def sync(desk, server, user=None):
    login = ["--server", server.url, "--login", user] if user else []
    out = main("sync", "--profile", str(desk), *login, **({"CASEDESK_PASSWORD": f"{user}-demo"} if user else {}))
    assert out.returncode == 0, out.stderr
    return out


def publish(server, *paths, kind=None):
    return main("server", "files", "publish", "--db", server.db, *(["--kind", kind] if kind else []),
                *map(str, paths))


def sql(server, statement, **params):
    from sqlalchemy import text

    with server.engine.begin() as conn:
        result = conn.execute(text(statement), params)
        return result.all() if result.returns_rows else None


def due(desk):
    out = main(*DUE, "--profile", str(desk))
    assert out.returncode == 0, out.stderr
    return out.stdout + out.stderr


def listing(desk) -> str:
    out = main("rules", "list", "--profile", str(desk))
    assert out.returncode == 0, out.stderr
    return out.stdout


def year_line(text: str, year: int) -> str:
    return next(line for line in text.splitlines() if line.strip().startswith(f"{year}  "))


@pytest.fixture
def cm(demo_db) -> str:
    return users_by_role(demo_db)["clinic_cm"][0]


@pytest.fixture
def desk(tmp_path, demo_server, cm):
    path = tmp_path / "desk"
    sync(path, demo_server, cm)
    return path


def test_the_2027_notice_published_once_reaches_the_desktop_and_withdrawing_it_goes_back(desk, demo_server):
    before = due(desk)
    assert WEEKENDS_ONLY in before and "2027-10-01" in before

    out = publish(demo_server, EXAMPLE_2027)
    assert out.returncode == 0, out.stderr
    assert "Published 2027.toml" in out.stdout
    again = publish(demo_server, EXAMPLE_2027)
    assert again.returncode == 0 and "nothing changed" in again.stdout
    assert sql(demo_server, "SELECT count(*) FROM published_files") == [(1,)]
    (published_at,), = sql(demo_server, "SELECT published_at FROM published_files")

    sync(desk, demo_server)
    assert (desk / "rules" / "holidays" / "2027.toml").read_bytes() == EXAMPLE_2027.read_bytes()
    after = due(desk)
    assert WEEKENDS_ONLY not in after, after
    assert "2027-10-08" in after and "National Day" in after
    line = year_line(listing(desk), 2027)
    assert f"published {published_at:%Y-%m-%d} by admin" in line and "2027.toml" in line
    assert "bundled" in listing(desk).split("Risk rule files:")[1]  # the rest stays bundled

    listed = main("server", "files", "list", "--db", demo_server.db)
    file_id = next(row.split()[0] for row in listed.stdout.splitlines() if "2027.toml" in row)
    gone = main("server", "files", "withdraw", "--db", demo_server.db, file_id)
    assert gone.returncode == 0 and "Withdrew 2027.toml" in gone.stdout, gone.stderr
    sync(desk, demo_server)
    assert not (desk / "rules" / "holidays" / "2027.toml").exists()
    assert WEEKENDS_ONLY in due(desk)
    assert "not covered" in year_line(listing(desk), 2027)


def test_a_bad_rule_file_is_refused_with_its_line_and_nothing_is_published(tmp_path, demo_server, demo_db):
    text = (ROOT / "resources" / "rules" / "followup.toml").read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    n = next(i for i, line in enumerate(lines) if 'every = "3m"' in line)
    lines[n] = lines[n].replace('every = "3m"', 'every = "3 months"')
    bad = tmp_path / "followup.toml"
    bad.write_text("".join(lines), encoding="utf-8")
    not_utf8 = tmp_path / "missed_followup.txt"
    not_utf8.write_bytes("title = 失访\nversion = 1\n".encode("gbk"))

    out = publish(demo_server, EXAMPLE_2027, bad, not_utf8)
    assert out.returncode == 2
    assert f"followup.toml:{n + 1}" in out.stderr and "3 months" in out.stderr, out.stderr
    assert "missed_followup.txt, line 1" in out.stderr
    assert "Nothing was published: 2 of 3 file(s) refused" in out.stderr
    assert "Traceback" not in out.stderr
    assert sql(demo_server, "SELECT count(*) FROM published_files") == [(0,)]  # not even the good one
    chinese = run_main("--lang", "zh_CN", "server", "files", "publish", "--db", demo_server.db, str(bad))
    assert chinese.returncode == 2 and f"followup.toml:{n + 1}" in chinese.stderr and "未发布任何文件" in chinese.stderr


class Damaging(httpx.HTTPTransport):
    """The network between server and desktop flips a byte of every published file it carries."""

    def handle_request(self, request):
        response = super().handle_request(request)
        if request.method == "GET" and request.url.path.startswith("/files/"):
            body = bytearray(response.read())
            body[len(body) // 2] ^= 0x01
            return httpx.Response(response.status_code, headers=response.headers, content=bytes(body))
        return response


def cycle(desk, user, server, transport=None):
    from app.profile import Profile
    from app.sync import files
    from app.sync.client import SyncClient

    profile = Profile.open(desk)
    client = SyncClient(profile, server.url, transport=transport)
    try:
        client.login(user, f"{user}-demo")
        client.cycle()
        return files.refused(profile)
    finally:
        client.close()
        profile.close()


def test_a_file_damaged_in_transit_or_failing_on_the_desktop_is_not_used(desk, cm, demo_server):
    assert publish(demo_server, EXAMPLE_2027).returncode == 0
    sync(desk, demo_server)
    on_disk = desk / "rules" / "holidays" / "2027.toml"
    first = on_disk.read_bytes()

    checked = EXAMPLE_2027.read_text(encoding="utf-8").replace('version = "draft-2026-12-04"', 'version = "2026-12-20"')
    newer = desk.parent / "2027.toml"
    newer.write_text(checked, encoding="utf-8")
    assert publish(demo_server, newer).returncode == 0
    refused = cycle(desk, cm, demo_server, transport=Damaging())
    assert [p.code for p in refused] == ["files.sha_mismatch"]
    assert on_disk.read_bytes() == first  # the earlier file stays, whole
    assert "arrived damaged" in listing(desk) and WEEKENDS_ONLY not in due(desk)

    # A file no check of this desktop accepts (as from a server that did not check it):
    # the holiday span runs backwards on line 30.
    broken = checked.replace("to = 2027-02-13", "to = 2027-01-13")
    admin_id, = sql(demo_server, "SELECT id FROM users WHERE username = 'admin'")[0]
    sql(demo_server, "INSERT INTO published_files (id, kind, name, version, sha256, content, published_by, "
                     "published_at) VALUES (:id, 'holidays', '2027.toml', 'broken', :sha, :content, :by, :at)",
        id=str(uuid.uuid4()), sha=hashlib.sha256(broken.encode()).hexdigest(), content=broken, by=admin_id,
        at=dt.datetime.now(dt.timezone.utc) + dt.timedelta(minutes=5))
    refused = cycle(desk, cm, demo_server)
    assert [p.code for p in refused][:2] == ["files.desktop_refused", "rules.holiday_span"]
    assert refused[1].params["where"].startswith("2027.toml:")
    assert on_disk.read_bytes() == first
    shown = listing(desk)
    assert "fails the check on this desktop" in shown and "2027.toml" in shown
    assert WEEKENDS_ONLY not in due(desk)


def test_a_published_letter_template_and_risk_file_are_what_the_desktop_uses(desk, demo_server, tmp_path):
    marker = "本县随访提醒试行文本"
    template = (ROOT / "resources" / "letters" / "followup_reminder.txt").read_text(encoding="utf-8")
    template = template.replace("version = 2026.1", "version = 2027.county").replace("[body]\n", f"[body]\n{marker}。\n\n", 1)
    letter = tmp_path / "followup_reminder.txt"
    letter.write_text(template, encoding="utf-8")
    risk = tmp_path / "lung.toml"
    risk.write_text((ROOT / "resources" / "risk" / "lung.toml").read_text(encoding="utf-8")
                    .replace('version = "2026.2"', 'version = "2027.county"', 1), encoding="utf-8")
    out = publish(demo_server, letter, risk)
    assert out.returncode == 0, out.stderr
    assert "(letter template," in out.stdout and "(risk rule file," in out.stdout
    sync(desk, demo_server)

    shown = listing(desk)
    assert "followup_reminder.txt" in shown and "v2027.county" in shown and "published" in shown
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps({"age": 60, "pack_years": 40}), encoding="utf-8")
    assessed = main("rules", "assess", "--profile", str(desk), "--cancer", "lung", "--answers", str(answers))
    assert assessed.returncode == 0, assessed.stderr
    assert json.loads(assessed.stdout)["rule"]["version"] == "2027.county"

    pdf = tmp_path / "letters.pdf"
    printed = main("letters", "--profile", str(desk), "--kind", "followup-reminder", "--due-from", "2000-01-01",
                   "--due-to", "2035-12-31", "--out", str(pdf))
    assert printed.returncode == 0, printed.stderr
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert marker in text.replace("\n", "")

#!/usr/bin/env python3
"""Make the saved profile of one released schema, with the CaseDesk code of that time.

    .venv/bin/python scripts/make_schema_fixture.py 3            # the code schema 0003 shipped with
    .venv/bin/python scripts/make_schema_fixture.py 3 --commit C  # an explicit commit

The code of schema N's time is the last commit before migration 000(N+1) was added (for
today's head: HEAD). It is checked out in a git worktree under /tmp (the shared checkout is
never touched) and run with this repository's .venv, inside a private D-Bus session with
its own unlocked gnome-keyring, as that version's own commands:

  1. `main.py demo --profile DIR --patients N --events 1-3` (a small demo profile);
  2. one local edit through that version's Store (a patient's phone), left unsent in the
     outbox, so an upgrade is also checked to keep work the server has not got;
  3. the facts the upgrade test compares, read with plain SQL: every table's row count and a
     digest of patients, cases and timeline_events; the outbox entry; the alembic revision;
     the key from the keyring (profiles are SQLCipher-encrypted from schema 0003's time on).

Written to tests/data/profiles/schema_000N/: profile.json and settings.json as they were,
casedesk.db.gz, manifest.json (the facts and the key) and README.md (commit and command).
"""
from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
OUT = ROOT / "tests" / "data" / "profiles"
PHONE = "13912345678"  # the pending edit's new value
DIGESTED = ("patients", "cases", "timeline_events")

# Run by the old version's own code (cwd = its worktree): the edit, then the facts.
INNER = r'''
import hashlib
import json
import os
import sys
sys.path.insert(0, os.getcwd())
from pathlib import Path
from sqlalchemy import select
from app.profile import Profile
from db.models import Patient

path, phone, digested, fill = Path(sys.argv[1]), sys.argv[2], sys.argv[3].split(","), sys.argv[4] == "1"
profile = Profile.open(path)
if fill:  # that version's CLI did not start: its demo command's own function
    from app.demo import fill_demo_profile
    fill_demo_profile(profile, patients=int(sys.argv[5]), events=(1, 3))
with profile.sessions() as s:
    patient_id = s.scalars(select(Patient.id).order_by(Patient.id)).first()
with profile.store.write() as tx:
    tx.update(tx.session.get(Patient, patient_id), phone=phone)
facts = {"patient_id": patient_id, "tables": {}, "digests": {}}
with profile.engine.connect() as conn:
    names = [r[0] for r in conn.exec_driver_sql(
        "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
    for name in names:
        facts["tables"][name] = conn.exec_driver_sql(f'SELECT count(*) FROM "{name}"').scalar()
    for name in digested:
        columns = [r[1] for r in conn.exec_driver_sql(f'PRAGMA table_info("{name}")')]
        rows = conn.exec_driver_sql(
            f'SELECT {", ".join(chr(34) + c + chr(34) for c in columns)} FROM "{name}" ORDER BY id').all()
        blob = json.dumps([list(r) for r in rows], default=repr, ensure_ascii=False).encode()
        facts["digests"][name] = {"columns": columns, "sha256": hashlib.sha256(blob).hexdigest()}
    facts["revision"] = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    facts["outbox"] = [dict(r._mapping) for r in conn.exec_driver_sql(
        "SELECT mutation_id, table_name, row_id, op, status FROM outbox")]
facts["device_id"] = profile.device_id
profile.close()
key = None
manifest = path / "profile.json"
if manifest.exists():
    import keyring
    key = keyring.get_password("CaseDesk", "dbkey:" + json.loads(manifest.read_text())["id"])
facts["key_hex"] = key
print("FACTS " + json.dumps(facts, default=str))
'''


def git(*args: str) -> str:
    return subprocess.run(["git", *args], cwd=ROOT, check=True, capture_output=True, text=True).stdout.strip()


def code_of_schema(n: int) -> str:
    """The last commit before migration 000(n+1) was added; HEAD when there is none yet."""
    added = git("log", "--diff-filter=A", "--format=%H", "--", f"db/migrations/versions/{n + 1:04d}_*.py")
    return git("rev-parse", f"{added.splitlines()[-1]}^") if added else git("rev-parse", "HEAD")


def in_keyring_session(script: str, cwd: Path) -> str:
    """`script` (sh) in a private D-Bus session with an unlocked gnome-keyring of its own."""
    home = tempfile.mkdtemp(prefix="h3-keyring-")
    try:
        out = subprocess.run(
            ["dbus-run-session", "--", "sh", "-c",
             "echo -n fixture | gnome-keyring-daemon --unlock --components=secrets >/dev/null; " + script],
            cwd=cwd, env={**os.environ, "XDG_DATA_HOME": home, "QT_QPA_PLATFORM": "offscreen"},
            capture_output=True, text=True, timeout=600)
    finally:
        shutil.rmtree(home, ignore_errors=True)
    if out.returncode != 0:
        sys.exit(f"the old code failed (exit {out.returncode}):\n{out.stdout[-3000:]}\n{out.stderr[-3000:]}")
    return out.stdout


def decrypt(db: Path, key_hex: str, page_size: int, out: Path) -> None:
    """The encrypted database's plaintext (sqlcipher_export): SQLCipher pages do not
    compress, and 100-odd tables and indexes of 16 KiB pages are 1.7 MB for 30 patients.
    The test encrypts it again with the same key and page size (and SQLCipher's defaults,
    which every version used) before the upgrade."""
    import sqlcipher3

    conn = sqlcipher3.connect(str(db))
    try:
        conn.execute(f"PRAGMA key = \"x'{key_hex}'\"")
        conn.execute(f"PRAGMA cipher_page_size = {page_size}")
        conn.execute("ATTACH DATABASE ? AS plain KEY ''", (str(out),))
        conn.execute("SELECT sqlcipher_export('plain')")
        conn.execute("DETACH DATABASE plain")
    finally:
        conn.close()


def make(n: int, commit: str, patients: int, keep: bool, root: Path = OUT) -> Path:
    tree = Path(f"/tmp/h3-wt-{n}")
    if not tree.exists():
        git("worktree", "add", "--detach", str(tree), commit)
    work = Path(tempfile.mkdtemp(prefix=f"h3-schema{n}-"))
    profile = work / "profile"
    try:
        demo = f"{PYTHON} main.py demo --profile {profile} --patients {patients} --events 1-3"
        (work / "inner.py").write_text(INNER, encoding="utf-8")
        inner = f"{PYTHON} {work / 'inner.py'} {profile} {PHONE} {','.join(DIGESTED)}"
        # A commit whose CLI cannot start (one registered a command module committed later)
        # still has the demo command's function: the profile is filled by calling it.
        out = in_keyring_session(
            f"if {demo} >/dev/null 2>{work / 'demo.err'}; then {inner} 0; "
            f"else echo CLI_FAILED; tail -1 {work / 'demo.err'}; {inner} 1 {patients}; fi", tree)
        facts = json.loads(out.split("FACTS ", 1)[1])
        cli_failed = out.split("CLI_FAILED\n", 1)[1].splitlines()[0] if "CLI_FAILED" in out else None
        dest = root / f"schema_{n:04d}"
        shutil.rmtree(dest, ignore_errors=True)
        dest.mkdir(parents=True)
        leftovers = sorted(p.name for p in profile.iterdir()
                           if p.name not in ("casedesk.db", "profile.json", "settings.json"))
        page_size = None
        if facts["key_hex"]:
            page_size = json.loads((profile / "profile.json").read_text()).get("page_size", 4096)
            decrypt(profile / "casedesk.db", facts["key_hex"], page_size, work / "plain.db")
        plain = work / "plain.db" if facts["key_hex"] else profile / "casedesk.db"
        with plain.open("rb") as src, gzip.GzipFile(dest / "casedesk.db.gz", "wb", mtime=0) as gz:
            shutil.copyfileobj(src, gz)
        for name in ("profile.json", "settings.json"):
            if (profile / name).exists():
                shutil.copy2(profile / name, dest / name)
        subject = git("log", "-1", "--format=%s", commit)[:100]
        manifest = {"schema": f"{n:04d}", "revision": facts["revision"], "commit": git("rev-parse", commit),
                    "commit_subject": subject, "patients": patients, "made": dt.date.today().isoformat(),
                    "command": (demo.replace(str(profile), "DIR").replace(str(PYTHON), "python") if not cli_failed
                                else f"app.demo.fill_demo_profile(Profile.open(DIR), patients={patients}, "
                                     f"events=(1, 3)) (that commit's CLI did not start: {cli_failed})"),
                    "pending_edit": {"table": "patients", "row_id": facts["patient_id"], "phone": PHONE},
                    "outbox": facts["outbox"], "tables": facts["tables"], "digests": facts["digests"],
                    "device_id": facts["device_id"], "key_hex": facts["key_hex"], "page_size": page_size,
                    "files_not_kept": leftovers}
        (dest / "manifest.json").write_text(json.dumps(manifest, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        (dest / "README.md").write_text(readme(n, manifest), encoding="utf-8")
        return dest
    finally:
        shutil.rmtree(work, ignore_errors=True)
        if not keep:
            git("worktree", "remove", "--force", str(tree))


def readme(n: int, m: dict) -> str:
    key = ("SQLCipher-encrypted by that version; its key (read from that version's keyring) is `key_hex` in\n"
           f"manifest.json. casedesk.db.gz is its plaintext (sqlcipher_export: encrypted pages do not compress);\n"
           f"the test encrypts it again with that key and {m['page_size']}-byte pages, as that version wrote it,\n"
           "and puts the key into its own keyring under the id in profile.json"
           if m["key_hex"] else "a plaintext SQLite file (profiles were encrypted from schema 0003's time on)")
    return (f"# Saved profile of schema {n:04d}\n\n"
            f"Made by the code of commit {m['commit'][:10]} ({m['commit_subject']}), the last commit whose\n"
            f"migration head was {n:04d} (revision `{m['revision']}`), run from a git worktree with the\n"
            f"repository's .venv on {m['made']}:\n\n"
            f"    .venv/bin/python scripts/make_schema_fixture.py {n} --commit {m['commit'][:10]}\n\n"
            f"which ran `{m['command']}` and then one local edit through that version's Store\n"
            f"(patient {m['pending_edit']['row_id']}'s phone → {m['pending_edit']['phone']}),\n"
            "left pending in the outbox.\n\n"
            f"The database is {key}. manifest.json holds what tests/db/test_upgrade_profiles.py\n"
            f"expects after today's upgrade: row counts of every table, digests of {', '.join(DIGESTED)},\n"
            f"the pending outbox entry. Synthetic data only.\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("schema", type=int, help="the schema number (1 for 0001_initial_schema)")
    parser.add_argument("--commit", help="default: the last commit before the next migration was added")
    parser.add_argument("--patients", type=int, default=30)
    parser.add_argument("--keep-worktree", action="store_true")
    parser.add_argument("--out", type=Path, default=OUT, help=f"default: {OUT.relative_to(ROOT)}")
    args = parser.parse_args()
    commit = args.commit or code_of_schema(args.schema)
    dest = make(args.schema, commit, args.patients, args.keep_worktree, args.out.resolve())
    print(f"{dest}: {sum(p.stat().st_size for p in dest.iterdir())} bytes")


if __name__ == "__main__":
    main()

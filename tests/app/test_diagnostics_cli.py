"""`python main.py diagnostics`: the zip for IT, from a terminal; commands write the log too."""
from __future__ import annotations

import json
import zipfile

from tests.support import run_main


def test_writes_the_zip_with_the_profiles_counts_and_says_so(profile, tmp_path):
    profile.store.record_access("read", "patients", "p1")
    profile.close()
    logs = tmp_path / "logs"
    target = tmp_path / "diag.zip"
    done = run_main("diagnostics", "--profile", str(profile.path), "--out", str(target),
                    env={"CASEDESK_LOG_DIR": str(logs)})
    assert done.returncode == 0, done.stderr
    assert "诊断信息已写入" in done.stdout and str(target) in done.stdout
    with zipfile.ZipFile(target) as zf:
        about = json.loads(zf.read("about.json"))
        assert about["profile"]["rows"]["audit_entries"] == 1
        log = zf.read("logs/casedesk.log").decode()
    assert "command diagnostics" in log and "started" in log


def test_a_missing_folder_is_refused_in_words_with_exit_2(tmp_path):
    done = run_main("--lang", "en", "diagnostics", "--out", str(tmp_path / "nowhere" / "d.zip"),
                    env={"CASEDESK_LOG_DIR": str(tmp_path / "logs")})
    assert done.returncode == 2
    assert "does not exist. Give --out a file in an existing folder." in done.stderr
    assert not (tmp_path / "nowhere").exists()

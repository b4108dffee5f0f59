"""`python main.py letters …` and `python main.py bench letters`, run as a person would."""
from __future__ import annotations

import json

import pytest

from app.profile import Profile
from tests.app.test_letters import add_patients
from tests.support import run_main


@pytest.fixture
def filled_dir(profile_dir):
    profile = Profile.open(profile_dir)
    add_patients(profile)
    profile.close()
    return profile_dir


def letters(profile_dir, *args):
    return run_main("letters", "--profile", str(profile_dir), *args)


def test_batch_prints_and_lists_the_skipped_on_stderr(filled_dir, tmp_path):
    out = tmp_path / "week.pdf"
    r = letters(filled_dir, "--kind", "followup-reminder", "--due-from", "2026-11-23", "--due-to", "2026-11-29",
                "--out", str(out), "--paper", "A5")
    assert r.returncode == 0, r.stderr
    assert out.exists() and "2 letter(s), 2 page(s)" in r.stdout and "2 skipped" in r.stdout
    assert "张无址" in r.stderr and "no postal address" in r.stderr
    assert "赵𪚥" in r.stderr and "U+2A6A5" in r.stderr
    again = letters(filled_dir, "--kind", "followup_reminder", "--due-from", "2026-11-23", "--due-to",
                    "2026-11-29", "--out", str(tmp_path / "again.pdf"))
    assert again.returncode == 1 and "already printed" in again.stderr and "nothing printed" in again.stderr
    assert not (tmp_path / "again.pdf").exists()


@pytest.mark.parametrize("args, message", [
    (("--kind", "thank-you-card"), "valid kinds: screening-invitation, appointment-notice, followup-reminder"),
    (("--kind", "followup-reminder", "--due-from", "2026-11-31"), "'2026-11-31' is not a date"),
    (("--kind", "followup-reminder", "--due-from", "2026-12-01", "--due-to", "2026-11-01"), "is after --due-to"),
])
def test_bad_arguments_exit_2_with_a_clear_message(filled_dir, tmp_path, args, message):
    r = letters(filled_dir, *args, "--out", str(tmp_path / "x.pdf"))
    assert r.returncode == 2 and message in r.stderr, r.stderr


def test_nothing_to_print_is_an_error(filled_dir, tmp_path):
    r = letters(filled_dir, "--kind", "appointment-notice", "--due-from", "2020-01-01", "--due-to", "2020-01-07",
                "--out", str(tmp_path / "x.pdf"))
    assert r.returncode == 1 and "no letters match" in r.stderr


def test_bench_letters_ends_with_a_json_line(tmp_path):
    r = run_main("bench", "letters", "--letters", "20", env={"CASEDESK_CACHE_DIR": str(tmp_path / "cache")})
    assert r.returncode == 0, r.stderr
    figures = json.loads(r.stdout.strip().splitlines()[-1])
    assert figures["letters"] == 20 and figures["pages"] == 20
    for key in ("seconds", "ratio_vs_reportlab", "reportlab_seconds", "render_seconds", "record_seconds"):
        assert figures[key] > 0

"""`python main.py letters …` and `python main.py bench letters`, run as a person would."""
from __future__ import annotations

import json

import pytest

from app.profile import Profile
from tests.app.test_cli_language import CJK
from tests.app.test_letters import add_patients
from tests.support import run_main


@pytest.fixture
def filled_dir(profile_dir):
    profile = Profile.open(profile_dir)
    add_patients(profile)
    profile.close()
    return profile_dir


def letters(profile_dir, *args, lang="en"):
    return run_main("--lang", lang, "letters", "--profile", str(profile_dir), *args)


def test_batch_prints_and_lists_the_skipped_on_stderr(filled_dir, tmp_path):
    out = tmp_path / "week.pdf"
    r = letters(filled_dir, "--kind", "followup-reminder", "--due-from", "2026-11-23", "--due-to", "2026-11-29",
                "--out", str(out), "--paper", "A5")
    assert r.returncode == 0, r.stderr
    assert out.exists() and "2 letter(s), 2 page(s)" in r.stdout and "2 skipped" in r.stdout
    assert "张无址" in r.stderr and "no postal address" in r.stderr
    assert "赵𮯰" in r.stderr and "U+2EBF0" in r.stderr
    again = letters(filled_dir, "--kind", "followup_reminder", "--due-from", "2026-11-23", "--due-to",
                    "2026-11-29", "--out", str(tmp_path / "again.pdf"))
    assert again.returncode == 1 and "already printed" in again.stderr and "Nothing printed" in again.stderr
    assert not (tmp_path / "again.pdf").exists()
    zh = letters(filled_dir, "--kind", "followup_reminder", "--due-from", "2026-11-23", "--due-to",
                 "2026-11-29", "--out", str(tmp_path / "again.pdf"), lang="zh_CN")
    assert zh.returncode == 1 and "已打印过" in zh.stderr and "没有打印任何信函" in zh.stderr
    assert "随访提醒全部被跳过" in zh.stderr and "printed" not in zh.stderr


@pytest.mark.parametrize("args, message, chinese", [
    (("--kind", "thank-you-card"), "The kinds are: screening-invitation, appointment-notice, followup-reminder",
     "没有“thank-you-card”这种信函类型"),
    (("--kind", "followup-reminder", "--due-from", "2026-11-31"), "“2026-11-31” is not a date", "不是有效日期"),
    (("--kind", "followup-reminder", "--due-from", "2026-12-01", "--due-to", "2026-11-01"), "is after --due-to",
     "晚于 --due-to"),
])
def test_bad_arguments_exit_2_with_a_clear_message(filled_dir, tmp_path, args, message, chinese):
    r = letters(filled_dir, *args, "--out", str(tmp_path / "x.pdf"))
    assert r.returncode == 2 and message in r.stderr and not CJK.search(r.stderr), r.stderr
    zh = letters(filled_dir, *args, "--out", str(tmp_path / "x.pdf"), lang="zh_CN")
    assert zh.returncode == 2 and chinese in zh.stderr and message not in zh.stderr, zh.stderr


def test_nothing_to_print_is_an_error(filled_dir, tmp_path):
    r = letters(filled_dir, "--kind", "appointment-notice", "--due-from", "2020-01-01", "--due-to", "2020-01-07",
                "--out", str(tmp_path / "x.pdf"))
    assert r.returncode == 1 and r.stderr.strip() == (
        "Nothing printed: there is no appointment notice with the appointment date from 2020-01-01 to 2020-01-07. "
        "No PDF was written.")


def test_bench_letters_ends_with_a_json_line(tmp_path):
    r = run_main("bench", "letters", "--letters", "20", env={"CASEDESK_CACHE_DIR": str(tmp_path / "cache")})
    assert r.returncode == 0, r.stderr
    figures = json.loads(r.stdout.strip().splitlines()[-1])
    assert figures["letters"] == 20 and figures["pages"] == 20
    for key in ("seconds", "ratio_vs_reportlab", "reportlab_seconds", "render_seconds", "record_seconds"):
        assert figures[key] > 0

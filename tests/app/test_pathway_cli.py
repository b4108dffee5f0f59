"""`python main.py rules list|due` as an administrator uses them."""
from __future__ import annotations

import re
import shutil

from app.pathway.rules import BUNDLED_DIR
from tests.support import run_main

CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


def test_rules_list_shows_ids_versions_sources_and_holiday_coverage():
    done = run_main("rules", "list")
    assert done.returncode == 0, done.stderr
    out = done.stdout
    for text in ("rehab-curative", "screen-lung-ldct", "nodule-solid-5-15", "outcome-deceased", "v2026.1",
                 "《中国肺癌筛查与早诊早治指南（2021，北京）》", "followup.toml:", "2026  chinesecalendar"):
        assert text in out, text


def test_rules_due_explains_the_holiday_shift():
    done = run_main("rules", "due", "--from", "2026-07-03", "--after", "3m")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("到期日 2026-10-08（周四）")
    assert "国庆节" in done.stdout and "顺延" in done.stdout


def test_rules_due_by_cancer_and_by_rule_and_uncovered_years():
    done = run_main("rules", "due", "--from", "2026-11-20", "--cancer", "colorectal", "--anchor", "2025-01-15")
    assert done.returncode == 0, done.stderr
    assert "rehab-colorectal v2026.1" in done.stdout and "2027-02-22" in done.stdout and "⚠ 2027" in done.stdout
    done = run_main("rules", "due", "--from", "2026-04-01", "--rule", "nodule-solid-5-15")
    assert "到期日 2026-07-01" in done.stdout and "nodule-solid-5-15" in done.stdout


def test_bad_input_is_an_error_with_exit_code_2(tmp_path):
    assert run_main("rules", "due", "--after", "3q").returncode == 2
    assert run_main("rules", "due", "--from", "2026-13-01", "--after", "3m").returncode == 2
    assert run_main("rules", "due", "--rule", "no-such-rule").returncode == 2
    profile = tmp_path / "profile"
    (profile / "rules").mkdir(parents=True)
    shutil.copy2(BUNDLED_DIR / "outcomes.toml", profile / "rules" / "outcomes.toml")
    path = profile / "rules" / "outcomes.toml"
    text = path.read_text(encoding="utf-8").replace('next = "1m"', 'next = "1 month"')
    path.write_text(text, encoding="utf-8")
    line = text[:text.index('next = "1 month"')].count("\n") + 1
    done = run_main("rules", "list", "--profile", str(profile))
    assert done.returncode == 2 and f"outcomes.toml:{line}：无法识别的间隔“1 month”" in done.stderr
    done = run_main("--lang", "en", "rules", "list", "--profile", str(profile))
    assert done.returncode == 2 and f"outcomes.toml:{line}: “1 month” is not an interval" in done.stderr


def test_rules_due_speaks_the_chosen_language_only():
    """The explanation is worded where it is shown: English under --lang en (no Chinese at all,
    the holiday and the weekday included), Chinese by default."""
    args = ("rules", "due", "--from", "2026-07-03", "--after", "3m")
    en = run_main("--lang", "en", *args)
    assert en.returncode == 0, en.stderr
    assert en.stdout.splitlines()[0] == "Due 2026-10-08 (Thu)"
    assert "2026-07-03 + 3 months = 2026-10-03" in en.stdout
    assert "3 Oct–7 Oct: National Day holiday" in en.stdout and "moved to the next working day" in en.stdout
    assert not CJK.search(en.stdout), en.stdout
    zh = run_main("--lang", "zh_CN", *args)
    assert "2026-07-03 + 3个月 = 2026-10-03" in zh.stdout and "10月3日–10月7日国庆节假期" in zh.stdout
    assert "Due" not in zh.stdout and "National" not in zh.stdout


def test_rules_due_by_schedule_in_english_names_the_phase_and_the_uncovered_year():
    done = run_main("--lang", "en", "rules", "due", "--from", "2026-11-20", "--cancer", "colorectal",
                    "--anchor", "2025-01-15")
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "Rule rehab-colorectal, version 2026.1" in out
    assert "Counted from 2025-01-15 (--anchor): 1 year 10 months had passed by 2026-11-20 → phase 1: every " \
           "3 months for 2 years" in out
    assert "⚠ The statutory holidays and make-up working days of 2027 are not in the data" in out
    assert not CJK.search(out), out

"""The command line speaks one language: Chinese by default, English with --lang en or an
English locale — never both at once (errors are worded from their codes, ui/problem_words)."""
from __future__ import annotations

import re

import pytest

from tests.support import run_main

CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
CHINESE_LOCALE = {"LANG": "C.UTF-8", "LC_ALL": "", "CASEDESK_LANG": ""}
ENGLISH_LOCALE = {"LANG": "en_GB.UTF-8", "LC_ALL": "", "CASEDESK_LANG": ""}


def english_only(text: str) -> bool:
    return text.strip() != "" and not CJK.search(text)


@pytest.mark.parametrize("command", [
    ["export", "csv", "--out", "{tmp}/x.csv"],
    ["letters", "--kind", "followup-reminder", "--out", "{tmp}/x.pdf"],
])
def test_a_missing_profile_is_told_in_one_language(tmp_path, command):
    args = [a.format(tmp=tmp_path) for a in command] + ["--profile", str(tmp_path / "nobody")]
    zh = run_main(*args, env=CHINESE_LOCALE)
    assert zh.returncode == 2
    assert "没有找到 CaseDesk 配置" in zh.stderr and "No CaseDesk profile" not in zh.stderr
    assert "There is no CaseDesk profile" not in zh.stderr
    en = run_main("--lang", "en", *args, env=CHINESE_LOCALE)
    assert en.returncode == 2
    assert "There is no CaseDesk profile at" in en.stderr and english_only(en.stderr), en.stderr
    by_locale = run_main(*args, env=ENGLISH_LOCALE)
    assert by_locale.returncode == 2 and by_locale.stderr == en.stderr


def test_a_damaged_database_is_told_in_one_language(tmp_path):
    tmp_path = tmp_path / "p"
    tmp_path.mkdir()
    (tmp_path / "casedesk.db").write_bytes(b"not a database at all" * 50)
    zh = run_main("export", "csv", "--out", str(tmp_path / "x.csv"), "--profile", str(tmp_path), env=CHINESE_LOCALE)
    assert zh.returncode == 2 and "已损坏" in zh.stderr and "restore it" not in zh.stderr
    en = run_main("--lang", "en", "export", "csv", "--out", str(tmp_path / "x.csv"), "--profile", str(tmp_path),
                  env=CHINESE_LOCALE)
    assert en.returncode == 2 and "is damaged" in en.stderr and english_only(en.stderr), en.stderr
    assert (tmp_path / "casedesk.db").read_bytes() == b"not a database at all" * 50


@pytest.mark.parametrize("flag, environ, expected", [
    (None, {}, "zh_CN"),
    (None, {"LANG": "C.UTF-8"}, "zh_CN"),
    (None, {"LANG": "en_US.UTF-8"}, "en"),
    (None, {"LANG": "zh_CN.UTF-8", "LC_ALL": "en_GB.UTF-8"}, "en"),  # LC_ALL wins, as POSIX has it
    (None, {"LANG": "en_US.UTF-8", "LC_ALL": "zh_CN.UTF-8"}, "zh_CN"),
    (None, {"LANG": "en_US.UTF-8", "CASEDESK_LANG": "zh_CN"}, "zh_CN"),
    ("en", {"LANG": "zh_CN.UTF-8"}, "en"),
    ("zh_CN", {"LANG": "en_US.UTF-8", "LC_ALL": "en_US.UTF-8"}, "zh_CN"),
])
def test_which_language_the_cli_speaks(flag, environ, expected):
    from app.cli import cli_language

    assert cli_language(flag, environ) == expected

"""`python main.py import` headless: exit codes, every bad line named, exclusions, merges;
and `python main.py bench screening` at a tiny size."""
from __future__ import annotations

import json

from sqlalchemy import func
from sqlalchemy import select

from db.models import Patient
from tests.app.test_import_data import good_row
from tests.app.test_import_data import network
from tests.app.test_import_data import write_csv
from tests.support import run_main


def patients(profile) -> int:
    with profile.sessions() as s:
        return s.scalar(select(func.count()).select_from(Patient))


def test_bad_lines_exit_1_and_are_all_named_then_excluded_lines_import_the_rest(profile, profile_dir, tmp_path):
    network(profile)
    rows = [good_row(seq=1), good_row("甲", seq=3, phone="12"), good_row("乙", seq=5),
            good_row("丙", "女", "1950-12-01", seq=7)]
    rows[3][2:4] = ["1950-13-01", ""]
    path = write_csv(tmp_path / "list.csv", rows)
    done = run_main("--lang", "en", "import", "--profile", str(profile_dir), str(path))
    assert done.returncode == 1
    assert "Line 3: Phone: 12 is not a phone number" in done.stderr
    assert "Line 5: Date of birth is not a real date: 1950-13-01" in done.stderr
    assert "Nothing imported: 2 line(s) need attention (3, 5)" in done.stderr
    zh = run_main("import", "--profile", str(profile_dir), str(path), env={"LANG": "C.UTF-8", "LC_ALL": ""})
    assert zh.returncode == 1 and "第 3 行：电话：12 不是有效电话" in zh.stderr
    assert "未导入任何数据：2 行需要处理（3, 5）" in zh.stderr and "Nothing imported" not in zh.stderr
    assert patients(profile) == 0
    done = run_main("--lang", "en", "import", "--profile", str(profile_dir), str(path), "--exclude-lines", "3,5")
    assert done.returncode == 0, done.stderr
    assert "Imported 2 rows: 2 new patients" in done.stdout and "2 lines excluded" in done.stdout
    assert patients(profile) == 2


def test_a_patient_on_file_needs_merge_lines(profile, profile_dir, tmp_path):
    network(profile)
    path = write_csv(tmp_path / "list.csv", [good_row()])
    assert run_main("--lang", "en", "import", "--profile", str(profile_dir), str(path)).returncode == 0
    done = run_main("--lang", "en", "import", "--profile", str(profile_dir), str(path))
    assert done.returncode == 1 and "candidate" in done.stderr and "(same ID number)" in done.stderr
    done = run_main("--lang", "en", "import", "--profile", str(profile_dir), str(path), "--merge-lines", "2")
    assert done.returncode == 0, done.stderr
    assert "0 new patients, 1 merged" in done.stdout and patients(profile) == 1


def test_unmapped_columns_are_an_error_and_map_fixes_them(profile, profile_dir, tmp_path):
    network(profile)
    row = good_row()
    path = write_csv(tmp_path / "odd.csv", [row[:4]], headers=["人", "男女", "生日", "号码"])
    done = run_main("--lang", "en", "import", "--profile", str(profile_dir), str(path))
    assert done.returncode == 2 and "Columns missing: Name, Sex." in done.stderr
    done = run_main("--lang", "en", "import", "--profile", str(profile_dir), str(path), "--map", "人=name", "--map", "4=id_number")
    assert done.returncode == 0, done.stderr
    done = run_main("--lang", "en", "import", "--profile", str(profile_dir), str(path), "--merge-lines", "2")
    assert done.returncode == 0 and "人→name" in done.stdout  # the mapping was remembered for this source


def test_unreadable_files_and_missing_profiles_exit_2(profile_dir, tmp_path):
    old = tmp_path / "list.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    done = run_main("--lang", "en", "import", "--profile", str(profile_dir), str(old))
    assert done.returncode == 2 and "list.xls: the file is damaged" in done.stderr
    done = run_main("--lang", "en", "import", "--profile", str(tmp_path / "none"), str(old))
    assert done.returncode == 2 and "There is no CaseDesk profile" in done.stderr
    done = run_main("--lang", "en", "import", "--profile", str(profile_dir), str(old), "--exclude-lines", "x")
    assert done.returncode == 2 and "not a line number" in done.stderr


def test_bench_screening_ends_with_a_json_line(tmp_path):
    done = run_main("bench", "screening", "--rows", "300", env={"CASEDESK_CACHE_DIR": str(tmp_path / "cache")})
    assert done.returncode == 0, done.stderr
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    assert figures["import_rows"] == 300 and figures["import_s"] > 0 and figures["progress_calls"] > 0

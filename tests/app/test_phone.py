"""Telephone numbers as a list or a person writes them, stored in one form: landlines keep
their 3- or 4-digit area code (010-12345678, never 0101-2345678), mobiles their 11 digits."""
from __future__ import annotations

import phonenumbers
import pytest
from sqlalchemy import select

from app.phone import NotAPhone
from app.phone import normalise
from db.models import Patient
from tests.app.test_import_data import good_row
from tests.app.test_import_data import network
from tests.app.test_import_data import write_csv
from tests.support import run_main


@pytest.mark.parametrize("written, stored", [
    ("010-12345678", "010-12345678"),  # Beijing: a 3-digit area code the old reader cut as 0101-2345678
    ("01012345678", "010-12345678"),
    ("021-87654321", "021-87654321"),  # Shanghai (was 0218-7654321)
    ("(021) 8765 4321", "021-87654321"),
    ("0574-87654321", "0574-87654321"),  # Ningbo
    ("057487654321", "0574-87654321"),
    ("0571 8888 8888", "0571-88888888"),  # Hangzhou
    ("+86 10 1234 5678", "010-12345678"),
    ("0086-574-87654321", "0574-87654321"),
    ("（0574）87654321", "0574-87654321"),
    ("13812345678", "13812345678"),
    ("138-1234-5678", "13812345678"),
    ("+86 139 1234 5678", "13912345678"),
    ("+8619912345678", "19912345678"),
    ("199 1234 5678", "19912345678"),
])
def test_landlines_and_mobiles_are_stored_in_one_form(written, stored):
    assert normalise(written) == stored


@pytest.mark.parametrize("written", [
    "12", "87654321",  # a landline without its area code
    "010-1234567",  # Beijing numbers are 8 digits
    "12012345678",  # no such mobile range
    "400-123-4567",  # a company's service line, not a person's telephone
    "+1 650 253 0000", "13812345678x", "", "电话",
])
def test_what_is_not_a_mainland_telephone_is_refused(written):
    with pytest.raises(NotAPhone):
        normalise(written)


def test_a_mobile_in_a_range_the_plan_does_not_list_yet_is_still_taken():
    # 163/149/179 ranges: libphonenumber's list does not have them; people (and the demo) carry them.
    for number in ("16321659939", "14993845920", "17954291319"):
        assert not phonenumbers.is_valid_number(phonenumbers.parse(number, "CN"))
        assert normalise(number) == number


def test_an_imported_list_stores_landlines_with_their_area_code_and_names_a_bad_phone(profile, profile_dir, tmp_path):
    network(profile)
    rows = [good_row("张三", seq=1, phone="010-12345678"), good_row("李四", seq=3, phone="021 8765 4321"),
            good_row("王五", seq=5, phone="0574-87654321"), good_row("赵六", seq=7, phone="+86 199 1234 5678"),
            good_row("钱七", seq=9, phone="0101234567")]
    path = write_csv(tmp_path / "list.csv", rows)
    done = run_main("--lang", "en", "import", "--profile", str(profile_dir), str(path))
    assert done.returncode == 1 and "Line 6: Phone: 0101234567 is not a phone number" in done.stderr
    zh = run_main("import", "--profile", str(profile_dir), str(path), env={"LANG": "C.UTF-8", "LC_ALL": ""})
    assert zh.returncode == 1 and "第 6 行：电话：0101234567 不是有效电话" in zh.stderr
    done = run_main("--lang", "en", "import", "--profile", str(profile_dir), str(path), "--exclude-lines", "6")
    assert done.returncode == 0, done.stderr
    with profile.sessions() as s:
        phones = dict(s.execute(select(Patient.name, Patient.phone)).all())
    assert phones == {"张三": "010-12345678", "李四": "021-87654321", "王五": "0574-87654321", "赵六": "19912345678"}

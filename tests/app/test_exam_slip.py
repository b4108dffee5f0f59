"""The appointment slip: a real PDF in the bundled font, read back with pdftotext, its QR code
decoded by a real decoder (zbarimg, Debian's zbar-tools) into the booking's code."""
from __future__ import annotations

import datetime as dt
import shutil
import subprocess

import pytest

from app.letters.exam_slip import print_slip
from app.problems import ProblemError
from db.models import AuditEntry
from tests.app.test_slots import MONDAY
from tests.app.test_slots import as_
from tests.app.test_slots import world  # noqa: F401 - the fixture
from tests.conftest import need_component


def booked(world, instructions="带身份证、医保卡；检查前4小时禁食"):  # noqa: F811
    profile, ids, service = world
    as_(profile, ids["nurse"])
    [slot] = service.publish_series(ids["hospital"], "ldct", MONDAY, MONDAY, dt.time(8), dt.time(8, 30), 30, 2,
                                    place="门诊楼二楼CT室", instructions=instructions)
    as_(profile, ids["me"])
    return service.book(slot, ids["张三"][0], ids["张三"][1])


def test_the_slip_names_who_what_when_where_and_what_to_bring_and_its_qr_is_the_code(world, tmp_path):  # noqa: F811
    for tool in ("pdftotext", "pdftoppm", "zbarimg"):
        if shutil.which(tool) is None:
            need_component(tool, "the slip is read back as a real PDF and its QR code decoded")
    profile, _ids, service = world
    booking = booked(world)
    code = service.booking(booking).code
    out = print_slip(profile, booking, tmp_path / "slip.pdf")
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True,
                          check=True).stdout
    for expected in ("检查预约单", "张三", "低剂量螺旋CT", "2026年11月23日（星期一）08:00–08:30", "市胸科医院",
                     "门诊楼二楼CT室", "带身份证、医保卡；检查前4小时禁食", "只跑一次", "尚待医院确认"):
        assert expected in text, expected
    assert text.count(code) >= 2
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True, check=True).stdout
    assert "WenQuanYiMicroHei" in fonts and "Helvetica" not in fonts  # the bundled font, embedded
    subprocess.run(["pdftoppm", "-r", "200", "-png", "-singlefile", str(out), str(tmp_path / "slip")], check=True)
    scanned = subprocess.run(["zbarimg", "--raw", "-q", str(tmp_path / "slip.png")], capture_output=True, text=True,
                             check=True).stdout.split()
    assert scanned == [code]
    assert service.find(scanned[0]).id == booking
    with profile.sessions() as s:
        assert s.query(AuditEntry).filter_by(action="print", row_id=booking).count() == 1


def test_a_cancelled_booking_prints_no_slip(world, tmp_path):  # noqa: F811
    profile, _ids, service = world
    booking = booked(world, instructions="")
    service.cancel(booking, "家属要求改期")
    with pytest.raises(ProblemError) as exc:
        print_slip(profile, booking, tmp_path / "slip.pdf")
    assert exc.value.problem.code == "slot.slip_not_printable"
    assert not (tmp_path / "slip.pdf").exists()

"""The referral slip: the short code in words and as a QR code, recorded like any letter."""
from __future__ import annotations

import subprocess

import pytest
import segno

from app.errors import ValidationError
from app.letters.layout import PAPERS
from app.letters.layout import layout
from app.letters.layout import metrics
from app.letters.qr import matrix
from app.referrals.slip import prepare_slip
from app.referrals.slip import print_slip
from db.models import Letter
from tests.app.test_referrals import get
from tests.app.test_referrals import up_form
from tests.app.test_referrals import world  # noqa: F401 - the fixture


def test_qr_matrix_is_segnos_symbol():
    code = segno.make("ABC234", error="m", micro=False, boost_error=False)
    assert matrix("ABC234") == [[bool(m) for m in row] for row in code.matrix]


def test_slip_prints_code_and_qr_and_is_recorded(world, tmp_path):  # noqa: F811
    profile, ids, service = world
    rid = service.save(up_form(service, ids, green_channel=True), send=True)
    code = get(profile, rid).short_code
    result = print_slip(profile, rid, tmp_path / "slip.pdf")
    assert len(result.printed) == 1 and result.pages == 1, result.skipped
    text = subprocess.run(["pdftotext", "-layout", str(result.out), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert text.count(code) >= 2  # beside the QR code and in the details table
    assert "双向转诊单" in text and "绿色通道" in text and "县肿瘤防治中心" in text
    ready = prepare_slip(profile, rid, reprint_reason="补打").ready[0]
    pages = layout(ready.filled, PAPERS["A4"])
    squares = [op for op in pages[0].ops if op[0] == "rect" and op[7] == "#111111"]
    assert len(squares) > 50  # the QR code's modules, drawn as filled runs
    with profile.sessions() as s:
        letter = s.query(Letter).one()
    assert letter.kind == "referral_slip" and letter.fields["ref_id"] == rid


def test_a_draft_has_no_slip(world):  # noqa: F811
    profile, ids, service = world
    rid = service.save(up_form(service, ids))
    with pytest.raises(ValidationError) as exc:
        prepare_slip(profile, rid)
    assert exc.value.field == "state"


def test_a_network_code_prints_whole_beside_the_qr_and_in_the_table(world, tmp_path):  # noqa: F811
    """A desktop with a device code prints "K7P-3XH9Q": nine characters, three more than the
    older codes; the label under the QR code stays under it and within the margin."""
    from app.referrals import codes

    profile, ids, service = world
    profile.set_local(codes.DEVICE_CODE_KEY, "WMW")  # the widest letters there are
    rid = service.save(up_form(service, ids), send=True)
    code = get(profile, rid).short_code
    assert code.startswith("WMW-") and len(code) == 9
    result = print_slip(profile, rid, tmp_path / "slip.pdf")
    text = subprocess.run(["pdftotext", "-layout", str(result.out), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert text.count(code) >= 2
    assert matrix(code) == [[bool(m) for m in row] for row in segno.make(code, error="m", micro=False,
                                                                      boost_error=False).matrix]
    ready = prepare_slip(profile, rid, reprint_reason="补打").ready[0]
    for paper in PAPERS.values():
        ops = layout(ready.filled, paper)[0].ops
        shown = [op for op in ops if op[0] == "text" and op[4] == code]
        assert len(shown) == 2  # under the QR code, and in the details table
        [(_, x, _, size, _, _, _, _)] = [op for op in shown if op[6]]  # the label: bold
        right = x + metrics().width(code, size)
        assert paper.margin_x <= x and right <= paper.width - paper.margin_x + 0.01, (paper.name, right)
        assert size >= 10 * paper.scale  # still read at a glance (the widest random letters fit 26 mm at ~10.5 pt)
        qr = [op for op in ops if op[0] == "rect" and op[7] == "#111111"]
        qr_centre = (min(op[1] for op in qr) + max(op[1] + op[3] for op in qr)) / 2
        assert abs((x + right) / 2 - qr_centre) < 1  # the label sits centred under the QR code

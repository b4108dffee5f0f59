"""The registration dialog: from the worklist, field-by-field reasons, duplicates in scope,
editing contact details from the patient window, and a case opened at once."""
from __future__ import annotations

import datetime as dt
import os

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialogButtonBox
from sqlalchemy import func
from sqlalchemy import select

from app import clock
from app import idcard
from app.patients import PatientService
from app.registration import PersonForm
from app.registration import Registration
from app.worklist import Worklist
from db.models import AuditEntry
from db.models import Case
from db.models import Patient
from db.models import User
from tests.app.test_import_data import network
from tests.support import seed_rows
from ui.patient.register_dialog import RegisterDialog
from ui.patient.view import PatientView
from ui.worklist.view import WorklistPage
from ui.workspace import Workspace

TODAY = dt.date(2026, 12, 3)
BIRTH = dt.date(1961, 3, 9)
ID_A = idcard.make_id("330206", BIRTH, 41, "F")
BAD_ID = ID_A[:17] + ("0" if ID_A[17] != "0" else "1")
SHOTS = os.environ.get("CASEDESK_SHOTS")  # a folder: save what the dialog looks like there


@pytest.fixture
def desk(profile, translations):
    clock.pin(dt.datetime.combine(TODAY, dt.time(2), tzinfo=dt.timezone.utc))
    net = network(profile)
    with seed_rows(profile) as tx:
        net.doctor_a = tx.add(User(username="fd_a", display_name="何医生", role="family_doctor",
                                   org_unit_id=net.point_a1)).id
    profile.store.user_id = net.cm_a  # station A's community case manager at the desk
    yield profile, net, Registration.for_profile(profile)
    profile.store.user_id = None
    clock.pin(None)


def dialog_for(qtbot, reg, patient_id=None) -> RegisterDialog:
    d = RegisterDialog(reg, patient_id)
    qtbot.addWidget(d)
    d.show()
    return d


def fill(d: RegisterDialog, net, id_number=ID_A, name="陈秀英", phone="13812345678") -> None:
    d.id_number.setText(id_number)
    d.id_number.editingFinished.emit()
    d.name.setText(name)
    d.phone.setText(phone)
    d.address.setText("澄江路8号")
    d.community.setCurrentIndex(d.community.findData(net.point_a1))
    d.doctor.setCurrentIndex(d.doctor.findData(net.doctor_a))


def save(d: RegisterDialog) -> None:
    d.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def patients(profile) -> int:
    with profile.sessions() as s:
        return s.scalar(select(func.count()).select_from(Patient))


def test_an_id_number_whose_check_digit_fails_is_refused_with_the_reason(qtbot, desk, translations):
    translations.set_language("en")
    profile, net, reg = desk
    d = dialog_for(qtbot, reg)
    fill(d, net, id_number=BAD_ID)
    assert d.errors["id_number"].isVisibleTo(d)
    assert d.errors["id_number"].text() == "The ID number is not valid: the check digit does not match."
    save(d)
    assert d.isVisible() and patients(profile) == 0


def test_the_id_number_fills_birth_date_and_sex_and_a_disagreeing_date_is_refused(qtbot, desk):
    profile, net, reg = desk  # Chinese
    d = dialog_for(qtbot, reg)
    fill(d, net)
    assert d.birth_date.date() == QDate(1961, 3, 9) and d.sex.currentData() == "F"
    d.birth_date.setDate(QDate(1961, 3, 10))
    save(d)
    assert d.errors["birth_date"].text() == "出生日期 1961-03-10 与身份证号不符（身份证号为 1961-03-09）。"
    assert patients(profile) == 0


def test_a_duplicate_in_scope_is_shown_masked_and_not_created_silently(qtbot, desk):
    profile, net, reg = desk
    first = reg.register(PersonForm(id_number=ID_A, name="陈秀英", community_id=net.point_a1))
    d = dialog_for(qtbot, reg)
    fill(d, net, name="陈秀英")
    save(d)
    assert d.duplicate_panel.isVisible() and not d.confirm.isVisible()  # the same ID: no "register anyway"
    text = d.duplicate_text.text()
    assert "已使用这个身份证号" in text and ID_A[:6] + "********" + ID_A[-4:] in text and ID_A not in text
    save(d)
    assert patients(profile) == 1
    with qtbot.waitSignal(d.open_patient) as opened:
        d.open_existing.click()
    assert opened.args == [first]


def test_a_namesake_is_registered_only_after_confirming(qtbot, desk):
    profile, net, reg = desk
    reg.register(PersonForm(id_number=ID_A, name="陈秀英", community_id=net.point_a1))
    d = dialog_for(qtbot, reg)
    fill(d, net, id_number=idcard.make_id("330206", BIRTH, 43, "F"), phone="")
    save(d)
    assert d.duplicate_panel.isVisible() and d.confirm.isVisible() and patients(profile) == 1
    d.confirm.setChecked(True)
    save(d)
    assert d.saved_id and not d.isVisible() and patients(profile) == 2


def test_a_duplicate_in_another_stations_scope_is_not_revealed(qtbot, desk):
    profile, net, reg = desk
    with seed_rows(profile) as tx:
        tx.add(Patient(name="林美华", sex="F", birth_date=BIRTH, id_number=ID_A, phone="13812345678",
                       community_id=net.point_b1))
    d = dialog_for(qtbot, reg)
    assert net.point_b1 not in [d.community.itemData(i) for i in range(d.community.count())]
    fill(d, net)
    save(d)
    assert not d.duplicate_panel.isVisible() and "林美华" not in d.duplicate_text.text()
    assert d.saved_id and patients(profile) == 2


def test_a_new_case_is_opened_with_its_first_invitation_due(qtbot, desk):
    profile, net, reg = desk
    d = dialog_for(qtbot, reg)
    fill(d, net)
    d.case_box.setChecked(True)
    d.cancer.setCurrentIndex(d.cancer.findData("lung"))
    save(d)
    with profile.sessions() as s:
        case = s.scalars(select(Case).where(Case.patient_id == d.saved_id)).one()
    assert (case.cancer_type, case.stage) == ("lung", "screen")
    assert TODAY < case.due_date <= TODAY + dt.timedelta(days=14)


def test_the_worklist_registers_and_opens_the_new_patient(qtbot, desk):
    profile, net, reg = desk
    page = WorklistPage(profile, Worklist(profile.sessions, net.cm_a, net.station_a))
    qtbot.addWidget(page)
    assert page.register_button.text() == "登记患者…"
    d = page.register_patient()
    fill(d, net)
    with qtbot.waitSignal(page.patient_requested) as opened:
        save(d)
    assert opened.args == [d.saved_id] and patients(profile) == 1


def test_edit_details_stores_a_landline_right(qtbot, desk):
    profile, net, reg = desk
    pid = reg.register(PersonForm(id_number=ID_A, name="陈秀英", phone="13812345678", community_id=net.point_a1))
    view = PatientView(PatientService(profile.store), pid)
    qtbot.addWidget(view)
    assert view.action_edit_details.text() == "编辑联系信息…"
    d = view.edit_details()
    assert not d.id_number.isEnabled() and d.id_number.text() == ID_A[:6] + "********" + ID_A[-4:]
    assert d.phone.text() == "13812345678"
    with profile.sessions() as s:  # the full phone on the form is a reveal, audited as one
        reveal = s.scalars(select(AuditEntry).where(AuditEntry.action == "reveal")).one()
    assert (reveal.row_id, reveal.detail["field"]) == (pid, "phone")
    d.phone.setText("0574 8765 4321")
    d.doctor.setCurrentIndex(d.doctor.findData(net.doctor_a))
    save(d)
    with profile.sessions() as s:
        p = s.get(Patient, pid)
        assert (p.phone, p.family_doctor_id) == ("0574-87654321", net.doctor_a)
    d = view.edit_details()
    d.phone.setText("8765")
    d.phone.editingFinished.emit()  # the reason shows as the person leaves the field
    assert d.errors["phone"].isVisibleTo(d) and "0574-87654321" in d.errors["phone"].text()
    save(d)
    assert d.isVisible() and reg.current(pid).phone == "0574-87654321"


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_the_dialog_reads_in_one_language(qtbot, desk, translations, lang):
    translations.set_language(lang)
    profile, net, reg = desk
    reg.register(PersonForm(id_number=ID_A, name="陈秀英", community_id=net.point_a1))
    d = dialog_for(qtbot, reg)
    fill(d, net, id_number=idcard.make_id("330206", BIRTH, 43, "F"), phone="8765")
    save(d)  # a phone problem beside its field, wrapped onto a second line and not cut off
    qtbot.wait(20)
    assert d.errors["phone"].isVisible()
    assert d.errors["phone"].height() >= d.errors["phone"].heightForWidth(d.errors["phone"].width())
    d.phone.setText("")
    save(d)  # then the namesake panel
    d.case_box.setChecked(True)
    qtbot.wait(50)
    shown = [d.windowTitle(), d.duplicate_text.text(), d.confirm.text(), d.case_box.title(),
             *(c.text() for c in d.captions.values())]
    if lang == "en":
        assert not any("\u4e00" <= ch <= "\u9fff" for t in shown if t != d.duplicate_text.text() for ch in t)
    else:
        assert all(any("\u4e00" <= ch <= "\u9fff" for ch in t) for t in shown if t)
    for label in d.findChildren(type(d.confirm)):
        assert label.sizeHint().width() <= label.width() or not label.isVisible()
    if SHOTS:
        os.makedirs(SHOTS, exist_ok=True)
        d.grab().save(os.path.join(SHOTS, f"register_{lang}.png"))


def test_in_the_workstation_the_registered_patient_opens_in_its_window(qtbot, desk, make_window):
    profile, net, reg = desk
    ws = Workspace(make_window(profile))
    try:
        d = ws.worklist_page.register_patient()
        fill(d, net)
        d.case_box.setChecked(True)
        save(d)
        assert list(ws.open_patients) == [d.saved_id]
        assert ws.open_patients[d.saved_id].view.patient_name == "陈秀英"
        qtbot.waitUntil(lambda: ws.worklist_page.model.rowCount() == 1)  # its case is on the worklist
    finally:
        for w in list(ws.open_patients.values()):
            w.close()

"""The conflict dialog offers fields that belong together as ONE choice (app.sync.conflicts.GROUPS):
a case's stage with its closing and next step is one row with one pair of buttons, in Chinese
and in English; a yes-or-no field is chosen in the person's words and handed over as a code."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QComboBox
from PySide6.QtWidgets import QDialogButtonBox
from PySide6.QtWidgets import QRadioButton
from sqlalchemy import select

from app.sync import conflicts
from app.sync import service
from db.models import Case
from db.models import OutboxEntry
from db.models import Patient
from ui.sync.conflict_dialog import ConflictDialog
from ui.sync.controller import SyncController
from ui.sync.resend_dialog import ResendDialog


@pytest.fixture
def controller(profile, qtbot):
    return SyncController(profile)


def case_conflict(profile) -> int:
    """This desktop moved a case to 预防 and lowered its risk; the server has it in 诊断 and
    closed, with a higher risk: the stage and the closing clash, and so does the risk."""
    with profile.store.write() as tx:
        p = tx.add(Patient(name="孙丽华", sex="F", birth_date=dt.date(1959, 8, 14)))
        case = tx.add(Case(patient_id=p.id, cancer_type="lung", stage="screen", risk_level="medium",
                           opened_at=dt.datetime(2026, 1, 5, tzinfo=dt.timezone.utc)))
    with profile.sessions.begin() as s:
        s.execute(OutboxEntry.__table__.delete())
        s.get(Case, case.id).version = 2
    with profile.store.write() as tx:
        tx.update(tx.session.get(Case, case.id), stage="prevent", risk_level="low")
    with profile.sessions.begin() as s:
        entry = s.scalars(select(OutboxEntry)).one()
        entry.status, entry.server_reason = "conflict", "changed on both sides"
        entry.server_detail = {"kind": "both_changed", "version": 3, "server_change": None, "fields": {
            "stage": {"server": "diagnose", "client": "prevent"},
            "closed_at": {"server": "2026-02-03T08:00:00Z", "client": None},
            "risk_level": {"server": "high", "client": "low"}}}
        return entry.seq


def test_fields_that_belong_together_are_one_choice_in_either_language(profile, controller, qtbot, translations):
    dialog = ConflictDialog(profile, service.outbox_item(profile, case_conflict(profile)), controller.run_network)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.rows == ["pathway", "risk_level"]  # stage + closing: one row, not two
    assert len(dialog.findChildren(QRadioButton)) == 4  # one pair per choice
    mine, server = dialog.value_labels["pathway"]
    label = dialog.findChild(type(mine), "field_pathway")
    assert label.text() == "路径阶段、下一步与结案\n（须一起保留）"
    assert mine.text().splitlines() == ["路径阶段：预防", "下一步：健康宣教与危险因素评估", "结案时间：（空）"]
    assert server.text().splitlines()[:2] == ["路径阶段：诊断", "下一步：完成诊断检查（影像/内镜/病理）"]
    assert "相互关联的项目只能一起保留" in dialog.summary.text()
    dialog.grab().save("/tmp/conflict_groups_zh.png")

    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dialog.mine_buttons["pathway"].click()
    assert dialog.choices() is None and not ok.isEnabled()  # the risk still to choose
    dialog.server_buttons["risk_level"].click()
    assert dialog.choices() == {"pathway": "mine", "risk_level": "server"} and ok.isEnabled()

    translations.set_language("en")
    assert label.text() == "Pathway stage, next step and closing\n(kept together)"
    assert mine.text().splitlines() == ["Pathway stage: Prevention", "Next step: Health education and risk-factor "
                                        "assessment", "Closed: (empty)"]
    assert server.text().splitlines()[1] == "Next step: Complete the diagnostic work-up (imaging, endoscopy, pathology)"
    texts = [w.text() for w in dialog.findChildren(type(mine))] + [dialog.windowTitle()]
    assert not [t for t in texts if any("\u4e00" <= ch <= "\u9fff" for ch in t.replace("孙丽华", ""))]
    qtbot.wait(50)  # the layout settles and the buttons are worded again after the switch
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).text() == "Resolve"
    dialog.grab().save("/tmp/conflict_groups_en.png")


def test_a_yes_or_no_field_is_chosen_in_words_and_sent_as_a_code(profile, controller, qtbot, translations):
    with profile.store.write() as tx:
        p = tx.add(Patient(name="周建国", sex="M", birth_date=dt.date(1955, 1, 20)))
    with profile.sessions.begin() as s:
        s.execute(OutboxEntry.__table__.delete())
        s.get(Patient, p.id).version = 1
    with profile.store.write() as tx:
        tx.update(tx.session.get(Patient, p.id), contract_signed=True)
    with profile.sessions.begin() as s:
        entry = s.scalars(select(OutboxEntry)).one()
        entry.status, entry.server_reason = "rejected", "contract_signed: refused"
        seq = entry.seq
    dialog = ResendDialog(profile, service.outbox_item(profile, seq), controller.run_serial)
    qtbot.addWidget(dialog)
    dialog.show()
    chooser = dialog.findChild(QComboBox, "edit_contract_signed")
    assert [chooser.itemText(i) for i in range(chooser.count())] == ["是", "否"]
    assert chooser.currentText() == "是"
    translations.set_language("en")
    assert [chooser.itemText(i) for i in range(chooser.count())] == ["Yes", "No"]
    chooser.setCurrentIndex(1)
    assert dialog.values() == {"contract_signed": False}
    assert chooser.currentData() == conflicts.NO


def test_a_referral_step_is_one_choice_worded_as_states_not_codes(profile, controller, qtbot, translations):
    from app import clock
    from db.models import OrgUnit
    from db.models import Referral

    now = clock.now()
    with profile.store.write() as tx:
        station = tx.add(OrgUnit(kind="street_station", code="G-S01", name="澄江街道工作站"))
        centre = tx.add(OrgUnit(kind="centre", code="G-C01", name="县肿瘤防治中心"))
        p = tx.add(Patient(name="吴德明", sex="M", birth_date=dt.date(1957, 6, 2)))
        ref = tx.add(Referral(patient_id=p.id, direction="up", from_org_id=station.id, to_org_id=centre.id,
                              reason="低剂量CT提示结节", state="draft", short_code="G0000001"))
    with profile.sessions.begin() as s:
        s.execute(OutboxEntry.__table__.delete())
        row = s.get(Referral, ref.id)
        row.state, row.sent_at, row.version = "accepted", now - dt.timedelta(hours=2), 4
    with profile.store.write() as tx:
        tx.update(tx.session.get(Referral, ref.id), state="scheduled", scheduled_at=now + dt.timedelta(days=2),
                  scheduled_place="胸外科门诊3诊室")
    with profile.sessions.begin() as s:
        entry = s.scalars(select(OutboxEntry)).one()
        entry.status = "conflict"
        entry.server_detail = {"kind": "both_changed", "version": 5, "server_change": None,
                               "fields": {"state": {"server": "cancelled", "client": "scheduled"}}}
        seq = entry.seq
    dialog = ConflictDialog(profile, service.outbox_item(profile, seq), controller.run_network)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.rows == ["referral_step"] and len(dialog.findChildren(QRadioButton)) == 2
    mine, server = dialog.value_labels["referral_step"]
    lines = mine.text().splitlines()  # this desktop's booking goes (or stays) with its step
    assert lines[0] == "状态：已预约" and lines[-1] == "地点：胸外科门诊3诊室" and len(lines) == 3
    assert server.text() == "状态：已取消"
    assert not dialog.also.isVisible()  # the booking is not "sent again as it is"
    dialog.grab().save("/tmp/conflict_referral_zh.png")
    translations.set_language("en")
    qtbot.wait(50)
    assert mine.text().splitlines()[0] == "State: scheduled" and server.text() == "State: cancelled"
    dialog.grab().save("/tmp/conflict_referral_en.png")

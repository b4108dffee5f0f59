"""The patient window's household (#18 item 3): start one, add a relative found by search,
name the health supervisor, plan one home visit for all; refusals in the reader's words; the
panel in Chinese and English."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from app import clock
from app.patients import PatientService
from db.models import Followup
from db.models import OrgUnit
from db.models import Patient
from tests.app import worklist_data as data

NOON = data.NOON
SHOTS = "/tmp"


@pytest.fixture
def window(qtbot, profile, translations):
    from ui.patient.view import PatientView

    clock.pin(NOON)
    ids = data.load(profile)
    with profile.sessions.begin() as s:
        point = OrgUnit(kind="community_point", code="S0-P1", name="金桥社区防治点", parent_id=ids["stations"][0])
        s.add(point)
        s.flush()
        for name in ("张三", "张珊珊", "赵_%六"):
            s.get(Patient, ids[name][0]).community_id = point.id
        son = Patient(name="张小明", name_pinyin="zhangxiaoming", name_initials="zxm", sex="M",
                      birth_date=dt.date(1990, 3, 3), community_id=point.id)
        s.add(son)
        s.flush()
        ids["son"] = son.id
    profile.store.user_id = ids["me"]
    translations.set_language("en")
    w = PatientView(PatientService(profile.store), ids["张三"][0])
    qtbot.addWidget(w)
    w.resize(1280, 760)
    w.show()
    qtbot.waitExposed(w)
    yield w, profile, ids
    clock.pin(None)


def rows(panel) -> list[list[str]]:
    t = panel.tree
    return [[t.topLevelItem(i).text(c) for c in range(5)] for i in range(t.topLevelItemCount())]


def build(panel, qtbot, ids):
    start = panel.start()
    start.name.setText("张家")
    assert start.save(), start.error.text()
    assert panel.household is not None
    add = panel.add_member()
    add.search.setText("zss")
    add.find()
    assert add.results.count() == 1 and add.chosen() == ids["张珊珊"][0]
    add.relation.setCurrentIndex(add.relation.findData("spouse"))
    assert add.save(), add.error.text()
    add = panel.add_member()
    add.search.setText("张小明")
    add.find()
    add.relation.setCurrentIndex(add.relation.findData("child"))
    assert add.save(), add.error.text()


def test_start_add_supervise_and_plan_a_household_visit(window, qtbot):
    w, profile, ids = window
    panel = w.household
    assert panel.start_button.isVisible() and not panel.add_button.isVisible()
    build(panel, qtbot, ids)
    assert [(r[0], r[1]) for r in rows(panel)] == [("张三", "Self"), ("张珊珊", "Spouse"), ("张小明", "Child")]
    assert rows(panel)[1][3].startswith("Breast") and "Treatment" in rows(panel)[1][3]
    assert panel.tree.headerItem().text(1) == "Relation to 张三"
    # the supervisor: someone who is not a patient, first with a wrong number
    sup = panel.set_supervisor()
    sup.is_other.setChecked(True)
    sup.name.setText("张阿姨")
    sup.phone.setText("12345")
    assert not sup.save()
    assert "“12345” is not a mobile number" in sup.error.text()
    sup.phone.setText("139 0000 1111")
    assert sup.save(), sup.error.text()
    assert panel.supervisor.text() == "Health supervisor: 张阿姨  13900001111"
    # a household home visit: a follow-up for each member with an open case
    plan = panel.plan_visit()
    plan.method.setCurrentIndex(plan.method.findData("home"))
    plan.day.setDate(QDate(2026, 11, 20))
    assert plan.save(), plan.error.text()
    assert panel.status.text() == ("Home visit on 2026-11-20: 2 new follow-up(s), 0 moved to that day, "
                                   "1 member(s) without an open case.")
    with profile.sessions() as s:
        planned = set(s.scalars(select(Followup.patient_id).where(Followup.due_date == dt.date(2026, 11, 20))))
    assert planned == {ids["张三"][0], ids["张珊珊"][0]}
    w.grab().save(f"{SHOTS}/household_en.png")
    plan.deleteLater()


def test_a_patient_in_another_household_cannot_be_added_and_removal_asks(window, qtbot, monkeypatch):
    w, profile, ids = window
    panel = w.household
    build(panel, qtbot, ids)
    from app.households import HouseholdService
    HouseholdService(profile.store).start(ids["赵_%六"][0])
    add = panel.add_member()
    add.search.setText("赵")
    add.find()
    assert add.results.count() == 1 and add.chosen() is None  # listed, marked, not selectable
    assert "in another household" in add.results.item(0).text()
    assert not add.save() and add.error.text() == "Find the patient and select them in the list."
    # the anchor goes last: the remove button says so by being disabled
    panel.tree.setCurrentItem(panel.tree.topLevelItem(0))
    assert not panel.remove_button.isEnabled()
    panel.tree.setCurrentItem(panel.tree.topLevelItem(2))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    assert panel.remove_selected()
    assert [r[0] for r in rows(panel)] == ["张三", "张珊珊"]


def test_the_household_in_chinese(window, qtbot, translations):
    w, _profile, ids = window
    panel = w.household
    build(panel, qtbot, ids)
    sup = panel.set_supervisor()
    sup.member.setCurrentIndex(sup.member.findData(ids["son"]))
    sup.phone.setText("13812345678")
    assert sup.save(), sup.error.text()
    translations.set_language("zh_CN")
    assert [(r[0], r[1]) for r in rows(panel)] == [("张三", "本人"), ("张珊珊", "配偶"), ("张小明", "子女")]
    assert panel.tree.headerItem().text(1) == "与张三的关系"
    assert panel.supervisor.text() == "家庭健康监督员：张小明  13812345678"
    assert panel.title.text() == "张家 · 3 名成员"
    assert panel.plan_button.text() == "安排家庭随访…"
    w.grab().save(f"{SHOTS}/household_zh.png")
    for dialog, name in ((panel.add_member(), "add"), (panel.set_supervisor(), "supervisor"),
                         (panel.plan_visit(), "plan")):
        qtbot.waitExposed(dialog)
        if name == "add":
            dialog.search.setText("z")
            dialog.find()
            assert dialog.results.count() == 1  # the 张s are members already; 赵 is free
        dialog.grab().save(f"{SHOTS}/household_{name}_zh.png")
        dialog.reject()
    translations.set_language("en")
    assert panel.tree.topLevelItem(1).text(1) == "Spouse"
    for dialog, name in ((panel.add_member(), "add"), (panel.set_supervisor(), "supervisor"),
                         (panel.plan_visit(), "plan")):
        qtbot.waitExposed(dialog)
        dialog.grab().save(f"{SHOTS}/household_{name}_en.png")
        dialog.reject()


def test_a_member_whose_household_is_not_on_this_computer(window, qtbot):
    """The member's row syncs with the member, the household's with the patient it was started
    from: a desk may hold the first without the second (a pull writes with foreign keys off)."""
    w, profile, ids = window
    panel = w.household
    build(panel, qtbot, ids)
    with profile.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
        conn.exec_driver_sql("DELETE FROM households")
        conn.commit()
        conn.exec_driver_sql("PRAGMA foreign_keys=ON")
    panel.refresh()
    assert panel.household is None and not panel.start_button.isVisible()
    assert panel.supervisor.text() == "In a household kept by another organisation; it is not on this computer."

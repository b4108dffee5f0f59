"""The sync dialogs and the outbox view over a real local outbox (no server needed here;
resolving through them against a real server is in tests/e2e/test_sync_ui_dialogs.py)."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from sqlalchemy import select

from app.sync import conflicts
from app.sync import service
from db.models import OrgUnit
from db.models import OutboxEntry
from db.models import Patient
from db.models import User
from ui.sync.conflict_dialog import ConflictDialog
from ui.sync.controller import SyncController
from ui.sync.login_dialog import LoginDialog
from ui.sync.outbox_view import OutboxView
from ui.sync.progress_dialog import FirstSyncDialog
from ui.sync.resend_dialog import ResendDialog

OTHER_DESK = "0190f000-aaaa-7000-8000-00000000beef"


def patient_with_entry(profile, status="pending", reason=None, detail=None, **edit) -> tuple[str, int]:
    with profile.store.write() as tx:
        p = tx.add(Patient(name="张秀英", sex="F", birth_date=dt.date(1958, 3, 2), phone="13500000000"))
    with profile.sessions.begin() as s:  # as if the server had taken the insert
        s.execute(OutboxEntry.__table__.delete().where(OutboxEntry.row_id == p.id))
        s.get(Patient, p.id).version = 1
    if edit:
        with profile.store.write() as tx:
            tx.update(tx.session.get(Patient, p.id), **edit)
    with profile.sessions.begin() as s:
        entry = s.scalars(select(OutboxEntry).where(OutboxEntry.row_id == p.id)).one()
        entry.status, entry.server_reason, entry.server_detail = status, reason, detail
        return p.id, entry.seq


def conflict(profile):
    now = dt.datetime.now(dt.timezone.utc)
    with profile.sessions.begin() as s:  # a colleague, as pulled from the server
        unit = OrgUnit(id="0190f000-0000-7000-8000-0000000000bb", kind="centre", code="C1", name="县肿瘤防治中心",
                       version=1, updated_at=now)
        s.add(unit)
        s.flush()
        s.add(User(id="0190f000-0000-7000-8000-0000000000aa", username="cm07", display_name="李梅",
                   role="clinic_cm", org_unit_id=unit.id, active=True, version=1, updated_at=now))
    detail = {"fields": {"phone": {"server": "13911112222", "client": "13733334444"}}, "version": 4,
              "server_change": {"user_id": "0190f000-0000-7000-8000-0000000000aa", "device_id": OTHER_DESK,
                                "at": "2026-03-02T06:30:00Z"}}
    return patient_with_entry(profile, "conflict", "changed on both sides", detail,
                              phone="13733334444", address="城关镇解放路8号")


def pick(view, row: int) -> None:
    """Select exactly this row, whatever modifier keys an earlier test left held (selectRow
    in a multi-selection view asks the keyboard's modifiers)."""
    from PySide6.QtCore import QItemSelectionModel
    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    view.table.selectionModel().select(view.model.index(row, 0), flags)


@pytest.fixture
def controller(profile, qtbot):
    return SyncController(profile)


def test_conflict_dialog_shows_both_sides_and_who_changed_it(profile, controller, qtbot, translations):
    _pid, seq = conflict(profile)
    item = service.outbox_item(profile, seq)
    dialog = ConflictDialog(profile, item, controller.run_network)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "处理同步冲突"
    assert "患者张秀英在本机" in dialog.summary.text()
    assert "李梅" in dialog.who.text() and "beef" in dialog.who.text()
    expected_time = dt.datetime(2026, 3, 2, 6, 30, tzinfo=dt.timezone.utc).astimezone().strftime("%Y-%m-%d %H:%M")
    assert expected_time in dialog.who.text()
    mine, server = dialog.value_labels["phone"]
    assert (mine.text(), server.text()) == ("13733334444", "13911112222")
    assert dialog.findChild(type(mine), "field_phone").text() == "电话"
    assert "地址" in dialog.also.text()  # the non-clashing field goes again, said so
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled() and dialog.choices() is None  # nothing pre-chosen
    dialog.server_buttons["phone"].click()
    assert ok.isEnabled() and dialog.choices() == {"phone": "server"}
    dialog.all_mine.click()
    assert dialog.choices() == {"phone": "mine"}
    dialog.all_server.click()
    assert dialog.choices() == {"phone": "server"}


def test_deleted_on_the_server_allows_only_the_servers_version(profile, controller, qtbot, translations):
    detail = {"fields": {"phone": {"server": None, "client": "13733334444"}}, "version": 5, "server_change": None,
              "kind": "deleted_there"}
    _pid, seq = patient_with_entry(profile, "conflict", "the record was deleted on the server", detail,
                                   phone="13733334444")
    dialog = ConflictDialog(profile, service.outbox_item(profile, seq), controller.run_network)
    qtbot.addWidget(dialog)
    assert dialog.kind == conflicts.DELETED_THERE
    assert not dialog.mine_buttons["phone"].isEnabled() and not dialog.all_mine.isEnabled()
    assert dialog.choices() == {"phone": "server"}
    assert "已在服务器上删除" in dialog.summary.text()
    assert dialog.value_labels["phone"][1].text() == "（空）"


def test_outbox_view_lists_what_waits_in_words(profile, controller, qtbot, qtmodeltester, translations):
    conflict(profile)
    patient_with_entry(profile, "rejected", "phone: 号码格式不对", None, phone="123")
    patient_with_entry(profile, "pending", None, None, warning_flags="听力差")
    view = OutboxView(profile, controller)
    qtbot.addWidget(view)
    model = view.model
    qtmodeltester.check(model)
    rows = [[model.data(model.index(r, c)) for c in range(model.columnCount())] for r in range(model.rowCount())]
    assert [r[0] for r in rows] == ["冲突", "被拒", "待同步"]  # what needs a person first
    assert rows[0][1:5] == ["张秀英", "患者", "修改", "地址、电话"]
    assert rows[1][6] == "phone: 号码格式不对"
    assert rows[2][4] == "注意事项"
    assert model.headerData(6, Qt.Orientation.Horizontal) == "服务器的理由"
    assert "1 项等待发送 · 1 项冲突 · 1 项被拒绝" in view.summary.text()
    pick(view, 0)
    assert view.settle_button.isEnabled() and not view.resend_button.isEnabled()
    pick(view, 1)
    assert view.resend_button.isEnabled() and view.discard_button.isEnabled()
    pick(view, 2)
    assert not (view.settle_button.isEnabled() or view.resend_button.isEnabled() or view.discard_button.isEnabled())
    pick(view, 0)
    dialog = view.open_conflict()
    assert isinstance(dialog, ConflictDialog) and dialog.isVisible()
    dialog.reject()


def test_an_empty_outbox_says_so(profile, controller, qtbot, translations):
    view = OutboxView(profile, controller)
    qtbot.addWidget(view)
    assert view.model.rowCount() == 0
    assert view.summary.text().startswith("没有待同步的更改")


def test_resend_dialog_reads_values_and_sends_a_new_pending_change(profile, controller, qtbot, translations):
    pid, seq = patient_with_entry(profile, "rejected", "birth_date: 不合理", None,
                                  birth_date=dt.date(2090, 1, 1), phone="13600000000")
    dialog = ResendDialog(profile, service.outbox_item(profile, seq), controller.run_serial)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.reason.text() == "服务器的理由：birth_date: 不合理"
    assert set(dialog.edits) == {"birth_date", "phone"}
    assert dialog.edits["birth_date"].text() == "2090-01-01"
    assert dialog.before["birth_date"].text() == "修改前：1958-03-02"
    dialog.edits["birth_date"].setText("1958-13-40")
    assert dialog.values() is None and dialog.errors["birth_date"].isVisible()
    dialog.edits["birth_date"].setText("1958-03-12")
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    (entry,) = service.outbox_items(profile)
    assert entry.status == "pending" and entry.changes["birth_date"] == ["1958-03-02", "1958-03-12"]
    assert entry.changes["phone"][1] == "13600000000"
    with profile.sessions() as s:
        assert s.get(Patient, pid).birth_date == dt.date(1958, 3, 12)


def test_login_dialog_asks_for_both_fields_and_never_keeps_the_password(profile, controller, qtbot, translations):
    dialog = LoginDialog(controller, "http://127.0.0.1:9", "cm01")
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "登录服务器" and dialog.username.text() == "cm01"
    dialog.submit()
    assert dialog.message.text() == "请输入用户名和密码。"
    dialog.password.setText("secret")
    dialog.reject()
    assert dialog.password.text() == ""


def test_first_sync_dialog_words(qtbot, translations):
    dialog = FirstSyncDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.begin(0)
    assert not dialog.resume.isVisible() and dialog.counter.text() == "正在询问服务器…"
    dialog.on_progress(5000, 20000)
    assert dialog.counter.text() == "第 5000 / 20000 号变更" and dialog.bar.value() == 5000
    dialog.on_failed(service.OFFLINE, "")
    assert "下次将从第 5000 号变更之后继续" in dialog.result.text() and dialog.retry.isVisible()
    dialog.begin(5000)
    assert dialog.resume.isVisible() and "5000" in dialog.resume.text()
    assert dialog.close_button.text() == "隐藏"


def test_a_refused_change_shows_the_servers_problems_in_the_windows_language(profile, controller, qtbot,
                                                                            translations):
    problems = {"problems": [{"code": "field.invalid", "field": "phone", "params": {}},
                             {"code": "sync.base_version_ahead", "field": None, "params": {"base": 7, "server": 3}}]}
    _pid, seq = patient_with_entry(profile, "rejected", "phone: refused; base version ahead", problems,
                                   phone="13600000000")
    view = OutboxView(profile, controller)
    qtbot.addWidget(view)
    reason = view.model.index(0, 6)
    assert view.model.data(reason).startswith("电话：该值无法使用。 这项更改基于该记录的第 7 版")
    dialog = ResendDialog(profile, service.outbox_item(profile, seq), controller.run_serial)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.reason.text().startswith("服务器的理由：电话：该值无法使用。\n这项更改基于该记录的第 7 版")
    assert dialog.edits["phone"].text() == "13600000000"  # still there, to be corrected
    translations.set_language("en")
    assert dialog.reason.text().startswith("Server's reason: Phone: this value cannot be used.\n"
                                           "This change was made on version 7 of the record")
    view.reload()
    assert view.model.data(reason).startswith("Phone: this value cannot be used. This change was made")
    assert "refused" not in view.model.data(reason)  # the English log line is not what people read


def test_many_refused_changes_are_discarded_after_one_question(profile, controller, qtbot, translations, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    for n in range(3):
        patient_with_entry(profile, "rejected", "phone: 号码格式不对", None, phone=f"12{n}")
    patient_with_entry(profile, "pending", None, None, warning_flags="听力差")
    view = OutboxView(profile, controller)
    qtbot.addWidget(view)
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Cancel)
    view.table.selectAll()
    assert not view.discard_button.isEnabled()  # a waiting change is among them: not discardable
    view.table.clearSelection()
    for row in range(3):
        view.table.selectionModel().select(view.model.index(row, 0), view.table.selectionModel().SelectionFlag.Select
                                           | view.table.selectionModel().SelectionFlag.Rows)
    assert view.discard_button.isEnabled() and len(view.selected_items()) == 3
    assert view.discard() is False  # Cancel: nothing happens
    assert len(asked) == 1 and "这 3 项更改" in asked[0]  # one question for the three


def test_many_refused_changes_are_sent_again_as_they_are_after_one_question(profile, controller, qtbot, translations,
                                                                            monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    for n in range(3):  # refused while the station's community was missing on the server
        patient_with_entry(profile, "rejected", "scope", None, address=f"城关镇解放路{n + 1}号")
    view = OutboxView(profile, controller)
    qtbot.addWidget(view)
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes)
    view.table.selectAll()
    assert view.again_button.isEnabled() and view.again_button.text() == "按原样重新发送…"
    assert view.send_again()
    assert len(asked) == 1 and "这 3 项被拒的更改" in asked[0]
    with profile.sessions() as s:
        qtbot.waitUntil(lambda: {e.status for e in s.scalars(select(OutboxEntry)).all()} == {"pending"}, timeout=5000)
        entries = s.scalars(select(OutboxEntry)).all()
    assert len(entries) == 3 and all("address" in e.changes for e in entries)


def test_sending_again_is_all_or_nothing_when_one_is_still_refused_here(profile, controller, qtbot, translations):
    patient_with_entry(profile, "rejected", "scope", None, address="城关镇解放路1号")
    _pid, bad = patient_with_entry(profile, "rejected", "id", None, phone="13600000000")
    with profile.sessions.begin() as s:  # the change the server refused is invalid here too now
        entry = s.get(OutboxEntry, bad)
        entry.changes = {**entry.changes, "id_number": [None, "110101199003071234"]}  # a wrong check digit
    view = OutboxView(profile, controller)
    qtbot.addWidget(view)
    view.table.selectAll()
    assert view.send_again(confirmed=True)
    qtbot.waitUntil(lambda: not view.message.isHidden(), timeout=5000)
    assert "身份证" in view.message.text()
    with profile.sessions() as s:
        assert {e.status for e in s.scalars(select(OutboxEntry)).all()} == {"rejected"}  # none queued again

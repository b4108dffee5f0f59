"""The patient view: header, grouped timeline, type filter, quick notes and the read audit."""
from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QEvent
from PySide6.QtCore import Qt
from PySide6.QtCore import QTranslator
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QToolButton
from sqlalchemy import func
from sqlalchemy import select

from app import clock
from app.patients import EVENT_KINDS
from app.patients import PatientService
from db.models import AuditEntry
from db.models import TimelineEvent
from tests.app import worklist_data as data

FULL_ID = "33020619600517123X"
MASKED_ID = "330206********123X"


def local(day: int, hour: int, month: int = 11) -> dt.datetime:
    """A wall-clock time on this machine, so the view's day groups are known in any time zone."""
    return dt.datetime(2026, month, day, hour).astimezone()


# (local day, hour, kind, title): three days, newest first 3 + 1 + 2 events.
EVENTS = [
    (17, 16, "call", "电话随访：已通知复查"),
    (17, 11, "referral", "上转至县肿瘤防治中心"),
    (17, 9, "mdt", "MDT：建议3个月后复查"),
    (10, 10, "exam", "胸部增强CT"),
    (3, 15, "screening", "低剂量CT：右上肺结节8mm"),
    (3, 9, "stage", "阶段变更：防 → 筛"),
]


@pytest.fixture
def seeded(profile):
    clock.pin(local(18, 12).astimezone(dt.timezone.utc))
    ids = data.load(profile)
    pid = ids["张三"][0]
    with profile.sessions.begin() as s:
        for day, hour, kind, title in EVENTS:
            s.add(TimelineEvent(patient_id=pid, kind=kind, title=title, body=f"{title}。详情",
                                occurred_at=local(day, hour).astimezone(dt.timezone.utc)))
    yield profile, pid
    clock.pin(None)


@pytest.fixture
def view(qtbot, seeded):
    from ui.patient.view import PatientView

    profile, pid = seeded
    w = PatientView(PatientService(profile.store), pid)
    qtbot.addWidget(w)
    w.resize(1200, 800)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    w.timeline.tree.setFocus()
    return w


def groups(view) -> list[tuple[dt.date, list[str]]]:
    """What the timeline shows: (day, [titles]) per date header row, top to bottom."""
    from ui.patient.timeline_model import DATE_ROLE

    model = view.timeline.tree.model()
    out = []
    for i in range(model.rowCount()):
        group = model.index(i, 0)
        out.append((group.data(DATE_ROLE),
                    [model.index(j, 2, group).data() for j in range(model.rowCount(group))]))
    return out


def type_text(qtbot, widget, ascii_part: str, chinese_part: str = "") -> None:
    """Keystrokes for the Latin part; Chinese arrives as a real input method commits it
    (QTest can only press keys that exist on a US keyboard)."""
    qtbot.keyClicks(widget, ascii_part)
    if chinese_part:
        event = QInputMethodEvent("", [])
        event.setCommitString(chinese_part)
        QCoreApplication.sendEvent(widget, event)


def event_count(profile) -> int:
    with profile.sessions() as s:
        return s.scalar(select(func.count()).select_from(TimelineEvent))


def visible_texts(view) -> list[str]:
    texts = [view.windowTitle()]
    for label in view.findChildren(QLabel):
        texts += [label.text(), label.toolTip()]
    return texts


def test_header_shows_name_and_masked_id_never_the_full_id(view):
    texts = visible_texts(view)
    assert view.header.name.text() == "张三"
    assert any(MASKED_ID in t for t in texts)
    assert not any(FULL_ID in t for t in texts)
    assert not any(FULL_ID in t for t in view.timeline.detail.toHtml().splitlines())


def test_stored_text_is_shown_as_text_never_as_html(view, seeded):
    from db.models import Patient

    profile, pid = seeded
    with profile.sessions.begin() as s:
        patient = s.get(Patient, pid)
        patient.warning_flags = "<b>跌倒风险</b>；独居"
        patient.family_history = "<img src=x>"
    view.refresh()
    badges = [label for label in view.header.findChildren(QLabel) if label.objectName() == "flagBadge"
              and label.text() in ("<b>跌倒风险</b>", "独居")]
    assert len(badges) == 2 and all(b.textFormat() == Qt.TextFormat.PlainText for b in badges)
    assert "&lt;img src=x&gt;" in view.header.risks.text()


def test_timeline_groups_by_day_newest_first(view):
    shown = groups(view)
    assert [day for day, _ in shown] == [dt.date(2026, 11, 17), dt.date(2026, 11, 10), dt.date(2026, 11, 3)]
    assert [len(titles) for _, titles in shown] == [3, 1, 2]
    assert [t for _, titles in shown for t in titles] == [title for *_, title in EVENTS]


def test_unchecking_a_type_hides_its_events_and_show_all_brings_them_back(view):
    view.timeline.filter_actions["referral"].trigger()
    titles = [t for _, ts in groups(view) for t in ts]
    assert "上转至县肿瘤防治中心" not in titles and len(titles) == 5
    view.timeline.filter_actions["screening"].trigger()
    view.timeline.filter_actions["stage"].trigger()
    assert [day for day, _ in groups(view)] == [dt.date(2026, 11, 17), dt.date(2026, 11, 10)]
    view.timeline.show_all.click()
    assert len([t for _, ts in groups(view) for t in ts]) == 6


def test_nothing_checked_shows_nothing_not_everything(view):
    for action in view.timeline.filter_actions.values():
        action.setChecked(False)
    assert groups(view) == []
    assert view.timeline.list_stack.currentWidget() is view.timeline.empty


def test_ctrl_n_type_ctrl_return_adds_a_note_on_top(view, qtbot, seeded):
    profile, _ = seeded
    qtbot.keyClick(view.timeline.tree, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert view.editor.isVisible() and view.editor.text.hasFocus()
    assert view.editor.kind() == "note"
    type_text(qtbot, view.editor.text, "CT ", "复查时间已告知")
    qtbot.keyClick(view.editor.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert not view.editor.isVisible()
    day, titles = groups(view)[0]
    assert (day, titles[0]) == (clock.today(), "CT 复查时间已告知")
    model = view.timeline.tree.model()
    assert model.index(0, 0, model.index(0, 0)).data(Qt.ItemDataRole.UserRole + 1) == "note"
    assert event_count(profile) == len(EVENTS) + 1


def test_an_empty_note_shows_the_error_beside_the_editor_and_saves_nothing(view, qtbot, seeded):
    profile, _ = seeded
    qtbot.keyClick(view.timeline.tree, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(view.editor.text, "   ")
    qtbot.keyClick(view.editor.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert view.editor.isVisible()
    assert view.editor.error.isVisible() and "Write something first" in view.editor.error.text()
    assert view.editor.error.parent() is view.editor
    assert event_count(profile) == len(EVENTS)
    qtbot.keyClick(view.editor.text, Qt.Key.Key_Escape)
    assert not view.editor.isVisible() and event_count(profile) == len(EVENTS)


def test_revealing_the_id_is_an_explicit_audited_action(view, seeded):
    profile, pid = seeded
    view.header.id_number.linkActivated.emit("reveal:id_number")  # the person clicks "Show"
    assert any(FULL_ID in t for t in visible_texts(view))
    assert "138****1234" in view.header.phone.text()  # the phone stays masked
    with profile.sessions() as s:
        reveals = s.scalars(select(AuditEntry).where(AuditEntry.action == "reveal")).all()
    assert [(a.row_id, a.detail) for a in reveals] == [(pid, {"field": "id_number"})]


def test_one_click_on_show_is_one_audited_reveal_however_often_the_view_refreshed(view, seeded):
    profile, pid = seeded
    for _ in range(3):
        view.refresh()  # a sync pull or a local edit refreshes an open patient
    view.header.phone.linkActivated.emit("reveal:phone")
    with profile.sessions() as s:
        reveals = s.scalars(select(AuditEntry).where(AuditEntry.action == "reveal")).all()
    assert [(a.row_id, a.detail) for a in reveals] == [(pid, {"field": "phone"})]


def test_opening_writes_exactly_one_read_audit_entry(view, seeded):
    profile, pid = seeded
    view.refresh()  # refreshing is not another read by a person
    with profile.sessions() as s:
        reads = s.scalars(select(AuditEntry).where(AuditEntry.action == "read")).all()
    assert [(a.table_name, a.row_id) for a in reads] == [("patients", pid)]


def test_later_actions_are_visible_disabled_and_say_why(view):
    for action in view.later_actions():
        assert action.isVisible() and not action.isEnabled()
        button = view.toolbar.widgetForAction(action)
        assert isinstance(button, QToolButton) and button.isVisible()
        assert "later update" in action.toolTip()
    assert view.action_add_note.isEnabled() and view.action_add_call.isEnabled()


def test_every_event_kind_has_an_icon_and_a_label():
    from ui.icons import EVENT_STYLE
    from ui.labels import event_kinds

    assert set(EVENT_STYLE) == set(EVENT_KINDS) == set(event_kinds())
    assert len({colour for _, colour in EVENT_STYLE.values()}) == len(EVENT_KINDS)


def test_the_translation_file_is_complete():
    from ui.resources import resources_dir

    root = ET.parse(resources_dir() / "i18n" / "casedesk_patient_zh_CN.ts").getroot()
    messages = list(root.iter("message"))
    assert messages
    for message in messages:
        translation = message.find("translation")
        assert translation.get("type") is None, message.find("source").text
        assert "".join(translation.itertext()).strip(), message.find("source").text


def test_chinese_labels_once_the_translator_is_installed(view, tmp_path):
    import subprocess

    from ui.i18n import find_lrelease
    from ui.resources import resources_dir

    lrelease = find_lrelease()
    if lrelease is None:
        pytest.skip("lrelease is not installed")
    qm = tmp_path / "patient.qm"
    ts = resources_dir() / "i18n" / "casedesk_patient_zh_CN.ts"
    subprocess.run([lrelease, "-silent", str(ts), "-qm", str(qm)], check=True, timeout=60)
    app = QCoreApplication.instance()
    translator = QTranslator()
    assert translator.load(str(qm))
    app.installTranslator(translator)
    try:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        assert view.action_add_note.text() == "添加记录"
        assert view.action_change_stage.text() == "变更阶段"
        assert view.timeline.filter_actions["screening"].text() == "筛查"
        assert {label.text() for label in view.header.findChildren(QLabel)} >= {"肺癌", "筛", "男 · 66岁"}
    finally:
        app.removeTranslator(translator)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
    assert view.action_add_note.text() == "Add note"

"""The 收件箱 page under pytest-qt, in Chinese: conflicts first, unread in bold, double-click
opens each kind where it lives, Mark all read, the sidebar count and the notification."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app import clock
from app import inbox
from app.events import DataChanged
from app.inbox import Inbox
from db.models import Referral
from tests.app.test_inbox import DAY
from tests.app.test_inbox import decide
from tests.app.test_inbox import outbox
from tests.app.test_referrals import NOON
from tests.app.test_referrals import seed
from ui.inbox.page import InboxPage
from ui.inbox.wiring import InboxNotifier
from ui.sync.conflict_dialog import ConflictDialog
from ui.workspace import Workspace

CLASH = {"fields": {"phone": {"client": "13800004321", "server": "13800009999"}}}


@pytest.fixture
def world(profile, translations):
    ids = seed(profile)  # clock pinned: Wednesday 2026-11-18, noon in China
    decide(profile, ids["王五"][0], days_ago=1)  # on a case of "other"
    with profile.sessions.begin() as s:
        s.query(Referral).filter_by(short_code="ABC123").one().sent_at = NOON - 3 * DAY
    outbox(profile, ids["张三"][0], "conflict", detail=CLASH)
    yield profile, ids
    clock.pin(None)


@pytest.fixture
def page(qtbot, world):
    profile, ids = world
    p = InboxPage(Inbox(profile, ids["other"], ids["stations"][1]))  # 老街: ABC123 comes to them
    qtbot.addWidget(p)
    p.resize(1100, 500)
    p.show()
    with qtbot.waitSignal(p.loaded, timeout=5000):
        p.reload()
    return p


def kinds(page):
    return [item.kind for item in page.model.items]


def test_conflicts_first_in_chinese_unread_in_bold(page, qtmodeltester):
    qtmodeltester.check(page.model)
    assert kinds(page) == [inbox.CONFLICT, inbox.MDT_DECISION, inbox.REFERRAL_IN]
    model = page.model
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)] == ["类别", "时间", "患者", "内容"]
    assert [model.index(r, 0).data() for r in range(3)] == ["冲突", "MDT 结论", "转入"]
    assert model.index(0, 2).data() == "张三"
    assert model.index(0, 3).data().startswith("您对这条患者的修改与服务器上的版本冲突")
    assert model.index(2, 3).data() == "来自新城街道工作站的上转（ABC123，已发送）：肺结节8mm"
    assert model.index(1, 3).data() == "MDT 结论：手术后辅助化疗"
    assert model.index(0, 1).data(Qt.ItemDataRole.FontRole).bold()
    assert page.title.text() == "收件箱" and page.mark_button.text() == "全部标为已读"
    assert "未读 3 条" in page.summary.text()


def test_double_click_opens_each_kind_where_it_lives(qtbot, page, world):
    _profile, ids = world
    table = page.table
    rect = table.visualRect(page.model.index(0, 3))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # a double-click's first press
    with qtbot.waitSignal(page.change_requested) as change:
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert change.args == [page.model.items[0].seq]
    with qtbot.waitSignal(page.patient_requested) as patient:
        page.open_row(1)
    assert patient.args == [ids["王五"][0]]
    with qtbot.waitSignal(page.referral_requested) as referral:
        page.open_row(2)
    assert referral.args == [page.model.items[2].record_id]
    # opening counts as reading
    qtbot.waitUntil(lambda: not any(page.model.index(r, 0).data(Qt.ItemDataRole.FontRole) for r in range(3)),
                    timeout=5000)


def test_mark_all_read_empties_the_count(qtbot, page):
    with qtbot.waitSignal(page.count_changed, timeout=5000) as counted:
        qtbot.mouseClick(page.mark_button, Qt.MouseButton.LeftButton)
    assert counted.args == [0]
    assert not page.mark_button.isEnabled()
    assert kinds(page) == [inbox.CONFLICT, inbox.MDT_DECISION, inbox.REFERRAL_IN]  # still there, read


def test_only_what_is_new_since_the_last_load_is_announced(qtbot, page, world):
    profile, ids = world
    with qtbot.assertNotEmitted(page.arrived):
        with qtbot.waitSignal(page.loaded, timeout=5000):
            page.reload()
    outbox(profile, ids["李四"][0], "rejected")
    with qtbot.waitSignal(page.arrived, timeout=5000) as arrived:
        page.reload()
    [new] = arrived.args[0]
    assert (new.kind, new.patient_name) == (inbox.REFUSED, "李四")
    assert kinds(page)[:2] == [inbox.CONFLICT, inbox.REFUSED]


@pytest.fixture
def workspace(make_window, world):
    profile, ids = world
    profile.settings.set("user.id", ids["other"])
    window = make_window(profile)
    ws = Workspace(window)
    yield ws, ids
    for w in list(ws.open_patients.values()):
        w.close()


def test_the_sidebar_shows_the_count_and_a_new_item_is_announced(qtbot, workspace):
    ws, ids = workspace
    window, page = ws.window, ws.inbox.page
    nav = window.nav.item(window.PAGES.index("inbox"))
    qtbot.waitUntil(lambda: nav.text() == "收件箱 (3)", timeout=5000)
    assert isinstance(window.page("inbox"), type(page))
    ws.inbox.notifier = notifier = InboxNotifier(window, tray_available=False)
    page.arrived.disconnect()
    page.arrived.connect(notifier.notify)
    outbox(window.profile, ids["李四"][0], "rejected")
    window.profile.bus.publish(DataChanged(frozenset({"patients"})))
    qtbot.waitUntil(lambda: nav.text() == "收件箱 (4)", timeout=5000)
    assert window.statusBar().currentMessage() == "收件箱有新消息：被拒的修改，李四"
    with qtbot.waitSignal(page.count_changed, timeout=5000):
        page.mark_all_read()
    assert nav.text() == "收件箱"


def test_a_referral_opens_on_the_board_and_a_conflict_in_its_dialog(qtbot, workspace):
    ws, _ids = workspace
    page = ws.inbox.page
    qtbot.waitUntil(lambda: len(page.model.items) == 3, timeout=5000)
    referral, conflict = page.model.items[2], page.model.items[0]
    board = ws.inbox.open_referral(referral.record_id)
    assert ws.window.current_page_key() == "referrals"
    qtbot.waitUntil(lambda: board.selected_id() == referral.record_id, timeout=5000)
    view = ws.inbox.open_change(conflict.seq)
    assert isinstance(view.child, ConflictDialog) and view.child.item.seq == conflict.seq
    view.child.close()
    view.close()

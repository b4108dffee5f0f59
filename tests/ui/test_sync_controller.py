"""The sync lane in the window: status area, F5, edits, one cycle at a time.

These are unit tests of the controller, so the cycle is an injected function; the real
client against a real server is exercised in tests/e2e/test_sync_ui_*.py.
"""
from __future__ import annotations

import datetime as dt
import threading

import pytest
from sqlalchemy import select

from app import clock
from app.events import DataChanged
from app.sync import errors
from app.sync.client import CycleReport
from app.sync.client import SyncError
from db.models import Patient
from ui.sync.wiring import SyncUi


class FakeCycle:
    """Counts calls and overlap; `gate` (when set) holds each cycle until released."""

    def __init__(self, profile, fail: Exception | None = None, gate: threading.Event | None = None):
        self.profile, self.fail, self.gate = profile, fail, gate
        self.calls = 0
        self.running = 0
        self.most_at_once = 0
        self.lock = threading.Lock()

    def __call__(self, progress) -> CycleReport:
        with self.lock:
            self.calls += 1
            self.running += 1
            self.most_at_once = max(self.most_at_once, self.running)
        try:
            if self.gate is not None:
                assert self.gate.wait(5)
            progress("pull", 10, 10)
            self.profile.bus.publish(DataChanged(frozenset({"patients"})))  # as a pull does
            if self.fail is not None:
                raise self.fail
            self.profile.set_local("sync.last_success", clock.now().isoformat())
            return CycleReport(pulled=1)
        finally:
            with self.lock:
                self.running -= 1


@pytest.fixture
def synced_profile(profile):
    profile.settings.set("sync.server_url", "http://127.0.0.1:9")
    profile.settings.set("user.id", "0190f000-0000-7000-8000-000000000001")
    profile.set_local("sync.last_success", "2026-01-05T01:00:00+00:00")  # not a first sync
    return profile


@pytest.fixture
def lane(make_window, synced_profile, qtbot):
    def build(**kwargs):
        window = make_window(synced_profile)
        fake = FakeCycle(synced_profile, **kwargs)
        ui = SyncUi(window, cycle=fake, debounce_ms=50)
        ui.controller.debounce.stop()  # tests start cycles themselves
        return window, ui, fake
    return build


def add_patient(profile, name="王小明") -> str:
    with profile.store.write() as tx:
        p = tx.add(Patient(name=name, sex="M", birth_date=dt.date(1960, 1, 1)))
    return p.id


def wait_idle(qtbot, ui):
    qtbot.waitUntil(lambda: not ui.controller.busy, timeout=5000)


def test_f5_runs_one_background_cycle_and_the_status_says_online(lane, qtbot):
    window, ui, fake = lane()
    assert window.sync_action.isEnabled()
    with qtbot.waitSignal(ui.controller.cycle_finished, timeout=5000):
        window.sync_action.trigger()
        assert ui.controller.busy and window.sync_status.state_label.text() == "正在同步…"
        assert not window.sync_status.sync_button.isEnabled()  # no second cycle from the button
    assert fake.calls == 1
    status = window.sync_status
    assert status.state_label.text().startswith("在线 · 上次同步 ")
    assert status.waiting_label.text() == "待同步 0"
    assert status.sync_button.isEnabled() and status.sync_button.text() == "同步"


def test_the_sync_button_in_the_status_area_syncs(lane, qtbot):
    window, ui, fake = lane()
    with qtbot.waitSignal(ui.controller.cycle_finished, timeout=5000):
        window.sync_status.sync_button.click()
    assert fake.calls == 1


def test_never_two_cycles_at_once_and_a_request_meanwhile_is_kept(lane, qtbot):
    gate = threading.Event()
    window, ui, fake = lane(gate=gate)
    assert ui.controller.sync_now() is True
    for _ in range(3):
        assert ui.controller.sync_now() is False  # queued, not started
    window.sync_action.trigger()
    ui.controller._tick()  # the interval timer firing meanwhile
    assert fake.calls <= 1
    gate.set()
    qtbot.waitUntil(lambda: fake.calls == 2 and not ui.controller.busy, timeout=5000)
    qtbot.wait(200)
    assert fake.calls == 2  # the kept requests made exactly one more cycle
    assert fake.most_at_once == 1


def test_offline_says_offline_and_counts_what_waits(lane, qtbot, synced_profile):
    fail = SyncError(errors.OFFLINE, detail="ConnectError")
    window, ui, fake = lane(fail=fail)
    add_patient(synced_profile)
    qtbot.waitUntil(lambda: window.sync_status.waiting_label.text() == "待同步 1", timeout=3000)
    with qtbot.waitSignal(ui.controller.cycle_failed, timeout=5000):
        ui.controller.sync_now()
    status = window.sync_status
    assert status.state_label.text() == "离线 · 上次同步 2026-01-05 " + _local_hm("2026-01-05T01:00:00+00:00")
    assert "您的更改已保留" in status.state_label.toolTip()
    assert status.waiting_label.text() == "待同步 1"


def test_an_expired_sign_in_is_said_in_words(lane, qtbot):
    fail = SyncError(errors.SIGNED_OUT, status=401, code="auth.refresh_expired")
    window, ui, _fake = lane(fail=fail)
    with qtbot.waitSignal(ui.controller.cycle_failed, timeout=5000):
        ui.controller.sync_now()
    assert window.sync_status.state_label.text().startswith("同步失败 · 登录已失效")


def test_a_local_edit_syncs_soon_but_a_pull_does_not_start_another(lane, qtbot, synced_profile):
    window, ui, fake = lane()
    ui.controller.apply_settings()
    with qtbot.waitSignal(ui.controller.cycle_finished, timeout=5000):
        add_patient(synced_profile)  # outbox grows: debounced cycle
    assert fake.calls == 1
    # The fake published a DataChanged as a pull would; the outbox did not grow: no new cycle.
    qtbot.wait(400)
    assert fake.calls == 1


def test_problems_show_in_the_status_area_and_open_the_outbox(lane, qtbot, synced_profile):
    window, ui, _fake = lane()
    pid = add_patient(synced_profile)
    from db.models import OutboxEntry
    with synced_profile.sessions.begin() as s:
        entry = s.scalars(select(OutboxEntry).where(OutboxEntry.row_id == pid)).one()
        entry.status, entry.server_reason = "rejected", "a patient needs a name"
    synced_profile.bus.publish(DataChanged(frozenset({"patients"})))
    status = window.sync_status
    qtbot.waitUntil(lambda: status.problems_label.isVisible(), timeout=3000)
    assert status.problems_label.text() == "1 项需处理"
    assert status.waiting_label.text() == "待同步 0"
    status.details_clicked.emit()
    assert ui.outbox_view is not None and ui.outbox_view.isVisible()
    assert ui.outbox_view.model.rowCount() == 1


def test_without_a_server_nothing_runs_and_the_status_stays_local(make_window, profile, qtbot):
    window = make_window(profile)
    fake = FakeCycle(profile)
    ui = SyncUi(window, cycle=fake, debounce_ms=20)
    add_patient(profile)
    qtbot.wait(300)
    assert fake.calls == 0 and not ui.controller.interval.isActive()
    assert window.sync_status.state_label.text() == "离线 · 本地配置"
    assert not window.sync_status.sync_button.isEnabled()
    assert ui.controller.sync_now() is False
    assert "没有配置服务器" in window.sync_status.state_label.text()


def test_first_sync_shows_progress_and_where_it_resumes(make_window, synced_profile, qtbot):
    from app.sync import local  # noqa: F401 - the cursor key lives there
    with synced_profile.sessions.begin() as s:
        from db.models import LocalState
        s.merge(LocalState(key="sync.cursor", value="4200"))
        s.delete(s.get(LocalState, "sync.last_success"))
    window = make_window(synced_profile)
    ui = SyncUi(window, cycle=FakeCycle(synced_profile), debounce_ms=20)
    with qtbot.waitSignal(ui.controller.cycle_finished, timeout=5000):
        ui.controller.sync_now()
    dialog = ui.first_sync
    assert dialog is not None and dialog.isVisible()
    assert dialog.resume.isVisible() and "4200" in dialog.resume.text()
    assert dialog.outcome == ("done", "") and "已是最新" in dialog.result.text()


def _local_hm(iso: str) -> str:
    return dt.datetime.fromisoformat(iso).astimezone().strftime("%H:%M")


def test_the_interval_varies_so_desktops_started_together_drift_apart(lane, synced_profile, qtbot):
    from ui.sync.controller import INTERVAL_JITTER

    synced_profile.settings.set("sync.interval_s", 60)
    _window, ui, fake = lane()
    assert ui.controller.interval.isActive()
    waits = set()
    for _ in range(20):
        ui.controller._tick()  # the timer firing draws the next wait
        waits.add(ui.controller.interval.interval())
        wait_idle(qtbot, ui)
    assert fake.calls == 20
    assert all(60_000 * (1 - INTERVAL_JITTER) <= w <= 60_000 * (1 + INTERVAL_JITTER) for w in waits)
    assert len(waits) > 10


def test_the_wrong_person_on_a_shared_desktop_is_not_told_the_account_is_disabled(lane, qtbot):
    refused = errors.from_answer(403, b'{"code": "auth.device_other_user", "params": {}, "detail": "x"}', {})
    window, ui, _fake = lane(fail=refused)
    with qtbot.waitSignal(ui.controller.cycle_failed, timeout=5000):
        ui.controller.sync_now()
    text = window.sync_status.state_label.text()
    assert text.startswith("同步失败 · 本机的这个个人配置已登记在另一位用户名下") and "停用" not in text
    assert ui.controller.state.online  # the server answered


def test_a_slow_down_says_how_long_in_the_status_area(lane, qtbot, translations):
    slowed = errors.from_answer(429, b'{"code": "auth.slow_down", "params": {"retry_after_s": 120}, "detail": "x"}',
                                {"retry-after": "120"})
    window, ui, _fake = lane(fail=slowed)
    with qtbot.waitSignal(ui.controller.cycle_failed, timeout=5000):
        ui.controller.sync_now()
    assert window.sync_status.state_label.text() == "同步失败 · 登录尝试次数过多，请等待 120 秒后再试。"
    translations.set_language("en")
    ui.controller.publish()
    assert window.sync_status.state_label.text() == ("Sync failed · Too many sign-in attempts. Wait 120 seconds, "
                                                     "then try again.")


def test_a_restored_server_is_one_notice_that_says_what_was_sent_again(make_window, synced_profile, qtbot):
    class Restored(FakeCycle):
        def __call__(self, progress) -> CycleReport:
            report = super().__call__(progress)
            report.resent = 7 if self.calls == 1 else None  # the next cycle finds nothing rewound
            return report

    window = make_window(synced_profile)
    ui = SyncUi(window, cycle=Restored(synced_profile), debounce_ms=20)
    ui.controller.debounce.stop()
    with qtbot.waitSignal(ui.controller.cycle_finished, timeout=5000):
        ui.controller.sync_now()
    notice = ui.rewind_notice
    assert notice is not None and notice.isVisible()
    assert "服务器已从备份恢复" in notice.text() and "7" in notice.text(), notice.text()
    wait_idle(qtbot, ui)
    with qtbot.waitSignal(ui.controller.cycle_finished, timeout=5000):
        ui.controller.sync_now()
    assert ui.rewind_notice is notice  # not a second dialog
    notice.close()

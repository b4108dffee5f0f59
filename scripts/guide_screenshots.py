"""Screenshots for the user guide (resources/guide/images/), taken from the real windows.

Regenerate them after a change to the screens:

    .venv/bin/python scripts/guide_screenshots.py [--out DIR] [--only NAME ...]

It needs a usable keyring (a desktop session has one; in a container run it as
`/tmp/kr.sh .venv/bin/python scripts/guide_screenshots.py` or inside `dbus-run-session` with
an unlocked gnome-keyring). It fills a throw-away demo profile (synthetic patients only),
opens the workstation offscreen on a 1366×768 screen — a typical clinic desktop — in
Chinese, and saves each window with QWidget.grab(). Where a screen shows what only a server
or a second desk can cause (a conflict, a refused change), the state is put into the local
database the way a sync would leave it; the windows themselves are the real ones.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

_SCRATCH = Path(tempfile.mkdtemp(prefix="casedesk-guide-"))
_SCREEN = _SCRATCH / "screen.json"
_SCREEN.write_text('{"screens": [{"name": "desk", "x": 0, "y": 0, "width": 1366, "height": 768,'
                   ' "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}', encoding="utf-8")
os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_SCREEN}"
os.environ.setdefault("CASEDESK_LOG_DIR", str(_SCRATCH / "logs"))
os.environ.setdefault("CASEDESK_CACHE_DIR", str(_SCRATCH / "cache"))

from guide_sync_data import sync_problems  # noqa: E402 - beside this script
from PySide6.QtCore import QPoint  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtGui import QPainter  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

DEFAULT_OUT = ROOT / "resources" / "guide" / "images"
SHOTS: dict[str, object] = {}


def shot(func):
    SHOTS[func.__name__] = func
    return func


class Camera:
    def __init__(self, out: Path):
        self.out = out
        out.mkdir(parents=True, exist_ok=True)
        self.saved: list[Path] = []

    def settle(self, ms: int = 150) -> None:
        from ui.tasks import wait_for_lanes

        app = QApplication.instance()
        for _ in range(3):
            wait_for_lanes()
            app.processEvents()
        end = dt.datetime.now() + dt.timedelta(milliseconds=ms)
        while dt.datetime.now() < end:
            app.processEvents()

    def write(self, pixmap, name: str) -> Path:
        """PNG in 256 colours: a screen of flat colours and text looks the same at a third of the size."""
        from PIL import Image  # Pillow comes with reportlab, which prints the letters

        path = self.out / f"{name}.png"
        pixmap.save(str(path), "PNG")
        Image.open(path).convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT,
                                                  dither=Image.Dither.NONE).save(path, optimize=True)
        self.saved.append(path)
        return path

    def save(self, widget, name: str, popup=None, popup_at: QPoint | None = None) -> Path:
        """The widget as it is on screen; `popup` (a menu) painted over it where it opened."""
        self.settle()
        pixmap = widget.grab()
        if popup is not None:
            painter = QPainter(pixmap)
            painter.drawPixmap(popup_at, popup.grab())
            painter.end()
        path = self.write(pixmap, name)
        print(f"{path.name}: {pixmap.width()}×{pixmap.height()}, {path.stat().st_size // 1024} KB")
        return path


def open_window(patients: int):
    """A new demo profile (synthetic patients) in the workstation's main window, in Chinese."""
    from app.demo import fill_demo_profile
    from app.profile import Profile
    from ui.app import build_workstation
    from ui.app import create_application
    from ui.i18n import Translations

    profile = Profile.open(_SCRATCH / "profile", exclusive=True)
    fill_demo_profile(profile, patients=patients, seed=1)
    translations = Translations(create_application([]))
    window = build_workstation(profile, translations, demo=False)
    window.show()
    return window


# -- the shots, in the order the guide uses them ----------------------------------------


@shot
def worklist(camera, window):
    window.show_page("worklist")
    camera.save(window, "01-worklist")


@shot
def worklist_filtered(camera, window):
    page = window.workspace.worklist_page
    page.filter_bar.due_buttons["overdue"].click()
    camera.save(window, "02-worklist-overdue")
    page.filter_bar.due_buttons["overdue"].click()


@shot
def saved_views(camera, window):
    page = window.workspace.worklist_page
    page.views.save_current("本周到期·肺癌")
    page.views.menu.popup(page.views.button.mapToGlobal(page.views.button.rect().bottomLeft()))
    camera.settle()
    at = page.views.button.mapTo(window, page.views.button.rect().bottomLeft())
    at.setX(min(at.x(), window.width() - page.views.menu.sizeHint().width() - 4))
    camera.save(window, "03-saved-views", popup=page.views.menu, popup_at=at)
    page.views.menu.hide()


def first_patient(window) -> str:
    """The patient at the top of the worklist: the most overdue, with a full timeline."""
    from ui.worklist.model import PATIENT_ID_ROLE

    model = window.workspace.worklist_page.model
    return model.data(model.index(0, 0), PATIENT_ID_ROLE)


@shot
def patient(camera, window):
    w = window.workspace.open_patient(first_patient(window))
    w.resize(1180, 740)
    tree = w.view.timeline.tree
    tree.setCurrentIndex(tree.model().index(0, 0, tree.model().index(1, 0)))  # an event: its details on the right
    camera.save(w, "04-patient-timeline")


@shot
def note(camera, window):
    w = window.workspace.open_patient(first_patient(window))
    w.view.start_note("note")
    w.view.editor.text.setPlainText("家属来电：已告知胃镜检查的时间和空腹要求，患者同意下周三上午来院。")
    camera.save(w, "05-patient-note")
    w.view.editor.hide()


@shot
def call(camera, window):
    w = window.workspace.open_patient(first_patient(window))
    dialog = w.view.record_call()
    dialog.notes.setPlainText("患者说下周三上午来复查，已告知空腹。")
    camera.save(dialog, "29-call-dialog")
    dialog.reject()


@shot
def stage(camera, window):
    w = window.workspace.open_patient(first_patient(window))
    dialog = window.workspace._change_stage(w, first_patient(window))
    dialog.reason.setPlainText("病理已回报，进入诊断阶段")
    camera.save(dialog, "06-stage-change")
    dialog.reject()


@shot
def referral_form(camera, window):
    w = window.workspace.open_patient(first_patient(window))
    dialog = window.workspace._new_referral(w, first_patient(window))
    dialog.reason.setPlainText("低剂量CT示右肺上叶结节 12 mm，建议上级医院进一步诊治。")
    camera.save(dialog, "07-referral-form")
    if dialog.submit(send=True) is None:  # sent: the board and the slip below show it
        print("referral not sent:", [label.text() for label in set(dialog.errors.values()) if label.text()],
              dialog.general.text(), file=sys.stderr)
        dialog.reject()


@shot
def mdt(camera, window):
    w = window.workspace.open_patient(first_patient(window))
    dialog = window.workspace._request_mdt(w, first_patient(window))
    dialog.question.setPlainText("新辅助化疗后是否适合手术？请胸外科、肿瘤内科、放疗科会诊。")
    from PySide6.QtWidgets import QCheckBox

    for box in dialog.findChildren(QCheckBox):
        box.setChecked(box.text() in ("胸外科", "肿瘤内科", "放疗科", "病理", "影像"))
    camera.save(dialog, "08-mdt-request")
    dialog.reject()


@shot
def referral_board(camera, window):
    window.show_page("referrals")
    board = window.workspace.page("referrals")
    board.tabs.setCurrentIndex(1)  # 转出: what this desk sent, with its 24-hour clock
    camera.settle(300)
    board.table.selectRow(0)
    camera.save(window, "09-referral-board")


@shot
def referral_slip(camera, window):
    from app.referrals.slip import prepare_slip
    from ui.letters.single import LetterPreviewDialog

    board = window.workspace.page("referrals")
    for row in range(board.model.rowCount()):
        board.table.selectRow(row)
        prepared = prepare_slip(window.profile, board.selected_id())
        if prepared.ready:
            break
    dialog = LetterPreviewDialog(window.profile, prepared, window)
    dialog.resize(760, 740)
    dialog.show()
    camera.save(dialog, "10-referral-slip")
    dialog.reject()


@shot
def calendar(camera, window):
    window.show_page("calendar")
    page = window.workspace.page("calendar")
    page.set_mode("week")
    camera.save(window, "11-calendar-week")
    page.set_mode("month")
    camera.save(window, "12-calendar-month")


@shot
def letters(camera, window):
    window.show_page("letters")
    page = window.workspace.page("letters")
    page.refresh()
    camera.settle(1500)
    camera.save(window, "13-letters")


@shot
def dashboard(camera, window):
    window.show_page("dashboard")
    window.workspace.page("dashboard")
    camera.settle(800)
    camera.save(window, "14-dashboard")
    window.show_page("worklist")


# -- sync -------------------------------------------------------------------------------


@shot
def status_bar(camera, window):
    """The status bar in the states a person meets, one above the other."""
    from PySide6.QtGui import QPixmap

    now = dt.datetime.now()
    states = [dict(online=True, waiting=0, last_sync=now - dt.timedelta(minutes=3)),
              dict(online=False, waiting=12, last_sync=now - dt.timedelta(hours=2), note=None),
              dict(online=True, waiting=0, busy=True),
              dict(online=True, waiting=2, last_sync=now - dt.timedelta(minutes=1), problems=2),
              dict(online=False, waiting=5, error="服务器拒绝了登录，请重新登录")]
    pieces = []
    for state in states:
        window.sync_status.set_state(**state)
        camera.settle()
        pieces.append(window.sync_status.grab())
    width = max(p.width() for p in pieces) + 8
    sheet = QPixmap(width, sum(p.height() + 6 for p in pieces))
    sheet.fill(window.palette().window().color())
    painter = QPainter(sheet)
    y = 0
    for piece in pieces:
        painter.drawPixmap(width - piece.width(), y, piece)
        y += piece.height() + 6
    painter.end()
    camera.write(sheet, "15-status-bar")
    window.sync_status.set_state(online=False, waiting=0)


@shot
def outbox(camera, window):
    sync_problems(window)
    view = window.workspace.sync.open_outbox()
    view.resize(980, 420)
    view.table.selectRow(0)
    camera.save(view, "16-outbox")
    view.hide()


@shot
def conflict(camera, window):
    from app.sync import service
    from ui.sync.conflict_dialog import ConflictDialog

    seq = sync_problems(window)
    controller = window.workspace.sync.controller
    dialog = ConflictDialog(window.profile, service.outbox_item(window.profile, seq), controller.run_network, window)
    dialog.show()
    dialog.server_buttons["phone"].click()
    camera.save(dialog, "17-conflict")
    dialog.reject()


@shot
def refused(camera, window):
    from app.sync import service
    from ui.sync.resend_dialog import ResendDialog

    sync_problems(window)
    rejected = [i for i in service.outbox_items(window.profile) if i.status == "rejected"][0]
    dialog = ResendDialog(window.profile, rejected, window.workspace.sync.controller.run_serial, window)
    dialog.show()
    dialog.edits["phone"].setText("13600001234")
    camera.save(dialog, "18-refused-change")
    dialog.reject()


@shot
def first_sync(camera, window):
    from ui.sync.progress_dialog import FirstSyncDialog

    dialog = FirstSyncDialog(window)
    dialog.show()
    dialog.begin(0)
    dialog.on_progress(5000, 20000)
    camera.save(dialog, "19-first-sync")
    dialog.hide()


# -- the shared desk, the lock, settings -------------------------------------------------


@shot
def station(camera, window):
    from app.users import Station
    from ui.users.chooser_dialog import UserChooser

    desk = Station(_SCRATCH / "station")
    for login, name in (("lixq", "李秀琴"), ("wangf", "王芳"), ("zhangjm", "张建民")):
        if desk.get(login) is None:
            desk.add(login, name)
    dialog = UserChooser(desk, current="lixq", unsynced=3)
    dialog.show()
    dialog.list.setCurrentRow(1)
    camera.save(dialog, "20-station-choose")
    dialog.reject()


@shot
def lock_screen(camera, window):
    lock = window.workspace.lock
    lock.guard.set_password("guide-demo-1")  # as after a sign-in to the server
    lock.lock()
    lock.screen.retranslate()
    camera.save(window, "21-lock-screen")
    window.workspace.lock.unlock()


@shot
def settings(camera, window):
    dialog = window.open_settings()
    camera.save(dialog, "22-settings-general")
    for row, key in enumerate(dialog.pages):
        if key == "sync":
            dialog.nav.setCurrentRow(row)
    camera.save(dialog, "23-settings-sync")
    dialog.reject()
    camera.settle()


@shot
def text_size(camera, window):
    """The text sizes offered (小 / 标准 / 大 / 特大), the list opened over the dialog."""
    dialog = window.open_settings()
    dialog.nav.setCurrentRow(0)
    combo = dialog.pages["general"].font_size
    combo.showPopup()
    camera.settle()
    popup = combo.view().window()
    at = combo.mapTo(dialog, QPoint(0, combo.height()))
    camera.save(dialog, "24-text-size", popup=popup, popup_at=at)
    combo.hidePopup()
    dialog.reject()
    camera.settle()


@shot
def change_password(camera, window):
    from ui.settings.password import ChangePasswordDialog

    dialog = ChangePasswordDialog(window.workspace.sync.controller, "lixq", window)
    dialog.show()
    camera.save(dialog, "25-change-password")
    dialog.reject()


# -- when something goes wrong -----------------------------------------------------------


@shot
def error_dialog(camera, window):
    from ui import crash

    reporter = crash.CrashReporter(window)
    reporter._show(OSError(28, "No space left on device"))
    camera.save(reporter.box, "26-error-disk-full")
    reporter.box.close()
    reporter._show(RuntimeError("unexpected"))
    camera.save(reporter.box, "27-error-dialog")
    reporter.box.close()


@shot
def help_menu(camera, window):
    menu = window.help_menu
    bar = window.menuBar()
    at = bar.actionGeometry(menu.menuAction()).bottomLeft()
    menu.popup(bar.mapToGlobal(at))
    camera.settle()
    camera.save(window, "28-help-menu", popup=menu, popup_at=bar.mapTo(window, at))
    menu.hide()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--only", nargs="*", default=None, help="names of the shots to take")
    parser.add_argument("--patients", type=int, default=1000)
    args = parser.parse_args(argv)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)  # window sizes of this run only
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(_SCRATCH / "qsettings"))
    window = open_window(args.patients)
    camera = Camera(args.out)
    for name, take in SHOTS.items():
        if args.only and name not in args.only:
            continue
        take(camera, window)
    from ui.app import close_workstation

    for w in list(window.workspace.open_patients.values()):
        w.close()
    window.close()
    close_workstation(window)
    print(f"{len(camera.saved)} pictures in {camera.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

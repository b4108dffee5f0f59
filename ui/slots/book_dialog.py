"""预约检查 / Book an exam, from the patient window (the community's side of the slot pool).

Pick an examination, see the free slots this desktop knows of, book one (optionally for one
of the resident's open cases) and print the slip. The resident's bookings are listed with
whether the server has them: confirmed, tentative (waiting for the next sync) or refused —
then with the free slots the refusal named, one of which the booking is moved into.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtCore import QEvent
from PySide6.QtCore import QLocale
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox
from PySide6.QtWidgets import QDateEdit
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QGroupBox
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QHeaderView
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QTableWidget
from PySide6.QtWidgets import QTableWidgetItem
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from app import clock
from app.patients import PatientService
from app.slots import REFUSED
from app.slots import BookingView
from app.slots import SlotService
from app.slots import SlotView
from ui import problem_words
from ui.events import EventBridge
from ui.file_dialogs import save_path
from ui.labels import cancer_label
from ui.labels import stage_name
from ui.slots.words import modalities
from ui.slots.words import modality_name
from ui.slots.words import state_name
from ui.slots.words import status_name
from ui.slots.words import when
from ui.writes import off_gui_thread

ID = Qt.ItemDataRole.UserRole


def table(columns: int) -> QTableWidget:
    t = QTableWidget(0, columns)
    t.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    t.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
    t.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    t.verticalHeader().hide()
    t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    t.horizontalHeader().setStretchLastSection(True)
    return t


def fill(t: QTableWidget, rows: list[tuple[str, list[str]]], marked: frozenset[str] | set[str] = frozenset()) -> None:
    """Rows of (id, cells); the id rides on the first cell; `marked` rows in dark red (refused)."""
    t.setRowCount(len(rows))
    for r, (row_id, cells) in enumerate(rows):
        for c, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if c == 0:
                item.setData(ID, row_id)
            if row_id in marked:
                item.setForeground(Qt.GlobalColor.darkRed)
            t.setItem(r, c, item)


def row_id(t: QTableWidget, row: int) -> str | None:
    item = t.item(row, 0)
    return item.data(ID) if item is not None else None


def selected_id(t: QTableWidget) -> str | None:
    rows = t.selectionModel().selectedRows()
    return row_id(t, rows[0].row()) if rows else None


class BookExamDialog(QDialog):
    def __init__(self, profile, patient_id: str, parent: QWidget | None = None, patient_name: str = ""):
        super().__init__(parent)
        self.profile, self.patient_id, self.patient_name = profile, patient_id, patient_name
        self.service = off_gui_thread(SlotService(profile))
        self.cases = PatientService(profile.store).header(patient_id).cases if patient_id else []
        self.bookings: dict[str, BookingView] = {}
        self.last_slip: Path | None = None
        # The sync's answer (confirmed or refused) and slots published elsewhere show as they come.
        self.events = EventBridge(profile.bus, self)
        self.events.data_changed.connect(lambda e: self.reload() if e.tables & {"exam_slots", "slot_bookings"} else None)

        self.modality = QComboBox()
        self.modality.currentIndexChanged.connect(self.reload)
        self.modality_label = QLabel()
        self.case = QComboBox()
        self.case_label = QLabel()
        self.from_label = QLabel()
        today = clock.today()
        self.from_day = QDateEdit(QDate(today.year, today.month, today.day))
        self.from_day.setCalendarPopup(True)
        self.from_day.setDisplayFormat("yyyy-MM-dd ddd")
        self.from_day.dateChanged.connect(lambda _=None: self.reload())
        self.free = table(4)
        self.free.itemSelectionChanged.connect(self._enable)
        self.free.doubleClicked.connect(lambda _=None: self.book())
        self.book_button = QPushButton()
        self.book_button.clicked.connect(lambda: self.book())
        self.free_box = QGroupBox()
        for combo in (self.modality, self.case):  # they give way to their labels on a narrow dialog
            combo.setMinimumContentsLength(8)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        top = QHBoxLayout()
        top.addWidget(self.modality_label)
        top.addWidget(self.modality, 1)
        top.addWidget(self.case_label)
        top.addWidget(self.case, 1)
        top.addWidget(self.from_label)
        top.addWidget(self.from_day)
        box = QVBoxLayout(self.free_box)
        box.addLayout(top)
        box.addWidget(self.free, 1)
        box.addWidget(self.book_button, 0, Qt.AlignmentFlag.AlignRight)

        self.mine = table(5)
        self.mine.itemSelectionChanged.connect(self._show_booking)
        self.refusal = QLabel()
        self.refusal.setWordWrap(True)
        self.refusal.setStyleSheet("color: #b23a48")
        self.alternatives = QComboBox()
        self.rebook_button = QPushButton()
        self.rebook_button.clicked.connect(lambda: self.rebook())
        self.slip_button = QPushButton()
        self.slip_button.clicked.connect(lambda: self.print_slip())
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(lambda: self.cancel_booking())
        self.mine_box = QGroupBox()
        actions = QHBoxLayout()
        actions.addWidget(self.alternatives, 1)
        actions.addWidget(self.rebook_button)
        actions.addStretch()
        actions.addWidget(self.slip_button)
        actions.addWidget(self.cancel_button)
        box = QVBoxLayout(self.mine_box)
        box.addWidget(self.mine, 1)
        box.addWidget(self.refusal)
        box.addLayout(actions)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.free_box, 3)
        layout.addWidget(self.mine_box, 2)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.close_button)
        layout.addLayout(bottom)
        self.resize(860, 640)
        self.retranslate()

    # -- what is shown --------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Book an exam — %1").replace("%1", self.patient_name) if self.patient_name
                            else self.tr("Book an exam"))
        self.message.clear()  # said in the language before
        self.modality_label.setText(self.tr("Examination"))
        self.case_label.setText(self.tr("For case"))
        self.from_label.setText(self.tr("From"))
        self.from_day.setLocale(QLocale())  # the weekday in the window's language
        self.free_box.setTitle(self.tr("Free slots"))
        self.mine_box.setTitle(self.tr("This resident's bookings"))
        self.book_button.setText(self.tr("Book"))
        self.rebook_button.setText(self.tr("Rebook into this slot"))
        self.slip_button.setText(self.tr("Print slip…"))
        self.cancel_button.setText(self.tr("Cancel booking"))
        self.close_button.setText(self.tr("Close"))
        self.free.setHorizontalHeaderLabels([self.tr("Time"), self.tr("Hospital"), self.tr("Place"), self.tr("Free")])
        self.mine.setHorizontalHeaderLabels([self.tr("Slip code"), self.tr("Examination"), self.tr("Time"),
                                             self.tr("State"), self.tr("Server")])
        current = self.modality.currentData()
        self.modality.blockSignals(True)
        self.modality.clear()
        for code, name in modalities():
            self.modality.addItem(name, code)
        self.modality.setCurrentIndex(max(0, self.modality.findData(current)))
        self.modality.blockSignals(False)
        chosen = self.case.currentData()
        self.case.clear()
        self.case.addItem(self.tr("(none)"), None)
        for case in self.cases:
            self.case.addItem(f"{cancer_label(case.cancer_type)} · {stage_name(case.stage)}", case.case_id)
        # One open case: the booking is for it (the funnel counts the exam booked on its case).
        self.case.setCurrentIndex(max(0, self.case.findData(chosen)) if chosen or len(self.cases) != 1 else 1)
        self.reload()

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def reload(self) -> None:
        modality = self.modality.currentData()
        day = self.from_day.date()
        slots: list[SlotView] = self.service.free_slots(
            modality, dt.date(day.year(), day.month(), day.day())) if modality else []
        fill(self.free, [(v.id, [when(v.starts_at, v.minutes), v.hospital, v.place, f"{v.free} / {v.capacity}"])
                         for v in slots])
        chosen = selected_id(self.mine)
        self.bookings = {b.id: b for b in self.service.bookings_of_patient(self.patient_id)}
        fill(self.mine, [(b.id, [b.code, modality_name(b.slot.modality), when(b.slot.starts_at, b.slot.minutes),
                                 state_name(b.state), status_name(b.status)]) for b in self.bookings.values()],
             {b.id for b in self.bookings.values() if b.status == REFUSED})
        if chosen in self.bookings:
            self.select_booking(chosen)
        self._show_booking()
        self._enable()

    def select_booking(self, booking_id: str) -> None:
        for r in range(self.mine.rowCount()):
            if row_id(self.mine, r) == booking_id:
                self.mine.selectRow(r)

    def _show_booking(self) -> None:
        b = self.bookings.get(selected_id(self.mine) or "")
        refused = b is not None and b.status == REFUSED
        self.refusal.setVisible(refused)
        self.alternatives.setVisible(refused)
        self.rebook_button.setVisible(refused)
        self.alternatives.clear()
        if b is not None and refused:
            self.refusal.setText(problem_words.say(b.problems) if b.problems else status_name(b.status))
            for v in b.alternatives:
                self.alternatives.addItem(f"{when(v.starts_at, v.minutes)} · {v.hospital}", v.id)
        self.rebook_button.setEnabled(refused and self.alternatives.count() > 0)
        live = b is not None and b.state == "booked" and not refused
        self.slip_button.setEnabled(live)
        self.cancel_button.setEnabled(live)

    def _enable(self) -> None:
        self.book_button.setEnabled(selected_id(self.free) is not None)

    # -- what a person does --------------------------------------------------------------------

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet("color: #b23a48" if error else "")
        self.message.setText(text)

    def book(self) -> str | None:
        slot_id = selected_id(self.free)
        if slot_id is None:
            return None
        try:
            booking_id = self.service.book(slot_id, self.patient_id, self.case.currentData())
        except Exception as exc:  # noqa: BLE001 - a refusal (slot.full …) is shown in words
            self._say(problem_words.say(exc), error=True)
            self.reload()
            return None
        self.reload()
        self.select_booking(booking_id)
        self._say(self.tr("Booked: %1. Print the slip for the resident.").replace("%1", self.bookings[booking_id].code))
        return booking_id

    def rebook(self) -> bool:
        booking_id, slot_id = selected_id(self.mine), self.alternatives.currentData()
        if not booking_id or not slot_id:
            return False
        try:
            self.service.rebook(booking_id, slot_id)
        except Exception as exc:  # noqa: BLE001 - shown in words
            self._say(problem_words.say(exc), error=True)
            return False
        self.reload()
        self._say(self.tr("Rebooked; it is confirmed at the next sync."))
        return True

    def cancel_booking(self) -> bool:
        booking_id = selected_id(self.mine)
        if not booking_id:
            return False
        try:
            self.service.cancel(booking_id)
        except Exception as exc:  # noqa: BLE001 - shown in words
            self._say(problem_words.say(exc), error=True)
            return False
        self.reload()
        return True

    def print_slip(self, path: str | Path | None = None) -> Path | None:
        from app.letters.exam_slip import print_slip  # on first use: the letter fonts

        booking_id = selected_id(self.mine)
        if not booking_id:
            return None
        if path is None:
            code = self.bookings[booking_id].code
            path = save_path(self, self.tr("Save the appointment slip"), f"{code}.pdf", self.tr("PDF files (*.pdf)"))
            if not path:
                return None
        try:
            self.last_slip = print_slip(self.profile, booking_id, Path(path))
        except Exception as exc:  # noqa: BLE001 - shown in words
            self._say(problem_words.say(exc), error=True)
            return None
        self._say(self.tr("Slip saved: %1").replace("%1", str(self.last_slip)))
        return self.last_slip


__all__ = ["BookExamDialog"]

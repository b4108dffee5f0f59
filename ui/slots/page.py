"""号源池 / Exam slots: the hospital's day (its slots, each with who is booked, attendance and
no-shows registered with one click), publishing a series of slots, a slip's code typed or
scanned to find its booking; and, for a community station, the bookings the server refused,
each rebooked into one of the free slots it named."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtCore import QEvent
from PySide6.QtCore import QLocale
from PySide6.QtCore import Qt
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox
from PySide6.QtWidgets import QDateEdit
from PySide6.QtWidgets import QGroupBox
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QHeaderView
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QTreeWidget
from PySide6.QtWidgets import QTreeWidgetItem
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from app import clock
from app.slots import SlotService
from ui import problem_words
from ui.events import EventBridge
from ui.slots.book_dialog import fill
from ui.slots.book_dialog import selected_id
from ui.slots.book_dialog import table
from ui.slots.publish_dialog import PublishSeriesDialog
from ui.slots.words import modalities
from ui.slots.words import modality_name
from ui.slots.words import state_name
from ui.slots.words import status_name
from ui.slots.words import when
from ui.writes import off_gui_thread

ID, KIND = Qt.ItemDataRole.UserRole, Qt.ItemDataRole.UserRole + 1
TABLES = {"exam_slots", "slot_bookings"}


class SlotPoolPage(QWidget):
    patient_requested = Signal(str)

    def __init__(self, profile, parent=None, events: EventBridge | None = None):
        super().__init__(parent)
        self.profile = profile
        self.service = off_gui_thread(SlotService(profile))
        self.events = events if events is not None else EventBridge(profile.bus, self)
        self.events.data_changed.connect(lambda e: self.reload() if e.tables & TABLES else None)
        self.hospital = QComboBox()
        self.hospital.currentIndexChanged.connect(lambda _=None: self.reload())
        self.modality = QComboBox()
        self.modality.currentIndexChanged.connect(lambda _=None: self.reload())
        for combo in (self.hospital, self.modality):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        today = clock.today()
        self.day = QDateEdit(QDate(today.year, today.month, today.day))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd ddd")
        self.day.dateChanged.connect(lambda _=None: self.reload())
        self.publish_button = QPushButton()
        self.publish_button.clicked.connect(lambda: self.open_publish())
        self.code = QLineEdit()
        self.code.setClearButtonEnabled(True)
        self.code.returnPressed.connect(lambda: self.find_code(self.code.text()))
        self.labels = [QLabel() for _ in range(3)]
        top = QHBoxLayout()
        for label, field in zip(self.labels, (self.hospital, self.modality, self.day)):
            top.addWidget(label)
            top.addWidget(field)
        top.addStretch()
        top.addWidget(self.code)
        top.addWidget(self.publish_button)

        self.tree = QTreeWidget()
        self.tree.setColumnCount(5)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.tree.itemSelectionChanged.connect(self._enable)
        self.tree.itemDoubleClicked.connect(self._open_patient)
        self.attended_button, self.no_show_button = QPushButton(), QPushButton()
        self.cancel_button, self.withdraw_button = QPushButton(), QPushButton()
        self.attended_button.clicked.connect(lambda: self.register("attended"))
        self.no_show_button.clicked.connect(lambda: self.register("no_show"))
        self.cancel_button.clicked.connect(lambda: self.register("cancel"))
        self.withdraw_button.clicked.connect(lambda: self.withdraw())
        buttons = QHBoxLayout()
        for b in (self.attended_button, self.no_show_button, self.cancel_button):
            buttons.addWidget(b)
        buttons.addStretch()
        buttons.addWidget(self.withdraw_button)
        self.day_box = QGroupBox()
        box = QVBoxLayout(self.day_box)
        box.addLayout(top)
        box.addWidget(self.tree, 1)
        box.addLayout(buttons)

        self.refused = table(4)
        self.refused.itemSelectionChanged.connect(self._show_alternatives)
        self.alternatives = QComboBox()
        self.rebook_button = QPushButton()
        self.rebook_button.clicked.connect(lambda: self.rebook())
        self.refused_box = QGroupBox()
        box = QVBoxLayout(self.refused_box)
        box.addWidget(self.refused, 1)
        row = QHBoxLayout()
        row.addWidget(self.alternatives, 1)
        row.addWidget(self.rebook_button)
        box.addLayout(row)

        self.message = QLabel()
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.day_box, 3)
        layout.addWidget(self.refused_box, 1)
        layout.addWidget(self.message)
        self.retranslate()

    # -- what is shown -----------------------------------------------------------------------

    def retranslate(self) -> None:
        self.day.setLocale(QLocale())  # the weekday in the window's language
        self.message.clear()
        for label, text in zip(self.labels, (self.tr("Hospital"), self.tr("Examination"), self.tr("Day"))):
            label.setText(text)
        self.code.setPlaceholderText(self.tr("Slip code (type or scan)"))
        self.publish_button.setText(self.tr("Publish slots…"))
        self.attended_button.setText(self.tr("Attended"))
        self.no_show_button.setText(self.tr("No-show"))
        self.cancel_button.setText(self.tr("Cancel booking"))
        self.withdraw_button.setText(self.tr("Withdraw slot"))
        self.rebook_button.setText(self.tr("Rebook into this slot"))
        self.day_box.setTitle(self.tr("The day's slots"))
        self.refused_box.setTitle(self.tr("Bookings the server refused"))
        self.tree.setHeaderLabels([self.tr("Time / resident"), self.tr("Examination"), self.tr("Booked"),
                                   self.tr("State"), self.tr("Place / slip code")])
        self.refused.setHorizontalHeaderLabels([self.tr("Resident"), self.tr("Examination"), self.tr("Time"),
                                                self.tr("Why")])
        self._fill_choices()
        self.reload()

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _fill_choices(self) -> None:
        mine = self.service.hospitals()
        self.publish_button.setEnabled(bool(mine))  # a station books; only a hospital's staff publish
        for combo, items in ((self.hospital, [(None, self.tr("All hospitals")), *mine]),
                             (self.modality, [(None, self.tr("All examinations")),
                                              *[(c, n) for c, n in modalities()]])):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            for value, name in items:
                combo.addItem(name, value)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)

    def selected_day(self) -> dt.date:
        day = self.day.date()
        return dt.date(day.year(), day.month(), day.day())

    def reload(self) -> None:
        chosen = self._selected()
        self.tree.clear()
        self.bookings = {}
        for slot, bookings in self.service.day(self.selected_day(), self.hospital.currentData(),
                                               self.modality.currentData()):
            item = QTreeWidgetItem([when(slot.starts_at, slot.minutes), modality_name(slot.modality),
                                    f"{slot.held} / {slot.capacity}", "", slot.place or slot.hospital])
            item.setData(0, ID, slot.id)
            item.setData(0, KIND, "slot")
            for b in bookings:
                self.bookings[b.id] = b
                child = QTreeWidgetItem([b.patient_name, "", "", state_name(b.state)
                                         + ("" if b.status == "confirmed" else f" · {status_name(b.status)}"), b.code])
                child.setData(0, ID, b.id)
                child.setData(0, KIND, "booking")
                item.addChild(child)
            self.tree.addTopLevelItem(item)
            if chosen == slot.id:
                self.tree.setCurrentItem(item)
        self.tree.expandAll()
        if chosen is not None and chosen in self.bookings:
            self.select(chosen)
        self.refused_views = {b.id: b for b in self.service.refused()}
        fill(self.refused, [(b.id, [b.patient_name, modality_name(b.slot.modality), when(b.slot.starts_at),
                                    problem_words.say(b.problems)]) for b in self.refused_views.values()])
        self.refused_box.setVisible(bool(self.refused_views))
        self._show_alternatives()
        self._enable()

    def select(self, row_id: str) -> bool:
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            if top is None:
                continue
            for item in (top, *[top.child(j) for j in range(top.childCount())]):
                if item is not None and item.data(0, ID) == row_id:
                    self.tree.setCurrentItem(item)
                    return True
        return False

    def _selected(self) -> str | None:
        item = self.tree.currentItem()
        return item.data(0, ID) if item is not None else None

    def _kind(self) -> str | None:
        item = self.tree.currentItem()
        return item.data(0, KIND) if item is not None else None

    def _enable(self) -> None:
        b = self.bookings.get(self._selected() or "")
        open_ = b is not None and b.state == "booked"
        for button in (self.attended_button, self.no_show_button, self.cancel_button):
            button.setEnabled(open_)
        self.withdraw_button.setEnabled(self._kind() == "slot")

    def _show_alternatives(self) -> None:
        self.alternatives.clear()
        b = self.refused_views.get(selected_id(self.refused) or "") if hasattr(self, "refused_views") else None
        for v in b.alternatives if b is not None else []:
            self.alternatives.addItem(f"{when(v.starts_at, v.minutes)} · {v.hospital} · {v.free}", v.id)
        self.rebook_button.setEnabled(self.alternatives.count() > 0)

    # -- what a person does -------------------------------------------------------------------

    def _do(self, fn, done: str) -> bool:
        try:
            fn()
        except Exception as exc:  # noqa: BLE001 - a refusal is shown in words
            self.message.setStyleSheet("color: #b23a48")
            self.message.setText(problem_words.say(exc))
            return False
        self.message.setStyleSheet("")
        self.message.setText(done)
        self.reload()
        return True

    def register(self, what: str) -> bool:
        booking_id = self._selected()
        if booking_id not in self.bookings:
            return False
        if what == "attended":
            return self._do(lambda: self.service.attended(booking_id), self.tr("Registered as attended."))
        if what == "no_show":
            return self._do(lambda: self.service.no_show(booking_id),
                            self.tr("Registered as a no-show: the community case manager has a task to rebook."))
        return self._do(lambda: self.service.cancel(booking_id), self.tr("Booking cancelled."))

    def withdraw(self) -> bool:
        slot_id = self._selected()
        if self._kind() != "slot" or not slot_id:
            return False
        return self._do(lambda: self.service.withdraw(slot_id), self.tr("Slot withdrawn."))

    def rebook(self) -> bool:
        booking_id, slot_id = selected_id(self.refused), self.alternatives.currentData()
        if not booking_id or not slot_id:
            return False
        return self._do(lambda: self.service.rebook(booking_id, slot_id),
                        self.tr("Rebooked; it is confirmed at the next sync."))

    def find_code(self, code: str) -> bool:
        found = self.service.find(code)
        if found is None:
            self.message.setText(self.tr("No booking has the code %1.").replace("%1", code.strip()))
            return False
        day = found.slot.starts_at.date()
        self.day.setDate(QDate(day.year, day.month, day.day))
        self.hospital.setCurrentIndex(0)
        self.modality.setCurrentIndex(0)
        self.reload()
        return self.select(found.id)

    def open_publish(self) -> PublishSeriesDialog:
        dialog = PublishSeriesDialog(self.service, self.service.hospitals(), self, self.hospital.currentData())
        dialog.accepted.connect(lambda: self.message.setText(
            self.tr("%n slot(s) published.", "", len(dialog.made))))
        dialog.open()
        return dialog

    def _open_patient(self, item: QTreeWidgetItem) -> None:
        b = self.bookings.get(item.data(0, ID))
        if b is not None:
            self.patient_requested.emit(b.patient_id)

"""The rows that need a person: every problem with its line, and a decision per line.

A bad line can only be excluded (or the file fixed); a line that may be a patient on
file can be merged into that patient, kept as a new person (only when the ID numbers
differ), or excluded. Nothing is decided for the person.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox
from PySide6.QtWidgets import QTreeWidget
from PySide6.QtWidgets import QTreeWidgetItem

from app.screening.validate import Decisions
from ui.screening.labels import describe
from ui.screening.labels import field_names

KEEP, EXCLUDE, MERGE, NEW = "keep", "exclude", "merge", "new"
# Problems that say a line may be someone already known: a person decides, "exclude all
# problem lines" leaves them alone.
DUPLICATE_CODES = frozenset({"merge_needed", "duplicate_in_file"})


class ProblemList(QTreeWidget):
    decisions_changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setRootIsDecorated(False)
        self.setAlternatingRowColors(True)
        self.setUniformRowHeights(True)
        self._choices: dict[int, QComboBox] = {}
        self._invalid: set[int] = set()  # lines with a problem other than a likely duplicate
        self._used = Decisions()  # what the last check was run with (those lines are no longer listed)
        self.retranslate()

    def retranslate(self) -> None:
        self.setHeaderLabels([self.tr("Line"), self.tr("Column"), self.tr("Problem"), self.tr("Decision")])

    def show_report(self, report, used: Decisions, limit: int = 2000) -> None:
        """List the problems (the first `limit`; the summary says how many there are)."""
        self.clear()
        self._choices.clear()
        self._invalid = {p.line for p in report.problems if p.code not in DUPLICATE_CODES}
        self._used = used
        fields = field_names()
        for problem in report.problems[:limit]:
            item = QTreeWidgetItem([str(problem.line), fields.get(problem.field or "", ""), describe(problem), ""])
            item.setData(0, Qt.ItemDataRole.UserRole, problem.line)
            item.setTextAlignment(0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.addTopLevelItem(item)
            if problem.line not in self._choices:
                box = self._decision_box(problem.line, report.candidates.get(problem.line, []),
                                         problem.code == "merge_needed")
                self._choices[problem.line] = box
                self.setItemWidget(item, 3, box)
        for column, width in enumerate((60, 120, 440)):
            self.setColumnWidth(column, width)

    def _decision_box(self, line: int, candidates, may_merge: bool) -> QComboBox:
        box = QComboBox(self)
        box.addItem(self.tr("Fix the file"), KEEP)
        box.addItem(self.tr("Exclude this line"), EXCLUDE)
        if may_merge:
            for c in candidates:
                label = self.tr("Merge into {name} {id} {community}").format(
                    name=c.name, id=c.masked_id, community=c.community).strip()
                box.addItem(label, (MERGE, c.patient_id))
            if not any(c.same_id for c in candidates):
                box.addItem(self.tr("A different person: add as new"), NEW)
            box.setItemText(0, self.tr("Decide…"))
        box.currentIndexChanged.connect(lambda _i: self.decisions_changed.emit())
        return box

    def choose(self, line: int, decision) -> None:
        """Pick a decision for a line (what a person does with the line's box)."""
        box = self._choices[line]
        for i in range(box.count()):
            data = box.itemData(i)
            if data == decision or (isinstance(data, tuple) and data[0] == decision):
                box.setCurrentIndex(i)
                return
        raise ValueError(f"line {line} has no decision {decision!r}")

    def exclude_all(self) -> None:
        """Exclude every invalid line; likely duplicates stay for a person to decide."""
        for line in self._choices:
            if line in self._invalid:
                self.choose(line, EXCLUDE)

    def decisions(self) -> Decisions:
        used = self._used
        exclude, merge, new = set(used.exclude), dict(used.merge), set(used.new_person)
        for line, box in self._choices.items():
            data = box.currentData()
            if data == EXCLUDE:
                exclude.add(line)
            elif data == NEW:
                new.add(line)
            elif isinstance(data, tuple):
                merge[line] = data[1]
        return Decisions(frozenset(exclude), merge, frozenset(new))

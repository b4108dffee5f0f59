"""The risk questionnaire (#18 item 2): one programme's questions, as its rule file asks them.

Age and sex come from the patient record. Yes/no questions are check boxes (a test result
with no default, such as FIT, is a choice that can be left unanswered), choices are lists,
numbers are typed. Pack-years are computed as the person types (cigarettes a day × years
smoked ÷ 20); quit years are asked, and required, only of a former smoker. Assess records the
result through app/screening/enrol.py (a high-risk result in the screening ages enrols); a
refusal is shown beside the question it names, and the result is shown with its reason in
the reader's language. The family-history question is also answered by a household relative's
confirmed cancer, which the reason then names.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox
from PySide6.QtWidgets import QComboBox
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QDialogButtonBox
from PySide6.QtWidgets import QFormLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QPlainTextEdit
from PySide6.QtWidgets import QScrollArea
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from app.errors import ValidationError
from app.pathway.published import override_dir
from app.screening.family import household_answers
from app.screening.risk import FAMILY_QUESTION
from app.screening.risk import form_state
from app.screening.riskrules import load_all
from ui import problem_words
from ui import risk_words
from ui.field_errors import error_label
from ui.field_errors import with_error
from ui.labels import cancer_label
from ui.labels import risk_label
from ui.writes import run_off_gui_thread

FROM_RECORD = ("age", "sex")  # the patient record answers these


def open_for(view) -> RiskDialog | None:
    """From the patient window: the profile is the nearest window's above it."""
    widget, profile = view.parentWidget(), getattr(view, "profile", None)
    while widget is not None and profile is None:
        profile = getattr(widget, "profile", None)
        widget = widget.parentWidget()
    if profile is None:
        return None
    dialog = RiskDialog(profile, view.patient_id, view.patient_name, view)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.finished.connect(lambda _code: view.refresh())
    dialog.open()
    return dialog


class RiskDialog(QDialog):
    def __init__(self, profile, patient_id: str, patient_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.profile = profile
        self.patient_id = patient_id
        self.patient_name = patient_name
        self.done_result = None  # the Enrolment of the last assessment
        self.rules = load_all(override_dir(profile.path, "risk"))
        self.programme = QComboBox(self)
        for cancer in self.rules:
            self.programme.addItem(cancer_label(cancer), cancer)
        self.programme.currentIndexChanged.connect(self._build)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.household = QLabel(self)  # who in the household answers the family history
        self.household.setWordWrap(True)
        self.household.setTextFormat(Qt.TextFormat.PlainText)
        self.household.setStyleSheet("color: #8a4b00;")
        self.form_host = QWidget(self)
        # A column of question text above its answer (a form layout cut wrapped texts short).
        self.form = QVBoxLayout(self.form_host)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form_host)
        self.error = error_label(self)
        self.result_view = QPlainTextEdit(self)
        self.result_view.setReadOnly(True)
        self.result_view.setObjectName("riskResult")
        self.result_view.setFixedHeight(self.result_view.fontMetrics().lineSpacing() * 5 + 12)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        # Our own button: a standard Ok is worded again by the box after our LanguageChange.
        self.assess_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.programme_label = QLabel(self)
        top = QFormLayout()
        top.addRow(self.programme_label, self.programme)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.intro)
        layout.addWidget(self.household)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.result_view)
        layout.addWidget(self.buttons)
        self.relatives: list = []
        self.inputs: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self.labels: dict[str, QLabel] = {}
        self._build()
        self.resize(620, 640)

    # -- the form --------------------------------------------------------------------

    @property
    def rule(self):
        return self.rules[self.programme.currentData()]

    def _english(self) -> bool:
        return problem_words.language().startswith("en")

    def _text(self, q) -> str:
        return q.text_en if self._english() and q.text_en else q.text

    def _build(self) -> None:
        while self.form.count():
            item = self.form.takeAt(0)
            old = item.widget() if item is not None else None
            if old is not None:
                old.deleteLater()
        self.inputs, self.errors, self.labels = {}, {}, {}
        for q in self.rule.questions.values():
            if q.id in FROM_RECORD:
                continue
            if q.compute:
                widget: QWidget = QLabel("—", self.form_host)
            elif q.type == "bool" and q.default is not None:
                widget = QCheckBox(self.form_host)
                widget.setChecked(bool(q.default))
                widget.toggled.connect(self._changed)
            elif q.type in ("bool", "choice"):
                widget = QComboBox(self.form_host)
                widget.addItem("", None)
                options = (True, False) if q.type == "bool" else q.options
                for value in options:
                    widget.addItem("", value)
                widget.currentIndexChanged.connect(self._changed)
            else:
                widget = QLineEdit(self.form_host)
                widget.textChanged.connect(self._changed)
            widget.setObjectName(q.id)
            error = error_label(self.form_host)
            label = QLabel(self.form_host)
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            self.inputs[q.id], self.errors[q.id], self.labels[q.id] = widget, error, label
            self.form.addWidget(label)
            self.form.addWidget(with_error(self.form_host, widget, error))
            self.form.addSpacing(6)
        self.form.addStretch(1)
        self.relatives = household_answers(self.profile.store, self.patient_id, self.programme.currentData()) \
            if FAMILY_QUESTION in self.rule.questions else []
        family = self.inputs.get(FAMILY_QUESTION)
        if self.relatives and isinstance(family, QCheckBox):
            family.setChecked(True)
            family.setEnabled(False)  # the household's record answers it
        self.done_result = None  # another programme's result is not this one's
        self.result_view.clear()
        self.error.hide()
        self.retranslate()
        self._changed()

    def answers(self) -> dict:
        """What is filled in, typed: an empty field is no answer; text that is not a number is
        passed on as text, so the assessment refuses it naming the question."""
        out: dict = {}
        for qid, widget in self.inputs.items():
            if not widget.isEnabled() or isinstance(widget, QLabel):
                continue
            if isinstance(widget, QCheckBox):
                out[qid] = widget.isChecked()
            elif isinstance(widget, QComboBox):
                if widget.currentData() is not None:
                    out[qid] = widget.currentData()
            elif isinstance(widget, QLineEdit):
                text = widget.text().strip()
                if text:
                    try:
                        out[qid] = int(text) if text.isdigit() else float(text)
                    except ValueError:
                        out[qid] = text
        return out

    def _changed(self, *_args) -> None:
        """Quit years on and required only for a former smoker; pack-years computed live."""
        state = form_state(self.rule, self.answers())
        for qid, applies in state.applies.items():
            widget = self.inputs.get(qid)
            if widget is None:
                continue
            widget.setEnabled(applies is True)  # not until the answer it depends on is given
            self._label(self.rule.questions[qid], required=applies is True)
            if applies is not True and isinstance(widget, QLineEdit):
                widget.clear()
        english = self._english()
        for q in self.rule.computed:
            label = self.inputs.get(q.id)
            if isinstance(label, QLabel):
                found = state.computed.get(q.id)
                label.setText(found[2 if english else 1] if found else "—")

    def _label(self, q, required: bool = False) -> None:
        text = self._text(q)  # a computed question's text says it is computed
        if required:
            text += " " + self.tr("(required)")
        widget = self.inputs[q.id]
        if isinstance(widget, QCheckBox):  # a yes/no question reads beside its box
            widget.setText(text)
            self.labels[q.id].hide()
        else:
            self.labels[q.id].setText(text)

    # -- assess ----------------------------------------------------------------------

    def submit(self) -> None:
        from app.screening.enrol import assess_patient

        for error in self.errors.values():
            error.hide()
        self.error.hide()
        cancer, answers = self.programme.currentData(), self.answers()
        try:
            done = run_off_gui_thread(lambda: assess_patient(self.profile, self.patient_id, cancer, answers))
        except ValidationError as exc:
            label = self.errors.get(exc.field or "")
            target = label if label is not None else self.error
            target.setText(risk_words.refusal(exc, self.rule))
            target.show()
            if exc.field in self.inputs:
                self.inputs[exc.field].setFocus()
            self.result_view.clear()
            return
        self.done_result = done
        self._show_result()

    def _show_result(self) -> None:
        if self.done_result is None:
            return
        result = self.done_result.result
        lines = [self.tr("Result: {level}").format(level=risk_label(result.level)),
                 risk_words.explain(result.reason)]
        if self.done_result.enrolled:
            lines.append(self.tr("Enrolled in screening: the next step is on the patient's tasks."))
        elif result.high_risk and not result.screen:
            lines.append(self.tr("Outside the screening ages: no examination is booked."))
        self.result_view.setPlainText("\n".join(lines))

    # -- language --------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Risk assessment — {name}").format(name=self.patient_name))
        self.programme_label.setText(self.tr("Programme"))
        for i in range(self.programme.count()):
            self.programme.setItemText(i, cancer_label(self.programme.itemData(i)))
        rule = self.rule
        self.intro.setText(self.tr("Age and sex are taken from the patient record. Version {version} of {file}.")
                           .format(version=rule.version, file=rule.path.name)
                           + ("\n" + self.tr("A household relative's confirmed cancer answers the family "
                                             "history by itself.") if FAMILY_QUESTION in rule.questions else ""))
        self.household.setVisible(bool(self.relatives))
        if self.relatives:
            words = risk_words.relatives(self.relatives, rule.cancer)
            self.household.setText(self.tr("Answered by the household: {relatives}").format(relatives=words))
        english = self._english()
        for qid, widget in self.inputs.items():
            q = rule.questions[qid]
            self._label(q)  # "(required)" is put back by _changed below
            if isinstance(widget, QComboBox):
                for i in range(1, widget.count()):
                    value = widget.itemData(i)
                    if isinstance(value, bool):
                        widget.setItemText(i, self.tr("Yes") if value else self.tr("No"))
                    else:
                        options = (q.words_en if english else q.words) or {}
                        widget.setItemText(i, options.get(value, value))
                widget.setItemText(0, self.tr("Not answered"))
        self.assess_button.setText(self.tr("Assess"))
        self._changed()
        self._show_result()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

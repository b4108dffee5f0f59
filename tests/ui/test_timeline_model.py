"""The timeline model on its own: day rows newest first, events under them, Qt's model rules."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QModelIndex
from PySide6.QtCore import Qt

from app.patients import TimelineItem
from ui.patient.timeline_model import DATE_ROLE
from ui.patient.timeline_model import ID_ROLE
from ui.patient.timeline_model import KIND_ROLE
from ui.patient.timeline_model import TITLE
from ui.patient.timeline_model import TYPE
from ui.patient.timeline_model import TimelineModel


def at(day: int, hour: int) -> dt.datetime:
    """A wall-clock time on this machine, so the day rows are known in any time zone."""
    return dt.datetime(2026, 11, day, hour).astimezone().astimezone(dt.timezone.utc)


EVENTS = [  # newest first, as PatientService.timeline returns them
    TimelineItem("e1", "call", at(17, 16), "电话随访", "已通知复查", "县肿瘤防治中心", "王医生"),
    TimelineItem("e2", "mdt", at(17, 9), "MDT：建议复查", "", "", ""),
    TimelineItem("e3", "exam", at(10, 10), "胸部增强CT", "<b>not html</b>", "社区站", ""),
    TimelineItem("e4", "screening", at(3, 15), "低剂量CT", "", "", "李护士"),
]


def make_model(events=EVENTS) -> TimelineModel:
    model = TimelineModel(lambda day, n: f"{day.isoformat()} ({n})")
    model.set_events(list(events))
    return model


def test_passes_qt_model_tester(qtmodeltester):
    model = make_model()
    qtmodeltester.check(model)
    model.set_events(EVENTS[1:])  # a refresh while the tester watches
    model.relabel()
    model.set_events([])
    qtmodeltester.check(model)


def test_an_empty_timeline_passes_qt_model_tester(qtmodeltester):
    qtmodeltester.check(make_model([]))


def test_days_newest_first_with_their_events():
    model = make_model()
    days = [model.index(r, 0) for r in range(model.rowCount())]
    assert [d.data(DATE_ROLE) for d in days] == [dt.date(2026, 11, 17), dt.date(2026, 11, 10), dt.date(2026, 11, 3)]
    assert [d.data() for d in days][0] == "2026-11-17 (2)"
    titles = [[model.index(r, TITLE, d).data() for r in range(model.rowCount(d))] for d in days]
    assert titles == [["电话随访", "MDT：建议复查"], ["胸部增强CT"], ["低剂量CT"]]
    first = model.index(0, 0, days[0])
    assert (first.data(ID_ROLE), first.data(KIND_ROLE)) == ("e1", "call")
    assert model.index(0, TYPE, days[0]).data(Qt.ItemDataRole.DecorationRole) is not None


def test_day_rows_are_headings_and_events_are_selectable():
    model = make_model()
    day = model.index(0, 0)
    assert not model.flags(day) & Qt.ItemFlag.ItemIsSelectable
    event = model.index(0, 0, day)
    assert model.flags(event) & Qt.ItemFlag.ItemIsSelectable
    assert model.rowCount(event) == 0 and not model.hasChildren(event)


def test_index_of_finds_an_event_and_its_parent_day():
    model = make_model()
    index = model.index_of("e3")
    assert index.data(ID_ROLE) == "e3" and index.parent().data(DATE_ROLE) == dt.date(2026, 11, 10)
    assert model.event_at(index) is EVENTS[2]
    assert not model.index_of("missing").isValid() and model.event_at(QModelIndex()) is None


def test_tooltips_are_escaped_rich_text():
    model = make_model()
    tip = model.index_of("e3").data(Qt.ItemDataRole.ToolTipRole)
    assert "&lt;b&gt;not html&lt;/b&gt;" in tip and "<b>胸部增强CT</b>" in tip

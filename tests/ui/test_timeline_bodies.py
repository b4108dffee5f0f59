"""A timeline body the software wrote is a code in the event's data, worded in the reader's
language when shown (the detail pane and the tooltip); a person's own words, and an older
row's prose body, are shown as written in both languages."""
from __future__ import annotations

import datetime as dt
import re

import pytest
from PySide6.QtCore import Qt

from app import clock
from app.patients import PatientService
from db.models import TimelineEvent
from tests.app import worklist_data as data

CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
NOW = dt.datetime(2026, 11, 18, 12, 0).astimezone(dt.timezone.utc)
PLAN = [{"plan": "targeted", "step": 0, "due": "2026-11-25"}, {"plan": "targeted", "step": 1, "due": "2026-12-23"}]
# (minutes ago, kind, title code, body code, body args, prose body) as the services write them.
EVENTS = [
    (1, "mdt", "timeline.mdt.decided", "timeline.body.mdt_plan", {"actions": PLAN}, None),
    (2, "mdt", "timeline.mdt.checklist", "timeline.body.mdt_checklist", {"done": ["pathology", "consent"]}, None),
    (3, "mdt", "timeline.mdt.checklist", None, None, "已完成：病理、影像"),  # written by an older version
]


@pytest.fixture
def panel(qtbot, profile, translations):
    from ui.patient.view import PatientView

    clock.pin(NOW)
    pid = data.load(profile)["张三"][0]
    with profile.sessions.begin() as s:
        for minutes, kind, title_code, code, args, prose in EVENTS:
            s.add(TimelineEvent(patient_id=pid, kind=kind, title="", title_code=title_code,
                                title_args={"plan": "targeted"}, body=prose,
                                data={"body_code": code, "body_args": args} if code else None,
                                occurred_at=NOW - dt.timedelta(minutes=minutes)))
    view = PatientView(PatientService(profile.store), pid)
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    qtbot.waitExposed(view)
    yield view.timeline
    clock.pin(None)


def detail_body(timeline, row: int) -> list[str]:
    model = timeline.model
    timeline.tree.setCurrentIndex(model.index(row, 0, model.index(0, 0)))
    return timeline.detail.document().toPlainText().splitlines()[2:]  # after the title and when


def tooltip(timeline, row: int) -> str:
    return timeline.model.index(row, 2, timeline.model.index(0, 0)).data(Qt.ItemDataRole.ToolTipRole)


def test_bodies_the_software_wrote_read_in_the_ui_language(panel, translations):
    translations.set_language("en")
    assert detail_body(panel, 0) == ["1. review the genetic test, start targeted therapy (by 2026-11-25)",
                                     "2. re-check after four weeks of targeted therapy (by 2026-12-23)"]
    assert detail_body(panel, 1) == ["Done: pathology, informed consent"]
    assert "Done: pathology, informed consent" in tooltip(panel, 1) and not CJK.search(tooltip(panel, 1))
    assert detail_body(panel, 2) == ["已完成：病理、影像"]  # an older row's prose, as it was written
    translations.set_language("zh_CN")
    assert detail_body(panel, 0) == ["1. 复核基因检测，开始靶向治疗（2026-11-25前）", "2. 靶向治疗4周后复查（2026-12-23前）"]
    assert detail_body(panel, 1) == ["已完成：病理、知情同意"]
    assert "已完成：病理、知情同意" in tooltip(panel, 1)

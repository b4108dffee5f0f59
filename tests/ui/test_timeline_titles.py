"""The patient timeline words the titles the software wrote in the reader's language: English
under the English UI, Chinese under the Chinese one, switching without reopening the patient;
a person's own title is shown as typed in both."""
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
NOW = dt.datetime(2026, 11, 18, 12, 0).astimezone(dt.timezone.utc)  # local noon: one day in any zone
# (minutes ago, kind, code, args, typed title) as the services write them.
EVENTS = [
    (1, "referral", "timeline.referral.sent_green", {"direction": "up", "from_org": "Xincheng station",
                                                     "to_org": "County cancer centre"}, ""),
    (2, "mdt", "timeline.mdt.decided", {"plan": "neoadjuvant_then_surgery"}, ""),
    (3, "call", "timeline.followup.unreached", {"method": "phone", "attempts": 2}, ""),
    (4, "stage", "timeline.stage.changed", {"from_stage": "screen", "to_stage": "diagnose"}, ""),
    (5, "letter", "timeline.letter.printed", {"letter_kind": "followup_reminder"}, ""),
    (6, "note", None, None, "家属来电咨询"),
]
ENGLISH = ["Up-referral sent: Xincheng station → County cancer centre (green channel)",
           "MDT decision: neoadjuvant therapy, then surgery",
           "Follow-up by phone: not reached (attempt 2)",
           "Stage changed: screening → diagnosis",
           "Letter printed: follow-up reminder",
           "家属来电咨询"]
CHINESE = ["发出上转单：Xincheng station → County cancer centre（绿色通道）",
           "MDT讨论：建议新辅助治疗后手术",
           "电话随访未联系上（第2次）",
           "阶段变更：筛查→诊断",
           "打印随访提醒",
           "家属来电咨询"]


@pytest.fixture
def panel(qtbot, profile, translations):
    from ui.patient.view import PatientView

    clock.pin(NOW)
    pid = data.load(profile)["张三"][0]
    with profile.sessions.begin() as s:
        for minutes, kind, code, args, typed in EVENTS:
            s.add(TimelineEvent(patient_id=pid, kind=kind, title=typed, title_code=code, title_args=args,
                                occurred_at=NOW - dt.timedelta(minutes=minutes)))
    view = PatientView(PatientService(profile.store), pid)
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    qtbot.waitExposed(view)
    yield view.timeline
    clock.pin(None)


def shown_titles(timeline) -> list[str]:
    from ui.patient.timeline_model import TITLE

    model = timeline.model
    day = model.index(0, 0)
    return [model.index(row, TITLE, day).data() for row in range(model.rowCount(day))]


def detail_heading(timeline, row: int) -> str:
    model = timeline.model
    timeline.tree.setCurrentIndex(model.index(row, 0, model.index(0, 0)))
    return timeline.detail.document().toPlainText().splitlines()[0]


def test_english_ui_shows_english_titles_and_chinese_ui_chinese_ones(panel, translations):
    translations.set_language("en")
    assert shown_titles(panel) == ENGLISH
    assert not any(CJK.search(t) for t in ENGLISH[:-1])
    assert detail_heading(panel, 1) == "MDT decision: neoadjuvant therapy, then surgery"
    translations.set_language("zh_CN")  # the open patient follows the switch
    assert shown_titles(panel) == CHINESE
    assert detail_heading(panel, 2) == "电话随访未联系上（第2次）"
    tooltip = panel.model.index(2, 2, panel.model.index(0, 0)).data(Qt.ItemDataRole.ToolTipRole)
    assert "电话随访未联系上（第2次）" in tooltip

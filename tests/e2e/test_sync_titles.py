"""Title codes travel: a desktop's coded timeline title reaches another desktop through the
real server on PostgreSQL and is worded there in its reader's language; the server's demo
data arrives coded too."""
from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from app import clock
from db.models import TimelineEvent
from tests.e2e.test_sync_roundtrip import desktops  # noqa: F401 - the fixture
from tests.e2e.test_sync_roundtrip import some_patient
from ui.timeline_words import event_title

pytestmark = pytest.mark.usefixtures("keyring_ready")
CJK = re.compile(r"[\u4e00-\u9fff\uff00-\uffef]")


def test_a_coded_title_reaches_another_desktop_and_reads_in_its_language(desktops):  # noqa: F811
    a, ca = desktops("a")
    b, cb = desktops("b")
    ca.cycle()
    cb.cycle()
    with b.sessions() as s:
        pulled = s.scalars(select(TimelineEvent).where(TimelineEvent.title_code.is_not(None))).all()
    assert pulled and not [e.title_code for e in pulled if CJK.search(words_only(e))]
    p = some_patient(a)
    with a.store.write() as tx:
        event = tx.add(TimelineEvent(patient_id=p.id, kind="call", occurred_at=clock.now(), title="",
                                     title_code="timeline.followup.unreached",
                                     title_args={"method": "phone", "attempts": 2}))
    assert ca.cycle().pushed == {"applied": 1}
    cb.cycle()
    with b.sessions() as s:
        arrived = s.get(TimelineEvent, event.id)
        assert (arrived.title, arrived.title_code, arrived.title_args) == (
            "", "timeline.followup.unreached", {"method": "phone", "attempts": 2})
    assert event_title(arrived, "en") == "Follow-up by phone: not reached (attempt 2)"
    assert event_title(arrived, "zh_CN") == "电话随访未联系上（第2次）"


def words_only(event) -> str:
    """The English title without its data (names, places, typed text): only words are left."""
    text = event_title(event, "en")
    data = [item for value in (event.title_args or {}).values()
            for item in (value if isinstance(value, list) else [value]) if isinstance(item, str)]
    for item in sorted(data, key=len, reverse=True):  # a finding may contain an exam's name
        text = text.replace(item, "")
    return text

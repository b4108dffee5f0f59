"""The iCalendar export parses back: CRLF, 75-octet folding on UTF-8 boundaries, escaped
text, all-day dates, stable UIDs; and `export ics` works from the command line."""
from __future__ import annotations

import datetime as dt
import re

import pytest

from app import clock
from app.followups import Completion
from app.followups import FollowupService
from app.ics import calendar_text
from app.ics import escape_text
from app.ics import fold
from tests.app.test_followups import seed
from tests.support import run_main

NOTES = '第一行, 含逗号; 分号\\反斜杠\n第二行：' + "很长的中文备注" * 12


def unfold(text: str) -> list[str]:
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    physical = text.split("\r\n")[:-1]
    assert all(len(line.encode("utf-8")) <= 75 for line in physical)
    return text.replace("\r\n ", "").replace("\r\n\t", "").split("\r\n")[:-1]


def unescape(value: str) -> str:
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


def parse(text: str) -> list[dict]:
    """VEVENTs as {NAME or NAME;PARAMS: value}; also checks BEGIN/END nesting."""
    events, current, depth = [], None, []
    for line in unfold(text):
        name, _, value = line.partition(":")
        if name == "BEGIN":
            depth.append(value)
            current = {} if value == "VEVENT" else current
        elif name == "END":
            assert depth.pop() == value
            if value == "VEVENT":
                events.append(current)
        elif current is not None:
            current[name] = value
    assert depth == []
    return events


@pytest.fixture
def world(profile):
    ids = seed(profile)
    service = FollowupService(profile)
    pid, cid = ids["张三"]
    a = service.create(pid, cid, dt.date(2026, 11, 20), "phone", assignee_id=ids["me"])
    service.complete(a, Completion("phone", reached=False, notes=NOTES))
    pid, cid = ids["李四"]
    b = service.create(pid, cid, dt.date(2026, 12, 1), "home", assignee_id=ids["other"])
    done = service.create(pid, cid, dt.date(2026, 11, 10), "phone", assignee_id=ids["other"])
    service.complete(done, Completion("phone", True, "stable", next_date=dt.date(2027, 2, 10)))
    yield profile, ids, (a, b)
    clock.pin(None)


def test_the_calendar_parses_back(world):
    profile, ids, (a, b) = world
    text, n = calendar_text(profile.sessions)
    events = parse(text)
    assert n == len(events) == 3  # two planned + the next one of the completed follow-up
    by_uid = {e["UID"]: e for e in events}
    ea = by_uid[f"followup-{a}@casedesk"]
    assert ea["DTSTART;VALUE=DATE"] == "20261120" and ea["DTEND;VALUE=DATE"] == "20261121"
    assert re.fullmatch(r"\d{8}T\d{6}Z", ea["DTSTAMP"])
    assert unescape(ea["SUMMARY"]) == "电话随访：张*（肺癌）"  # masked name in an outside app
    description = unescape(ea["DESCRIPTION"])
    assert NOTES.replace("\n", "") in description.replace("\n", "") and "已尝试 1 次" in description
    assert "\\," in ea["DESCRIPTION"] and "\\;" in ea["DESCRIPTION"] and "\\\\" in ea["DESCRIPTION"]
    assert by_uid[f"followup-{b}@casedesk"]["DTSTART;VALUE=DATE"] == "20261201"
    assert calendar_text(profile.sessions)[0].count(f"UID:followup-{a}@casedesk") == 1


def test_uids_are_stable_and_scopes_filter(world):
    profile, ids, (a, b) = world
    first = {e["UID"] for e in parse(calendar_text(profile.sessions)[0])}
    clock.pin(clock.now() + dt.timedelta(hours=3))
    assert {e["UID"] for e in parse(calendar_text(profile.sessions)[0])} == first
    mine = parse(calendar_text(profile.sessions, user="cm01")[0])
    assert [e["UID"] for e in mine] == [f"followup-{a}@casedesk"]
    station = parse(calendar_text(profile.sessions, station="S1")[0])
    assert f"followup-{b}@casedesk" in {e["UID"] for e in station} and len(station) == 2


def test_folding_never_splits_a_character():
    line = "DESCRIPTION:" + "随访" * 60 + "abc"
    folded = fold(line)
    for piece in folded.split("\r\n"):
        assert len(piece.encode("utf-8")) <= 75
        piece.encode("utf-8").decode("utf-8")
    assert folded.replace("\r\n ", "") == line
    assert escape_text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"


def test_export_ics_from_the_command_line(world, tmp_path):
    profile, _ids, (a, _b) = world
    out = tmp_path / "随访.ics"
    done = run_main("export", "ics", "--profile", str(profile.path), "--out", str(out), "--user", "cm01")
    assert done.returncode == 0, done.stderr
    assert "已将 1 条随访写入" in done.stdout  # Chinese unless --lang en
    events = parse(out.read_bytes().decode("utf-8"))
    assert [e["UID"] for e in events] == [f"followup-{a}@casedesk"]
    bad = run_main("export", "ics", "--profile", str(profile.path), "--out", str(tmp_path / "x.ics"), "--user", "nobody")
    assert bad.returncode == 2 and "nobody" in bad.stderr

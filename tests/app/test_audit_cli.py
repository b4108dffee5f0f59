"""`audit verify` reports an intact chain, and names the first broken link with exit 1, in the
chosen language only (the reason is a code from app/audit.py, worded by the command)."""
from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from app import audit
from db.models import AuditEntry
from tests.support import run_main

CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


@pytest.fixture
def trail(profile):
    for i in range(4):
        profile.store.record_access("read", "patients", f"p{i}")
    return profile


def _entry(s, seq: int) -> AuditEntry:
    return s.scalars(select(AuditEntry).where(AuditEntry.seq == seq)).one()


def test_intact_then_tampered_in_both_languages(trail):
    ok = run_main("audit", "verify", "--profile", str(trail.path))
    assert ok.returncode == 0 and "审计记录完整：共 4 条" in ok.stdout
    with trail.sessions.begin() as s:
        _entry(s, 3).note = "edited behind CaseDesk's back"
    zh = run_main("audit", "verify", "--profile", str(trail.path))
    assert zh.returncode == 1
    assert "的第 3 条" in zh.stderr and "处断裂：第 3 条写入后被改动过。" in zh.stderr
    assert not re.search(r"\b(entry|changed|written)\b", zh.stderr)
    en = run_main("--lang", "en", "audit", "verify", "--profile", str(trail.path))
    assert en.returncode == 1
    assert "entry #3 (id " in en.stderr and "): entry #3 was changed after it was written. Entries after" in en.stderr
    assert not CJK.search(en.stderr), en.stderr


def test_a_missing_entry_and_a_broken_link_are_told_apart(trail):
    with trail.sessions.begin() as s:
        s.delete(_entry(s, 2))
    en = run_main("--lang", "en", "audit", "verify", "--profile", str(trail.path))
    assert en.returncode == 1 and "entry #2 is missing (the next one found is #3)" in en.stderr
    with trail.sessions.begin() as s:
        broken = audit.verify(s)
        assert (broken.seq, broken.problem.code, broken.problem.params) == (2, "audit.chain_gap", {"seq": 2, "found": 3})
        # In ascending order, one flush each: (device_id, seq) is unique, and the
        # unit of work does not promise to write 3→2 before 4→3.
        for entry in s.scalars(select(AuditEntry).where(AuditEntry.seq > 2).order_by(AuditEntry.seq)).all():
            entry.seq -= 1  # closes the gap, but entry 2 now points at the deleted entry's hash
            entry.entry_hash = audit.entry_hash(entry)
            s.flush()
    zh = run_main("audit", "verify", "--profile", str(trail.path))
    assert zh.returncode == 1 and "第 2 条与前一条的哈希链接不符" in zh.stderr

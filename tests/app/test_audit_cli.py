"""`audit verify` reports an intact chain, and names the first broken link with exit 1."""
from __future__ import annotations

from sqlalchemy import select

from db.models import AuditEntry
from tests.support import run_main


def test_intact_then_tampered(profile):
    for i in range(4):
        profile.store.record_access("read", "patients", f"p{i}")
    ok = run_main("audit", "verify", "--profile", str(profile.path))
    assert ok.returncode == 0 and "审计记录完整：共 4 条" in ok.stdout
    with profile.sessions.begin() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.seq == 3)).one()
        entry.note = "edited behind CaseDesk's back"
    broken = run_main("audit", "verify", "--profile", str(profile.path))
    assert broken.returncode == 1
    assert "第 3 条" in broken.stderr and "changed" in broken.stderr  # the reason itself is app/audit.py's

"""Print a batch: one PDF for every letter that can print, then the records, in that order.

The PDF is written first; only when it is complete do the Letter rows, their timeline
events and the print audit entry go in, all in one transaction. A cancelled or failed
batch therefore leaves neither a file nor a record claiming a letter went out.
"""
from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from collections.abc import Iterator
from dataclasses import dataclass
from dataclasses import field
from pathlib import Path
from typing import TYPE_CHECKING

from app import audit
from app import clock
from app.letters.gather import Scope
from app.letters.kinds import LetterKind
from app.letters.layout import PAPERS
from app.letters.layout import Page
from app.letters.layout import layout
from app.letters.prepare import Prepared
from app.letters.prepare import Ready
from app.letters.prepare import Skipped
from app.letters.prepare import prepare
from app.letters.working_days import Moved
from app.letters.working_days import move_records
from db.models import Letter
from db.models import TimelineEvent
from db.models.enums import EventKind

if TYPE_CHECKING:
    from app.profile import Profile

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


@dataclass
class BatchResult:
    kind: LetterKind
    out: Path | None
    paper: str
    printed: list[Ready] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    pages: int = 0
    cancelled: bool = False
    moved: list[Moved] = field(default_factory=list)  # clinic visits printed on the next working day
    seconds: dict[str, float] = field(default_factory=dict)

    @property
    def letter_ids(self) -> list[str]:
        return [r.letter_id for r in self.printed]


def paper_of(profile: Profile, paper: str | None) -> str:
    return paper if paper in PAPERS else profile.settings.get("letters.paper")


def laid_out(prepared: Prepared, paper: str, progress: Progress | None = None,
             cancelled: Cancelled | None = None) -> Iterator[tuple[Ready, list[Page]]]:
    """Each ready letter with its pages; stops early (without error) when cancelled."""
    spec, total = PAPERS[paper], len(prepared.ready)
    for n, ready in enumerate(prepared.ready, start=1):
        if cancelled is not None and cancelled():
            return
        yield ready, layout(ready.filled, spec)
        if progress is not None:
            progress(n, total)


def print_batch(profile: Profile, kind: LetterKind, out: Path, date_from: dt.date | None = None,
                date_to: dt.date | None = None, scope: Scope = Scope(), paper: str | None = None,
                reprint_reason: str | None = None, patient_ids: set[str] | None = None,
                progress: Progress | None = None, cancelled: Cancelled | None = None,
                prepared: Prepared | None = None) -> BatchResult:
    """Write one PDF of every printable letter and record them. Raises TemplateError for a
    broken template; returns with `out=None` when nothing could print or it was cancelled."""
    from app.letters.pdf import PdfWriter  # local: reportlab loads only when something prints

    t0 = time.perf_counter()
    if prepared is None:
        prepared = prepare(profile, kind, date_from, date_to, scope, reprint_reason, patient_ids)
    paper = paper_of(profile, paper)
    result = BatchResult(kind, None, paper, skipped=list(prepared.skipped), moved=list(prepared.moved))
    t1 = time.perf_counter()
    if not prepared.ready:
        return result
    writer = PdfWriter(out, title=f"{kind.label}（{len(prepared.ready)}封）")
    try:
        done = []
        for ready, pages in laid_out(prepared, paper, progress, cancelled):
            writer.add_pages(pages)
            done.append(ready)
        if len(done) < len(prepared.ready):
            writer.abandon()
            result.cancelled = True
            return result
        writer.finish()
    except BaseException:
        writer.abandon()
        raise
    t2 = time.perf_counter()
    record(profile, prepared, done, destination=Path(out).name, paper=paper)
    result.out, result.printed, result.pages = Path(out), done, writer.pages
    result.seconds = {"prepare": t1 - t0, "render": t2 - t1, "record": time.perf_counter() - t2}
    return result


def record(profile: Profile, prepared: Prepared, printed: list[Ready], destination: str, paper: str) -> None:
    """Letter rows, timeline events and one print audit entry, in ONE transaction.

    The audit entry is appended inside the same transaction (rather than through
    Store.record_access, which opens its own) so a crash can never leave letters
    without their print record, or a print record without its letters."""
    if not printed:
        return
    store, kind, now = profile.store, prepared.kind, clock.now()
    reason = prepared.reprint_reason
    with store.write() as tx:
        move_records(tx, printed)
        for r in printed:
            fields = {k: v for k, v in r.data.fields.items() if v is not None}
            fields.update(ref_table=r.data.ref_table, ref_id=r.data.ref_id, paper=paper)
            tx.add(Letter(id=r.letter_id, patient_id=r.data.patient_id, kind=kind.code,
                          template_version=prepared.template.version, printed_at=now,
                          printed_by=store.user_id, reprint_reason=reason if r.reprint else None,
                          fields=fields))
            body = f"编号 {r.number}" + (f"；补打原因：{reason}" if r.reprint else "")
            tx.add(TimelineEvent(
                patient_id=r.data.patient_id, case_id=r.data.case_id, kind=str(EventKind.LETTER),
                occurred_at=now, author_id=store.user_id, title="", title_code="timeline.letter.printed",
                title_args={"letter_kind": kind.code}, body=body,
                data={"letter_kind": kind.code, "template_version": prepared.template.version,
                      "reprint": r.reprint}, ref_table="letters", ref_id=r.letter_id))
        audit.append(
            tx.session, device_id=store.device_id, user_id=store.user_id, action="print",
            table="letters", row_id=printed[0].letter_id if len(printed) == 1 else None,
            detail={"kind": kind.code, "template_version": prepared.template.version,
                    "letters": len(printed), "patients": [r.data.patient_id for r in printed],
                    "letter_ids": [r.letter_id for r in printed], "skipped": len(prepared.skipped),
                    "reprints": sum(r.reprint for r in printed), "to": destination, "paper": paper},
            note=reason)

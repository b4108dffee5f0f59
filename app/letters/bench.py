"""Letters: N one-page follow-up reminders into one PDF, beside bare reportlab drawing the same text.

The batch runs the whole path a person's click runs (gather, checks, layout, PDF, the
Letter/timeline/audit records) on a copy of a cached demo profile, so runs never see each
other's letters. The baseline draws the very text lines of those letters with the same
font, straight onto a reportlab canvas: the ratio is what our layout and checks cost.
"""
from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

PATIENTS = 2000  # ~1,250 planned follow-ups: enough distinct letters for the full run
SEED = 1


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--letters", type=int, default=1000, help="letters in the batch (default 1000)")
    parser.add_argument("--paper", choices=("A4", "A5"), default="A4")
    parser.add_argument("--keep", metavar="FILE.pdf", help="keep the batch PDF here")


def run(args) -> dict:
    from app.benchdata import bench_profile
    from app.letters.batch import print_batch
    from app.letters.gather import gather
    from app.letters.kinds import KINDS
    from app.letters.prepare import prepare
    from app.profile import Profile

    n = args.letters
    kind = KINDS["followup_reminder"]
    patients = PATIENTS if n > 150 else 300  # a tiny run (the tests') needs no big profile
    cached = bench_profile("letters", patients, SEED, (5, 20), log=lambda m: None)
    with tempfile.TemporaryDirectory(prefix="casedesk-bench-letters-") as tmp:
        cached.close()
        work = Path(tmp) / "profile"
        shutil.copytree(cached.path, work)
        profile = Profile.open(work)
        try:
            with profile.sessions() as s:
                pool = gather(s, kind, None, None, letterhead=profile.settings.get("letters.letterhead"))
            # Only letters that can print (the demo has a few names the font lacks), so the
            # batch holds exactly N; skipping is the tests' business, not the benchmark's.
            blocked = {x.patient_id for x in prepare(profile, kind, None, None, letters=pool).skipped}
            pool = [x for x in pool if x.patient_id not in blocked]
            letters = [pool[i % len(pool)] for i in range(n)]
            out = Path(args.keep) if args.keep else Path(tmp) / "letters.pdf"
            t0 = time.perf_counter()
            prepared = prepare(profile, kind, None, None, letters=letters)
            result = print_batch(profile, kind, out, paper=args.paper, prepared=prepared)
            total = time.perf_counter() - t0
            baseline = _bare_reportlab(result.printed, args.paper, Path(tmp) / "bare.pdf")
            size = out.stat().st_size
        finally:
            profile.close()
    render = result.seconds["render"]
    return {
        "letters": len(result.printed),
        "skipped": len(result.skipped),
        "pages": result.pages,
        "seconds": round(total, 3),
        "prepare_seconds": round(result.seconds["prepare"] + (total - sum(result.seconds.values())), 3),
        "render_seconds": round(render, 3),
        "record_seconds": round(result.seconds["record"], 3),
        "reportlab_seconds": round(baseline, 3),
        "ratio_vs_reportlab": round(render / baseline, 3),
        "letters_per_second": round(len(result.printed) / total, 1),
        "pdf_kb_per_letter": round(size / 1024 / max(1, len(result.printed)), 1),
    }


def _bare_reportlab(printed, paper: str, out: Path) -> float:
    """Bare reportlab: the same text lines at the same places and sizes, nothing else."""
    from reportlab.pdfgen.canvas import Canvas

    from app.letters.fonts import FONT_NAME
    from app.letters.fonts import letter_font
    from app.letters.layout import PAPERS
    from app.letters.layout import layout

    letter_font()
    spec = PAPERS[paper]
    texts = [[op[1:5] for page in layout(r.filled, spec) for op in page.ops if op[0] == "text"]
             for r in printed]
    t0 = time.perf_counter()
    c = Canvas(str(out), pagesize=(spec.width, spec.height), initialFontName=FONT_NAME, pageCompression=1)  # type: ignore[arg-type]  # types-reportlab: a font name, not a float
    for lines in texts:
        for x, y, size, text in lines:
            c.setFont(FONT_NAME, size)
            c.drawString(x, y, text)
        c.showPage()
    c.save()
    return time.perf_counter() - t0

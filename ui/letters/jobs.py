"""The background halves of "Save PDF…" and "Print…": run on a worker, report progress, honour cancel.

Workers never touch widgets: progress goes out through the callback the page gives (it
emits a Qt signal, delivered queued on the GUI thread) and the result comes back through
run_in_background's on_done.
"""
from __future__ import annotations

from pathlib import Path

from app.letters.batch import BatchResult
from app.letters.batch import laid_out
from app.letters.batch import print_batch
from app.letters.batch import record
from app.letters.prepare import Prepared
from ui.letters.painter import print_pages
from ui.letters.painter import setup_printer


def save_pdf_job(profile, params: dict, out: Path, progress, cancelled, prepared: Prepared | None = None,
                 prepared_fn=None):
    """`prepared_fn`: the letters made on the worker (the page's selected ones), else `prepared`,
    else everything `params` asks for."""
    def job() -> BatchResult:
        return print_batch(profile, params["kind"], out, params["date_from"], params["date_to"],
                           params["scope"], paper=params["paper"], reprint_reason=params["reprint_reason"],
                           progress=progress, cancelled=cancelled,
                           prepared=prepared_fn() if prepared_fn is not None else prepared)
    return job


def printer_job(profile, params: dict, printer, progress, cancelled, prepared_fn):
    """Paint every printable letter on `printer`, then record them (only if all went out)."""
    def job() -> BatchResult:
        prepared = prepared_fn()
        paper = params["paper"]
        result = BatchResult(prepared.kind, None, paper, skipped=list(prepared.skipped))
        if not prepared.ready:
            return result
        setup_printer(printer, paper)
        done = []

        def letters():
            for ready, pages in laid_out(prepared, paper, progress, cancelled):
                done.append(ready)
                result.pages += len(pages)
                yield pages

        if not print_pages(printer, letters(), cancelled) or len(done) < len(prepared.ready):
            result.cancelled = True
            return result
        record(profile, prepared, done, destination=printer.printerName() or "printer", paper=paper)
        result.printed = done
        return result
    return job

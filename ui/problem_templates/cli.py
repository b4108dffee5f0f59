"""The command line's arguments and its reports (main.py subcommands). A report is not a
problem, but it is worded the same way, so the CLI speaks one language."""
from __future__ import annotations

ENGLISH = {
    "cli.bad_date": "{option} “{value}” is not a date; write YYYY-MM-DD, e.g. 2026-11-30.",
    "cli.date_range": "The date range is back to front: --due-from {start} is after --due-to {end}.",
    "cli.out_suffix": "--out must end in {suffix}: {path}",
    "cli.letters_skipped": "{count} letter(s) skipped:",
    "cli.letters_none_match": "Nothing printed: no {letter_kind} falls on {letter_range} from {start} to {end}. "
                              "No PDF was written.",
    "cli.letters_all_skipped": "Nothing printed: every {letter_kind} from {start} to {end} was skipped (see above). "
                               "No PDF was written.",
    "cli.letters_written": "{count} letter(s), {pages} page(s) written to {path} [{letter_kind}, {letter_range} "
                           "{start} – {end}, {paper}]",
    "cli.letters_written_skipped": "{count} letter(s), {pages} page(s) written to {path} [{letter_kind}, "
                                   "{letter_range} {start} – {end}, {paper}]; {skipped} skipped, listed on stderr",
}

"""The command line's arguments and its reports (main.py subcommands). A report is not a
problem, but it is worded the same way, so the CLI speaks one language."""
from __future__ import annotations

ENGLISH = {
    "cli.error": "error: {message}",
    "cli.interrupted": "interrupted",
    "cli.bad_date": "{option} “{value}” is not a date; write YYYY-MM-DD, e.g. 2026-11-30.",
    "cli.date_range": "The date range is back to front: --due-from {start} is after --due-to {end}.",
    "cli.out_suffix": "--out must end in {suffix}: {path}",
    "cli.not_line_number": "{option}: “{value}” is not a line number.",
    "cli.map_syntax": "--map “{spec}”: write COLUMN=FIELD, with FIELD one of {fields}.",
    "cli.map_no_column": "--map “{spec}”: there is no column “{column}” in the header row.",
    "cli.import_read": "{file}: {rows} rows, header on line {header_line}; columns: {mapping}",
    "cli.import_candidate": "candidate {id}: {name} {birth_date} {masked_id} {community}",
    "cli.import_candidate_same_id": "candidate {id}: {name} {birth_date} {masked_id} {community} (same ID number)",
    "cli.import_refused": "Nothing imported: {count} line(s) need attention ({lines}). Fix the file, or leave lines "
                          "out with --exclude-lines; confirm possible patients on file with --merge-lines or "
                          "--new-lines.",
    "cli.import_done": "Imported {rows} rows: {patients} new patients, {merged} merged, {cases} screening cases, "
                       "{excluded} lines excluded ({seconds} s)",
    "cli.unknown_sort": "--sort: there is no column “{value}”; choose one of {valid}.",
    "cli.export_cases": "{count} cases written to {path}",
    "cli.export_followups": "{count} follow-ups written to {path}",
    "cli.export_fhir": "FHIR R4 Bundle written to {path}: {counts}",
    "cli.demo_not_empty": "The profile {path} already has patients; demo data is only generated into an empty "
                          "profile. Choose a new directory with --profile.",
    "cli.demo_progress": "generating: {done}/{total} patients",
    "cli.due_one_of": "Give exactly one of --after, --rule, --cancer or --size.",
    "cli.due_cancer_stage": "--cancer is one of {cancers}; --stage is one of {stages}.",
    "cli.rule_no_interval": "Rule {rule} ({kind}) has no interval of its own; use --cancer with --stage for "
                            "dates the follow-up schedules decide.",
    "cli.answers_unreadable": "--answers {path} cannot be read ({reason}).",
    "cli.answers_not_json": "--answers {path} is not valid JSON ({detail}).",
    "cli.rules_holidays": "Holiday data:",
    "cli.rules_holidays_missing": "not covered: dates are moved over weekends only",
    "cli.rules_footer": "Chase after {attempts} unanswered attempts; rule directories: {dirs}",
    "cli.audit_intact": "Audit trail intact: {entries} entries from {devices} desktop(s).",
    "cli.audit_broken": "Audit trail BROKEN at desktop {device}, entry #{seq} (id {entry}): {reason}. Entries after "
                        "it cannot be trusted; keep this file for investigation.",
    "cli.letters_skipped": "{count} letter(s) skipped:",
    "cli.letters_none_match": "Nothing printed: there is no {letter_kind} with {letter_range} from {start} to "
                              "{end}. No PDF was written.",
    "cli.letters_all_skipped": "Nothing printed: every {letter_kind} from {start} to {end} was skipped (see above). "
                               "No PDF was written.",
    "cli.letters_written": "{count} letter(s), {pages} page(s) written to {path} [{letter_kind}, {letter_range} "
                           "{start} – {end}, {paper}]",
    "cli.letters_written_skipped": "{count} letter(s), {pages} page(s) written to {path} [{letter_kind}, "
                                   "{letter_range} {start} – {end}, {paper}]; {skipped} skipped, listed on stderr",
}

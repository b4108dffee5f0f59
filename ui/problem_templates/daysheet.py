"""Day sheets printed from the worklist page or `main.py daysheet` (app/daysheets.py): their
problems, and the words on the paper (titles, column titles, the outcome boxes)."""
from __future__ import annotations

ENGLISH = {
    "daysheet.out_suffix": "The day sheet is a PDF: give a file name ending in .pdf (not {path}).",
    "daysheet.out_folder": "The folder {folder} does not exist. Choose a folder that does.",
    "daysheet.unknown_kind": "Unknown day sheet “{value}”; one of: {valid}.",
    "daysheet.written": "{sheet}: {rows} row(s) on {pages} page(s), written to {path}.",
    "daysheet.revealed": "The phone numbers of {count} patient(s) were printed in full; each is recorded in the "
                         "audit log.",
    # On the paper
    "daysheet.title_calls": "Today's call list",
    "daysheet.title_visits": "Home visits",
    "daysheet.title_chase": "Chase list: not reached",
    "daysheet.title_worklist": "Worklist: {count} case(s)",
    "daysheet.station": "Station: {station}",
    "daysheet.no_station": "all stations",
    "daysheet.date": "Date: {date}",
    "daysheet.printed_by": "Printed by {who}, {at}",
    "daysheet.nobody": "(not signed in)",
    "daysheet.page": "Page {page} of {pages}",
    "daysheet.overdue": "overdue by {days} d",
    "daysheet.community": "{community} ({count})",
    "daysheet.no_community": "No community",
    "daysheet.empty_calls": "No calls are due on {date}, and none are overdue.",
    "daysheet.empty_visits": "No home visits are due on {date}, and none are overdue.",
    "daysheet.empty_chase": "Nobody is waiting to be chased.",
    "daysheet.empty_worklist": "No cases match the worklist's filters.",
    "daysheet.col_name": "Name",
    "daysheet.col_phone": "Phone",
    "daysheet.col_cancer": "Cancer",
    "daysheet.col_stage": "Stage",
    "daysheet.col_purpose": "For",
    "daysheet.col_due": "Due",
    "daysheet.col_last_contact": "Last contact",
    "daysheet.col_outcome": "Outcome (tick one)",
    "daysheet.col_call_back": "Call back at",
    "daysheet.col_address": "Address",
    "daysheet.col_visit_notes": "Visit notes / signature",
    "daysheet.col_method": "Method",
    "daysheet.col_attempts": "Tries",
}

TERMS = {
    "ds_outcome.reached": "Reached",
    "ds_outcome.no_answer": "No answer",
    "ds_outcome.off": "Off/Disconnected",
    "ds_outcome.bad_number": "No such number",
    "ds_outcome.refused": "Refused",
    "ds_outcome.other_person": "Someone else",
    "ds_outcome.rescheduled": "Rescheduled",
    "ds_method.phone": "Phone",
    "ds_method.clinic": "Clinic",
    "ds_method.home": "Home visit",
    "ds_sheet.calls": "Call list",
    "ds_sheet.visits": "Home visits",
    "ds_sheet.chase": "Chase list",
    "ds_sheet.worklist": "Worklist",
}

TERM_PARAMS = {"daysheet:sheet": "ds_sheet"}

"""The organisation tree from a spreadsheet (server/org_import.py, `server org import`): the file,
each line's column and reason, and the summary the command prints."""
from __future__ import annotations

_L = "Line {line}, column {column}: "

ENGLISH = {
    "org.file_type": "{file}: import an .xlsx, .xls, .ods or .csv file.",
    "org.file_unreadable": "{file} cannot be read ({reason}).",
    "org.file_empty": "{file}: the file is empty.",
    "org.file_encoding": "{file}: unknown text encoding; save it as UTF-8 or GBK.",
    "org.columns_missing": "Columns missing: {columns}. The first row must name the columns {expected}.",
    "org.required": _L + "empty, but every unit needs it.",
    "org.too_long": _L + "too long (at most {max} characters).",
    "org.unknown_type": _L + "unknown type {value} (use one of {expected}).",
    "org.duplicate_code": _L + "the code {value} is already on line {other}.",
    "org.unknown_parent": _L + "no unit has the code {value}, in the file or on the server.",
    "org.cycle": _L + "the parent {value} makes a loop: {chain}.",
    "org.point_not_under_station": _L + "a community point must be under a street station, not “{value}”.",
    "org.under_point": _L + "{value} is a community point: no other unit can be under it.",
    "org.points_left_under": _L + "community points {points} on the server are under this unit: it must stay "
                                  "a street station.",
    "org.name_taken": _L + "“{value}” already names unit {other} of the same type.",
    "org.deactivate_has_users": "Unit {code} {name} is not in the file but {users} active user(s) belong to it: "
                                "move or disable them first, or leave out --deactivate-missing.",
    "org.bad_lines": "{count} problem(s) in the file: nothing was imported.",
    "org.imported": "Organisation tree imported: {added} added, {updated} updated, {unchanged} unchanged.",
    "org.missing_kept": "On the server but not in the file (kept; --deactivate-missing marks them inactive): "
                        "{codes}.",
    "org.deactivated": "Marked inactive: {codes}.",
    "org.placeholder_replaced": "Centre {code} took the place of the placeholder centre that `server init` made "
                                "(ROOT): its people moved to {code}, and ROOT is inactive.",
}

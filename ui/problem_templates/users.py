"""People who work at a shared desktop (app/users.py)."""
from __future__ import annotations

ENGLISH = {
    "users.login_required": "Enter a login name.",
    "users.login_too_long": "A login name has at most {max} characters.",
    "users.login_characters": "A login name uses only letters, digits and . _ -, and starts and ends with a "
                              "letter or digit.",
    "users.login_reserved": "“{login}” is reserved by the operating system and cannot be a login name.",
    "users.already_here": "“{login}” already works at this desktop.",
    "users.unknown": "Nobody called “{login}” works at this desktop.",
    "users.profile_missing": "The profile of “{login}” ({path}) is missing and was not recreated: restore it "
                             "from a backup.",
    "users.unsent": "{login} has {changes} change(s) and {audit} audit record(s) that have not reached the "
                    "server; on this desktop they are the only copy. Sign in as {login} and sync, then remove "
                    "them.",
    "users.list_damaged": "The list of people at this desktop ({path}) cannot be read ({reason}). It was left "
                          "untouched; each person's profile is still in the users directory.",
}

TERMS = {"field.login": "Login name", "field.password": "Password"}

"""Passwords and accounts: the password policy's refusals (server/passwords.py), signing in with
a password that must be changed, the administrator's account commands (server/accounts.py,
`server init`, `server users …`) and the desktop's `password` command."""
from __future__ import annotations

_LINE = "Line {line}, column {column}: "

ENGLISH = {
    # the policy (等保 L3)
    "password.too_short": "The password is too short: at least {min} characters are needed.",
    "password.classes": "The password needs characters of at least {needed} of these kinds: lower-case letters, "
                        "capital letters, digits, other signs.",
    "password.contains_username": "The password must not contain the login name “{username}”.",
    "password.reused": "This password was used recently: choose one that is not among the last {count}.",
    "password.mismatch": "The two passwords are not the same. Nothing was changed.",
    "auth.password_change_required": "This password must be changed before you can sign in (a first or reset "
                                     "password, or an expired one). Change it with: python main.py password "
                                     "--profile DIR --login USER",
    # The sign-in dialog's own words for it: the change is one button away there.
    "password.change_here": "This password must be changed before you can sign in (a first or reset password, "
                            "or an expired one): choose “Change the password now…” below.",
    "password.expires_soon": "Your password expires in {days} day(s): change it soon (python main.py password).",
    "password.changed": "The password of {username} was changed; you are signed in.",
    # accounts
    "account.unknown_user": "There is no account “{username}”.",
    "account.username_invalid": "“{username}” cannot be a login name: use letters, digits and . _ - (at most 64), "
                                "beginning and ending with a letter or digit.",
    "account.username_taken": "The login name “{username}” is taken already.",
    "account.name_invalid": "Enter the person's name (at most {max} characters).",
    "account.role_unknown": "“{role}” is not a role. Roles: 一体化门诊个案管理师, 专病个案管理师, 属地个案管理师, "
                            "家庭医生, 管理员 (or clinic_cm, ward_cm, community_cm, family_doctor, admin).",
    "account.phone_invalid": "“{phone}” is not a telephone number.",
    "account.org_unknown": "There is no active organisation unit with the code “{unit}” (server org import adds "
                           "units).",
    "account.last_admin": "“{username}” is the last active administrator and cannot be disabled.",
    "account.db_required": "server {action} needs --db URL (the server's database).",
    "account.db_unusable": "The database {url} cannot be used: {reason}",
    "account.password_needed": "No password given: set {env} or run the command in a terminal to type it.",
    # the staff list
    "account.import.format": "{path} is not a .csv, .xlsx, .xls or .ods file.",
    "account.import.unreadable": "{path} cannot be read: {reason}",
    "account.import.empty": "The staff list has no lines under its header row.",
    "account.import.missing_columns": "The staff list lacks the column(s) {columns} (the first row names the "
                                      "columns 用户名, 姓名, 角色, 机构编码, 电话).",
    "account.import.username_invalid": _LINE + "“{value}” cannot be a login name (letters, digits and . _ -).",
    "account.import.username_repeated": _LINE + "“{value}” is in the list already (line {first}).",
    "account.import.name_invalid": _LINE + "the name is empty or longer than 64 characters.",
    "account.import.role_unknown": _LINE + "“{value}” is not a role (一体化门诊个案管理师, 专病个案管理师, "
                                           "属地个案管理师, 家庭医生, 管理员, or a role code).",
    "account.import.org_unknown": _LINE + "there is no organisation unit with the code “{value}”.",
    "account.import.org_inactive": _LINE + "the organisation unit “{value}” is inactive.",
    "account.import.phone_invalid": _LINE + "“{value}” is not a telephone number.",
    "account.import.sheet_exists": "{path} exists already: name a new file for the one-time passwords (an "
                                   "earlier sheet may be the only copy of other people's passwords).",
    "account.import.sheet_csv": "The one-time passwords go to a .csv file, not {path}.",
    # what the commands report
    "account.cli.initialised": "Server initialised: the schema is ready and the administrator “admin” can sign "
                               "in. Import the organisation tree (server org import) and the staff (server users "
                               "import) next.",
    "account.cli.already_initialised": "The database is already initialised (it has user accounts): nothing "
                                       "was changed.",
    "account.cli.added": "Added {username}.",
    "account.cli.one_time": "One-time password for {username}: {password}  (shown only now; it must be changed "
                            "at the first sign-in)",
    "account.cli.disabled": "{username} is disabled; every sign-in of theirs has ended.",
    "account.cli.enabled": "{username} is enabled.",
    "account.cli.was_disabled": "{username} was disabled already: nothing changed.",
    "account.cli.was_enabled": "{username} was enabled already: nothing changed.",
    "account.cli.listed": "{count} account(s)",
    "account.cli.bad_lines": "{count} problem(s) in the staff list: nothing was imported.",
    "account.cli.imported": "Staff list imported: {added} added, {updated} updated, {unchanged} unchanged.",
    "account.cli.sheet_written": "The one-time passwords of the {count} new people are in {path} (the only "
                                 "copy: hand them out, then delete the file).",
    "account.cli.new_password_prompt": "new password for {username}: ",
    "account.cli.again_prompt": "the same new password again: ",
    "account.cli.old_password_prompt": "current password for {username}: ",
}

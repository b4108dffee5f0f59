"""Sync and sign-in: why a cycle stopped (the kinds of app/sync/errors.py, as "sync.kind.<kind>"),
the server's refusal codes the desktop shows (auth.*, sync.*, request.*, server.*), and the
sync.* problems of a change the server did not accept.

The words say what happened and what to do; every kind that keeps local changes says so.
"""
from __future__ import annotations

_SIGN_IN = "Please sign in to the server (Settings → Sync → Sign in…)."
_SIGN_IN_AGAIN = "Your sign-in has ended. Please sign in to the server again (Settings → Sync → Sign in…)."
_WRONG = "Wrong user name or password."
_DISABLED = "This account is disabled. Ask an administrator."
_OTHER_USER = ("This desktop profile is registered to another person, so it cannot sign in as you. "
               "Use Switch user to work in your own profile.")
_REVOKED = "An administrator has withdrawn this desktop's access to the server. Ask an administrator."
_VERSION = "This CaseDesk is too old or too new for the server. Ask for an update."
_BUSY = "The server is busy. Your changes are kept; CaseDesk will try again shortly."

ENGLISH = {
    # The kinds of app/sync/errors.py.
    "sync.kind.offline": "Cannot reach the server. Your changes are kept and will be sent when it is back.",
    "sync.kind.offline.short": "Cannot reach the server.",
    "sync.kind.timeout": "The server did not answer in time. Your changes are kept; CaseDesk will try again.",
    "sync.kind.timeout.short": "The server did not answer in time.",
    "sync.kind.unreadable": "The server's answer could not be read. Your changes are kept; CaseDesk will try again.",
    "sync.kind.signed_out": _SIGN_IN,
    "sync.kind.wrong_credentials": _WRONG,
    "sync.kind.slowed_down": "Too many sign-in attempts. Wait a few minutes, then try again.",
    "sync.kind.account_disabled": _DISABLED,
    "sync.kind.device_other_user": _OTHER_USER,
    "sync.profile_other_user": "This profile belongs to {owner}. Use Switch user to work as {username}.",
    "sync.kind.device_revoked": _REVOKED,
    "sync.device_erased": "An administrator withdrew this desktop from the server, so the CaseDesk data on it "
                          "(this profile's database and its key) has been erased. Ask your administrator "
                          "before working on this computer again.",
    "sync.kind.version": _VERSION,
    "sync.kind.refused": "The server refused the request (HTTP {status}). Your changes are kept; tell your "
                    "administrator if this goes on.",
    "sync.kind.server_busy": _BUSY,
    "sync.kind.server_error": "The server ran into a problem. Your changes are kept; tell your administrator if "
                         "this goes on.",
    "sync.kind.keyring": "The system keyring is locked or missing, so the sign-in cannot be kept. Unlock it and "
                    "try again.",
    "sync.kind.no_server": "No server is set up. Enter its address in Settings → Sync.",
    "sync.kind.unexpected": "Sync stopped because of an unexpected problem. Your changes are kept.",
    "sync.rejected_unexplained": "The server did not accept this change and gave no reason this CaseDesk "
                                 "can show. Correct it and send it again, or discard it.",
    # The server's codes (server error bodies {"code", "params", "detail"}).
    "auth.signin_required": _SIGN_IN,
    "auth.token_invalid": _SIGN_IN_AGAIN,
    "auth.token_expired": _SIGN_IN_AGAIN,
    "auth.refresh_invalid": _SIGN_IN_AGAIN,
    "auth.refresh_expired": _SIGN_IN_AGAIN,
    "auth.refresh_other_device": "This sign-in belongs to another desktop. Please sign in again.",
    "auth.refresh_reused": "This sign-in was used twice and has been ended for safety. Please sign in again.",
    "auth.wrong_credentials": _WRONG,
    "auth.slow_down": "Too many sign-in attempts. Wait {retry_after_s} seconds, then try again.",
    "auth.account_disabled": _DISABLED,
    "auth.device_other_user": _OTHER_USER,
    "auth.device_revoked": _REVOKED,
    "sync.schema_mismatch": _VERSION,
    "sync.unknown_table": "The server does not know one of this desktop's kinds of record. Ask for an update.",
    "sync.push_out_of_order": "The server received some of your changes before the ones ahead of them. Your "
                              "changes are kept; CaseDesk will send them again.",
    "request.too_large": "The server refused a request larger than {max_mib} MiB. Tell your administrator.",
    # Why the server did not accept one change (push answers' "problems"); the rule book's
    # own codes are worded in their areas.
    "sync.refused": "The server did not accept this change.",
    "sync.audit_not_a_mutation": "An audit entry cannot be sent as a change.",
    "sync.admin_only": "Only an administrator may change a {table}.",
    "sync.duplicate": "A record with the same identity is already on the server.",
    "sync.base_version_ahead": "This change was made on version {base} of the record, which the server never "
                               "had (it has version {server}). Discard it and make the change again.",
    "sync.mutation_id_taken": "This change's id was already used by another account; it cannot be sent.",
    "sync.missing_reference": "This change refers to a record the server does not have yet. Send it again "
                              "after the next sync, or discard it.",
    "sync.not_stored": "The server could not store this change.",
    "sync.unknown_field": "{field_name}: the server does not know this field. Ask for an update.",
    # The `sync` command's report (not problems, but worded alike so the CLI speaks one language).
    "sync.cli.signed_in": "signed in as {name} ({role})",
    "sync.cli.resuming": "resuming the first sync from change {start} (what came before is kept)",
    "sync.cli.received": "received changes up to {cursor} of {watermark}",
    "sync.cli.pushed": "pushed: {sent}",
    "sync.cli.pushed_nothing": "pushed: nothing",
    "sync.cli.sent": "{count} {push_status}",
    "sync.cli.pulled": "pulled: {rows} rows",
    "sync.cli.repaired": "repaired: {tables} ({purged} rows left this desktop's scope)",
    "sync.cli.waiting": "waiting: {count} changes not yet sent",
    "sync.cli.attention": "attention: {conflict} conflicts and {rejected} rejected changes need a person "
                          "(open the workstation: Sync → Changes waiting)",
    "sync.cli.refused_change": "  ✗ {record}: {reason}",
    "sync.cli.took": "took {seconds} s",
    "request.invalid": "The server could not read this desktop's request. Tell your administrator.",
    "server.busy": _BUSY,
    "server.database_down": "The server's database is unavailable. Your changes are kept; CaseDesk will try "
                            "again later.",
}

TERM_PARAMS = {"push_status": "push_status"}

TERMS = {
    "push_status.applied": "applied",
    "push_status.merged": "merged",
    "push_status.conflict": "conflict",
    "push_status.rejected": "rejected",
}

"""Names of roles, unit types, security events and file kinds in the window's language.

Spelled out call by call so lupdate sees every string (context "AdminWords")."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def roles() -> dict[str, str]:
    return {"clinic_cm": QCoreApplication.translate("AdminWords", "Clinic case manager"),
            "ward_cm": QCoreApplication.translate("AdminWords", "Ward case manager"),
            "community_cm": QCoreApplication.translate("AdminWords", "Community case manager"),
            "family_doctor": QCoreApplication.translate("AdminWords", "Family doctor"),
            "admin": QCoreApplication.translate("AdminWords", "Administrator")}


def org_kinds() -> dict[str, str]:
    return {"centre": QCoreApplication.translate("AdminWords", "Prevention centre"),
            "sub_centre": QCoreApplication.translate("AdminWords", "Sub-centre"),
            "street_station": QCoreApplication.translate("AdminWords", "Street station"),
            "community_point": QCoreApplication.translate("AdminWords", "Community point"),
            "partner_hospital": QCoreApplication.translate("AdminWords", "Partner hospital")}


def event_kinds() -> dict[str, str]:
    return {"login_ok": QCoreApplication.translate("AdminWords", "Signed in"),
            "login_failed": QCoreApplication.translate("AdminWords", "Sign-in failed"),
            "slowed": QCoreApplication.translate("AdminWords", "Sign-ins slowed down"),
            "token_reuse": QCoreApplication.translate("AdminWords", "Sign-in used twice"),
            "device_refused": QCoreApplication.translate("AdminWords", "Desktop refused"),
            "write_refused": QCoreApplication.translate("AdminWords", "Change refused"),
            "scope_refused": QCoreApplication.translate("AdminWords", "Outside the person's scope"),
            "audit_refused": QCoreApplication.translate("AdminWords", "Audit trail refused"),
            "clock_skew": QCoreApplication.translate("AdminWords", "Desktop clock off"),
            "token_invalid": QCoreApplication.translate("AdminWords", "Invalid sign-in token"),
            "password_changed": QCoreApplication.translate("AdminWords", "Password changed"),
            "password_refused": QCoreApplication.translate("AdminWords", "New password refused"),
            "server_initialised": QCoreApplication.translate("AdminWords", "Server initialised"),
            "user_added": QCoreApplication.translate("AdminWords", "Person added"),
            "user_updated": QCoreApplication.translate("AdminWords", "Person updated"),
            "user_disabled": QCoreApplication.translate("AdminWords", "Person disabled"),
            "user_enabled": QCoreApplication.translate("AdminWords", "Person enabled"),
            "password_reset": QCoreApplication.translate("AdminWords", "Password reset"),
            "users_imported": QCoreApplication.translate("AdminWords", "Staff list imported"),
            "org_imported": QCoreApplication.translate("AdminWords", "Organisation tree imported"),
            "device_revoked": QCoreApplication.translate("AdminWords", "Desktop withdrawn"),
            "device_erased": QCoreApplication.translate("AdminWords", "Withdrawn desktop erased"),
            "file_published": QCoreApplication.translate("AdminWords", "File published"),
            "file_withdrawn": QCoreApplication.translate("AdminWords", "File withdrawn"),
            "admin_refused": QCoreApplication.translate("AdminWords", "Administration refused")}


def file_kinds() -> dict[str, str]:
    return {"rules": QCoreApplication.translate("AdminWords", "Pathway rules"),
            "risk": QCoreApplication.translate("AdminWords", "Risk rules"),
            "holidays": QCoreApplication.translate("AdminWords", "Holidays"),
            "letters": QCoreApplication.translate("AdminWords", "Letter template")}


def label(table: dict[str, str], code: str | None) -> str:
    """The word for a code; an unknown code (a newer server's) as it is."""
    return table.get(code or "", code or "")


def detail_keys() -> dict[str, str]:
    """The keys of a security event's details (server/accounts.py, server/auth.py, …)."""
    return {"by": QCoreApplication.translate("AdminWords", "by"),
            "role": QCoreApplication.translate("AdminWords", "role"),
            "unit": QCoreApplication.translate("AdminWords", "unit"),
            "tokens_ended": QCoreApplication.translate("AdminWords", "sign-ins ended"),
            "failures": QCoreApplication.translate("AdminWords", "failures in a row"),
            "family_id": QCoreApplication.translate("AdminWords", "sign-in series"),
            "id": QCoreApplication.translate("AdminWords", "id"),
            "kind": QCoreApplication.translate("AdminWords", "kind"),
            "name": QCoreApplication.translate("AdminWords", "name"),
            "version": QCoreApplication.translate("AdminWords", "version"),
            "path": QCoreApplication.translate("AdminWords", "path"),
            "method": QCoreApplication.translate("AdminWords", "method"),
            "reason": QCoreApplication.translate("AdminWords", "reason"),
            "retry_after_s": QCoreApplication.translate("AdminWords", "wait (s)"),
            "rules": QCoreApplication.translate("AdminWords", "rules not met"),
            "skew_s": QCoreApplication.translate("AdminWords", "clock off by (s)"),
            "table": QCoreApplication.translate("AdminWords", "table"),
            "row_id": QCoreApplication.translate("AdminWords", "record"),
            "op": QCoreApplication.translate("AdminWords", "operation"),
            "code": QCoreApplication.translate("AdminWords", "desktop code"),
            "unsigned": QCoreApplication.translate("AdminWords", "unsigned"),
            "file": QCoreApplication.translate("AdminWords", "file"),
            "added": QCoreApplication.translate("AdminWords", "added"),
            "updated": QCoreApplication.translate("AdminWords", "updated"),
            "unchanged": QCoreApplication.translate("AdminWords", "unchanged"),
            "missing": QCoreApplication.translate("AdminWords", "not in the file"),
            "deactivated": QCoreApplication.translate("AdminWords", "made inactive"),
            "counts": QCoreApplication.translate("AdminWords", "counts"),
            "text": QCoreApplication.translate("AdminWords", "note")}


def detail_values() -> dict[str, str]:
    """Values that are codes: why a password must be changed, which password rule failed."""
    return {"one_time": QCoreApplication.translate("AdminWords", "one-time password"),
            "expired": QCoreApplication.translate("AdminWords", "password expired"),
            "password.too_short": QCoreApplication.translate("AdminWords", "too short"),
            "password.classes": QCoreApplication.translate("AdminWords", "too few kinds of characters"),
            "password.contains_username": QCoreApplication.translate("AdminWords", "contains the login name"),
            "password.reused": QCoreApplication.translate("AdminWords", "used recently"),
            "True": QCoreApplication.translate("AdminWords", "yes"),
            "False": QCoreApplication.translate("AdminWords", "no")}


def detail_text(detail: dict) -> str:
    """A security event's details as "key: value; …" in the window's language."""
    keys, values, roles_, kinds = detail_keys(), detail_values(), roles(), file_kinds()

    def value(key, v):
        if isinstance(v, dict):
            return "(" + detail_text(v) + ")"
        if isinstance(v, list):
            return ", ".join(value(key, x) for x in v)
        if key == "role":
            return label(roles_, str(v))
        if key == "kind":
            return label(kinds, str(v))
        return values.get(str(v), str(v))

    return QCoreApplication.translate("AdminWords", "; ").join(
        QCoreApplication.translate("AdminWords", "{key}: {value}").format(key=keys.get(k, k), value=value(k, v))
        for k, v in sorted(detail.items()))

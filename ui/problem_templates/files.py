"""Files published once for every desktop (server/files.py, `server files publish|list|withdraw`,
app/sync/files.py, the origins `rules list` shows)."""
from __future__ import annotations

ENGLISH = {
    # publishing (server and CLI)
    "files.unknown_kind": "“{given}” is not a kind of published file; the kinds are {valid}.",
    "files.bad_name": "{file}: a {kind} is named one of: {expected}.",
    "files.too_large": "{file} is larger than {max_kib} KiB: that is not a rule file or a letter template.",
    "files.not_text": "{file} holds a NUL character: it is not a text file.",
    "files.not_utf8": "{file}, line {line}: this is not UTF-8 text; save the file as UTF-8.",
    "files.unreadable_local": "{file} cannot be read ({reason}).",
    "files.unreadable": "{file} cannot be loaded.",
    "files.version_too_long": "{file}: the version is longer than {max} characters.",
    "files.refused": "{file} ({kind}) is refused — nothing of it is used:",
    "files.none_published": "Nothing was published: {bad} of {count} file(s) refused. Correct them and publish "
                            "all of them again.",
    "files.published": "Published {file} ({kind}, version {version}, id {id}): every desktop takes it with its "
                       "next sync.",
    "files.unchanged": "{file} is already published with exactly this content (version {version}, id {id}): "
                       "nothing changed.",
    "files.withdrawn": "Withdrew {file} ({kind}, version {version}): desktops go back to the earlier or the "
                       "bundled file with their next sync.",
    "files.unknown": "No published file has the id {id}: `server files list` shows them.",
    "files.already_withdrawn": "{file} (id {id}) was already withdrawn on {at}.",
    "files.none": "No file is published: every desktop uses its bundled files.",
    "files.not_admin": "{username} is not an active administrator: --by names the administrator who publishes.",
    "files.admin_only": "Only an administrator may publish or withdraw files.",
    # on the desktop
    "files.sha_mismatch": "The published {file} ({kind}, version {version}) arrived damaged (its checksum "
                          "differs) and is not used; the file before it stays. The next sync tries again.",
    "files.desktop_refused": "The published {file} ({kind}, version {version}) fails the check on this desktop "
                             "and is not used; the file before it stays:",
    "files.origin_bundled": "bundled",
    "files.origin_published": "published {date} by {user}",
    "files.origin_own": "this desktop's own file",
    "files.list_risk": "Risk rule files:",
    "files.list_letters": "Letter templates:",
    "files.list_refused": "Published files not used on this desktop:",
}

TERMS = {
    "filekind.rules": "pathway rule file",
    "filekind.risk": "risk rule file",
    "filekind.holidays": "holiday file",
    "filekind.letters": "letter template",
}
TERM_PARAMS = {"files:kind": "filekind"}

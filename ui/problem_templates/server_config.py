"""The server's settings file (server/config.py), as `server check-config` and `server --config`
print them after the key ("server.port: …"): what is wrong and what to put instead."""
from __future__ import annotations

ENGLISH = {
    "config.cert_pair": "--certfile and --keyfile go together: give both to serve HTTPS.",
    "config.db_not_empty": "{url} already holds tables; --init-demo needs an empty database.",
    "config.unreadable": "The settings file {path} cannot be read: {reason}.",
    "config.not_toml": "The settings file {path} is not valid TOML: {reason}.",
    "config.unknown_key": "This setting is not known (known here: {known}). Check its spelling.",
    "config.wrong_type": "This setting must be a {expected}.",
    "config.missing": "This setting is required.",
    "config.bad_url": "This is not a database URL (for example postgresql+psycopg://casedesk@127.0.0.1:5432/casedesk).",
    "config.password_in_url": "Take the password out of the URL: put it in the environment variable {env} "
                              "or in a file named by database.password_file.",
    "config.secret_readable_by_others": "{path} can be read by other users (mode {mode}). Make it readable "
                                        "only by the service user: chmod 600 {path}.",
    "config.file_unreadable": "{path} cannot be used: {reason}.",
    "config.secret_empty": "{path} is empty; it must hold the database password.",
    "config.tls_pair": "The certificate and its key go together: give both server.certfile and server.keyfile.",
    "config.tls_unusable": "The certificate and key cannot be used together: {reason}.",
    "config.not_writable": "The server cannot write in {path}. Give the service user write access.",
    "config.out_of_range": "This setting must be between {low} and {high}.",
    "config.database_unreachable": "The database {url} does not answer with these settings: {reason}.",
}

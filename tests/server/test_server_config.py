"""`server --config FILE.toml` and `server check-config`: every problem named with its key,
the database password never on the command line nor in a file others can read."""
from __future__ import annotations

import os

import pytest
from sqlalchemy.engine import make_url

from server import config
from tests.conftest import PG_ADMIN_URL
from tests.support import run_main

POSIX = os.name == "posix"


def write(path, text: str):
    path.write_text(text, encoding="utf-8")
    return path


def test_check_config_names_each_problem_with_its_key_and_exits_2(tmp_path):
    secret = write(tmp_path / "db-password", "s3cret-Pw\n")
    secret.chmod(0o644)
    cfg = write(tmp_path / "bad.toml", '''
[database]
url = "postgresql+psycopg://casedesk:inline-pw@127.0.0.1:5432/casedesk"
[server]
port = 70000
workers = "two"
certfile = "cert.pem"
colour = "blue"
[logs]
retention_days = 0
''')
    out = run_main("--lang", "en", "server", "check-config", "--config", str(cfg))
    assert out.returncode == 2, out.stdout + out.stderr
    lines = out.stdout.splitlines()
    said = {line.split(":", 1)[0]: line for line in lines}
    assert "CASEDESK_DB_PASSWORD" in said["database.url"]  # take the password out of the URL
    assert "between 1 and 65535" in said["server.port"]
    assert "int" in said["server.workers"]
    assert "server.keyfile" in said  # a certificate without its key
    assert "not known" in said["server.colour"]
    assert "between 1 and 3650" in said["logs.retention_days"]
    assert "inline-pw" not in out.stdout + out.stderr
    # The server itself refuses to start on the same file, naming the same keys.
    started = run_main("--lang", "en", "server", "--config", str(cfg), timeout=60)
    assert started.returncode == 2 and "server.port" in started.stderr and "inline-pw" not in started.stderr

    cfg = write(tmp_path / "readable.toml", f'''
[database]
url = "{PG_ADMIN_URL}"
password_file = "db-password"
''')
    out = run_main("--lang", "en", "server", "check-config", "--config", str(cfg), env={"CASEDESK_DB_PASSWORD": ""})
    if POSIX:
        assert out.returncode == 2 and "database.password_file" in out.stdout and "chmod 600" in out.stdout
        assert "s3cret-Pw" not in out.stdout + out.stderr


@pytest.mark.postgres
def test_a_good_file_is_ok_and_its_password_comes_from_the_file_or_the_environment(tmp_path):
    secret = write(tmp_path / "db-password", "s3cret-Pw\n")
    secret.chmod(0o600)
    cfg = write(tmp_path / "casedesk.toml", f'''
[database]
url = "{PG_ADMIN_URL}"
password_file = "db-password"
[server]
host = "0.0.0.0"
port = 8443
[logs]
directory = "logs"
''')
    out = run_main("--lang", "en", "server", "check-config", "--config", str(cfg), env={"CASEDESK_DB_PASSWORD": ""})
    assert out.returncode == 0, out.stdout + out.stderr
    assert "OK" in out.stdout and "s3cret-Pw" not in out.stdout + out.stderr
    assert (tmp_path / "logs").is_dir()
    loaded = config.load(cfg, environ={})
    assert make_url(loaded.db_url).password == "s3cret-Pw" and loaded.log_dir == str(tmp_path / "logs")
    assert (loaded.host, loaded.port, loaded.workers, loaded.retention_days) == ("0.0.0.0", 8443, 1, 180)
    assert make_url(config.load(cfg, environ={"CASEDESK_DB_PASSWORD": "from-env"}).db_url).password == "from-env"
    assert "s3cret" not in config.printable(loaded.db_url)


def test_a_database_that_does_not_answer_is_said_with_its_key(tmp_path):
    cfg = write(tmp_path / "casedesk.toml", '''
[database]
url = "postgresql+psycopg://casedesk@127.0.0.1:9/casedesk"
''')
    out = run_main("--lang", "en", "server", "check-config", "--config", str(cfg))
    assert out.returncode == 2 and out.stdout.startswith("database.url: The database") and "does not answer" in out.stdout


def test_a_read_replica_is_named_in_the_file_with_the_same_password(tmp_path):
    cfg = write(tmp_path / "casedesk.toml", '''
[database]
url = "postgresql+psycopg://casedesk@10.0.0.5:5432/casedesk"
read_url = "postgresql+psycopg://casedesk@10.0.0.6:5432/casedesk"
''')
    loaded = config.load(cfg, environ={"CASEDESK_DB_PASSWORD": "from-env"})
    read = make_url(loaded.read_db_url)
    assert (read.host, read.password) == ("10.0.0.6", "from-env")
    assert config.load(write(tmp_path / "plain.toml", '[database]\nurl = "sqlite:///x.db"\n')).read_db_url is None
    bad = write(tmp_path / "bad.toml", '''
[database]
url = "postgresql+psycopg://casedesk@10.0.0.5:5432/casedesk"
read_url = "postgresql+psycopg://casedesk:inline@10.0.0.6:5432/casedesk"
''')
    with pytest.raises(config.ConfigError) as caught:
        config.load(bad, environ={})
    assert [(p.code, p.field) for p in caught.value.problems] == [("config.password_in_url", "database.read_url")]

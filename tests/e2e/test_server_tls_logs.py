"""HTTPS with the server's own certificate, its settings from a file, and its log files:
a real server process on PostgreSQL, a real desktop profile syncing through TLS.

The desktop trusts the test CA the way it trusts a hospital CA: through the operating
system's store, read by truststore. On Linux that store is OpenSSL's default verify paths,
which SSL_CERT_FILE names; truststore calls set_default_verify_paths() on its context, so
pointing SSL_CERT_FILE at the CA exercises the same code path as a CA installed in
/etc/ssl/certs (no verify= of the test's own reaches the client)."""
from __future__ import annotations

import ssl
import subprocess
import sys
import time

import httpx
import pytest
from sqlalchemy import create_engine
from sqlalchemy import select
from sqlalchemy.pool import NullPool

from app.profile import Profile
from app.sync.client import SyncClient
from app.sync.errors import SyncError
from db.models import Patient
from tests.e2e import certs
from tests.e2e.conftest import free_port
from tests.e2e.conftest import users_by_role
from tests.support import ROOT

pytestmark = pytest.mark.usefixtures("keyring_ready")


@pytest.fixture
def https_server(tmp_path, demo_db):
    tls = certs.make(tmp_path)
    port = free_port()
    settings = tmp_path / "casedesk.toml"
    settings.write_text(f'''
[database]
url = "{demo_db}"
[server]
host = "127.0.0.1"
port = {port}
certfile = "{tls['cert']}"
keyfile = "{tls['key']}"
[logs]
directory = "logs"
retention_days = 30
''', encoding="utf-8")
    proc = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "server", "--config", str(settings)], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"https://localhost:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            if httpx.get(f"{url}/health", verify=ssl.create_default_context(cafile=tls["ca"]), timeout=1).status_code == 200:
                break
        except httpx.TransportError:
            pass
        assert proc.poll() is None, proc.stderr.read().decode()[-2000:]
        assert time.monotonic() < deadline, "no HTTPS answer within 30 s"
        time.sleep(0.1)
    yield url, tls, tmp_path / "logs"
    proc.kill()
    proc.wait(timeout=10)


def test_a_desktop_syncs_over_https_trusting_the_ca_in_the_system_store(https_server, demo_db, tmp_path, monkeypatch):
    url, tls, logs = https_server
    (tmp_path / "other").mkdir()
    other = certs.make(tmp_path / "other")
    user = users_by_role(demo_db)["clinic_cm"][0]
    profile = Profile.open(tmp_path / "desk")
    try:
        # A CA the system does not hold: the certificate is refused, nothing is sent.
        monkeypatch.setenv("SSL_CERT_FILE", str(other["ca"]))
        client = SyncClient(profile, url)
        with pytest.raises(SyncError) as refused:
            client.login(user, f"{user}-demo")
        assert "CERTIFICATE_VERIFY_FAILED" in repr(refused.value.__cause__ or refused.value.__context__)
        client.close()
        # The hospital's CA in the system store: sign-in, pull and a push all go through TLS.
        monkeypatch.setenv("SSL_CERT_FILE", str(tls["ca"]))
        client = SyncClient(profile, url)
        client.login(user, f"{user}-demo")
        assert client.cycle().pulled > 0
        with profile.sessions() as s:
            patient_id = s.scalars(select(Patient.id).order_by(Patient.id).limit(1)).one()
        with profile.store.write() as tx:
            tx.update(tx.session.get(Patient, patient_id), name="司马测试", phone="13987654321")
        assert client.cycle().pushed == {"applied": 1}
        client.close()
    finally:
        profile.close()
    # A stray request carrying data in its path and query: the line keeps neither.
    stray = httpx.get(f"{url}/patients/330206198001011234", params={"name": "欧阳测试"},
                      verify=ssl.create_default_context(cafile=tls["ca"]))
    assert stray.status_code == 404
    engine = create_engine(demo_db, poolclass=NullPool)
    with engine.connect() as conn:
        assert conn.execute(select(Patient.name).where(Patient.id == patient_id)).scalar_one() == "司马测试"
        people = conn.execute(select(Patient.name, Patient.id_number, Patient.phone)).all()
    engine.dispose()

    access = (logs / "access.log").read_text(encoding="utf-8")
    application = (logs / "server.log").read_text(encoding="utf-8")
    user_id = profile.settings.get("user.id")
    assert any(" POST /auth/login 200 " in line for line in access.splitlines())
    push = [line for line in access.splitlines() if " POST /sync/push 200 " in line]
    assert len(push) == 1 and push[0].startswith("20") and "127.0.0.1" in push[0]
    assert user_id and push[0].endswith(f"user={user_id}") and push[0].split()[-2].endswith("ms")
    assert "logging to" in application  # the worker's start line
    assert any(" GET /patients/* 404 " in line and line.endswith("user=-") for line in access.splitlines())
    for text in (access, application):
        assert "司马测试" not in text and "13987654321" not in text
        assert "330206198001011234" not in text and "欧阳" not in text and "name=" not in text
        for name, id_number, phone in people:
            assert name not in text
            assert not id_number or id_number not in text
            assert not phone or phone not in text


def test_http_to_another_host_is_refused_before_any_connection(tmp_path):
    """Nothing is sent anywhere: the refusal comes from the address alone (10.0.0.1 is never
    contacted; a transport that would record a request is not needed because none is built)."""
    from ui import problem_words

    profile = Profile.open(tmp_path / "desk")
    try:
        with pytest.raises(SyncError) as refused:
            SyncClient(profile, "http://10.20.30.40:8765")
        assert refused.value.code == "endpoint.cleartext" and refused.value.params["host"] == "10.20.30.40"
        said = problem_words.words(refused.value.problem, "en")
        assert "http://10.20.30.40:8765" in said and "https://10.20.30.40:8765" in said and "administrator" in said
        assert "https://" in problem_words.words(refused.value.problem, "zh_CN")
        for allowed in ("http://127.0.0.1:9", "http://localhost:9", "http://[::1]:9", "https://10.20.30.40:8765"):
            SyncClient(profile, allowed).close()  # built without a connection: no traffic
    finally:
        profile.close()

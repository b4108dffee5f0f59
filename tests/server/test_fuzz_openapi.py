"""Schemathesis fuzzes every operation of the served OpenAPI schema — valid and invalid
bodies, signed in and not — against the ASGI app on PostgreSQL. Any 5xx fails, and so does
any unhandled exception (the TestClient re-raises it). Bounded: a few seconds a run."""
from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck
from hypothesis import given
from hypothesis import settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode

EXAMPLES = {GenerationMode.POSITIVE: 25, GenerationMode.NEGATIVE: 25}


def operations(api):
    schema = schemathesis.openapi.from_asgi("/openapi.json", api.client.app)
    for result in schema.get_all_operations():
        yield result.ok()


@pytest.mark.parametrize("mode", list(EXAMPLES), ids=lambda m: m.value)
def test_no_input_makes_the_server_fail(api, mode):
    auth = api.login()
    token = {"Authorization": auth["Authorization"]}
    seen = []
    for operation in operations(api):
        @given(case=operation.as_strategy(generation_mode=mode))
        @settings(max_examples=EXAMPLES[mode], deadline=None, database=None,
                  suppress_health_check=list(HealthCheck))
        def fuzz(case):
            for headers in (token, {}):
                response = case.call(session=api.client, headers=headers)
                assert response.status_code < 500, (operation.label, case.body, response.text[:300])
                if response.status_code >= 400:
                    assert response.json().get("detail"), (operation.label, response.text[:300])
                seen.append(response.status_code)

        try:
            fuzz()
        except Unsatisfiable:
            assert mode is GenerationMode.NEGATIVE  # nothing invalid to send (GET /health)
    assert any(code == 200 for code in seen) or mode is GenerationMode.NEGATIVE
    assert any(400 <= code < 500 for code in seen)

"""Schemathesis fuzzes every operation of the served OpenAPI schema — valid and invalid
bodies, signed in and not — against the ASGI app on PostgreSQL, with every check it has
(as `schemathesis run --checks all`): no 5xx, every status and body as documented, valid
input accepted, invalid input refused, an unsigned request refused. Bounded: well under a
minute for both modes."""
from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck
from hypothesis import given
from hypothesis import settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import CHECKS
from schemathesis.checks import load_all_checks

EXAMPLES = {GenerationMode.POSITIVE: 20, GenerationMode.NEGATIVE: 20}


def all_checks():
    load_all_checks()
    return CHECKS.get_all()


def operations(api):
    schema = schemathesis.openapi.from_asgi("/openapi.json", api.client.app)
    for result in schema.get_all_operations():
        yield result.ok()


@pytest.mark.parametrize("mode", list(EXAMPLES), ids=lambda m: m.value)
def test_the_schema_tells_the_truth_under_fuzzing(api, mode):
    auth = api.login()
    token = {"Authorization": auth["Authorization"]}
    checks = all_checks()
    assert len(checks) >= 14, [c.__name__ for c in checks]  # "all" means all
    seen = []
    for operation in operations(api):
        @given(case=operation.as_strategy(generation_mode=mode))
        @settings(max_examples=EXAMPLES[mode], deadline=None, database=None,
                  suppress_health_check=list(HealthCheck))
        def fuzz(case):
            for headers in (token, {}):
                response = case.call_and_validate(headers=headers, checks=checks)
                if response.status_code >= 400:
                    body = response.json()
                    assert set(body) == {"code", "params", "detail"}, (operation.label, response.text[:300])
                seen.append(response.status_code)

        try:
            fuzz()
        except Unsatisfiable:
            assert mode is GenerationMode.NEGATIVE  # nothing invalid to send (GET /health)
    assert any(code == 200 for code in seen) or mode is GenerationMode.NEGATIVE
    assert any(400 <= code < 500 for code in seen)

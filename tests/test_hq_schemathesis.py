"""Schemathesis against headquarters' own OpenAPI schema, on a real `fieldapp-hq serve` on 127.0.0.1.

Every operation of the schema (device sync endpoints and the staff JSON API) gets requests drawn
from its declared parameters and bodies — valid ones and deliberately invalid ones — sent with a
city clerk's bearer token over synced households. No answer may be a 5xx, each must be a declared
status with the declared content type and body schema, and the server log must hold no traceback.
A bounded, derandomised run: the same requests every time, a few seconds in all.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)
from tests.test_hq_api import _foreign_write
from tests.test_hq_ledger import synced_ledger
from tests.test_sync_e2e import Server

from fieldapp.hq import accounts
from fieldapp.hq.store import HQ

EXAMPLES = 5  # per operation and mode: 17 operations x 2 modes against a real server, ~15 s
NOTHING_TO_BREAK = {  # no parameters, only free-form headers, or a body of any bytes
    "GET /api/v1/health",
    "GET /api/v1/challenge",
    "GET /api/v1/status",
    "GET /api/v1/devices",
    "POST /api/v1/batches",
}
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Server, str, dict[str, str]]]:
    """A served HQ with synced households, a referral and a conflict; their ids for valid requests."""
    url = f"sqlite:///{(tmp_path / 'hq.sqlite').as_posix()}"
    hq = HQ(url)
    hq.init()
    led = synced_ledger(hq, tmp_path)
    _foreign_write(led.lanshan, led.lanling, led.ids["张海生"], hq, "兰山机改的地址")
    led.lanling.close()
    led.lanshan.close()
    accounts.add_account(hq, "fuzz-city", "city", "schemathesis-口令-1")
    token = accounts.issue_api_token(hq, "fuzz-city")
    (conflict,) = hq.conflicts()
    known = {
        "household_id": led.ids["张海生"],
        "referral_id": led.referral_id,
        "conflict_id": str(conflict["id"]),
    }
    hq.close()
    server = Server(url, tmp_path)
    server.start()
    yield server, token, known
    server.stop()


def _operations(schema: Any) -> list[Any]:
    found = [result.ok() for result in schema.get_all_operations()]
    assert len(found) >= 16, [op.label for op in found]
    return found


def test_no_5xx_and_every_answer_conforms_to_the_schema(served: tuple[Server, str, dict[str, str]]) -> None:
    server, token, known = served
    schema = schemathesis.openapi.from_url(f"{server.url}/openapi.json")
    headers = {"Authorization": f"Bearer {token}"}
    modes = (GenerationMode.POSITIVE, GenerationMode.NEGATIVE)
    unsatisfiable: list[str] = []
    statuses: set[int] = set()
    for operation, mode in ((op, mode) for op in _operations(schema) for mode in modes):
        fixed: dict[str, Any] = {}
        if operation.path != "/api/v1/status":  # its admin token is not a staff token: generated
            fixed["headers"] = headers
        ids = {p.name: known[p.name] for p in operation.path_parameters if p.name in known}
        if ids and mode == GenerationMode.POSITIVE:  # real records: their 200 answers are checked too
            fixed["path_parameters"] = ids
        strategy = operation.as_strategy(generation_mode=mode, **fixed)

        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        @given(case=strategy)
        def run(case: Any) -> None:
            response = case.call(base_url=server.url, timeout=30)
            statuses.add(response.status_code)
            case.validate_response(response, checks=CHECKS)

        try:
            run()
        except Unsatisfiable:
            # nothing declared that could be made invalid (health, challenge: no parameters at all)
            assert mode == GenerationMode.NEGATIVE, operation.label
            unsatisfiable.append(operation.label)
    # every operation with anything that can be made invalid got invalid requests too
    assert set(unsatisfiable) <= NOTHING_TO_BREAK, unsatisfiable
    assert {200, 400, 401, 403, 422} <= statuses, (
        statuses
    )  # records reached and rules applied, not only refusals
    log = server.log.read_text(encoding="utf-8")
    assert "Traceback" not in log and "ERROR" not in log, log[-3000:]

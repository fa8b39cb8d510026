"""Property-based tests of the whole OpenAPI document (schemathesis): every check, valid and invalid inputs, links.

The in-suite run is small and deterministic; every test here is slow (in `make test`, not `make test-fast`, which
does not even collect this module: collecting it generates the coverage cases) and `make fuzz` runs many more
examples. A separate app instance is used: schemathesis and a TestClient must not share one.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import hypothesis
import pytest
import schemathesis
from schemathesis import GenerationMode

from workreport_api.app import create_app
from workreport_api.settings import Settings

MAX_EXAMPLES = int(os.environ.get("WORKREPORT_FUZZ_EXAMPLES", "15"))
STATEFUL_STEPS = int(os.environ.get("WORKREPORT_FUZZ_STEPS", "6"))

_folder = Path(tempfile.mkdtemp(prefix="workreport-fuzz-"))
# Removed when the process ends too: a pytest-xdist worker that collects this module but runs none of it would leave it.
atexit.register(shutil.rmtree, _folder, ignore_errors=True)
_database = _folder / "fuzz.sqlite3"
# The app serves its OpenAPI document without a database: the seed is copied in when a test here first runs.
APP = create_app(Settings.from_env({}, database_url=f"sqlite:///{_database}", release_check_seconds=0.5))

schema = schemathesis.openapi.from_asgi("/openapi.json", APP)
schema.config.generation.update(modes=[GenerationMode.POSITIVE, GenerationMode.NEGATIVE], max_examples=MAX_EXAMPLES, deterministic=True)
# An overlong path is refused with 414 URI Too Long (documented on every operation), which is a rejection too.
_rejection = schema.config.checks.negative_data_rejection
_rejection.expected_statuses = [*_rejection.expected_statuses, "414"]


@schema.hook
def map_case(context: schemathesis.HookContext, case: schemathesis.Case) -> schemathesis.Case:
    """Cursors are opaque: a well-formed one we never issued is rightly a 400, so valid cases go without one."""
    if case.meta is not None and case.meta.generation.mode is GenerationMode.POSITIVE and case.query and "cursor" in case.query:
        del case.query["cursor"]
    return case


@pytest.fixture(scope="module", autouse=True)
def seeded(seeded_templates: dict[str, str]) -> Iterator[None]:
    """The seed, copied from the session's template, in the database the app reads."""
    for leftover in _folder.glob("fuzz.sqlite3*"):
        leftover.unlink()
    shutil.copyfile(seeded_templates["sqlite"], _database)
    yield
    shutil.rmtree(_folder, ignore_errors=True)


@pytest.mark.slow
@schema.parametrize()
@hypothesis.settings(max_examples=MAX_EXAMPLES, derandomize=True, deadline=None, suppress_health_check=list(hypothesis.HealthCheck))
def test_every_operation_conforms(case: schemathesis.Case) -> None:
    case.call_and_validate()


@pytest.mark.slow
def test_stateful_walk_along_links() -> None:
    machine = schema.as_state_machine()
    machine.run(
        settings=hypothesis.settings(
            max_examples=MAX_EXAMPLES,
            stateful_step_count=STATEFUL_STEPS,
            derandomize=True,
            deadline=None,
            suppress_health_check=list(hypothesis.HealthCheck),
        )
    )

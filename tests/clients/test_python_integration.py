"""The generated client, installed in its own fresh virtual environment, against a real server."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from workreport_api.cli import main

from ..servers import running_server
from ..venvs import ROOT, fresh_venv_with

SCRIPT = r"""
import sys
from workreport_client import Client, ProblemError, download, iter_indicators, iter_measures, iter_outcomes, iter_search, iter_series, iter_targets, stream, unwrap
from workreport_client.api.exports import export_dataset
from workreport_client.api.measures import list_measures
from workreport_client.api.targets import get_target, list_targets
from workreport_client.api.search import search
from workreport_client.api.indicators import get_indicator_series, list_indicators
from workreport_client.api.outcomes import list_outcomes
from workreport_client.models import Comparator, Dataset, IndicatorList, MeasureList, OutcomeList, Problem, SeriesKind, SeriesList, TargetList, TargetWithOutcomes
from workreport_client.types import UNSET

base = sys.argv[1]
with Client(base_url=base) as client:
    first = list_measures.sync(client=client, limit=10)
    assert isinstance(first, MeasureList), first
    total = first.meta.total
    assert total == 434 and len(first.data) == 10

    filtered = list_targets.sync(client=client, unit="m2", comparator=Comparator.EQ)
    assert isinstance(filtered, TargetList)
    assert [t.value for t in filtered.data] == [11000000, 7700000], [t.value for t in filtered.data]
    assert filtered.data[0].stated.text == "1100萬平方米"

    seen, cursor, pages = [], UNSET, 0
    while True:
        page = list_measures.sync(client=client, limit=100, cursor=cursor)
        assert isinstance(page, MeasureList)
        seen.extend(m.id for m in page.data)
        pages += 1
        if not isinstance(page.meta.next_cursor, str):
            break
        cursor = page.meta.next_cursor
    assert len(seen) == total == len(set(seen)) and pages == 5, (len(seen), pages)

    target = get_target.sync(client=client, target_id="shanghai-2012.c03.p04.m01.t1")
    assert isinstance(target, TargetWithOutcomes) and target.value == 500000 and target.comparator == Comparator.GTE
    assert target.outcome is None and target.outcomes == []  # the seed has no later report to judge it

    series = get_indicator_series.sync(client=client, code="affordable_housing")
    assert isinstance(series, SeriesList) and [p.kind for p in series.data] == [SeriesKind.TARGET] * 4
    assert sorted(p.value for p in series.data) == [114000, 170800, 7700000, 11000000]
    indicators = list_indicators.sync(client=client, used=True)
    assert isinstance(indicators, IndicatorList) and "affordable_housing" in [i.id for i in indicators.data]
    outcomes = list_outcomes.sync(client=client, document="shanghai-2012")
    assert isinstance(outcomes, OutcomeList) and outcomes.meta.total == 0
    assert sorted(p.value for p in iter_series(client, "affordable_housing")) == [114000, 170800, 7700000, 11000000]
    assert list(iter_outcomes(client, document="shanghai-2012")) == []
    assert [i.id for i in iter_indicators(client, used=True)] == [i.id for i in indicators.data]

    missing = get_target.sync_detailed(client=client, target_id="no-such-target")
    assert missing.status_code == 404
    assert isinstance(missing.parsed, Problem) and missing.parsed.status == 404, missing.parsed

    bad = list_measures.sync(client=client, limit=0)
    assert isinstance(bad, Problem) and bad.status == 400 and bad.invalid_params[0].name == "limit"

    hits = search.sync(client=client, q="养老")
    assert hits.meta.total > 0 and all(h.type_ in ("measure", "target") for h in hits.data)

    # the hand-written layer (clients/templates/package_init.py.jinja)
    ids = [m.id for m in iter_measures(client, limit=100)]
    assert len(ids) == total == len(set(ids)), len(ids)
    assert [t.value for t in iter_targets(client, unit="m2", comparator=Comparator.EQ)] == [11000000, 7700000]
    assert sum(1 for _ in iter_search(client, "养老")) == hits.meta.total
    try:
        unwrap(list_measures.sync_detailed(client=client, limit=0))
        raise AssertionError("no ProblemError")
    except ProblemError as error:
        assert error.status_code == 400 and [p.name for p in error.invalid_params] == ["limit"], error
    try:
        list(iter_targets(client, unit="m2", min_value="x"))
        raise AssertionError("no ProblemError")
    except ProblemError as error:
        assert error.status_code == 400
    csv_bytes = download(client, "/v1/targets", format="csv", unit="m2")
    assert csv_bytes.decode().splitlines()[0].startswith("id,") and len(csv_bytes.decode().splitlines()) == 3
    with stream(client, "/v1/export/measures.ndjson") as chunks:
        assert sum(chunk.count(b"\n") for chunk in chunks) == total
    try:
        download(client, "/v1/export/nothing.csv")
        raise AssertionError("no ProblemError")
    except ProblemError as error:
        assert error.status_code == 404 and error.problem.status == 404
    dataset = unwrap(export_dataset.sync_detailed(client=client))
    assert isinstance(dataset, Dataset) and len(dataset.measures) == total
    assert repr(UNSET) == "UNSET" and "UNSET" in repr(Problem(type_="t", title="t", status=1, detail="d", instance="i"))
print("client ok")
"""


@pytest.mark.slow
def test_client_in_its_own_environment_against_a_real_server(tmp_path: Path) -> None:
    python = fresh_venv_with(tmp_path / "venv", ROOT / "clients" / "python") / "python"
    alone = subprocess.run([str(python), "-c", "import workreport_api"], capture_output=True, text=True, timeout=60)
    assert alone.returncode != 0, "the client environment must not contain the server"
    database = f"sqlite:///{tmp_path / 'served.sqlite3'}"
    assert main(["init", "--database-url", database]) == 0
    with running_server(database, tmp_path / "server.log") as base_url:
        result = subprocess.run([str(python), "-c", SCRIPT, base_url], capture_output=True, text=True, timeout=180)
        assert result.returncode == 0, result.stdout + result.stderr
        assert "client ok" in result.stdout
        for index, example in enumerate(readme_examples()):
            script = tmp_path / f"readme_example_{index}.py"
            script.write_text(example.replace("http://127.0.0.1:8000", base_url), encoding="utf-8")
            ran = subprocess.run([str(python), str(script)], capture_output=True, text=True, timeout=120)
            assert ran.returncode == 0, f"README example {index} failed:\n{example}\n{ran.stdout}{ran.stderr}"
    checked = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--no-incremental",
            "--python-executable",
            str(python),
            *map(str, tmp_path.glob("readme_example_*.py")),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=tmp_path,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr


def readme_examples() -> list[str]:
    """The Python blocks of the client's README, as users copy them."""
    text = (ROOT / "clients" / "python" / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", text, flags=re.S)
    assert len(blocks) >= 3, "the client README lost its examples"
    return blocks

"""The README's API tour runs verbatim: each shell line against a live `workreport serve`, its output checked."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from .servers import running_server

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
DOCUMENTED_BASE = "http://127.0.0.1:8000"


def _blocks() -> list[str]:
    """The shell blocks of the tour section: first the ingest of a whole report, then the tour itself."""
    section = README[README.index("### A short tour") :]
    section = section[: section.index("\n### ", 5)]
    return [block.strip() for block in section.split("```sh")[1:] for block in [block[: block.index("```")]]]


def tour_lines() -> list[str]:
    return [line for line in _blocks()[-1].splitlines() if line.strip()]


def setup_lines() -> list[str]:
    return [line for block in _blocks()[:-1] for line in block.splitlines() if line.strip()]


def _json(output: str) -> object:
    return json.loads(output)


def _index(output: str) -> bool:
    body = _json(output)
    return isinstance(body, dict) and "data_release" in body


def _page(check: Callable[[list[dict[str, object]]], bool]) -> Callable[[str], bool]:
    def run(output: str) -> bool:
        body = _json(output)
        assert isinstance(body, dict)
        data = body["data"]
        return isinstance(data, list) and bool(data) and check(data)

    return run


EXPECTED: dict[str, Callable[[str], bool]] = {
    "/v1 | python3 -m json.tool": _index,
    "chapter=shanghai-2012.c03&has_targets=true&limit=5": _page(
        lambda rows: len(rows) <= 5 and all(r["chapter_id"] == "shanghai-2012.c03" for r in rows)
    ),
    "targets?unit=m2": _page(
        lambda rows: any(r["value"] == 11000000 and "1100萬平方米" in json.dumps(r, ensure_ascii=False) for r in rows)
    ),
    "quantity_kind=count&min_value=100000": _page(lambda rows: all(float(str(r["value"])) >= 100000 for r in rows)),
    "'type=target'": _page(lambda rows: all(r["type"] == "target" for r in rows)),
    "headline=true": _page(lambda rows: all(r["headline"] is True for r in rows)),
    "indicator=affordable_housing": _page(lambda rows: len(rows) == 4 and all(r["indicator_code"] == "affordable_housing" for r in rows)),
    "/v1/results?document=example-2013&quantity_kind=ratio&estimate=false": _page(
        lambda rows: all(r["estimate"] is False and r["period"]["end"].startswith("2012") for r in rows)
    ),
    "indicators?used=true": _page(lambda rows: all(int(str(r["target_count"])) + int(str(r["result_count"])) > 0 for r in rows)),
    "gdp_growth/series'": _page(
        lambda rows: (
            [r["year"] for r in rows] == sorted(int(str(r["year"])) for r in rows) and {r["kind"] for r in rows} == {"target", "result"}
        )
    ),
    "series?format=csv": lambda output: output.splitlines()[0].startswith("id,kind,indicator_code,year") and len(output.splitlines()) > 2,
    "outcomes?document=demo-2012": _page(
        lambda rows: {r["outcome"] for r in rows} == {"met", "not_met", "not_comparable"} and all(r["year"] == 2012 for r in rows)
    ),
    "outcome=not_met": _page(lambda rows: all(r["document_id"] == "demo-2012" for r in rows) and len(rows) == 3),
    "q=养老' http": _page(lambda rows: any("養老" in json.dumps(r, ensure_ascii=False) for r in rows)),
    "/text | python3": lambda output: len(output.rstrip("\n")) == 40,
    "Accept: text/csv": lambda output: output.splitlines()[0].startswith("id,") and len(output.splitlines()) > 1,
    "If-None-Match": lambda output: output.strip() == "304",
    "limit=0": lambda output: _json(output)["status"] == 400,  # type: ignore[index]
}


def expectation(line: str) -> Callable[[str], bool]:
    matches = [check for fragment, check in EXPECTED.items() if fragment in line]
    assert len(matches) == 1, f"the README tour line has {len(matches)} expectations in this test (add one): {line}"
    return matches[0]


@pytest.fixture(scope="module")
def server(seeded_templates: dict[str, str], tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    database = tmp_path_factory.mktemp("tour") / "seeded.sqlite3"
    shutil.copyfile(seeded_templates["sqlite"], database)
    url = f"sqlite:///{database}"
    for line in setup_lines():  # the README's own commands, run from the repository against this database
        done = subprocess.run(
            ["bash", "-c", line],
            capture_output=True,
            text=True,
            timeout=120,
            cwd=ROOT,
            env={**os.environ, "WORKREPORT_DATABASE_URL": url},
            check=False,
        )
        assert done.returncode == 0, f"`{line}` failed: {done.stderr}"
    with running_server(url, database.parent / "serve.log") as base_url:
        yield base_url


@pytest.mark.parametrize("line", tour_lines())
def test_tour_line_runs_verbatim(server: str, line: str) -> None:
    command = line.replace(DOCUMENTED_BASE, server)
    result = subprocess.run(["bash", "-o", "pipefail", "-c", command], capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    assert expectation(line)(result.stdout), f"unexpected output of `{line}`:\n{result.stdout[:500]}"


def test_every_tour_line_has_one_expectation() -> None:
    for line in tour_lines():
        expectation(line)
    assert not re.search(r"\?q=[^\x00-\x7f]", "\n".join(tour_lines())), "raw non-ASCII in a tour URL: use --data-urlencode"

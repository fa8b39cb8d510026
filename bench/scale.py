"""The scale runs: the same requests at 1×, 10× and 100× the seed, cache off, so the database does the work.

Issue 15's goal: at the largest size every scenario's p99 within 1.5× of its figure at the first (base) size.
What it asks is whether a request costs more because the corpus is bigger, so both sides must serve the same
request; two things kept the earlier runs from telling that:

- **The page.** At 1× the seed's unit ``har`` has 3 targets, 养老 10 matches and 养老床 2, so a page of 50 holds 3,
  10 and 2 records, while at 100× the same URL fills all 50 (养老床: 2.5 KB against 65 KB). The goal is read on
  pages of equal size: each URL's ``limit`` is set to the records its page holds at the base size, learnt from
  the base server (``equal_page``). The pages of 50 are still run and reported beside it, with how many records
  each size returns, as figures, not goals.
- **The machine's load.** Run one size after the other, a change in other work on a shared machine moved one
  size's p99 and not the other's (single ratios moved by more than 1.5 from run to run). All sizes are served at
  once and loaded in turn, rep after rep; each figure is the median of its reps (p99 included), and each row
  carries the server's own CPU time per request (from /proc: other work does not count in it).
"""

from __future__ import annotations

import argparse
import json
import statistics
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from .load import Result, run_wrk
from .processes import Server, cpu_seconds, free_port, ours, started
from .synthetic import build

GOAL_FACTOR = 1.5
"""Issue 15: at the largest size, p99 at most this multiple of the base size's p99."""
UrlFactory = Callable[[int], str]
"""The database URL of a scale run's corpus of this many copies of the seed (creating the database where needed)."""


@dataclass(frozen=True)
class Figure:
    """One scenario at one size: the medians over its reps, the server's CPU per request, the records per page."""

    rps: float
    p50_ms: float
    p99_ms: float
    cpu_us: float
    records: int

    def cell(self) -> str:
        return f"{self.rps:,.0f}, {self.p50_ms:.1f}/{self.p99_ms:.1f}, {self.cpu_us:,.0f}"


def records_on_page(base_url: str, path: str) -> int:
    """How many records the response to ``path`` holds: the length of a list's ``data``, 1 for one record."""
    with urllib.request.urlopen(base_url + path, timeout=30) as response:
        body = json.load(response)
    data = body.get("data") if isinstance(body, dict) else None
    return len(data) if isinstance(data, list) else 1


def with_limit(path: str, limit: int) -> str:
    """``path`` with its ``limit`` query parameter set to ``limit`` (the other parameters kept in order)."""
    parts = urlsplit(path)
    query = [(name, value) for name, value in parse_qsl(parts.query, keep_blank_values=True) if name != "limit"]
    return urlunsplit(parts._replace(query=urlencode([*query, ("limit", str(limit))])))


def grown_page(path: str, records_at_base: int, records_at_largest: int) -> str:
    """The URL whose page holds at every size as many records as ``path``'s page holds at the base size: ``path``
    itself when its page holds as many at the largest size (or none at the base), else ``path`` with that limit."""
    if records_at_largest <= records_at_base or records_at_base == 0:
        return path
    return with_limit(path, records_at_base)


def median_figure(runs: list[Result], cpu_seconds_used: float, records: int) -> Figure:
    """The medians of a scenario's reps at one size (each percentile its own median) and its CPU per request."""
    requests = sum(run.requests for run in runs)
    return Figure(
        rps=statistics.median(run.rps for run in runs),
        p50_ms=statistics.median(run.p50_ms for run in runs),
        p99_ms=statistics.median(run.p99_ms for run in runs),
        cpu_us=cpu_seconds_used / max(requests, 1) * 1e6,
        records=records,
    )


def verdict(engine: str, key: str, sizes: tuple[int, ...], base: Figure, largest: Figure) -> str:
    factor = largest.p99_ms / max(base.p99_ms, 0.01)
    mark = "ok" if factor <= GOAL_FACTOR else "NOT MET"
    page = f"{base.records} records per page at both sizes"
    return (
        f"- {mark}: {engine} {key} p99 at {sizes[-1]}× within {GOAL_FACTOR}× of {sizes[0]}× — {factor:.2f}× ({page};"
        f" CPU {base.cpu_us:,.0f} → {largest.cpu_us:,.0f} µs/request)"
    )


def _load_in_turn(
    servers: dict[int, Server], paths: dict[str, str], duration: float, reps: int
) -> dict[tuple[str, int], tuple[list[Result], float]]:
    """Each path on every server, rep after rep and size after size, with the server's CPU seconds over its runs."""
    runs: dict[tuple[str, int], tuple[list[Result], float]] = {}
    for path in paths.values():
        for server in servers.values():
            records_on_page(server.base_url, path)  # warm the statement and the pages
    for _ in range(reps):
        for key, path in paths.items():
            for copies, server in servers.items():
                before = cpu_seconds(server.worker_pids())
                result = run_wrk(server.base_url + path, duration)
                used = cpu_seconds(server.worker_pids()) - before
                results, cpu = runs.get((key, copies), ([], 0.0))
                runs[(key, copies)] = ([*results, result], cpu + used)
    return runs


def _serving(
    stack: ExitStack, engine: str, make_url: UrlFactory, sizes: tuple[int, ...], folder: Path
) -> tuple[dict[int, Server], dict[int, float]]:
    """A server (one worker, cache off) per size, all started in ``stack``, with each corpus's build seconds."""
    servers, built = {}, {}
    for copies in sizes:
        url = make_url(copies)
        built[copies] = build(url, copies)
        port = free_port()
        command, env = ours(url, port, cache=False)
        servers[copies] = stack.enter_context(started("ours", command, port, "/readyz", env, folder / f"scale-{engine}-{copies}.log"))
    return servers, built


def _rows(engine: str, labels: dict[str, str], figures: dict[tuple[str, int], Figure], sizes: tuple[int, ...]) -> Iterator[str]:
    """One table row per scenario (``labels``: key → the label shown)."""
    for key, label in labels.items():
        base, largest = figures[(key, sizes[0])], figures[(key, sizes[-1])]
        records = "/".join(str(figures[(key, copies)].records) for copies in sizes)
        cells = " | ".join(figures[(key, copies)].cell() for copies in sizes)
        yield f"| {engine} | {label} | {records} | {cells} | {largest.p99_ms / max(base.p99_ms, 0.01):.2f}× |"


def scale(
    engines: list[tuple[str, UrlFactory]], duration: float, reps: int, folder: Path, sizes: tuple[int, ...], scenarios: dict[str, str]
) -> tuple[str, list[str]]:
    """The scale table and its goal lines: ``scenarios`` (key → URL path) at each size on each engine, cache off.

    Rows of equal pages carry the goal; a scenario whose page fills up as the corpus grows has a second row, its
    page of 50 at every size (marked "page of 50"), reported but not a goal (see the module's docstring)."""
    header = " | ".join(f"{copies}×: req/s, p50/p99 ms, CPU µs/req" for copies in sizes)
    lines = [
        f"| engine | scenario | records per page ({'/'.join(f'{c}×' for c in sizes)}) | {header} | p99 {sizes[-1]}× ÷ {sizes[0]}× |",
        "|---|---|---:|" + "---:|" * len(sizes) + "---:|",
    ]
    build_lines, goals = [], []
    for engine, make_url in engines:
        with ExitStack() as stack:
            servers, built = _serving(stack, engine, make_url, sizes, folder)
            held = {
                key: {copies: records_on_page(server.base_url, path) for copies, server in servers.items()}
                for key, path in scenarios.items()
            }
            equal = {key: grown_page(path, held[key][sizes[0]], held[key][sizes[-1]]) for key, path in scenarios.items()}
            fuller = {key: path for key, path in scenarios.items() if equal[key] != path}
            paths = {**equal, **{f"{key}/50": path for key, path in fuller.items()}}
            runs = _load_in_turn(servers, paths, duration, reps)
            figures = {
                (key, copies): median_figure(*runs[(key, copies)], records_on_page(servers[copies].base_url, path))
                for key, path in paths.items()
                for copies in sizes
            }
        build_lines.append(f"{engine}: " + ", ".join(f"{copies}× built in {seconds:.0f} s" for copies, seconds in built.items()))
        lines += _rows(engine, {key: key for key in equal}, figures, sizes)
        lines += _rows(engine, {f"{key}/50": f"{key}, page of 50 (not a goal)" for key in fuller}, figures, sizes)
        goals += [verdict(engine, key, sizes, figures[(key, sizes[0])], figures[(key, sizes[-1])]) for key in equal]
    return "\n".join([*lines, "", *(f"- {line}" for line in build_lines)]), goals


def postgres_factory(admin_url: str, prefix: str = "workreport_bench") -> tuple[str, UrlFactory] | None:
    try:
        import psycopg
        from sqlalchemy.engine import make_url

        libpq = make_url(admin_url).set(drivername="postgresql").render_as_string(hide_password=False)
        with psycopg.connect(libpq, connect_timeout=3, autocommit=True) as admin:

            def make(copies: int) -> str:
                name = f"{prefix}_{copies}"
                with psycopg.connect(libpq, autocommit=True) as connection:
                    connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
                    connection.execute(f'CREATE DATABASE "{name}"')
                return make_url(admin_url).set(database=name).render_as_string(hide_password=False)

            admin.execute("SELECT 1")
            return ("postgresql", make)
    except Exception:
        return None


def scale_engines(folder: Path, postgres_url: str, prefix: str = "workreport_bench") -> list[tuple[str, UrlFactory]]:
    """The engines of the scale runs: SQLite in the run's folder, and PostgreSQL when reachable."""
    engines: list[tuple[str, UrlFactory]] = [("sqlite", lambda copies: f"sqlite:///{folder / f'scale-{copies}.sqlite3'}")]
    postgres = postgres_factory(postgres_url, prefix)
    if postgres:
        engines.append(postgres)
    else:
        print("PostgreSQL unreachable: scale runs on SQLite only", flush=True)
    return engines


def scale_sizes(text: str) -> tuple[int, ...]:
    """--scale-sizes: copies of the seed, comma-separated, the first the base (1,10,100)."""
    sizes = tuple(int(size) for size in text.split(","))
    if len(sizes) < 2 or any(size < 1 for size in sizes):
        raise argparse.ArgumentTypeError("two or more sizes of at least 1, such as 1,100")
    return sizes

"""The benchmark: our API and pages against Datasette on the same SQLite file and a bare-ASGI ceiling, then scale.

    make bench                      # everything (about half an hour)
    python -m bench.run --duration 3 --reps 1 --skip-scale   # a quick look
    python -m bench.run --pages-only --record                # the pages alone (records only their section)
    python -m bench.run --cold-only --record                 # the cold path alone: cache off vs Datasette and the cold ceiling
    python -m bench.run --mix-only --record                  # the mix of fresh URLs alone, cache on, vs Datasette
    python -m bench.run --scale-only --scale-sizes 1,100 --record   # 1× and 100× alone (records only their section)

Every figure is measured in the same run, with wrk on 127.0.0.1 (1 thread, 32
connections, median of the repetitions); ratios compare servers loaded one at a
time on the same machine. `--record` writes the tables into bench/README.md.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import sqlite3
import subprocess
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from . import mix as url_mix
from .load import Result, median_of, run_wrk
from .processes import BIN, ROOT, Server, ceiling, cpu_seconds, datasette, free_port, ours, rss_mb, started
from .scale import scale, scale_engines, scale_sizes

GOALS = {"page": 10.0, "filter_chapter": 10.0, "filter_unit": 10.0, "search2": 10.0, "search3": 10.0, "item": 8.0}
P99_LIMIT_MS = 30.0
MEMORY_LIMIT_MB = 150.0


@dataclass(frozen=True)
class Scenario:
    key: str
    title: str
    ours: str
    datasette: str | None
    revalidate: bool = False


SCENARIOS = [
    Scenario("page", "page of 50 measures", "/v1/measures?limit=50", "/workreport/measures.json?_size=50"),
    Scenario(
        "item", "one measure by id", "/v1/measures/shanghai-2012.c03.p02.m18", "/workreport/measures/shanghai-2012~2Ec03~2Ep02~2Em18.json"
    ),
    Scenario(
        "filter_chapter",
        "measures of a chapter",
        "/v1/measures?chapter=shanghai-2012.c05&limit=50",
        "/workreport/measures.json?chapter_id=shanghai-2012.c05&_size=50",
    ),
    Scenario("filter_unit", "targets by unit", "/v1/targets?unit=har&limit=50", "/workreport/targets.json?unit_id=har&_size=50"),
    Scenario(
        "search2",
        "search, 2 characters",
        "/v1/search?q=" + quote("养老") + "&limit=50",
        "/workreport/search_entries.json?folded__contains=" + quote("养老") + "&_size=50",
    ),
    Scenario(
        "search3",
        "search, 3 characters",
        "/v1/search?q=" + quote("养老床") + "&limit=50",
        "/workreport/search_entries.json?folded__contains=" + quote("养老床") + "&_size=50",
    ),
    Scenario("csv", "CSV export of all measures", "/v1/export/measures.csv", "/workreport/measures.csv?_stream=on&_size=max"),
    Scenario("revalidate", "revalidation (If-None-Match → 304)", "/v1/measures?limit=50", None, revalidate=True),
    Scenario("schema", "one JSON Schema file", "/schemas/v1/measure.schema.json", None),
]
SCALE_KEYS = ["page", "item", "filter_chapter", "filter_unit", "search2", "search3"]
COLD_GOALS = {"page": 10.0, "item": 6.0, "filter_chapter": 10.0, "filter_unit": 10.0, "search2": 5.0, "search3": 5.0}
"""Issue 15, with the response cache off: at least these multiples of Datasette's rate."""
CEILING_KEYS = ("page", "item", "filter_chapter", "filter_unit")
"""The cold scenarios the cold ceiling serves (bench/cold_ceiling.py has no search)."""
MIX_GOAL = 6.0
"""Issue 15: the mix of fresh URLs with the cache on, at least this multiple of Datasette's rate on the same mix."""
COLD_CEILING_SHARE = 0.5
"""Issue 15: the cold path reaches at least half the cold ceiling's rate in every cold scenario."""


@dataclass(frozen=True)
class PageScenario:
    key: str
    title: str
    ours: str
    datasette: str
    peer: str


PAGE_SCENARIOS = [
    PageScenario(
        "document", "document page (shanghai-2012)", "/documents/shanghai-2012", "/workreport/documents/shanghai-2012", "its row page"
    ),
    PageScenario("targets", "targets page (every target)", "/targets", "/workreport/targets?_size=max", "the targets table, all rows"),
    PageScenario(
        "indicator",
        "indicator page (affordable_housing)",
        "/indicators/affordable_housing",
        "/workreport/series_points?indicator_code=affordable_housing",
        "series_points filtered by the code",
    ),
]
PAGE_HEADERS = {"Accept": "text/html,application/xhtml+xml,*/*;q=0.8", "Accept-Encoding": "gzip, deflate, br"}
"""What a browser sends for a page (ours then compresses it; Datasette does not compress)."""
PAGE_P99_GOAL_MS = 50.0
"""Issue 14: a document page of the seed renders in under 50 ms p99 with the response cache off."""


def machine() -> str:
    model = next(
        (line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name")), "?"
    )
    memory = (
        int(next(line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal"))) // 1024 // 1024
    )
    wrk = (
        subprocess.run(["wrk", "--version"], capture_output=True, text=True).stdout.split(" [")[0]
        or subprocess.run(["wrk", "--version"], capture_output=True, text=True).stderr.split(" [")[0]
    )
    return f"{os.cpu_count()} cores ({model}), {memory} GiB, Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}, {wrk.strip()}"


def run_scenario(
    base: str,
    path: str,
    duration: float,
    reps: int,
    revalidate: bool = False,
    headers: dict[str, str] | None = None,
    connections: int = 32,
) -> Result:
    """Median of wrk runs, after one warm-up request (which also gives the ETag to revalidate)."""
    headers = dict(headers or {})
    with urllib.request.urlopen(urllib.request.Request(base + path, headers=headers)) as response:
        response.read()
        if revalidate:
            headers["If-None-Match"] = response.headers["ETag"]
    return median_of([run_wrk(base + path, duration, connections=connections, headers=headers) for _ in range(reps)])


def fmt(result: Result | None) -> str:
    if result is None:
        return "n/a | n/a | n/a"
    return f"{result.rps:,.0f} | {result.p50_ms:.2f} | {result.p99_ms:.2f}"


def pages(ours_url: str, uncached_url: str, peer_url: str, duration: float, reps: int) -> tuple[str, list[str]]:
    """The pages for people: with the cache at 32 connections, like the API; with the cache off, and Datasette's
    HTML pages, at one connection, so that p50/p99 are the time to build one page and not the queue of 32
    requests in front of one worker. Returns the table and the goal lines."""
    rows, goals = [], []
    for scenario in PAGE_SCENARIOS:
        mine = run_scenario(ours_url, scenario.ours, duration, reps, headers=PAGE_HEADERS)
        cold = run_scenario(uncached_url, scenario.ours, duration, reps, headers=PAGE_HEADERS, connections=1)
        theirs = run_scenario(peer_url, scenario.datasette, duration, reps, headers=PAGE_HEADERS, connections=1)
        rows.append(f"| {scenario.title} | {fmt(mine)} | {fmt(cold)} | {scenario.peer} | {fmt(theirs)} | {cold.rps / theirs.rps:.1f}× |")
        for result, who in ((mine, "ours"), (cold, "ours, no cache"), (theirs, "Datasette")):
            if result.errors or result.non_2xx_3xx:
                goals.append(f"- FAIL {scenario.title} ({who}): {result.errors} socket errors, {result.non_2xx_3xx} non-2xx/3xx")
        if scenario.key == "document":
            verdict = "met" if cold.p99_ms < PAGE_P99_GOAL_MS else "NOT MET"
            goals.insert(
                0,
                f"- {verdict}: document page p99 < {PAGE_P99_GOAL_MS:.0f} ms with the cache off — {cold.p99_ms:.1f} ms"
                f" (p50 {cold.p50_ms:.1f} ms; Datasette's row page of the document p99 {theirs.p99_ms:.1f} ms)",
            )
        verdict = "ok" if mine.p99_ms <= P99_LIMIT_MS else "NOT MET"
        goals.append(f"- {verdict}: p99 ≤ {P99_LIMIT_MS:.0f} ms at 32 connections with the cache, {scenario.title} — {mine.p99_ms:.1f} ms")
    header = [
        "| page | ours req/s | p50 ms | p99 ms | ours, cache off, 1 connection req/s | p50 ms | p99 ms "
        "| Datasette's page | Datasette, 1 connection req/s | p50 ms | p99 ms | cache off ÷ Datasette |",
        "|---|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|",
    ]
    return "\n".join(header + rows), goals


def comparison(
    database: Path, duration: float, reps: int, folder: Path, api: bool = True
) -> tuple[str, tuple[str, list[str]], list[str], dict[str, float]]:
    """Ours (cache on and off) vs Datasette vs the ceiling, the API (unless not api) then the pages;
    returns the API's table, the pages' table and goal lines, the API's goal lines and extra figures."""
    url = f"sqlite:///{database}"
    rows, goals, extra = [], [], {}
    port = free_port()
    command, env = ours(url, port, log=folder / "ours.log")
    with started("ours", command, port, "/readyz", env, folder / "ours.log") as ours_server:
        extra["startup_s"] = ours_server.startup_seconds
        page = urllib.request.urlopen(ours_server.base_url + "/v1/measures?limit=50").read()
        body = folder / "page.json"
        body.write_bytes(page)
        dport, cport, oport = free_port(), free_port(), free_port()
        off_command, off_env = ours(url, oport, cache=False)
        with (
            started("datasette", datasette(database, dport), dport, "/-/versions.json", log=folder / "datasette.log") as peer,
            started(
                "ceiling", ceiling(cport), cport, "/", {"CEILING_BODY": str(body), "PYTHONPATH": str(ROOT)}, folder / "ceiling.log"
            ) as top,
            started("ours-nocache", off_command, oport, "/readyz", off_env, folder / "ours-nocache.log") as uncached,
        ):
            if api:
                ceiling_result = run_scenario(top.base_url, "/", duration, reps)
                rows.append(f"| bare-ASGI ceiling (precomputed page of 50) | {fmt(ceiling_result)} | | | | | |")
            for scenario in SCENARIOS if api else []:
                mine = run_scenario(ours_server.base_url, scenario.ours, duration, reps, scenario.revalidate)
                cold = run_scenario(uncached.base_url, scenario.ours, duration, reps, scenario.revalidate)
                theirs = run_scenario(peer.base_url, scenario.datasette, duration, reps) if scenario.datasette else None
                ratio = f"{mine.rps / theirs.rps:.1f}×" if theirs else "no equivalent in Datasette"
                of_ceiling = f"{100 * mine.rps / ceiling_result.rps:.0f}%"
                rows.append(f"| {scenario.title} | {fmt(mine)} | {fmt(cold)} | {fmt(theirs)} | {ratio} | {of_ceiling} |")
                for result, who in ((mine, "ours"), (cold, "ours, no cache")):
                    if result.errors or result.non_2xx_3xx:
                        goals.append(f"- FAIL {scenario.title} ({who}): {result.errors} socket errors, {result.non_2xx_3xx} non-2xx/3xx")
                if scenario.key in GOALS and theirs:
                    verdict = "ok" if mine.rps >= GOALS[scenario.key] * theirs.rps else "NOT MET"
                    goals.append(
                        f"- {verdict}: {scenario.title} at least {GOALS[scenario.key]:.0f}× Datasette — {mine.rps / theirs.rps:.1f}× (without the cache {cold.rps / theirs.rps:.1f}×)"
                    )
                if scenario.key in ("revalidate", "page"):
                    what = "304 revalidation" if scenario.revalidate else "repeated identical page"
                    share = mine.rps / ceiling_result.rps
                    goals.append(f"- {'ok' if share >= 0.4 else 'NOT MET'}: {what} at least 40% of the ceiling — {100 * share:.0f}%")
                verdict = "ok" if mine.p99_ms <= P99_LIMIT_MS else "NOT MET"
                goals.append(
                    f"- {verdict}: p99 ≤ {P99_LIMIT_MS:.0f} ms, {scenario.title} — {mine.p99_ms:.1f} ms (without the cache {cold.p99_ms:.1f} ms)"
                )
            page_figures = pages(ours_server.base_url, uncached.base_url, peer.base_url, duration, reps)
            extra["rss_mb"] = max(rss_mb(pid) for pid in ours_server.worker_pids())
            extra["rss_nocache_mb"] = max(rss_mb(pid) for pid in uncached.worker_pids())
    goals.append(
        f"- {'ok' if extra['rss_mb'] < MEMORY_LIMIT_MB else 'NOT MET'}: memory under {MEMORY_LIMIT_MB:.0f} MB per worker — {extra['rss_mb']:.0f} MB"
    )
    header = [
        "| scenario | ours req/s | p50 ms | p99 ms | ours, cache off req/s | p50 ms | p99 ms | Datasette req/s | p50 ms | p99 ms | ours ÷ Datasette | ours ÷ ceiling |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    return "\n".join(header + rows), page_figures, goals, extra


def cold(database: Path, duration: float, reps: int, folder: Path) -> tuple[str, list[str]]:
    """The cold path (issue 15): ours with the cache off, Datasette and the cold ceiling (bench/cold_ceiling.py), each
    loaded in turn on the same SQLite file. The ceiling must return our exact bytes (it is given our base URL for its
    links), checked before any load. Returns the table and the goal lines."""
    url = f"sqlite:///{database}"
    rows, goals = [], []
    oport, dport, cport = free_port(), free_port(), free_port()
    command, env = ours(url, oport, cache=False)
    with (
        started("ours-nocache", command, oport, "/readyz", env, folder / "cold-ours.log") as mine,
        started("datasette", datasette(database, dport), dport, "/-/versions.json", log=folder / "cold-datasette.log") as peer,
        started(
            "cold-ceiling",
            ceiling(cport, "bench.cold_ceiling:app"),
            cport,
            "/v1/measures?limit=1",
            {"CEILING_DATABASE": str(database), "CEILING_BASE_URL": mine.base_url, "PYTHONPATH": str(ROOT)},
            folder / "cold-ceiling.log",
        ) as top,
    ):
        for scenario in (s for s in SCENARIOS if s.key in COLD_GOALS):
            assert scenario.datasette is not None
            with_ceiling = scenario.key in CEILING_KEYS
            if with_ceiling:
                with urllib.request.urlopen(mine.base_url + scenario.ours) as a, urllib.request.urlopen(top.base_url + scenario.ours) as b:
                    if a.read() != b.read():
                        goals.append(f"- FAIL {scenario.title}: the cold ceiling's body is not ours byte for byte")
            targets = [(mine, scenario.ours), (peer, scenario.datasette)] + ([(top, scenario.ours)] if with_ceiling else [])
            (mine_result, mine_cpu), (theirs, theirs_cpu), *ceiling_figures = interleaved(targets, duration, reps)
            ratio = mine_result.rps / theirs.rps
            if ceiling_figures:
                ((top_result, top_cpu),) = ceiling_figures
                share = mine_result.rps / top_result.rps
                of_ceiling = f"{fmt(top_result)} | {top_cpu:.0f} | {ratio:.1f}× | {100 * share:.0f}% | {100 * top_cpu / mine_cpu:.0f}%"
            else:
                of_ceiling = f"{fmt(None)} | n/a | {ratio:.1f}× | n/a | n/a"
            rows.append(f"| {scenario.title} | {fmt(mine_result)} | {mine_cpu:.0f} | {fmt(theirs)} | {theirs_cpu:.0f} | {of_ceiling} |")
            for result, who in [(mine_result, "ours")] + ([(top_result, "cold ceiling")] if ceiling_figures else []):
                if result.errors or result.non_2xx_3xx:
                    goals.append(f"- FAIL {scenario.title} ({who}): {result.errors} socket errors, {result.non_2xx_3xx} non-2xx/3xx")
            goal = COLD_GOALS[scenario.key]
            goals.append(
                f"- {'ok' if ratio >= goal else 'NOT MET'}: {scenario.title}, cache off, at least {goal:.0f}× Datasette — {ratio:.1f}×"
                f" (CPU per request: {theirs_cpu / mine_cpu:.1f}×)"
            )
            if ceiling_figures:
                goals.append(
                    f"- {'ok' if share >= COLD_CEILING_SHARE else 'NOT MET'}: {scenario.title}, cache off, at least "
                    f"{100 * COLD_CEILING_SHARE:.0f}% of the cold ceiling's rate — {100 * share:.0f}% (CPU per request: {100 * top_cpu / mine_cpu:.0f}%)"
                )
            goals.append(
                f"- {'ok' if mine_result.p99_ms <= P99_LIMIT_MS else 'NOT MET'}: p99 ≤ {P99_LIMIT_MS:.0f} ms, {scenario.title},"
                f" cache off — {mine_result.p99_ms:.1f} ms"
            )
    header = [
        "| scenario | ours, cache off req/s | p50 ms | p99 ms | CPU µs/req | Datasette req/s | p50 ms | p99 ms | CPU µs/req "
        "| cold ceiling req/s | p50 ms | p99 ms | CPU µs/req | ours ÷ Datasette | ours ÷ cold ceiling | ceiling's CPU ÷ ours |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    return "\n".join(header + rows), goals


def interleaved(targets: list[tuple[Server, str]], duration: float, reps: int) -> list[tuple[Result, float]]:
    """Each (server, path) loaded in turn, rep after rep (so a change in the machine's load falls on all of them alike):
    the median wrk run of each, and the server's CPU microseconds per request over all its runs."""
    for server, path in targets:
        urllib.request.urlopen(server.base_url + path).read()
    runs: list[list[Result]] = [[] for _ in targets]
    cpu = [0.0 for _ in targets]
    for _ in range(reps):
        for index, (server, path) in enumerate(targets):
            before = cpu_seconds(server.worker_pids())
            runs[index].append(run_wrk(server.base_url + path, duration))
            cpu[index] += cpu_seconds(server.worker_pids()) - before
    return [
        (median_of(results), 1e6 * seconds / max(1, sum(r.requests for r in results))) for results, seconds in zip(runs, cpu, strict=True)
    ]


def mix(database: Path, duration: float, reps: int, folder: Path) -> tuple[str, list[str], str]:
    """The mix of fresh URLs (bench/mix.py): ours with the cache on, ours with it off and Datasette, loaded in turn rep
    after rep, wrk walking each one's list of URLs. Ours with the cache is started afresh for each run, so every run
    begins with an empty cache and the first request of each URL is a miss. Every URL of ours must answer 200 and
    Datasette's too (checked before loading, on the server without the cache, which leaves the cached one cold).
    Returns the table, the goal lines and a line describing the mix."""
    url = f"sqlite:///{database}"
    rows, goals = [], []
    oport, dport = free_port(), free_port()
    off_command, off_env = ours(url, oport, cache=False)
    with (
        started("ours-nocache", off_command, oport, "/readyz", off_env, folder / "mix-ours-nocache.log") as uncached,
        started("datasette", datasette(database, dport), dport, "/-/versions.json", log=folder / "mix-datasette.log") as peer,
    ):
        urls = url_mix.build(database, url_mix.http_fetch(uncached.base_url), url_mix.http_fetch(peer.base_url), name=database.stem)
        for who, server, paths in (("ours", uncached, urls.ours), ("Datasette", peer, urls.datasette)):
            failed = url_mix.failures(server.base_url, paths)
            if failed:
                goals.append(f"- FAIL mix: {len(failed)} of {len(paths)} URLs of {who} do not answer 200, first {failed[0]}")
        runs: dict[str, list[Result]] = {"cached": [], "uncached": [], "datasette": []}
        cpu = dict.fromkeys(runs, 0.0)
        for _ in range(reps):
            port = free_port()
            command, env = ours(url, port)
            with started("ours", command, port, "/readyz", env, folder / "mix-ours.log") as cached:
                for key, server, paths in (
                    ("cached", cached, urls.ours),
                    ("uncached", uncached, urls.ours),
                    ("datasette", peer, urls.datasette),
                ):
                    before = cpu_seconds(server.worker_pids())
                    runs[key].append(run_wrk(server.base_url + paths[0], duration, paths=paths))
                    cpu[key] += cpu_seconds(server.worker_pids()) - before
    results = {key: median_of(found) for key, found in runs.items()}
    per_request = {key: 1e6 * cpu[key] / max(1, sum(r.requests for r in runs[key])) for key in runs}
    theirs = results["datasette"]
    for key, title in (("cached", "ours, cache on"), ("uncached", "ours, cache off"), ("datasette", "Datasette")):
        result = results[key]
        ratio = f"{result.rps / theirs.rps:.1f}×" if key != "datasette" else ""
        cpu_ratio = f"{per_request['datasette'] / per_request[key]:.1f}×" if key != "datasette" else ""
        rows.append(f"| {title} | {fmt(result)} | {per_request[key]:.0f} | {ratio} | {cpu_ratio} |")
        if result.errors or result.non_2xx_3xx:
            goals.append(f"- FAIL mix ({title}): {result.errors} socket errors, {result.non_2xx_3xx} non-2xx/3xx")
    mine = results["cached"]
    times = mine.rps / theirs.rps
    goals.insert(
        0,
        f"- {'ok' if times >= MIX_GOAL else 'NOT MET'}: mix of fresh URLs with the cache on at least {MIX_GOAL:.0f}× Datasette on the"
        f" same mix — {times:.1f}× (CPU per request: {per_request['datasette'] / per_request['cached']:.1f}×; without the cache"
        f" {results['uncached'].rps / theirs.rps:.1f}×)",
    )
    header = [
        "| server | req/s | p50 ms | p99 ms | CPU µs/req | ÷ Datasette | Datasette's CPU ÷ this one's |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    terms = ", ".join(urls.terms[:6])
    described = f"{urls.describe()}; search terms such as {terms}."
    return "\n".join(header + rows), goals, described


def mix_section(started_at: str, duration: float, reps: int, load_before: str, figures: tuple[str, list[str], str]) -> str:
    table, goals, described = figures
    return "\n".join(
        [
            f"Run {started_at} on {machine()}.",
            f"wrk: 1 thread, 32 connections, {duration:.0f} s, median of {reps}, walking each server's list of URLs in turn"
            " (shuffled once); the three servers loaded in turn rep after rep; 1 worker each. Ours with the cache is"
            " started afresh for each run: every run begins with an empty cache. CPU µs/req as in the cold path.",
            f"The mix: {described}",
            f"Load before the run: {load_before}; after: {uptime()}.",
            "",
            table,
            "",
            *goals,
        ]
    )


def cold_section(started_at: str, duration: float, reps: int, load_before: str, figures: tuple[str, list[str]]) -> str:
    table, goals = figures
    load_after = uptime()
    return "\n".join(
        [
            f"Run {started_at} on {machine()}.",
            f"wrk: 1 thread, 32 connections, {duration:.0f} s, median of {reps}, the three servers loaded in turn rep after rep"
            " (the searches: ours and Datasette, the cold ceiling has no search);"
            " 1 worker each; the response cache off (`WORKREPORT_CACHE_MAX_BYTES=0`), so every request reaches the database."
            " CPU µs/req: the server's user + system CPU time over its runs, divided by the requests served (other work"
            " on the machine does not count in it, unlike in req/s and latencies).",
            f"Load before the run: {load_before}; after: {load_after} (the machine is shared: other work moves the figures).",
            "",
            table,
            "",
            *goals,
        ]
    )


def uptime() -> str:
    """The load averages (``uptime``), to say how busy the shared machine was."""
    return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip().partition("load average")[2].lstrip(": ") or "?"


def workers(database: Path, duration: float, reps: int, folder: Path) -> str:
    lines = ["| workers | page of 50 req/s (cache on) | page of 50 req/s (cache off) |", "|---:|---:|---:|"]
    for count in (1, 2):
        results = []
        for cache in (True, False):
            port = free_port()
            command, env = ours(f"sqlite:///{database}", port, workers=count, cache=cache)
            with started("ours", command, port, "/readyz", env, folder / f"workers-{count}.log") as server:
                results.append(run_scenario(server.base_url, "/v1/measures?limit=50", duration, reps))
        lines.append(f"| {count} | {results[0].rps:,.0f} | {results[1].rps:,.0f} |")
    return "\n".join(lines)


def init_seconds(folder: Path) -> float:
    start = time.monotonic()
    subprocess.run(
        [str(BIN / "workreport"), "init", "--database-url", f"sqlite:///{folder / 'init-timing.sqlite3'}"], check=True, capture_output=True
    )
    return time.monotonic() - start


def record(text: str) -> None:
    record_section("results", text)


def page_section(started_at: str, duration: float, reps: int, page_figures: tuple[str, list[str]]) -> str:
    table, goals = page_figures
    headers = ", ".join(f"{name}: {value}" for name, value in PAGE_HEADERS.items())
    return "\n".join(
        [
            f"Run {started_at} on {machine()}.",
            f"wrk: 1 thread, {duration:.0f} s, median of {reps}; with the cache 32 connections, with the cache off and"
            f" Datasette 1 connection; requests as a browser sends them ({headers}).",
            "",
            table,
            "",
            *goals,
        ]
    )


def record_section(name: str, text: str) -> None:
    """Replace the text between <!-- name:start --> and <!-- name:end --> in bench/README.md."""
    readme = ROOT / "bench" / "README.md"
    content = readme.read_text(encoding="utf-8")
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    before, _, rest = content.partition(start)
    _, _, after = rest.partition(end)
    readme.write_text(f"{before}{start}\n{text}\n{end}{after}", encoding="utf-8")


def scale_scenarios() -> dict[str, str]:
    """The scale runs' scenarios: our URL of each of ``SCALE_KEYS``."""
    return {scenario.key: scenario.ours for scenario in SCENARIOS if scenario.key in SCALE_KEYS}


def scale_only(args: argparse.Namespace, folder: Path, started_at: str) -> None:
    """The scale runs alone, on SQLite and (when reachable) PostgreSQL; --record writes their own section."""
    engines = scale_engines(folder, args.postgres_url, args.postgres_prefix)
    table, goals = scale(engines, args.scale_duration, args.reps, folder, args.scale_sizes, scale_scenarios())
    section = "\n".join(
        [
            f"Run {started_at} on {machine()}.",
            f"wrk: 1 thread, 32 connections, {args.scale_duration:.0f} s, median of {args.reps}; cache off; the sizes served at once"
            " and loaded in turn (bench/scale.py). CPU µs/req: our server's own CPU time per request.",
            "",
            table,
            "",
            *goals,
        ]
    )
    print(section)
    if args.record:
        record_section("scale", section)
    print(f"\nlogs in {folder}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--duration", type=float, default=10.0, help="seconds per wrk run (default 10)")
    parser.add_argument("--reps", type=int, default=3, help="runs per figure, median taken (default 3)")
    parser.add_argument("--scale-duration", type=float, default=3.0, help="seconds per wrk run in the scale runs (default 3)")
    parser.add_argument("--skip-scale", action="store_true")
    parser.add_argument("--scale-only", action="store_true", help="only the scale runs (--record writes only their section)")
    parser.add_argument(
        "--scale-sizes", type=scale_sizes, default=(1, 10, 100), help="copies of the seed in the scale runs (default 1,10,100)"
    )
    parser.add_argument(
        "--postgres-prefix",
        default="workreport_bench",
        help="name prefix of the scale runs' PostgreSQL databases (default workreport_bench)",
    )
    parser.add_argument("--pages-only", action="store_true", help="only the pages (--record writes only their section)")
    parser.add_argument("--cold-only", action="store_true", help="only the cold path (--record writes only its section)")
    parser.add_argument("--mix-only", action="store_true", help="only the mix of fresh URLs (--record writes only its section)")
    parser.add_argument(
        "--postgres-url", default=os.environ.get("WORKREPORT_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
    )
    parser.add_argument("--record", action="store_true", help="write the tables into bench/README.md")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="workreport-bench-"))
    database = folder / "workreport.sqlite3"
    started_at = datetime.datetime.now(tz=datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    print(f"# workreport benchmark, {started_at}\n\nMachine: {machine()}\n", flush=True)
    if args.scale_only:
        scale_only(args, folder, started_at)
        return

    def cold_only(load_before: str) -> str:
        return cold_section(started_at, args.duration, args.reps, load_before, cold(database, args.duration, args.reps, folder))

    def mix_only(load_before: str) -> str:
        return mix_section(started_at, args.duration, args.reps, load_before, mix(database, args.duration, args.reps, folder))

    for only, name, section_of in ((args.cold_only, "cold", cold_only), (args.mix_only, "mix", mix_only)):
        if only:
            load_before = uptime()
            subprocess.run([str(BIN / "workreport"), "init", "--database-url", f"sqlite:///{database}"], check=True, capture_output=True)
            section = section_of(load_before)
            print(section)
            if args.record:
                record_section(name, section)
            print(f"\nlogs in {folder}")
            return
    if args.pages_only:
        subprocess.run([str(BIN / "workreport"), "init", "--database-url", f"sqlite:///{database}"], check=True, capture_output=True)
        _, page_figures, _, _ = comparison(database, args.duration, args.reps, folder, api=False)
        section = page_section(started_at, args.duration, args.reps, page_figures)
        print(section)
        if args.record:
            record_section("pages", section)
        print(f"\nlogs in {folder}")
        return
    init = init_seconds(folder)
    load_before = uptime()
    subprocess.run([str(BIN / "workreport"), "init", "--database-url", f"sqlite:///{database}"], check=True, capture_output=True)
    table, page_figures, goals, extra = comparison(database, args.duration, args.reps, folder)
    cold_text = cold_section(started_at, args.duration, args.reps, load_before, cold(database, args.duration, args.reps, folder))
    print(cold_text + "\n", flush=True)
    mix_text = mix_section(started_at, args.duration, args.reps, uptime(), mix(database, args.duration, args.reps, folder))
    print(mix_text + "\n", flush=True)
    print(page_section(started_at, args.duration, args.reps, page_figures) + "\n", flush=True)
    out = [
        f"Run {started_at} on {machine()}.",
        f"wrk: 1 thread, 32 connections, {args.duration:.0f} s, median of {args.reps}.",
        "",
        table,
        "",
    ]
    out += [
        f"- Start-up to /readyz 200: {extra['startup_s']:.2f} s; `workreport init` from an empty database: {init:.2f} s.",
        f"- Resident memory per worker after the run: {extra['rss_mb']:.0f} MB (cache on), {extra['rss_nocache_mb']:.0f} MB (cache off).",
        "",
        workers(database, args.duration, args.reps, folder),
        "",
    ]
    print("\n".join(out), flush=True)
    if not args.skip_scale:
        scale_table, scale_goals = scale(
            scale_engines(folder, args.postgres_url), args.scale_duration, args.reps, folder, (1, 10, 100), scale_scenarios()
        )
        out += ["Scale (cache off, every request reaches the database):", "", scale_table, ""]
        goals += scale_goals
        print(scale_table + "\n", flush=True)
    out += ["Goals:", "", *goals]
    print("\n".join(["Goals:", "", *goals]), flush=True)
    if args.record:
        record("\n".join(out))
        record_section("pages", page_section(started_at, args.duration, args.reps, page_figures))
        record_section("cold", cold_text)
        record_section("mix", mix_text)
    print(f"\nlogs in {folder}")


if __name__ == "__main__":
    main()

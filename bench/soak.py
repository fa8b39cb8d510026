"""Sustained load: 60 s of mixed traffic at 64 connections; zero errors, zero 5xx, flat memory.

    make soak        # python -m bench.soak --record

Lists, items, filters, search, exports and 304 revalidations rotate in one wrk
run against one worker on a fresh seeded SQLite database. Resident memory is
read after 10 s and at the end; the goal is the end within 10% of the 10 s
figure. Statuses are counted per class by a wrk Lua script.

Then two hostile phases, each bounded in time (``--hostile-seconds``, 20 s):
slow readers (60 connections downloading the whole Dataset at 4 KiB per
second) and a header flood (32 threads sending 1 MiB header sections in a
loop). Throughout both, a prober asks ``/healthz`` and a data URL every 0.2 s:
zero 5xx and every answer within 2 s. Memory during the phases must stay
within the budget: the 10 s figure plus the response cache's budget
(``WORKREPORT_CACHE_MAX_BYTES``, 64 MiB) plus 1 MiB per open connection.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import json
import re
import socket
import subprocess
import tempfile
import threading
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote

from .load import parse
from .processes import BIN, free_port, ours, rss_mb, started
from .run import machine, record_section

MIX = [
    "/v1",
    "/v1/measures?limit=50",
    "/v1/measures?limit=10&chapter=shanghai-2012.c04",
    "/v1/measures?has_targets=true&basis=curated",
    "/v1/measures/shanghai-2012.c03.p02.m18",
    "/v1/targets?unit=m2",
    "/v1/targets?quantity_kind=count&min_value=1000",
    "/v1/targets/shanghai-2012.c03.p04.m01.t1",
    "/v1/bodies/org.trade-unions/measures",
    "/v1/search?q=" + quote("养老"),
    "/v1/search?q=" + quote("菜"),
    "/v1/search?q=" + quote("住房保障"),
    "/v1/measures?q=" + quote("就業"),
    "/v1/export/measures.csv",
    "/v1/export/targets.ndjson",
    "/v1/measures?format=csv&chapter=shanghai-2012.c09",
    "/schemas/v1/target.schema.json",
    "/v1/documents/shanghai-2012/text",
]
REVALIDATE = ["/v1/measures?limit=50", "/v1/targets?unit=m2", "/v1/measures/shanghai-2012.c03.p02.m18"]

LUA = """
local paths = {%(paths)s}
local etags = {%(etags)s}
local i = 0
counts = {ok = 0, redirect = 0, client = 0, server = 0}
local threads = {}
setup = function(thread) table.insert(threads, thread) end
init = function() counts = {ok = 0, redirect = 0, client = 0, server = 0} end
request = function()
  i = i %% #paths + 1
  local headers = {}
  if etags[i] ~= "" then headers["If-None-Match"] = etags[i] end
  return wrk.format("GET", paths[i], headers)
end
response = function(status, headers, body)
  if status >= 500 then counts.server = counts.server + 1
  elseif status >= 400 then counts.client = counts.client + 1
  elseif status >= 300 then counts.redirect = counts.redirect + 1
  else counts.ok = counts.ok + 1 end
end
done = function(summary, latency, requests)
  local total = {ok = 0, redirect = 0, client = 0, server = 0}
  for _, thread in ipairs(threads) do
    local c = thread:get("counts")
    for k, v in pairs(c) do total[k] = total[k] + v end
  end
  io.write(string.format("STATUS ok=%%d notmodified=%%d client=%%d server=%%d\\n", total.ok, total.redirect, total.client, total.server))
end
"""


def _lua(base: str) -> str:
    paths, etags = [], []
    for path in MIX:
        paths.append(path)
        etags.append("")
    for path in REVALIDATE:
        with urllib.request.urlopen(base + path) as response:
            response.read()
            paths.append(path)
            etags.append(response.headers["ETag"])
    return LUA % {"paths": _lua_strings(paths), "etags": _lua_strings(etags)}


def _lua_strings(values: list[str]) -> str:
    """Lua string literals, comma-separated (JSON strings are valid Lua literals here)."""
    return ", ".join(json.dumps(value) for value in values)


HOSTILE_SLOW_READERS = 60
HOSTILE_FLOODERS = 32
CACHE_BUDGET_MB = 64


def _slow_reader(base_url: str, stop: float) -> None:
    host, port = base_url.removeprefix("http://").split(":")
    with contextlib.suppress(OSError), socket.create_connection((host, int(port)), timeout=5) as connection:
        connection.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        connection.sendall(b"GET /v1/export/dataset.json HTTP/1.1\r\nHost: x\r\nAccept-Encoding: identity\r\n\r\n")
        while time.monotonic() < stop and connection.recv(4096):
            time.sleep(1.0)


def _flooder(base_url: str, stop: float, sent: list[int]) -> None:
    host, port = base_url.removeprefix("http://").split(":")
    header = b"GET /v1 HTTP/1.1\r\nHost: x\r\nAccept: " + b"a" * (1024 * 1024) + b"\r\n\r\n"
    while time.monotonic() < stop:
        with contextlib.suppress(OSError), socket.create_connection((host, int(port)), timeout=5) as connection:
            connection.sendall(header)
            connection.recv(4096)
        sent.append(1)


def hostile_phases(server: object, base_url: str, seconds: float) -> dict[str, float]:
    """Slow readers and a header flood at once, with a prober; returns the figures the verdicts use."""
    stop = time.monotonic() + seconds
    sent: list[int] = []
    threads = [threading.Thread(target=_slow_reader, args=(base_url, stop), daemon=True) for _ in range(HOSTILE_SLOW_READERS)]
    threads += [threading.Thread(target=_flooder, args=(base_url, stop, sent), daemon=True) for _ in range(HOSTILE_FLOODERS)]
    for thread in threads:
        thread.start()
    worst, failures, probes, peak = 0.0, 0, 0, 0.0
    while time.monotonic() < stop:
        for path in ("/healthz", "/v1/measures?limit=5"):
            started_at = time.monotonic()
            try:
                with urllib.request.urlopen(base_url + path, timeout=10) as response:
                    response.read()
            except Exception:  # any failure of a probe counts
                failures += 1
            worst = max(worst, time.monotonic() - started_at)
            probes += 1
        peak = max(peak, max(rss_mb(pid) for pid in server.worker_pids()))  # type: ignore[attr-defined]
        time.sleep(0.2)
    for thread in threads:
        thread.join(timeout=15)
    return {"worst_probe_s": worst, "probe_failures": failures, "probes": probes, "peak_mb": peak, "floods": len(sent)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--duration", type=int, default=60)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--hostile-seconds", type=float, default=20.0, help="length of the slow-reader and header-flood phase")
    parser.add_argument("--record", action="store_true", help="write the figures into bench/README.md")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="workreport-soak-"))
    database = f"sqlite:///{folder / 'soak.sqlite3'}"
    subprocess.run([str(BIN / "workreport"), "init", "--database-url", database], check=True, capture_output=True)
    port = free_port()
    command, env = ours(database, port)
    when = datetime.datetime.now(tz=datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    with started("ours", command, port, "/readyz", env, folder / "server.log") as server:
        script = folder / "mix.lua"
        script.write_text(_lua(server.base_url), encoding="utf-8")
        samples: dict[str, float] = {}

        def sample_at(seconds: float, name: str) -> None:
            time.sleep(seconds)
            samples[name] = max(rss_mb(pid) for pid in server.worker_pids())

        sampler = threading.Thread(target=sample_at, args=(10, "after_10s"), daemon=True)
        sampler.start()
        wrk = [
            "wrk",
            "-t2",
            f"-c{args.connections}",
            f"-d{args.duration}s",
            "--latency",
            "--timeout",
            "5s",
            "-s",
            str(script),
            server.base_url,
        ]
        output = subprocess.run(wrk, capture_output=True, text=True, timeout=args.duration + 120, check=True).stdout
        sampler.join()
        samples["end"] = max(rss_mb(pid) for pid in server.worker_pids())
        hostile = hostile_phases(server, server.base_url, args.hostile_seconds)
    result = parse(output)
    statuses = dict(re.findall(r"(\w+)=(\d+)", re.search(r"STATUS (.*)", output).group(1)))  # type: ignore[union-attr]
    growth = samples["end"] / samples["after_10s"] - 1
    verdicts = [
        f"- {'ok' if result.errors == 0 else 'FAILED'}: socket errors {result.errors}",
        f"- {'ok' if int(statuses['server']) == 0 else 'FAILED'}: 5xx responses {statuses['server']}",
        f"- {'ok' if int(statuses['client']) == 0 else 'FAILED'}: 4xx responses {statuses['client']}",
        f"- {'ok' if growth <= 0.10 else 'FAILED'}: memory {samples['after_10s']:.0f} MB after 10 s, {samples['end']:.0f} MB at the end ({100 * growth:+.1f}%)",
    ]
    budget = samples["after_10s"] + CACHE_BUDGET_MB + HOSTILE_SLOW_READERS + HOSTILE_FLOODERS
    verdicts += [
        f"- {'ok' if hostile['probe_failures'] == 0 and hostile['worst_probe_s'] <= 2.0 else 'FAILED'}: during "
        f"{args.hostile_seconds:.0f} s of {HOSTILE_SLOW_READERS} slow readers and {HOSTILE_FLOODERS} header flooders "
        f"({hostile['floods']:.0f} floods of 1 MiB refused), {hostile['probes']:.0f} probes: {hostile['probe_failures']:.0f} failed, "
        f"slowest {hostile['worst_probe_s']:.2f} s",
        f"- {'ok' if hostile['peak_mb'] <= budget else 'FAILED'}: memory peak {hostile['peak_mb']:.0f} MB during the hostile phase "
        f"(budget {budget:.0f} MB: 10 s figure + {CACHE_BUDGET_MB} MB cache + 1 MB per hostile connection)",
    ]
    lines = [
        f"Run {when} on {machine()}: {args.duration} s, {args.connections} connections, wrk 2 threads, {len(MIX)} routes and {len(REVALIDATE)} revalidations in rotation, 1 worker.",
        "",
        f"{result.requests:,} requests, {result.rps:,.0f} req/s, p50 {result.p50_ms:.2f} ms, p99 {result.p99_ms:.2f} ms; "
        f"200: {int(statuses['ok']):,}, 304: {int(statuses['notmodified']):,}.",
        "",
        *verdicts,
    ]
    print("\n".join(lines))
    if args.record:
        record_section("soak", "\n".join(lines))


if __name__ == "__main__":
    main()

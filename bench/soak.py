"""Sustained load: 60 s of mixed traffic at 64 connections; zero errors, zero 5xx, flat memory.

    make soak        # python -m bench.soak --record

Lists, items, filters, search, exports and 304 revalidations rotate in one wrk
run against one worker on a fresh seeded SQLite database. Resident memory is
read after 10 s and at the end; the goal is the end within 10% of the 10 s
figure. Statuses are counted per class by a wrk Lua script.
"""

from __future__ import annotations

import argparse
import datetime
import json
import re
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
    "/v1/measures/shanghai-2012.c03.p02.m20",
    "/v1/targets?unit=m2",
    "/v1/targets?quantity_kind=count&min_value=1000",
    "/v1/targets/shanghai-2012.c03.p04.m02.t1",
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
REVALIDATE = ["/v1/measures?limit=50", "/v1/targets?unit=m2", "/v1/measures/shanghai-2012.c03.p02.m20"]

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
    quoted = lambda values: ", ".join(json.dumps(v) for v in values)  # noqa: E731 - Lua string literals are JSON-compatible here
    return LUA % {"paths": quoted(paths), "etags": quoted(etags)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--duration", type=int, default=60)
    parser.add_argument("--connections", type=int, default=64)
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
    result = parse(output)
    statuses = dict(re.findall(r"(\w+)=(\d+)", re.search(r"STATUS (.*)", output).group(1)))  # type: ignore[union-attr]
    growth = samples["end"] / samples["after_10s"] - 1
    verdicts = [
        f"- {'ok' if result.errors == 0 else 'FAILED'}: socket errors {result.errors}",
        f"- {'ok' if int(statuses['server']) == 0 else 'FAILED'}: 5xx responses {statuses['server']}",
        f"- {'ok' if int(statuses['client']) == 0 else 'FAILED'}: 4xx responses {statuses['client']}",
        f"- {'ok' if growth <= 0.10 else 'FAILED'}: memory {samples['after_10s']:.0f} MB after 10 s, {samples['end']:.0f} MB at the end ({100 * growth:+.1f}%)",
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

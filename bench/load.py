"""Load a server with wrk and read requests/s, latency percentiles and errors from its report."""

from __future__ import annotations

import re
import statistics
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


@dataclass(frozen=True)
class Result:
    rps: float
    p50_ms: float
    p99_ms: float
    requests: int
    errors: int
    non_2xx_3xx: int


def _ms(text: str) -> float:
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text.strip()).groups()  # type: ignore[union-attr]
    return float(value) * _UNITS[unit]


def parse(output: str) -> Result:
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))  # type: ignore[union-attr]
    p50 = _ms(re.search(r"\s50%\s+(\S+)", output).group(1))  # type: ignore[union-attr]
    p99 = _ms(re.search(r"\s99%\s+(\S+)", output).group(1))  # type: ignore[union-attr]
    requests = int(re.search(r"(\d+) requests in", output).group(1))  # type: ignore[union-attr]
    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    errors = sum(int(n) for n in socket.groups()) if socket else 0
    non_ok = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return Result(rps, p50, p99, requests, errors, int(non_ok.group(1)) if non_ok else 0)


def _script(headers: dict[str, str], paths: list[str] | None) -> str:
    lines = [f'wrk.headers["{name}"] = "{value}"' for name, value in headers.items()]
    if paths:
        quoted = ", ".join('"' + p.replace('"', '\\"') + '"' for p in paths)
        lines += [
            f"local paths = {{{quoted}}}",
            "local i = 0",
            "request = function()",
            "  i = i % #paths + 1",
            "  return wrk.format(nil, paths[i])",
            "end",
        ]
    return "\n".join(lines) + "\n"


def run_wrk(
    url: str,
    duration: float,
    connections: int = 32,
    threads: int = 1,
    headers: dict[str, str] | None = None,
    paths: list[str] | None = None,
) -> Result:
    """One wrk run (bounded by duration and a hard timeout)."""
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(_script(headers or {}, paths))
    try:
        command = [
            "wrk",
            f"-t{threads}",
            f"-c{connections}",
            f"-d{max(1, round(duration))}s",
            "--latency",
            "--timeout",
            "5s",
            "-s",
            script.name,
            url,
        ]
        output = subprocess.run(command, capture_output=True, text=True, timeout=duration + 60, check=True).stdout
    finally:
        Path(script.name).unlink(missing_ok=True)
    return parse(output)


def median_of(runs: list[Result]) -> Result:
    """The run with the median requests/s (its latencies come with it), errors summed."""
    ordered = sorted(runs, key=lambda r: r.rps)
    middle = ordered[len(ordered) // 2]
    return Result(
        rps=statistics.median(r.rps for r in runs),
        p50_ms=middle.p50_ms,
        p99_ms=middle.p99_ms,
        requests=sum(r.requests for r in runs),
        errors=sum(r.errors for r in runs),
        non_2xx_3xx=sum(r.non_2xx_3xx for r in runs),
    )

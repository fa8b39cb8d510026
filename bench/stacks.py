"""Which HTTP server should run the API: uvicorn with httptools (as `workreport serve` runs it), uvicorn with h11, granian.

    make bench-stacks                             # installs granian into .venv-stacks, then runs this
    python -m bench.stacks [--duration 5] [--reps 3] [--record]

Three applications — the bare-ASGI ceiling (`bench/ceiling.py`, precomputed bytes of
our page of 50), our app's cached page of 50 measures (`/v1/measures?limit=50`) and
the same page with the response cache off (`WORKREPORT_CACHE_MAX_BYTES=0`) — each
under each stack, one worker (`--workers N` for more), on one SQLite file made by
`workreport init`. All nine servers are started first; then every repetition loads
each of them in turn with wrk (1 thread, 32 connections), so the stacks are
interleaved (A, B, C, A, B, C, …) and a noisy neighbour on a shared machine hits
them alike. Figures are the median of the repetitions; `uptime` is printed before
and after. Each server's CPU time during its runs gives the cores it got and its
requests per CPU second: on a busy machine req/s also measure the CPU share the
scheduler gives a server, and a granian worker has more threads to be given it.

- **uvicorn + httptools**: `workreport serve` itself (our guarded httptools protocol,
  uvloop when installed); the ceiling through the same command with only the app swapped.
- **uvicorn + h11**: `workreport serve` with only uvicorn's `http` swapped to `h11`
  (so none of the hostile-client guards of `workreport_api.http.server`).
- **granian**: `granian --interface asgi` from `.venv-stacks` (granian is not a
  dependency of the API; that venv sees `.venv`'s packages through a `.pth` file),
  uvloop, HTTP/1 only, header read timeout as our setting.
"""

from __future__ import annotations

import argparse
import datetime
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

from .load import Result, median_of, run_wrk
from .processes import BIN, ROOT, Server, free_port, ours, rss_mb, started

STACKS_VENV = ROOT / ".venv-stacks"
PAGE = "/v1/measures?limit=50"
STACKS = ["uvicorn-httptools", "uvicorn-h11", "granian"]
STACK_TITLES = {
    "uvicorn-httptools": "uvicorn + httptools, guarded (`workreport serve`)",
    "uvicorn-h11": "uvicorn + h11",
    "granian": "granian (ASGI)",
}
APPS = ["ceiling", "cached", "cold"]
APP_TITLES = {
    "ceiling": "bare-ASGI ceiling",
    "cached": "page of 50, cache on",
    "cold": "page of 50, cache off",
}


@dataclass(frozen=True)
class Target:
    stack: str
    app: str
    server: Server
    path: str


def uptime() -> str:
    return subprocess.run(["uptime"], capture_output=True, text=True, check=False).stdout.strip()


def granian_binary() -> Path | None:
    """granian in .venv-stacks, made to see .venv's packages (our app, uvloop) through a .pth file; None if not installed."""
    binary = STACKS_VENV / "bin" / "granian"
    if not binary.exists():
        return None
    ours_site = next(p for p in sys.path if p.endswith("site-packages") and p.startswith(sys.prefix))
    for site in (STACKS_VENV / "lib").glob("python*/site-packages"):
        (site / "workreport-venv.pth").write_text(f"import site; site.addsitedir({ours_site!r})\n")
    return binary


def command(stack: str, app: str, database_url: str, port: int, granian: Path | None, workers: int = 1) -> tuple[list[str], dict[str, str]]:
    env = {
        "WORKREPORT_LOG_LEVEL": "warning",
        "WORKREPORT_PUBLIC_BASE_URL": f"http://127.0.0.1:{port}",
        "WORKREPORT_DATABASE_URL": database_url,
        "WORKREPORT_WORKERS": str(workers),
        "PYTHONPATH": str(ROOT),
    }
    if app == "cold":
        env["WORKREPORT_CACHE_MAX_BYTES"] = "0"
    if stack == "granian":
        assert granian is not None
        target = ["bench.ceiling:app"] if app == "ceiling" else ["--factory", "workreport_api.app:create_served_app"]
        from workreport_api.settings import Settings

        header_timeout_ms = round(Settings.from_env().header_timeout_seconds * 1000)
        return [
            str(granian),
            "--interface",
            "asgi",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--workers",
            str(workers),
            "--http",
            "1",
            "--no-ws",
            "--loop",
            "uvloop",
            "--log-level",
            "warning",
            "--no-access-log",
            "--http1-header-read-timeout",
            str(header_timeout_ms),
            *target,
        ], env
    serve = ["serve", "--port", str(port), "--workers", str(workers), "--database-url", database_url]
    if stack == "uvicorn-httptools" and app != "ceiling":
        return [str(BIN / "workreport"), *serve], env  # exactly as served
    http = "h11" if stack == "uvicorn-h11" else "as-served"
    return [
        sys.executable,
        "-m",
        "bench.stacks",
        "--serve",
        http,
        "--serve-app",
        "ceiling" if app == "ceiling" else "ours",
        "--",
        *serve,
    ], env


def serve_variant(http: str, app: str, argv: list[str]) -> int:
    """`workreport serve` with uvicorn's http protocol (h11) and/or the app (the ceiling) swapped, all else as served."""
    import uvicorn

    from workreport_api.cli.main import main

    run = uvicorn.run

    def patched(target: object, **kwargs: object) -> None:
        if http == "h11":
            kwargs["http"] = "h11"
        if app == "ceiling":
            target, kwargs["factory"] = "bench.ceiling:app", False
        run(target, **kwargs)  # type: ignore[arg-type]

    uvicorn.run = patched  # type: ignore[assignment]
    return main(argv)


@contextmanager
def servers(database_url: str, body: Path, folder: Path, granian: Path | None, workers: int) -> Iterator[list[Target]]:
    stacks = [s for s in STACKS if s != "granian" or granian]
    with ExitStack() as stack_of_servers:
        targets = []
        for app in APPS:
            for stack in stacks:
                port = free_port()
                cmd, env = command(stack, app, database_url, port, granian, workers)
                env["CEILING_BODY"] = str(body)
                ready = "/" if app == "ceiling" else "/readyz"
                log = folder / f"{stack}-{app}.log"
                server = stack_of_servers.enter_context(started(f"{stack}-{app}", cmd, port, ready, env, log))
                targets.append(Target(stack, app, server, "/" if app == "ceiling" else PAGE))
        yield targets


def cpu_seconds(server: Server) -> float:
    """User + system CPU time of a server's processes (all their threads) so far."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for pid in {server.process.pid, *server.worker_pids()}:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except FileNotFoundError:
            continue
        total += (int(fields[11]) + int(fields[12])) / ticks  # utime, stime
    return total


@dataclass
class Load:
    """One figure's wrk runs, and the server's CPU seconds during them against the seconds they took."""

    runs: list[Result]
    cpu_seconds: float = 0.0
    wall_seconds: float = 0.0

    @property
    def cores(self) -> float:
        return self.cpu_seconds / self.wall_seconds if self.wall_seconds else 0.0

    @property
    def per_cpu_second(self) -> float:
        return sum(r.requests for r in self.runs) / self.cpu_seconds if self.cpu_seconds else 0.0


def measure(targets: list[Target], duration: float, reps: int) -> dict[tuple[str, str], Load]:
    for target in targets:  # warm-up: the first response, then one second of load
        urllib.request.urlopen(target.server.base_url + target.path).read()
        run_wrk(target.server.base_url + target.path, 1)
    loads = {(t.stack, t.app): Load([]) for t in targets}
    for rep in range(reps):
        for target in targets:  # stacks interleaved within each app, apps in turn
            load = loads[(target.stack, target.app)]
            cpu, wall = cpu_seconds(target.server), time.monotonic()
            result = run_wrk(target.server.base_url + target.path, duration)
            load.cpu_seconds += cpu_seconds(target.server) - cpu
            load.wall_seconds += time.monotonic() - wall
            load.runs.append(result)
            print(f"  rep {rep + 1}: {target.stack:18} {target.app:8} {result.rps:9,.0f} req/s", flush=True)
    return loads


def table(loads: dict[tuple[str, str], Load], memory: dict[tuple[str, str], float]) -> str:
    lines = [
        "| application | server | req/s (median) | p50 ms | p99 ms | ÷ uvicorn + httptools | req/s of each run "
        "| server CPU, cores | requests per CPU s | ÷ uvicorn + httptools | RSS MB | errors |",
        "|---|---|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|",
    ]
    for app in APPS:
        base = loads.get(("uvicorn-httptools", app))
        for stack in STACKS:
            load = loads.get((stack, app))
            if load is None:
                continue
            m = median_of(load.runs)
            ratio = f"{m.rps / median_of(base.runs).rps:.2f}×" if base else "n/a"
            cpu_ratio = f"{load.per_cpu_second / base.per_cpu_second:.2f}×" if base and base.per_cpu_second else "n/a"
            spread = ", ".join(f"{r.rps:,.0f}" for r in load.runs)
            lines.append(
                f"| {APP_TITLES[app]} | {STACK_TITLES[stack]} | {m.rps:,.0f} | {m.p50_ms:.2f} | {m.p99_ms:.2f} | {ratio} | {spread} "
                f"| {load.cores:.2f} | {load.per_cpu_second:,.0f} | {cpu_ratio} | {memory[(stack, app)]:.0f} | {m.errors + m.non_2xx_3xx} |"
            )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--duration", type=float, default=5.0, help="seconds per wrk run (default 5)")
    parser.add_argument("--reps", type=int, default=3, help="runs per figure, median taken (default 3)")
    parser.add_argument("--workers", type=int, default=1, help="worker processes per server (default 1)")
    parser.add_argument("--record", action="store_true", help="write the table into bench/README.md (stacks section)")
    parser.add_argument("--serve", choices=["as-served", "h11"], help=argparse.SUPPRESS)
    parser.add_argument("--serve-app", choices=["ours", "ceiling"], default="ours", help=argparse.SUPPRESS)
    parser.add_argument("serve_args", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        sys.exit(serve_variant(args.serve, args.serve_app, args.serve_args))

    from .run import machine, record_section

    started_at = datetime.datetime.now(tz=datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    before = uptime()
    print(f"# server stacks, {started_at}\n\nMachine: {machine()}\nuptime before: {before}\n", flush=True)
    granian = granian_binary()
    if granian is None:
        print(f"granian is not installed in {STACKS_VENV} (make bench-stacks installs it): measuring the uvicorn stacks only\n")
    folder = Path(tempfile.mkdtemp(prefix="workreport-stacks-"))
    database = folder / "workreport.sqlite3"
    database_url = f"sqlite:///{database}"
    subprocess.run([str(BIN / "workreport"), "init", "--database-url", database_url], check=True, capture_output=True)
    body = folder / "page.json"
    port = free_port()
    page_command, page_env = ours(database_url, port)
    with started("page", page_command, port, "/readyz", page_env, folder / "page.log") as server:
        body.write_bytes(urllib.request.urlopen(server.base_url + PAGE).read())
    with servers(database_url, body, folder, granian, args.workers) as targets:
        loads = measure(targets, args.duration, args.reps)
        memory = {(t.stack, t.app): max(rss_mb(pid) for pid in t.server.worker_pids()) for t in targets}
    after = uptime()
    versions = _versions(granian)
    text = "\n".join(
        [
            f"Run {started_at} on {machine()}; {versions}.",
            f"wrk: 1 thread, 32 connections, {args.duration:.0f} s per run, {args.reps} runs per figure interleaved across"
            " the stacks, median shown (its p50/p99 come with it);"
            f" {args.workers} worker{'s' if args.workers > 1 else ''} each.",
            f"uptime before: `{before}`; after: `{after}`.",
            "",
            table(loads, memory),
        ]
    )
    print("\n" + text)
    print(f"\nlargest spread between the runs of one figure: {_spread(loads)}; logs in {folder}")
    if args.record:
        record_section("stacks", text)


def _spread(loads: dict[tuple[str, str], Load]) -> str:
    """The largest relative spread (max-min)/median of one figure's runs, to judge the noise."""
    runs = {key: load.runs for key, load in loads.items()}
    worst = max(
        ((max(r.rps for r in each) - min(r.rps for r in each)) / statistics.median(r.rps for r in each), key) for key, each in runs.items()
    )
    return f"largest {100 * worst[0]:.0f}% ({worst[1][0]}, {worst[1][1]})"


def _versions(granian: Path | None) -> str:
    from importlib.metadata import PackageNotFoundError, version

    parts = []
    for name in ("uvicorn", "httptools", "uvloop", "h11"):
        try:
            parts.append(f"{name} {version(name)}")
        except PackageNotFoundError:
            parts.append(f"no {name}")
    if granian:
        out = subprocess.run([str(granian), "--version"], capture_output=True, text=True, check=False).stdout.strip()
        parts.append(out or "granian ?")
    return ", ".join(parts)


if __name__ == "__main__":
    main()

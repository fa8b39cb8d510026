"""What a batch ingest shows: progress on stderr while it runs, and the closing table on stdout.

On a terminal the progress is one line redrawn in place; anywhere else (a
pipe, a log file, CI) it is one plain line per document, so logs stay
readable. A dozen lines of ANSI do the job; no progress-bar dependency.
"""

from __future__ import annotations

import shutil
import time
from collections import Counter
from typing import TextIO

from .batch import COUNTED, Outcome

STATUSES = ("loaded", "unchanged", "failed")


class Progress:
    """Counts outcomes as they arrive and shows them on ``stream`` (a bar on a TTY, plain lines otherwise)."""

    def __init__(self, total: int, stream: TextIO, program: str = "workreport") -> None:
        self.total = total
        self.stream = stream
        self.program = program
        self.tty = stream.isatty()
        self.done: Counter[str] = Counter()
        self.started = time.monotonic()
        self._draw()

    def __call__(self, outcome: Outcome) -> None:
        self.done[outcome.status] += 1
        for warning in outcome.warnings:
            self._line(f"{self.program}: warning: {outcome.entry.document_id}: {warning}")
        if not self.tty:
            reason = f": {outcome.reason}" if outcome.reason else ""
            self._line(f"[{sum(self.done.values())}/{self.total}] {outcome.entry.document_id} {outcome.status}{reason}")
        self._draw()

    def close(self) -> None:
        if self.tty:
            self.stream.write("\r\x1b[K")
            self.stream.flush()

    def _line(self, text: str) -> None:
        if self.tty:
            self.stream.write("\r\x1b[K")
        self.stream.write(text + "\n")
        self.stream.flush()

    def _draw(self) -> None:
        if not self.tty:
            return
        count = sum(self.done.values())
        minutes = (time.monotonic() - self.started) / 60
        rate = f"{count / minutes:.0f}/min" if count and minutes > 0 else ""
        tally = ", ".join(f"{self.done[status]} {status}" for status in STATUSES)
        text = f"{count}/{self.total}  {tally}  {rate}"
        columns = shutil.get_terminal_size((80, 24)).columns
        widest = len(f"{self.total}/{self.total}  ") + sum(len(f"{self.total} {status}, ") for status in STATUSES) + len("  99999/min")
        width = max(10, min(40, columns - widest - 4))  # the same on every redraw, so the bar does not jump
        filled = width * count // max(self.total, 1)
        line = f"[{'#' * filled}{'.' * (width - filled)}] {text}"
        self.stream.write("\r\x1b[K" + line[: columns - 1])
        self.stream.flush()


def closing_table(outcomes: list[Outcome]) -> str:
    """One row per document in manifest order: id, status, counts (blank when failed), reason; then the totals."""
    header = ["document", "status", *COUNTED, "reason"]
    rows = [
        [
            outcome.entry.document_id,
            outcome.status,
            *(str(outcome.counts[name]) if outcome.counts else "" for name in COUNTED),
            outcome.reason,
        ]
        for outcome in outcomes
    ]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header) - 1)]
    numeric = range(2, 2 + len(COUNTED))
    lines = []
    for row in [header, *rows]:
        cells = [cell.rjust(widths[i]) if i in numeric else cell.ljust(widths[i]) for i, cell in enumerate(row[:-1])]
        lines.append("  ".join([*cells, row[-1]]).rstrip())
    tally: Counter[str] = Counter(outcome.status for outcome in outcomes)
    noun = "document" if len(outcomes) == 1 else "documents"
    lines.append(f"{len(outcomes)} {noun}: " + ", ".join(f"{tally[status]} {status}" for status in STATUSES))
    return "\n".join(lines) + "\n"

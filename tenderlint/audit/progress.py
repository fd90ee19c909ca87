"""The audit's progress line on stderr: tenders done, rate, findings and errors so far, time left."""

from __future__ import annotations

import sys
import time


class Progress:
    def __init__(self, total: int, stream=None, every: float = 0.5):
        self.total, self.stream, self.every = total, stream or sys.stderr, every
        self.done = self.findings = self.errors = 0
        self.start = time.monotonic()
        self._last = 0.0

    def update(self, findings: int, errors: int) -> None:
        self.done += 1
        self.findings += findings
        self.errors += errors
        now = time.monotonic()
        if now - self._last >= self.every or self.done == self.total:
            self._last = now
            self.stream.write("\r" + self.line())
            self.stream.flush()

    def line(self) -> str:
        elapsed = max(time.monotonic() - self.start, 1e-6)
        rate = self.done / elapsed * 60
        left = (self.total - self.done) / (self.done / elapsed) if self.done else 0
        return (f"[{self.done}/{self.total}] {rate:.1f} tenders/min · {self.findings} findings · "
                f"{self.errors} errors · {_clock(left)} left ")

    def close(self) -> None:
        if self.done:
            self.stream.write("\n")
            self.stream.flush()


def _clock(seconds: float) -> str:
    s = int(seconds)
    return f"{s // 3600}h{s % 3600 // 60:02d}m" if s >= 3600 else f"{s // 60}m{s % 60:02d}s"

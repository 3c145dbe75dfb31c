"""A progress bar on standard error: redrawn in place on a terminal, a few plain lines otherwise."""

from __future__ import annotations

import sys
from typing import TextIO

WIDTH = 30


class ProgressBar:
    """Counts ``done`` of ``total`` units; on a non-terminal it prints only at each quarter."""

    def __init__(self, total: int, unit: str, stream: TextIO | None = None) -> None:
        self.total = max(total, 1)
        self.unit = unit
        self.done = 0
        self.stream = stream or sys.stderr
        self._tty = self.stream.isatty()
        self._quarter = -1

    def advance(self, amount: int) -> None:
        """Add ``amount`` units and redraw."""
        self.done = min(self.total, self.done + amount)
        fraction = self.done / self.total
        if self._tty:
            filled = round(WIDTH * fraction)
            bar = "#" * filled + "-" * (WIDTH - filled)
            self.stream.write(f"\r[{bar}] {fraction:4.0%} {self.done}/{self.total} {self.unit}")
            if self.done == self.total:
                self.stream.write("\n")
        elif int(fraction * 4) > self._quarter:
            self._quarter = int(fraction * 4)
            self.stream.write(f"{fraction:4.0%} {self.done}/{self.total} {self.unit}\n")
        self.stream.flush()

"""Render a page in headless Chromium: a screenshot, the rendered DOM and the console errors.

The report is checked in a real browser rather than trusted from its markup;
Chromium runs with a fresh profile and no network features, so the check is
the same on every machine.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
)
#: What Chromium prints on stderr (with --enable-logging=stderr) for a page's script or console error.
ERROR_MARKERS = ("Uncaught", "ERROR:CONSOLE", "Failed to load resource", "Not allowed to load local resource")


@dataclass(frozen=True)
class Rendering:
    """What the browser made of a page."""

    dom: str
    errors: tuple[str, ...]
    screenshot: Path | None


def find_chromium() -> str | None:
    """The Chromium (or Chrome) executable on PATH, or None."""
    return next((path for name in CANDIDATES if (path := shutil.which(name))), None)


def _run(executable: str, arguments: list[str], timeout: float) -> subprocess.CompletedProcess[str]:
    """Run Chromium once, with its own new empty profile folder."""
    with tempfile.TemporaryDirectory(prefix="pskg-chromium-") as profile:
        command = [executable, *FLAGS, f"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0", *arguments]
        return subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)


def render(
    page: Path,
    screenshot: Path | None = None,
    size: tuple[int, int] = (1400, 2000),
    timeout: float = 120,
    query: str = "",
) -> Rendering:
    """Load ``page`` (with ``query``, e.g. ``?map=CSTO-2000``) twice: once to dump the DOM (and collect
    console errors), once for the screenshot."""
    executable = find_chromium()
    if executable is None:
        raise FileNotFoundError("no Chromium on PATH (Debian: apt-get install chromium)")
    url = page.resolve().as_uri() + query
    dumped = _run(executable, ["--dump-dom", url], timeout)
    errors = [line for line in dumped.stderr.splitlines() if any(marker in line for marker in ERROR_MARKERS)]
    if screenshot is not None:
        screenshot.parent.mkdir(parents=True, exist_ok=True)
        shot = _run(executable, [f"--screenshot={screenshot}", f"--window-size={size[0]},{size[1]}", url], timeout)
        errors += [line for line in shot.stderr.splitlines() if any(marker in line for marker in ERROR_MARKERS)]
        if not screenshot.is_file():
            errors.append(f"no screenshot written (exit {shot.returncode}): {shot.stderr[-500:]}")
    return Rendering(dom=dumped.stdout, errors=tuple(errors), screenshot=screenshot)

"""Write files and folders so that readers see the old version or the new, never half."""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path


def write_text_atomically(path: Path, text: str) -> None:
    """Write ``text`` to a temporary file beside ``path``, then rename it over."""
    mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
    with atomic_path(path, mode) as temporary, temporary.open("w", encoding="utf-8", newline="\n") as stream:
        stream.write(text)
        stream.flush()
        os.fsync(stream.fileno())


@contextlib.contextmanager
def atomic_path(path: Path, mode: int | None = None) -> Iterator[Path]:
    """A temporary file beside ``path`` for the block to write (by name: an engine may write it itself, with no
    copy in memory), renamed over ``path`` when the block ends, removed if it raises. ``mode``: its permissions
    (default: readable by its owner only, as ``mkstemp`` makes it)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(handle)
    temporary = Path(name)
    try:
        if mode is not None:
            os.chmod(temporary, mode)
        yield temporary
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def replace_directory(staging: Path, target: Path) -> None:
    """Swap a fully written ``staging`` folder in place of ``target``.

    Entries of the old folder that the new one lacks (a report written by another
    command, say) are carried over. The old folder is renamed aside first and
    removed only after the new one is in place, so an interruption leaves either
    the old or the new contents.
    """
    backup = target.with_name(f".{target.name}.old")
    with directory_lock(target):
        if backup.exists():
            shutil.rmtree(backup)
        if target.exists():
            for entry in target.iterdir():
                if not (staging / entry.name).exists():
                    os.replace(entry, staging / entry.name)
            os.replace(target, backup)
        os.replace(staging, target)
        if backup.exists():
            shutil.rmtree(backup)


@contextlib.contextmanager
def directory_lock(target: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``target``'s lock file while swapping it.

    Two builds (or a build and a report) may run at once; each writes its own
    staging folder, and the lock makes their swaps take turns, so neither sees
    the other's half-moved folder.
    """
    lock_path = target.with_name(f".{target.name}.lock")
    with open(lock_path, "a+b") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def staging_directory(target: Path) -> Path:
    """A new empty folder beside ``target`` (same file system, so renames are atomic)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent))
    staging.chmod(0o755)
    return staging

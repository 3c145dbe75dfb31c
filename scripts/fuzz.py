"""Time-bounded fuzzing of the two places untrusted text enters pskg.

    python scripts/fuzz.py --seconds 60

1. Turtle loading: the real data files, mutated (bytes flipped, cut, spliced,
   tokens inserted), go through ``pskg.sources.parse.parse_turtle_file``.
2. Query parameters: random strings go through ``pskg.queries.catalogue.parse_value`` for
   every parameter of every saved query.

The only acceptable failure is a ``PskgError`` (a message for the user); any
other exception is a bug, printed with the input that caused it, and the exit
status is 1. Inputs are drawn from a seeded generator: ``--seed`` replays a run.
"""

from __future__ import annotations

import argparse
import logging
import random
import sys
import tempfile
import time
import traceback
from pathlib import Path

from pskg.engines.reference.engine import load_knowledge_graph
from pskg.errors import PskgError
from pskg.queries.catalogue import parse_value, saved_queries
from pskg.sources.parse import parse_turtle_file
from pskg.sources.resources import turtle_files

TOKENS = [
    b"<",
    b">",
    b'"',
    b'"""',
    b"'",
    b"@prefix",
    b"PREFIX",
    b":",
    b";",
    b",",
    b".",
    b"[",
    b"]",
    b"(",
    b")",
    b"^^",
    b"@fr",
    b"_:b",
    b"\\u00",
    b"\\",
    b"\n",
    b"\xff",
    b"\xef\xbb\xbf",
    b"#",
    b"a",
    b"true",
    b"1e99",
]
PARAMETER_TEXT = [
    "",
    " ",
    "2019",
    "-1",
    "1" * 40,
    "CSTO",
    "id:CSTO",
    "<x>",
    "} DROP ALL {",
    '"',
    "'",
    "\n",
    "\x00",
    "https://w3id.org/postsoviet-security/id/CSTO",
    "http://a b",
    "pss:State",
    "2000 } ; #",
    "١٩٩٢",
]


def mutate(data: bytes, rng: random.Random) -> bytes:
    """One random mutation of a Turtle file."""
    kind = rng.randrange(4)
    position = rng.randrange(len(data) + 1)
    if kind == 0:
        return data[:position]
    if kind == 1:
        return data[:position] + bytes([rng.randrange(256)]) + data[position + 1 :]
    if kind == 2:
        return data[:position] + rng.choice(TOKENS) + data[position:]
    other = rng.randrange(len(data) + 1)
    return data[: min(position, other)] + data[max(position, other) :]


def random_parameter_text(rng: random.Random) -> str:
    """A parameter value: a known tricky one, or random characters around it."""
    base = rng.choice(PARAMETER_TEXT)
    noise = "".join(
        chr(rng.choice([rng.randrange(32, 127), rng.randrange(0, 0x2FFF)])) for _ in range(rng.randrange(6))
    )
    return rng.choice([base, base + noise, noise + base, noise])


def fuzz(seconds: float, seed: int) -> list[str]:
    """Run until the time is up; the list of failures (input and traceback)."""
    logging.getLogger("rdflib").setLevel(logging.ERROR)  # its warnings about mutated IRIs are expected noise
    rng = random.Random(seed)
    originals = [p.read_bytes() for p in turtle_files("data")[:4]]
    graph = load_knowledge_graph().union()
    parameters = [p for q in saved_queries() for p in q.parameters]
    failures: list[str] = []
    deadline = time.monotonic() + seconds
    runs = 0
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "fuzzed.ttl"
        while time.monotonic() < deadline:
            runs += 1
            data = rng.choice(originals)
            for _ in range(rng.randrange(1, 4)):
                data = mutate(data, rng)
            target.write_bytes(data)
            try:
                parse_turtle_file(target)
            except PskgError:
                pass
            except Exception:
                failures.append(f"Turtle input {data[:200]!r}…\n{traceback.format_exc()}")
            parameter = rng.choice(parameters)
            text = random_parameter_text(rng)
            try:
                parse_value(graph, parameter, text)
            except PskgError:
                pass
            except Exception:
                failures.append(f"parameter {parameter.name}={text!r}\n{traceback.format_exc()}")
    print(f"{runs} rounds in {seconds:.0f} s (seed {seed}): {len(failures)} failures", file=sys.stderr)
    return failures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0, help="how long to run (default 60)")
    parser.add_argument("--seed", type=int, default=None, help="random seed (default: time-based, printed)")
    args = parser.parse_args()
    seed = args.seed if args.seed is not None else int(time.time())
    failures = fuzz(args.seconds, seed)
    for failure in failures[:5]:
        print(failure, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())

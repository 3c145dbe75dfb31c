#!/usr/bin/env python3
"""The benchmark of issue 7: ``scripts/bench.py [--scales 1,10,100,1000] …`` (the same as ``pskg bench``)."""

from __future__ import annotations

import sys

from pskg.cli import main

if __name__ == "__main__":
    raise SystemExit(main(["bench", *sys.argv[1:]]))

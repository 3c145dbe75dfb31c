"""Write the README's SHACL conformance block from a run of the W3C/DASH test suite (``--check``: only compare).

Run after ``scripts/fetch-shacl-suite.sh``; ``tests/engines/test_shacl_suite.py`` checks the block is current.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.shacl_suite import case_passes, cases, conformance_markdown

README = Path(__file__).resolve().parent.parent / "README.md"
START, END = "<!-- shacl-conformance:start -->\n", "<!-- shacl-conformance:end -->"


def current_block() -> str:
    """The block as the suite gives it now."""
    return conformance_markdown({case.name: case_passes(case) for case in cases()})


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="exit 1 if the README's block is not current")
    args = parser.parse_args()
    text = README.read_text(encoding="utf-8")
    head, rest = text.split(START, 1)
    _, tail = rest.split(END, 1)
    updated = head + START + current_block() + END + tail
    if args.check:
        return 0 if updated == text else 1
    README.write_text(updated, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

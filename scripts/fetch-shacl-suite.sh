#!/usr/bin/env bash
# The W3C SHACL test suite and the DASH tests, as pySHACL's source distribution ships them
# (test/resources/sht_tests and dash_tests), into .cache/shacl-suite/ for tests/engines/test_shacl_suite.py.
# Idempotent: nothing is fetched when the folder is there. Uses the registry pip is configured for.
set -euo pipefail
cd "$(dirname "$0")/.."
VERSION=0.40.1
DEST=.cache/shacl-suite
PYTHON=${PYTHON:-.venv/bin/python}
if [ -d "$DEST/pyshacl-$VERSION/test/resources/sht_tests" ]; then
    exit 0
fi
mkdir -p "$DEST"
"$PYTHON" -m pip download --quiet --disable-pip-version-check --no-deps --no-binary :all: \
    "pyshacl==$VERSION" -d "$DEST"
tar -xzf "$DEST/pyshacl-$VERSION.tar.gz" -C "$DEST" "pyshacl-$VERSION/test/resources"
rm -f "$DEST/pyshacl-$VERSION.tar.gz"
echo "SHACL test suite: $DEST/pyshacl-$VERSION/test/resources"

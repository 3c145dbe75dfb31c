#!/usr/bin/env bash
# Installs what the store tests start on 127.0.0.1: Virtuoso 7 (Debian's virtuoso-opensource).
# Idempotent: does nothing when virtuoso-t is already there. Needs root or sudo and Debian's apt.
# The package's own service is kept from starting: the tests run their own instance.
set -euo pipefail

if command -v virtuoso-t >/dev/null 2>&1; then
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "install-test-services: no apt-get; install Virtuoso 7 (virtuoso-t) by hand" >&2
    exit 1
fi
if [ "$(id -u)" -eq 0 ]; then
    SUDO=()
elif command -v sudo >/dev/null 2>&1; then
    SUDO=(sudo)
else
    echo "install-test-services: need root or sudo to install virtuoso-opensource" >&2
    exit 1
fi

# policy-rc.d exit status 101 tells invoke-rc.d not to start services during the install.
policy=/usr/sbin/policy-rc.d
added_policy=0
if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' | "${SUDO[@]}" tee "$policy" >/dev/null
    "${SUDO[@]}" chmod 755 "$policy"
    added_policy=1
fi
cleanup() { if [ "$added_policy" -eq 1 ]; then "${SUDO[@]}" rm -f "$policy"; fi; }
trap cleanup EXIT

echo "install-test-services: installing virtuoso-opensource (Virtuoso 7) with apt-get" >&2
"${SUDO[@]}" apt-get update -qq
"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends virtuoso-opensource >/dev/null
command -v virtuoso-t >/dev/null

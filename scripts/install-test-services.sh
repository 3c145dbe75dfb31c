#!/usr/bin/env bash
# Installs what the tests start on 127.0.0.1, from Debian's packages:
#   - Virtuoso 7 (virtuoso-opensource) for the store tests;
#   - Chromium (and a font) for the report and serve tests in a headless browser.
# Idempotent: installs only what is missing. Needs root or sudo and Debian's apt.
# Virtuoso's own service is kept from starting: the tests run their own instance.
set -euo pipefail

packages=()
command -v virtuoso-t >/dev/null 2>&1 || packages+=(virtuoso-opensource)
command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || packages+=(chromium fonts-dejavu-core)
if [ "${#packages[@]}" -eq 0 ]; then
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "install-test-services: no apt-get; install by hand: ${packages[*]}" >&2
    exit 1
fi
if [ "$(id -u)" -eq 0 ]; then
    SUDO=()
elif command -v sudo >/dev/null 2>&1; then
    SUDO=(sudo)
else
    echo "install-test-services: need root or sudo to install ${packages[*]}" >&2
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

echo "install-test-services: installing ${packages[*]} with apt-get" >&2
"${SUDO[@]}" apt-get update -qq
"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
command -v virtuoso-t >/dev/null
command -v chromium >/dev/null || command -v chromium-browser >/dev/null

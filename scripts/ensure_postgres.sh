#!/bin/sh
# Install Debian's PostgreSQL server when it is missing: the tests start a throwaway server of
# their own on 127.0.0.1 (tests/pg_server.py). Runs as root (CI, containers); otherwise
# prefixes sudo when available.
set -eu

if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends postgresql

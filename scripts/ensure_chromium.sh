#!/bin/sh
# Install Debian's chromium (used by tests/test_serve_browser.py through Playwright) when it is
# missing. Playwright's own browser download needs network access to its CDN; apt does not.
# Runs as root (CI, containers); otherwise prefixes sudo when available.
set -eu

if [ -x /usr/bin/chromium ]; then
    exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends chromium fonts-dejavu-core

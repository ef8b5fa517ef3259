#!/usr/bin/env bash
# Installs Chromium from Debian for test/e2e/browser.test.ts when
# /usr/bin/chromium is missing (CI runs as root on Debian), then prints its
# version. Idempotent; apt's output is shown only when the installation fails.
# (Never `npx playwright install`: the test drives Debian's chromium with
# playwright-core.)
set -euo pipefail

CHROMIUM=/usr/bin/chromium

fail() {
  echo "install-chromium: $*" >&2
  exit 1
}

if [ ! -x "$CHROMIUM" ]; then
  command -v apt-get >/dev/null 2>&1 || fail "chromium is missing and apt-get is not available"
  SUDO=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || fail "chromium is missing and we are not root (and there is no sudo)"
    SUDO=(sudo)
  fi
  log="$(mktemp)"
  trap 'rm -f "$log"' EXIT
  if ! { "${SUDO[@]}" apt-get update -qq &&
    "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium; } >"$log" 2>&1; then
    cat "$log" >&2
    fail "apt-get could not install chromium"
  fi
  [ -x "$CHROMIUM" ] || fail "apt-get installed chromium but $CHROMIUM is missing"
fi

"$CHROMIUM" --version 2>/dev/null | head -n 1

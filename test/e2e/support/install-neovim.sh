#!/usr/bin/env bash
# Installs Neovim from Debian for test/e2e/neovim.test.ts when `nvim` is
# missing (CI runs as root on Debian), then prints its version. Idempotent;
# apt's output is shown only when the installation fails.
set -euo pipefail

fail() {
  echo "install-neovim: $*" >&2
  exit 1
}

if ! command -v nvim >/dev/null 2>&1; then
  command -v apt-get >/dev/null 2>&1 || fail "nvim is missing and apt-get is not available"
  SUDO=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || fail "nvim is missing and we are not root (and there is no sudo)"
    SUDO=(sudo)
  fi
  log="$(mktemp)"
  trap 'rm -f "$log"' EXIT
  if ! { "${SUDO[@]}" apt-get update -qq &&
    "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq neovim; } >"$log" 2>&1; then
    cat "$log" >&2
    fail "apt-get could not install neovim"
  fi
  command -v nvim >/dev/null 2>&1 || fail "apt-get installed neovim but nvim is not on PATH"
fi

nvim --version | head -n 1

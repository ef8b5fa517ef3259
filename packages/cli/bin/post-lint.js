#!/usr/bin/env node
// The bundle (scripts/bundle.mjs): the CLI and everything it uses in a few files, quick to start.
import { run, tuneV8 } from '../bundle/cli.js'

// Process-wide, so here and not in run(): flat memory on long runs, worker threads that pay off
// sooner (@post-lint/node, src/v8.ts).
tuneV8()

process.exitCode = await run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  cwd: process.cwd(),
  env: process.env,
})

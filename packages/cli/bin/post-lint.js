#!/usr/bin/env node
// The bundle (scripts/bundle.mjs): the CLI and everything it uses in a few files, quick to start.
import { limitHeapGrowth, run } from '../bundle/cli.js'

// Process-wide, so here and not in run(): peak memory stays flat on long runs (src/heap.ts).
limitHeapGrowth()

process.exitCode = await run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  cwd: process.cwd(),
  env: process.env,
})

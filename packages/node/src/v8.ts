/**
 * V8 settings for a process that checks many drafts, set once by the
 * `post-lint` executable (bin/post-lint.js) before it checks anything. Both are
 * process-wide, so worker threads started later share them; a library caller
 * may call `tuneV8` too, at its own start-up (the language server does not).
 *
 * - Heap growth. Checking drafts keeps little alive (about 30 MB: rules, word
 *   lists, caches) but makes a lot of short-lived garbage. V8's default lets
 *   the old generation grow to up to four times what is alive, and further
 *   the longer a process runs: with all rules, 2,000 drafts peaked at
 *   ~170 MB and 10,000 at ~225 MB while the heap after a full collection
 *   stayed at 29 MB. Growing by 30% instead (V8's own factor on small
 *   devices) keeps both at ~150 MB, at the same speed.
 * - Tier-up. V8 optimises a function once it has run for its "interrupt
 *   budget" (66 KB of bytecode by default); with 8× that, it optimises fewer
 *   functions, later. One thread is as fast either way, but a worker thread
 *   warms up without flooding the cores with optimising-compiler jobs: on
 *   2 cores, 2,000 drafts with two threads went from no faster than one to
 *   ~1.2× faster (bench/README.md, "Threads"). `lintFiles` therefore starts
 *   worker threads sooner in a tuned process (see `autoThresholds`).
 *
 * Node documents v8.setFlagsFromString as use-with-care: these two flags only
 * feed the heap limit after each full collection and the budget that counts
 * down to optimisation, and V8's flags stay writable after start-up in Node 20
 * (--freeze-flags-after-init is off). test/e2e/scale.test.ts checks in the
 * executable that both take effect and that V8 prints nothing about them.
 */
import { setFlagsFromString } from 'node:v8'

/** The old generation may grow to (1 + this / 100) × what was alive after the last full collection. */
export const HEAP_GROWING_PERCENT = 30
/** V8's interrupt budget (its default in Node 20: `--interrupt-budget=67584`) times this. */
export const INTERRUPT_BUDGET_FACTOR = 8
const V8_INTERRUPT_BUDGET = 66 * 1024

let tuned = false

export function tuneV8(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`)
  setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET_FACTOR * V8_INTERRUPT_BUDGET}`)
  tuned = true
}

/** Whether `tuneV8` ran in this process. */
export function v8Tuned(): boolean {
  return tuned
}

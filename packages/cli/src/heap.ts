/**
 * Peak memory of long runs. Checking drafts one after the other keeps little
 * alive (about 30 MB: rules, word lists, caches) but makes a lot of short-lived
 * garbage. V8's default lets the old generation grow to up to four times what
 * is alive, and longer runs let it grow further: with all rules, 2,000 drafts
 * peaked at ~170 MB and 10,000 at ~225 MB while the heap after a full
 * collection stayed at 29 MB. Letting it grow by 30% instead (V8's own factor
 * on small devices) keeps both at ~150 MB, at the same speed
 * (bench/README.md, "Memory").
 *
 * A process-wide V8 setting, so only the `post-lint` executable calls this,
 * before anything else runs; worker threads started later share it. Node
 * documents v8.setFlagsFromString as use-with-care: this flag only feeds the
 * heap-limit computation after each full collection, and V8's flags stay
 * writable after start-up in Node 20 (--freeze-flags-after-init is off).
 * test/e2e/scale.test.ts checks that it takes effect and prints nothing.
 */
import { setFlagsFromString } from 'node:v8'

/** The old generation may grow to (1 + this / 100) × what was alive after the last full collection. */
export const HEAP_GROWING_PERCENT = 30

export function limitHeapGrowth(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`)
}

/**
 * Linting many drafts: cached results first (`--cache`), the rest in this
 * thread or in worker threads (`--workers`), results handed on in file order
 * as soon as they are ready (streaming: a caller that writes each result out
 * and drops it keeps memory flat, whatever the number of drafts).
 */
import { readFileSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import { hashText, type ResultCache } from './cache.js'
import { UsageError } from './errors.js'
import type { EngineOptions, FileResult, PostLint } from './index.js'
import { v8Tuned } from './v8.js'

export interface LintFilesOptions {
  cache?: ResultCache
  /**
   * Threads that lint, this one included: 1 lints here only; n > 1 starts
   * n − 1 worker threads and lints here as well. Default (auto): up to
   * `autoWorkers`, started at once in a process that called `tuneV8` and has
   * no `cache`, otherwise once `workersPayOff` says they would.
   */
  workers?: number
  /**
   * Called once per file, in file order. A result's `source` may hold only
   * the lines that have findings (from the cache or a worker thread).
   */
  onResult?: (result: FileResult, index: number) => void | Promise<void>
  /** Called as files finish, in any order (progress bars). */
  onProgress?: (done: number, total: number) => void
}

/** Drafts sent ahead to each worker thread, so it never waits for the next one. */
const QUEUE_PER_WORKER = 4

/**
 * A worker thread's young generation (where V8 allocates and collects
 * short-lived objects), in MB. V8 would let it grow to 48 MB; at 16 MB two
 * threads checked 2,000 drafts as fast, and the process peaked at ~185 MB
 * instead of ~200 MB.
 */
const WORKER_YOUNG_GENERATION_MB = 16

/**
 * Threads worth using: one per core, and one (this one) for a few hundred
 * drafts or fewer, where starting a worker would cost more than it saves.
 */
export function autoWorkers(files: number): number {
  return Math.max(1, Math.min(availableParallelism(), Math.floor(files / 200)))
}

/**
 * Auto: how long this thread checks drafts alone before its pace is known, and
 * the least work left (at that pace) for which worker threads start. The pace
 * is taken over the second half of the probe (the first drafts are slower: the
 * rules load and the code is not optimised yet). A new thread loads the rules
 * and warms up V8's optimising compiler, which competes with the busy threads
 * for the cores. Measured on 2 cores (bench/README.md, "Threads"):
 * - with V8's defaults, 2,000 drafts (about 4 s left after the first second)
 *   were no faster with a worker, 10,000 drafts (about 20 s) up to 1.5×;
 * - in a process that called `tuneV8` (the `post-lint` executable), 2,000
 *   drafts were ~1.2× faster with a worker started after 0.2 s and ~1.3× with
 *   one started at once, 500 drafts as fast as with one thread. So a tuned
 *   run without a cache starts its workers at once (see `lintFiles`), and
 *   one with a cache after this short probe.
 */
export function autoThresholds(tuned = v8Tuned()): { probeMs: number; minRemainingMs: number } {
  return tuned ? { probeMs: 200, minRemainingMs: 1_000 } : { probeMs: 1_000, minRemainingMs: 10_000 }
}

/** Auto: whether worker threads pay off for `remaining` drafts at `msPerDraft` in this thread. */
export function workersPayOff(msPerDraft: number, remaining: number, tuned = v8Tuned()): boolean {
  return msPerDraft * remaining >= autoThresholds(tuned).minRemainingMs
}

/**
 * Auto: this thread's pace, timed from the first draft it is asked about;
 * after the probe, counted from half-way (see `autoThresholds`).
 */
class Pace {
  readonly #probeMs = autoThresholds().probeMs
  #checked = 0
  #start: number | undefined
  #halfway: { at: number; checked: number } | undefined

  /** Whether worker threads pay off for the `remaining` drafts (never before the probe ends). */
  workersPayOff(remaining: number): boolean {
    const now = performance.now()
    this.#start ??= now
    if (now - this.#start < this.#probeMs || !this.#halfway) return false
    const drafts = this.#checked - this.#halfway.checked
    return drafts > 0 && workersPayOff((now - this.#halfway.at) / drafts, remaining)
  }

  /** A draft was checked in this thread. */
  checked(): void {
    this.#checked++
    if (this.#halfway || this.#start === undefined) return
    const now = performance.now()
    if (now - this.#start >= this.#probeMs / 2) this.#halfway = { at: now, checked: this.#checked }
  }
}

/**
 * Lints `files` (absolute paths, in order); returns the results in that order
 * unless `onResult` takes them. With more than one thread, this thread lints
 * too: it keeps the worker threads' queues filled and checks the next draft
 * itself whenever they are full, so there are never more busy threads than
 * cores and no draft waits for a free one.
 */
export async function lintFiles(
  engine: PostLint,
  files: readonly string[],
  options: LintFilesOptions = {},
): Promise<FileResult[]> {
  const { cache } = options
  const auto = options.workers === undefined
  const threads = options.workers ?? autoWorkers(files.length)
  // Auto in a tuned process without a cache: every draft is to be checked, and a worker started
  // at once paid off from 500 drafts up; with a cache, the pace tells how many are left to check.
  const atOnce = auto && !cache && v8Tuned()
  // Started at the first draft that is not in the cache (a warm run starts no thread); with auto,
  // once this thread's pace says the drafts left are worth it.
  let pool: Pool | undefined
  const pace = new Pace()
  const results: Array<FileResult | undefined> = new Array(files.length)
  const kept: FileResult[] = []
  let next = 0
  let done = 0
  // Hand results on in file order: result n goes out once 0…n are all there.
  const flush = async () => {
    while (next < files.length && results[next] !== undefined) {
      const result = results[next]!
      results[next] = undefined
      if (options.onResult) await options.onResult(result, next)
      else kept.push(result)
      next++
    }
  }
  const finish = async (index: number, result: FileResult) => {
    results[index] = result
    options.onProgress?.(++done, files.length)
    await flush()
  }
  try {
    const sent = new Set<Promise<void>>()
    let failure: { error: unknown } | undefined
    for (let index = 0; index < files.length; index++) {
      if (failure) throw failure.error
      const filePath = files[index]!
      const text = await readDraft(filePath)
      const rulebook = await engine.rulebookFor(filePath)
      const config = cache ? engine.configKey(rulebook, filePath) : ''
      const hash = cache ? hashText(text) : ''
      const cached = cache?.get(filePath, hash, config)
      if (cached) {
        await finish(index, { filePath, ...cached, source: cached.source ?? '', rulebook, cached: true })
        continue
      }
      const store = async (result: FileResult) => {
        cache?.set(filePath, hash, config, result)
        await finish(index, result)
      }
      if (threads > 1 && !pool && (!auto || atOnce || pace.workersPayOff(files.length - index)))
        pool = new Pool(threads - 1, engine.options)
      if (pool && sent.size < pool.size * QUEUE_PER_WORKER) {
        const task: Promise<void> = pool
          .lint(filePath, text)
          .then(store)
          .catch((error: unknown) => {
            failure ??= { error }
          })
          .finally(() => sent.delete(task))
        sent.add(task)
        continue
      }
      await store(await engine.lintText(text, filePath))
      if (auto && threads > 1 && !pool) pace.checked()
      // Let the worker threads' results in (they arrive as events, not as microtasks).
      if (pool) await new Promise((resolve) => setImmediate(resolve))
    }
    await Promise.all(sent)
    if (failure) throw failure.error
  } finally {
    await pool?.close()
  }
  return kept
}

/**
 * A draft's text; an unreadable file is a UsageError naming it and the reason.
 * Read synchronously: for files of a few kilobytes one read call costs far
 * less than the four thread-pool round trips of `fs/promises` (open, stat,
 * read, close), and drafts are read one by one anyway.
 */
export async function readDraft(filePath: string): Promise<string> {
  try {
    return readFileSync(filePath, 'utf8')
  } catch (error) {
    throw new UsageError(`Cannot read ${filePath}: ${(error as NodeJS.ErrnoException).code ?? error}`)
  }
}

/** Worker threads, each with its own engine; tasks go to the least busy one. */
class Pool {
  readonly #workers: Array<{ worker: Worker; busy: number }>
  readonly size: number
  readonly #pending = new Map<
    number,
    { resolve: (result: FileResult) => void; reject: (error: Error) => void }
  >()
  #id = 0

  constructor(count: number, options: EngineOptions) {
    const { rules: _rules, ...data } = options
    this.size = count
    this.#workers = Array.from({ length: count }, () => {
      const worker = new Worker(new URL('./worker.js', import.meta.url), {
        workerData: data,
        resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
      })
      const entry = { worker, busy: 0 }
      worker.on(
        'message',
        (message: { id: number; result?: FileResult; error?: { name: string; message: string } }) => {
          entry.busy--
          const pending = this.#pending.get(message.id)
          this.#pending.delete(message.id)
          if (!pending) return
          if (message.result) pending.resolve(message.result)
          else {
            const error = message.error!
            pending.reject(
              error.name === 'UsageError' ? new UsageError(error.message) : new Error(error.message),
            )
          }
        },
      )
      worker.on('error', (error) => {
        for (const pending of this.#pending.values()) pending.reject(error)
        this.#pending.clear()
      })
      return entry
    })
  }

  lint(filePath: string, text: string): Promise<FileResult> {
    const entry = this.#workers.reduce((least, candidate) =>
      candidate.busy < least.busy ? candidate : least,
    )
    const id = this.#id++
    entry.busy++
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject })
      entry.worker.postMessage({ id, filePath, text })
    })
  }

  async close(): Promise<void> {
    await Promise.all(this.#workers.map(({ worker }) => worker.terminate()))
  }
}

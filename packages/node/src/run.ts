/**
 * Linting many drafts: cached results first (`--cache`), the rest in this
 * thread or in worker threads (`--workers`), results handed on in file order
 * as soon as they are ready (streaming: a caller that writes each result out
 * and drops it keeps memory flat, whatever the number of drafts).
 */
import { readFile } from 'node:fs/promises'
import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import { hashText, type ResultCache } from './cache.js'
import { UsageError } from './errors.js'
import type { EngineOptions, FileResult, PostLint } from './index.js'

export interface LintFilesOptions {
  cache?: ResultCache
  /** Worker threads; 0 or 1: lint in this thread. Default: `autoWorkers`. */
  workers?: number
  /**
   * Called once per file, in file order. A result's `source` may hold only
   * the lines that have findings (from the cache or a worker thread).
   */
  onResult?: (result: FileResult, index: number) => void | Promise<void>
  /** Called as files finish, in any order (progress bars). */
  onProgress?: (done: number, total: number) => void
}

const READ_AHEAD = 32

/** Threads worth starting: one per core, and none for a handful of drafts (a worker costs a start-up). */
export function autoWorkers(files: number): number {
  return Math.max(1, Math.min(availableParallelism(), Math.floor(files / 200)))
}

/** Lints `files` (absolute paths, in order); returns the results in that order unless `onResult` takes them. */
export async function lintFiles(
  engine: PostLint,
  files: readonly string[],
  options: LintFilesOptions = {},
): Promise<FileResult[]> {
  const { cache } = options
  const workers = options.workers ?? autoWorkers(files.length)
  // Started at the first draft that is not in the cache: a warm run starts no thread.
  let pool: Pool | undefined
  const lint = (filePath: string, text: string): Promise<FileResult> => {
    if (workers <= 1) return engine.lintText(text, filePath)
    pool ??= new Pool(workers, engine.options)
    return pool.lint(filePath, text)
  }
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
    const running = new Set<Promise<void>>()
    const limit = workers > 1 ? workers * 4 : 1
    // Reading ahead keeps the disk busy while drafts are linted (or taken from the cache).
    const reads = new Map<number, Promise<string>>()
    const readAhead = (from: number) => {
      for (let ahead = from; ahead < Math.min(files.length, from + READ_AHEAD); ahead++) {
        if (reads.has(ahead)) continue
        const read = readDraft(files[ahead]!)
        read.catch(() => {})
        reads.set(ahead, read)
      }
    }
    for (let index = 0; index < files.length; index++) {
      const filePath = files[index]!
      readAhead(index)
      const text = await reads.get(index)!
      reads.delete(index)
      const rulebook = await engine.rulebookFor(filePath)
      const config = cache ? engine.configKey(rulebook, filePath) : ''
      const hash = cache ? hashText(text) : ''
      const cached = cache?.get(filePath, hash, config)
      if (cached) {
        await finish(index, { filePath, ...cached, source: cached.source ?? '', rulebook, cached: true })
        continue
      }
      const task = lint(filePath, text).then(async (result) => {
        cache?.set(filePath, hash, config, result)
        await finish(index, result)
      })
      const tracked: Promise<void> = task.finally(() => running.delete(tracked))
      running.add(tracked)
      if (running.size >= limit) await Promise.race(running)
    }
    await Promise.all(running)
  } finally {
    await pool?.close()
  }
  return kept
}

/** A draft's text; an unreadable file is a UsageError naming it and the reason. */
export async function readDraft(filePath: string): Promise<string> {
  try {
    return await readFile(filePath, 'utf8')
  } catch (error) {
    throw new UsageError(`Cannot read ${filePath}: ${(error as NodeJS.ErrnoException).code ?? error}`)
  }
}

/** Worker threads, each with its own engine; tasks go to the least busy one. */
class Pool {
  readonly #workers: Array<{ worker: Worker; busy: number }>
  readonly #pending = new Map<
    number,
    { resolve: (result: FileResult) => void; reject: (error: Error) => void }
  >()
  #id = 0

  constructor(count: number, options: EngineOptions) {
    const { rules: _rules, ...data } = options
    this.#workers = Array.from({ length: count }, () => {
      const worker = new Worker(new URL('./worker.js', import.meta.url), { workerData: data })
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

/**
 * `--cache`: what post-lint found in each draft, kept in a file between runs
 * (ESLint's `.eslintcache`, but files with findings are cached too). An entry
 * counts only when the draft's text (SHA-1), its configuration (the resolved
 * rulebook, the settings for that path, `--rule`) and the post-lint version
 * are all the same as when it was written. A cache file that cannot be read,
 * or was written by another version, is started afresh: never an error.
 */
import { createHash, randomBytes } from 'node:crypto'
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { dirname, relative, resolve } from 'node:path'
import type { LintMessage } from '@post-lint/core'

export const DEFAULT_CACHE_FILE = '.postlintcache'

/** SHA-1 of a text, hex. */
export function hashText(text: string): string {
  return createHash('sha1').update(text).digest('hex')
}

/** What a cached lint gives back. `source`: the masked text, kept only when there are findings. */
export interface CachedResult {
  messages: LintMessage[]
  lang: string
  source?: string
}

interface Entry {
  hash: string
  config: string
  result: CachedResult
}

interface CacheFile {
  format: 1
  version: string
  entries: Record<string, Entry>
}

/**
 * The masked text with only the lines that have findings (the lines outputs
 * show under a finding); other lines are left empty, so line numbers hold.
 */
export function linesOfFindings(source: string, messages: readonly LintMessage[]): string {
  const wanted = new Set<number>()
  for (const message of messages)
    for (let line = message.line; line <= message.endLine; line++) wanted.add(line)
  const parts = source.split(/(\r\n|\r|\n)/)
  for (let index = 0; index < parts.length; index += 2) if (!wanted.has(index / 2 + 1)) parts[index] = ''
  return parts.join('')
}

export class ResultCache {
  readonly path: string
  readonly #version: string
  readonly #entries: Map<string, Entry>
  #changed = false
  hits = 0
  misses = 0

  private constructor(path: string, version: string, entries: Map<string, Entry>) {
    this.path = path
    this.#version = version
    this.#entries = entries
  }

  /** A cache kept in memory only (`--watch` between its runs). */
  static inMemory(version: string): ResultCache {
    return new ResultCache(resolve('.postlintcache-in-memory'), version, new Map())
  }

  /** Opens (or starts) the cache file at `path` for this post-lint version. */
  static async open(path: string, version: string): Promise<ResultCache> {
    const absolute = resolve(path)
    let entries = new Map<string, Entry>()
    try {
      const data = JSON.parse(await readFile(absolute, 'utf8')) as Partial<CacheFile>
      if (data.format === 1 && data.version === version && data.entries && typeof data.entries === 'object')
        entries = new Map(Object.entries(data.entries))
    } catch {
      // Missing, unreadable or not ours: start afresh.
    }
    return new ResultCache(absolute, version, entries)
  }

  #key(filePath: string): string {
    // Relative to the cache file, so a cache restored on another CI machine still matches.
    return relative(dirname(this.path), filePath).split('\\').join('/')
  }

  get(filePath: string, hash: string, config: string): CachedResult | undefined {
    const entry = this.#entries.get(this.#key(filePath))
    if (entry && entry.hash === hash && entry.config === config) {
      this.hits++
      return entry.result
    }
    this.misses++
    return undefined
  }

  set(filePath: string, hash: string, config: string, result: CachedResult): void {
    const kept: CachedResult = { messages: result.messages, lang: result.lang }
    if (result.messages.length > 0 && result.source !== undefined)
      kept.source = linesOfFindings(result.source, result.messages)
    this.#entries.set(this.#key(filePath), { hash, config, result: kept })
    this.#changed = true
  }

  /** Forgets drafts that are gone (their path no longer found), so the file does not grow forever. */
  forgetMissing(exists: (filePath: string) => boolean): void {
    for (const key of [...this.#entries.keys()]) {
      if (!exists(resolve(dirname(this.path), key))) {
        this.#entries.delete(key)
        this.#changed = true
      }
    }
  }

  /** Writes the cache when it changed: a temporary file in the same folder, then renamed over it. */
  async save(): Promise<void> {
    if (!this.#changed) return
    const data: CacheFile = { format: 1, version: this.#version, entries: Object.fromEntries(this.#entries) }
    await mkdir(dirname(this.path), { recursive: true })
    const temporary = `${this.path}.${randomBytes(6).toString('hex')}.tmp`
    try {
      await writeFile(temporary, JSON.stringify(data))
      await rename(temporary, this.path)
    } catch (error) {
      await rm(temporary, { force: true })
      throw error
    }
    this.#changed = false
  }
}

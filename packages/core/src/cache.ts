/**
 * What an editor keeps between two lints of one open draft: each chunk's
 * parse and each chunk's findings, keyed by the chunk's text. A chunk that did
 * not change since one of the last two lints is neither parsed nor checked
 * again. One cache belongs to one draft and one linter: given another linter
 * (the rulebook changed) or another file, it starts afresh.
 */
export class LintCache {
  #owner: object | undefined
  #filePath: string | undefined
  #round = 0
  readonly #entries = new Map<string, { value: unknown; round: number }>()

  /** Called by the linter when a lint starts. @internal */
  begin(owner: object, filePath: string | undefined): void {
    if (owner !== this.#owner || filePath !== this.#filePath) {
      this.#entries.clear()
      this.#owner = owner
      this.#filePath = filePath
    }
    this.#round++
  }

  /** Called by the linter when a lint is done: forgets what the last two lints did not use. @internal */
  end(): void {
    for (const [key, entry] of this.#entries) if (entry.round < this.#round - 1) this.#entries.delete(key)
  }

  /** @internal */
  get<T>(key: string): T | undefined {
    const entry = this.#entries.get(key)
    if (!entry) return undefined
    entry.round = this.#round
    return entry.value as T
  }

  /** @internal */
  set(key: string, value: unknown): void {
    this.#entries.set(key, { value, round: this.#round })
  }

  /** Number of cached parses and checks (for tests and benchmarks). */
  get size(): number {
    return this.#entries.size
  }

  clear(): void {
    this.#entries.clear()
    this.#owner = undefined
  }
}

/** Thrown by `Linter.lint` when its `cancelled` callback says the result is no longer wanted. */
export class LintCancelled extends Error {
  override name = 'LintCancelled'
  constructor() {
    super('The lint was cancelled')
  }
}

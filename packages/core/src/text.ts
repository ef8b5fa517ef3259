import type { Lang, LocalText } from './types.js'

/** Where post-lint's documentation lives (the repository's main branch). */
export const DOCS_ROOT = 'https://github.com/post-lint/post-lint/blob/main/'
/** Base of the rule documentation pages; a page per rule id. */
export const DOCS_BASE = `${DOCS_ROOT}rules/`

export function docsUrl(ruleId: string): string {
  return `${DOCS_BASE}${ruleId}/README.md`
}

/** The text in `lang`, else English, with `{name}` placeholders filled in. */
export function localize(text: LocalText | undefined, lang: Lang, vars?: Record<string, string>): string {
  if (text === undefined) return ''
  let value = typeof text === 'string' ? text : (text[lang] ?? text.en)
  if (vars) {
    // Quoted draft text may span lines; a message is one line.
    value = value.replace(/\{(\w+)\}/g, (whole, name: string) => vars[name]?.replace(/\s+/g, ' ') ?? whole)
  }
  return value
}

/** Levenshtein distance, for "did you mean" hints. */
export function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, index) => index)
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!
    row[0] = i
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1))
      previous = current
    }
  }
  return row[b.length]!
}

/** The closest candidate within a small edit distance, if any. */
export function didYouMean(value: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined
  let bestDistance = Math.max(2, Math.floor(value.length / 3)) + 1
  for (const candidate of candidates) {
    const d = distance(value.toLowerCase(), candidate.toLowerCase())
    if (d < bestDistance) {
      best = candidate
      bestDistance = d
    }
  }
  return best
}

/** Offsets → 1-based line and column; lines end at \n, \r\n or \r. */
export class LineIndex {
  readonly #starts: number[] = [0]

  constructor(text: string) {
    for (let index = 0; index < text.length; index++) {
      const code = text.charCodeAt(index)
      if (code === 10 /* \n */) this.#starts.push(index + 1)
      else if (code === 13 /* \r */) {
        if (text.charCodeAt(index + 1) === 10) index++
        this.#starts.push(index + 1)
      }
    }
  }

  position(offset: number): { line: number; column: number } {
    let low = 0
    let high = this.#starts.length - 1
    while (low < high) {
      const middle = (low + high + 1) >> 1
      if (this.#starts[middle]! <= offset) low = middle
      else high = middle - 1
    }
    return { line: low + 1, column: offset - this.#starts[low]! + 1 }
  }

  offset(line: number, column: number): number {
    const start = this.#starts[Math.min(Math.max(line, 1), this.#starts.length) - 1]!
    return start + column - 1
  }

  get lineCount(): number {
    return this.#starts.length
  }

  lineStart(line: number): number {
    return this.#starts[line - 1] ?? this.#starts[this.#starts.length - 1]!
  }
}

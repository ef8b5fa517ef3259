import type { PhraseMatch } from '@post-lint/core'
import { normalizeWord } from '@post-lint/core'

const EMPTY: ReadonlySet<string> = new Set()
/** Options objects live as long as their linter: compile each ignore list once. */
const compiled = new WeakMap<object, ReadonlySet<string>>()

/** Phrases to skip (option `ignore`), compared as phrases are: case, hyphens and apostrophes aside. */
export function ignoreSet(option: unknown): ReadonlySet<string> {
  if (!Array.isArray(option) || option.length === 0) return EMPTY
  let set = compiled.get(option)
  if (!set) {
    set = new Set(option.map((phrase) => phraseKey(String(phrase))))
    compiled.set(option, set)
  }
  return set
}

export function ignored(ignore: ReadonlySet<string>, match: PhraseMatch): boolean {
  return ignore.size > 0 && (ignore.has(phraseKey(match.spec.match)) || ignore.has(phraseKey(match.actual)))
}

function phraseKey(phrase: string): string {
  return phrase
    .trim()
    .split(/\s+/)
    .map((word) => normalizeWord(word))
    .join(' ')
}

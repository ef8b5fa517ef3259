import type { PhraseMatch } from '@post-lint/core'
import { normalizeWord } from '@post-lint/core'

/** Phrases to skip (option `ignore`), compared as phrases are: case, hyphens and apostrophes aside. */
export function ignoreSet(option: unknown): Set<string> {
  return new Set((Array.isArray(option) ? option : []).map((phrase) => phraseKey(String(phrase))))
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

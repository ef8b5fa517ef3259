/**
 * Rule `watch`: names on the rulebook's `watch:` list (a sensitive client
 * case, a colleague on leave, a local politician) always get a second look.
 * The names go into the single phrase index, case-insensitive, and also
 * match with a possessive s (“Fatima's”, “Jansens”).
 */
import type { LocalText, PhraseSpec, Rule } from '@post-lint/core'
import { DOCS_ROOT } from '@post-lint/core'

export const WATCH_RULE_ID = 'watch'

const MESSAGE: LocalText = {
  en: '“{actual}” is on the rulebook’s watch list: have someone read this post again before it goes out.',
  nl: '“{actual}” staat op de volglijst van het rulebook: laat dit bericht nog even nalezen.',
}

/** The phrases for one watched name: as written, and with a possessive s on its last word. */
function watchPhrases(name: string): string[] {
  const phrase = name.trim().replace(/\s+/g, ' ')
  if (phrase === '') return []
  if (phrase.endsWith('*') || !/\p{L}$/u.test(phrase)) return [phrase]
  // Apostrophes do not count in the index: “Fatimas” also finds “Fatima's”.
  return /s$/i.test(phrase) ? [phrase] : [phrase, `${phrase}s`]
}

export function watchRule(names: readonly string[]): Rule {
  const seen = new Set<string>()
  const phrases: PhraseSpec[] = []
  for (const name of names) {
    for (const match of watchPhrases(name)) {
      const key = match.toLowerCase()
      if (seen.has(key)) continue
      seen.add(key)
      phrases.push({ match, data: { name } })
    }
  }
  return {
    meta: {
      id: WATCH_RULE_ID,
      defaultSeverity: 'info',
      title: { en: 'Watch list', nl: 'Volglijst' },
      description: {
        en: 'Names on the rulebook’s watch list: posts that mention them get a second reader.',
        nl: 'Namen op de volglijst van het rulebook: berichten die ze noemen, krijgen een tweede lezer.',
      },
      message: MESSAGE,
      url: `${DOCS_ROOT}docs/rulebook.md#watch`,
    },
    phrases,
  }
}

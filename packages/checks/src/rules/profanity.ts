import type { PhraseSpec, Rule } from '@post-lint/core'
import { longestMatches, matchCase } from '@post-lint/core'
import { metaFrom } from '../data.js'
import { profanityRatings, profanityRegular } from '../generated/profanity-en.js'
import { ruleData } from '../generated/rules.js'
import { ignored, ignoreSet } from './ignore.js'

/**
 * Profane and vulgar words. English: retext-profanities' data (cuss, with
 * singular and plural forms) and its wording by rating; Dutch: our own curated
 * list in rules/profanity/nl.yml. English lists never run on Dutch drafts.
 *
 * Option `sureness` (0–2, default 1): the lowest cuss rating reported in
 * English; 0 also reports words that are only profane in some senses
 * ("hell", "balls"), as retext-profanities and alex do by default.
 */
const data = ruleData.profanity!

const RATING_TEXT = [
  {
    en: 'Be careful with “{actual}”: it is profane in some senses; everything online stays findable.',
    nl: 'Let op met “{actual}”: het kan grof overkomen.',
  },
  {
    en: 'Reconsider “{actual}”: it may read as profane; choose a neutral word.',
    nl: 'Heroverweeg “{actual}”: het kan grof overkomen; kies een neutraal woord.',
  },
  {
    en: 'Don’t use “{actual}”: it is profane; a post speaks for the whole organisation.',
    nl: 'Gebruik “{actual}” niet: het is grof taalgebruik.',
  },
] as const

const englishPhrases: PhraseSpec[] = Object.entries(profanityRatings).map(([word, rating]) => ({
  match: word,
  lang: 'en',
  message: RATING_TEXT[rating],
  apostrophe: profanityRegular.includes(word),
  data: { rating },
}))

export const profanity: Rule = {
  meta: metaFrom(data, { fixable: false, allowOption: 'ignore' }),
  phrases: [...englishPhrases, ...data.phrases],
  check(ctx) {
    const sureness = typeof ctx.options.sureness === 'number' ? ctx.options.sureness : 1
    const ignore = ignoreSet(ctx.options.ignore)
    const matches = ctx.phraseMatches.filter((match) => {
      const rating = (match.spec.data as { rating?: number } | undefined)?.rating
      if (rating !== undefined && rating < sureness) return false
      return !ignored(ignore, match)
    })
    for (const match of longestMatches(matches)) {
      ctx.report({
        start: match.start,
        end: match.end,
        message: ctx.t(match.spec.message ?? data.message, { actual: match.actual }),
        suggestions: match.spec.suggestions ? matchCase(match.actual, match.spec.suggestions) : [],
        ...(match.spec.note ? { note: match.spec.note } : {}),
      })
    }
  },
}

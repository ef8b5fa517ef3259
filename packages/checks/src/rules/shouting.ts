import type { Rule } from '@post-lint/core'
import { metaFrom } from '../data.js'
import { findShouting } from '../detect/shouting.js'
import { ruleData } from '../generated/rules.js'
import { detectInBlocks } from './blocks.js'

/**
 * Words or sentences in ALL CAPS (acronyms aside) and repeated !!! / ???.
 * Repeated punctuation has a safe fix (one mark); caps get a suggestion only,
 * because names and acronyms inside a shouted sentence need a human eye.
 */
const data = ruleData.shouting!

const MESSAGES = {
  'shouting-caps': {
    en: '“{actual}” in capitals reads as shouting: write it in normal case.',
    nl: '“{actual}” in hoofdletters leest als schreeuwen: schrijf het gewoon.',
  },
  'shouting-punctuation': {
    en: '“{actual}” reads as shouting: one mark is enough.',
    nl: '“{actual}” leest als schreeuwen: één teken is genoeg.',
  },
} as const

export const shouting: Rule = {
  meta: metaFrom(data, { fixable: true }),
  check(ctx) {
    for (const span of detectInBlocks(ctx, findShouting)) {
      const punctuation = span.kind === 'shouting-punctuation'
      const template = MESSAGES[span.kind as keyof typeof MESSAGES] ?? data.message
      ctx.report({
        start: span.sourceStart,
        end: span.sourceEnd,
        message: ctx.t(template, { actual: span.text }),
        suggestions: span.suggestion ? [span.suggestion] : [],
        fix: punctuation && span.suggestion !== undefined,
      })
    }
  },
}

import type { Rule } from '@post-lint/core'
import { longestMatches } from '@post-lint/core'
import { metaFrom } from '../data.js'
import { ruleData } from '../generated/rules.js'
import { stringList } from './blocks.js'

/**
 * Sponsored content without a disclosure label. The signs (“in samenwerking
 * met”, “sponsored by”, a discount code) are phrase lists; a post that carries
 * any of the `labels` (#ad, #advertentie, [Betaalde samenwerking], …) anywhere
 * is disclosed. Reported once, at the first sign.
 */
const data = ruleData.sponsored!

export const sponsored: Rule = {
  meta: metaFrom(data, { scope: 'document' }),
  phrases: data.phrases,
  check(ctx) {
    const first = longestMatches(ctx.phraseMatches)[0]
    if (!first) return
    const labels =
      ctx.options.labels !== undefined ? stringList(ctx.options.labels) : stringList(data.options?.labels)
    const text = ctx.plainText().toLowerCase()
    const disclosed = labels.some((label) => {
      const needle = label.toLowerCase()
      let index = text.indexOf(needle)
      while (index !== -1) {
        const after = text.charAt(index + needle.length)
        // “#ad” must not count inside “#adopt”.
        if (!/[\p{L}\p{N}_]/u.test(after)) return true
        index = text.indexOf(needle, index + 1)
      }
      return false
    })
    if (disclosed) return
    ctx.report({
      start: first.start,
      end: first.end,
      message: ctx.t(first.spec.message ?? data.message, { actual: first.actual }),
    })
  },
}

import type { Rule } from '@post-lint/core'
import { metaFrom } from '../data.js'
import { findHashtagCase, loadWordLists, mayNeedWordLists } from '../detect/hashtag.js'
import { ruleData } from '../generated/rules.js'
import { detectInBlocks } from './blocks.js'

/**
 * Multi-word hashtags in one case (#mentalhealthawareness): screen readers
 * read them as one long word. CamelCase is a safe fix: platforms match
 * hashtags regardless of case. Dutch single compounds (#vrijwilligerswerk)
 * are one word and pass.
 */
const data = ruleData['hashtag-case']!

export const hashtagCase: Rule = {
  meta: metaFrom(data, { fixable: true }),
  async check(ctx) {
    if (!ctx.blocks.some((block) => mayNeedWordLists(block.text))) return
    await loadWordLists()
    for (const span of detectInBlocks(ctx, (text) => findHashtagCase(text, ctx.lang))) {
      if (!span.suggestion) continue
      ctx.report({
        start: span.sourceStart,
        end: span.sourceEnd,
        message: ctx.t(data.message, { actual: span.text, suggestion: span.suggestion }),
        suggestions: [span.suggestion],
        fix: true,
      })
    }
  },
}

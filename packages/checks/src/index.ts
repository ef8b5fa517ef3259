import type { Rule } from '@post-lint/core'
import { insensitive } from './rules/insensitive.js'
import { phraseRules } from './rules/phrase-rules.js'
import { profanity } from './rules/profanity.js'

export type { EqualityPattern, RuleData } from './data.js'
export { ruleData } from './generated/rules.js'
export { insensitive, phraseRules, profanity }

/** Every built-in rule, in catalogue order. */
export const builtinRules: readonly Rule[] = [profanity, insensitive, ...phraseRules]

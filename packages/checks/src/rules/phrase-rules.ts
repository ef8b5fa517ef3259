import type { Rule } from '@post-lint/core'
import { metaFrom } from '../data.js'
import { ruleData } from '../generated/rules.js'

/**
 * Rules that are data only: their phrase lists (rules/<id>/<lang>.yml) are
 * compiled into the engine's single index, and every match is reported with
 * the phrase's or the rule's message.
 */
export const PHRASE_RULE_IDS = [
  'confidential',
  'work-complaints',
  'politics',
  'bragging',
  'permanence',
  'unverified',
  'promises',
  'crisis-tone',
] as const

export const phraseRules: Rule[] = PHRASE_RULE_IDS.flatMap((id) => {
  const data = ruleData[id]
  return data ? [{ meta: metaFrom(data), phrases: data.phrases }] : []
})

import type { Rule } from '@post-lint/core'
import { altText } from './rules/alt-text.js'
import { hashtagCase } from './rules/hashtag-case.js'
import { insensitive } from './rules/insensitive.js'
import { personalData } from './rules/personal-data.js'
import { phraseRules } from './rules/phrase-rules.js'
import { platformLength } from './rules/platform-length.js'
import { profanity } from './rules/profanity.js'
import { secrets } from './rules/secrets.js'
import { shouting } from './rules/shouting.js'
import { sponsored } from './rules/sponsored.js'

export type { EqualityPattern, RuleData } from './data.js'
export { findHighEntropy, findSecretPhrases, findTokenPatterns } from './detect/secrets.js'
export { ruleData } from './generated/rules.js'
export { addressKey, domainOf } from './rules/personal-data.js'
export { KNOWN_PLATFORMS, normalizePlatform, platformName } from './rules/platform-length.js'
export {
  altText,
  hashtagCase,
  insensitive,
  personalData,
  phraseRules,
  platformLength,
  profanity,
  secrets,
  shouting,
  sponsored,
}

const byId = (id: string) => phraseRules.find((rule) => rule.meta.id === id)!

/** Every built-in rule, in catalogue order (the order of the docs). */
export const builtinRules: readonly Rule[] = [
  personalData,
  secrets,
  byId('confidential'),
  byId('work-complaints'),
  byId('politics'),
  byId('bragging'),
  byId('permanence'),
  profanity,
  insensitive,
  shouting,
  platformLength,
  altText,
  hashtagCase,
  byId('unverified'),
  byId('promises'),
  byId('crisis-tone'),
  sponsored,
]

/**
 * Compile a resolved rulebook into rules and per-draft configuration:
 *
 * - built-in rules, with the organisation's details and account limits
 *   applied (organisation.ts);
 * - `watch` (watch.ts) and `account` (account.ts), always present, so a
 *   rulebook or a comment can name them even while their lists are empty;
 * - the custom rules (custom.ts), after the built-ins;
 * - `configFor(filePath)`: `language` and `rules` of the rulebook, then every
 *   override that matches the draft (overrides.ts).
 *
 * `testRulebook` (examples.ts) runs the custom rules' examples; `doctor`
 * (doctor.ts) checks the account register. Everything here is pure.
 */
import type { LintConfig, Rule } from '@post-lint/core'
import { ConfigError } from '@post-lint/core'
import { ACCOUNT_RULE_ID, accountRule } from './account.js'
import { compileCustomRule } from './custom.js'
import { personalDataOptions, platformLengthOptions, withOptions } from './organisation.js'
import { configResolver } from './overrides.js'
import type { CompiledRulebook, ResolvedRulebook } from './types.js'
import { WATCH_RULE_ID, watchRule } from './watch.js'

export { doctor } from './doctor.js'
export { testRulebook } from './examples.js'

/** Ids of the rules a rulebook adds to the built-ins (besides its custom rules). */
export const RULEBOOK_RULE_IDS: readonly string[] = [WATCH_RULE_ID, ACCOUNT_RULE_ID]

export function compileRulebook(rulebook: ResolvedRulebook, builtins: readonly Rule[]): CompiledRulebook {
  const organisation = rulebook.organisation ?? {}
  const accounts = rulebook.accounts ?? []
  const derived: Record<string, Record<string, unknown> | undefined> = {
    'personal-data': personalDataOptions(organisation),
    'platform-length': platformLengthOptions(accounts),
  }
  const rules: Rule[] = builtins.map((rule) => withOptions(rule, derived[rule.meta.id]))
  const taken = new Set(rules.map((rule) => rule.meta.id))
  for (const rule of [watchRule(rulebook.watch ?? []), accountRule(accounts)]) {
    // A caller that passes these among the builtins keeps its own.
    if (taken.has(rule.meta.id)) continue
    rules.push(rule)
    taken.add(rule.meta.id)
  }
  for (const [id, custom] of Object.entries(rulebook.custom ?? {})) {
    if (taken.has(id)) {
      throw new ConfigError(`Custom rule “${id}” has the id of a built-in rule; give it another name`)
    }
    rules.push(compileCustomRule(id, custom))
    taken.add(id)
  }
  const base: LintConfig = {
    rules: { ...rulebook.rules },
    ...(rulebook.language ? { language: rulebook.language } : {}),
  }
  return { rulebook, rules, configFor: configResolver(base, rulebook.overrides ?? []) }
}

/**
 * Compile a resolved rulebook into rules and per-draft configuration.
 * STUB: implemented by the compile work (custom rules, organisation,
 * accounts, watch, overrides).
 */
import type { Rule } from '@post-lint/core'
import type { CompiledRulebook, DoctorFinding, ExampleResult, ResolvedRulebook } from './types.js'

export function compileRulebook(rulebook: ResolvedRulebook, builtins: readonly Rule[]): CompiledRulebook {
  return {
    rulebook,
    rules: [...builtins],
    configFor: () => ({
      rules: rulebook.rules,
      ...(rulebook.language ? { language: rulebook.language } : {}),
    }),
  }
}

/** Run every custom rule's examples (and report which fail). */
export async function testRulebook(_compiled: CompiledRulebook): Promise<ExampleResult[]> {
  return []
}

/** Continuity problems in the account register and rulebook. */
export function doctor(_rulebook: ResolvedRulebook): DoctorFinding[] {
  return []
}

/**
 * `post-lint test`: every custom rule's `examples.flag` must give at least
 * one finding of that rule, every `examples.pass` none. Examples run with all
 * compiled rules and the rulebook's base configuration (the rule itself is
 * switched on if the rulebook switches it off), in the rule's `lang`, else the
 * rulebook's `language`, else the language post-lint detects. An example may
 * start with frontmatter (for `require` rules).
 */
import type { LintConfig, LintMessage } from '@post-lint/core'
import { ENGINE_RULES, Linter, readSetting } from '@post-lint/core'
import type { CompiledRulebook, ExampleResult } from './types.js'

function describe(message: LintMessage): string {
  return `“${message.actual}” at ${message.line}:${message.column}`
}

export async function testRulebook(compiled: CompiledRulebook): Promise<ExampleResult[]> {
  const custom = Object.entries(compiled.rulebook.custom)
  if (custom.length === 0) return []
  const base = compiled.configFor(undefined)
  const rules = { ...base.rules }
  for (const [id] of custom) {
    const rule = compiled.rules.find((candidate) => candidate.meta.id === id)
    const { severity, options } = readSetting(rules[id])
    if ((severity ?? rule?.meta.defaultSeverity) === 'off') rules[id] = ['warning', options]
  }
  const config: LintConfig = { ...base, rules }
  const linter = new Linter({ rules: compiled.rules, config })
  const results: ExampleResult[] = []
  for (const [id, rule] of custom) {
    const language = rule.lang
    for (const kind of ['flag', 'pass'] as const) {
      for (const text of rule.examples?.[kind] ?? []) {
        const { messages } = await linter.lint(text, language ? { language } : {})
        const own = messages.filter((message) => message.ruleId === id)
        let problem: string | undefined
        const crash = messages.find(
          (message) => message.ruleId === ENGINE_RULES.ruleCrash && message.message.includes(`“${id}”`),
        )
        if (crash) problem = crash.message
        else if (kind === 'flag' && own.length === 0) problem = `expected a finding of “${id}”, got none`
        else if (kind === 'pass' && own.length > 0) {
          const more = own.length > 1 ? ` (and ${own.length - 1} more)` : ''
          problem = `expected no finding, got ${describe(own[0]!)}${more}`
        }
        results.push({
          ruleId: id,
          kind,
          text,
          ok: problem === undefined,
          ...(problem ? { problem } : {}),
          source: rule.source,
        })
      }
    }
  }
  return results
}

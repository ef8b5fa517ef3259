/**
 * RuleTester-style tables for post-lint rules, wired into vitest
 * (after ESLint's RuleTester): `valid` drafts must give no message of the
 * rule, `invalid` drafts must give exactly the listed messages, in order.
 */
import type { Lang, LintMessage, Rule, SeveritySetting } from '@post-lint/core'
import { Linter } from '@post-lint/core'
import { describe, expect, it } from 'vitest'

export interface Case {
  text: string
  lang?: Lang
  options?: Record<string, unknown>
  filePath?: string
  name?: string
}

export interface ExpectedMessage {
  line?: number
  column?: number
  endLine?: number
  endColumn?: number
  offset?: number
  endOffset?: number
  actual?: string
  message?: string | RegExp
  suggestions?: string[]
  fix?: LintMessage['fix'] | null
}

export interface InvalidCase extends Case {
  errors: ExpectedMessage[]
}

export async function lintWith(
  rule: Rule,
  testCase: Case,
  severity: SeveritySetting = 'warning',
): Promise<LintMessage[]> {
  const level = rule.meta.defaultSeverity === 'off' ? severity : rule.meta.defaultSeverity
  const linter = new Linter({
    rules: [rule],
    config: { rules: { [rule.meta.id]: [level, testCase.options ?? {}] } },
  })
  const result = await linter.lint(testCase.text, {
    ...(testCase.filePath ? { filePath: testCase.filePath } : {}),
    ...(testCase.lang ? { language: testCase.lang } : {}),
  })
  return result.messages.filter((message) => message.ruleId === rule.meta.id)
}

export function runRuleTests(
  rule: Rule,
  cases: { valid: Array<string | Case>; invalid: InvalidCase[] },
): void {
  describe(rule.meta.id, () => {
    for (const entry of cases.valid) {
      const testCase = typeof entry === 'string' ? { text: entry } : entry
      it(`valid: ${testCase.name ?? testCase.text.slice(0, 60)}`, async () => {
        const messages = await lintWith(rule, testCase)
        expect(messages.map((message) => `${message.line}:${message.column} ${message.actual}`)).toEqual([])
      })
    }
    for (const testCase of cases.invalid) {
      it(`invalid: ${testCase.name ?? testCase.text.slice(0, 60)}`, async () => {
        const messages = await lintWith(rule, testCase)
        expect(messages).toHaveLength(testCase.errors.length)
        testCase.errors.forEach((expected, index) => {
          const message = messages[index]!
          const { message: text, fix, ...fields } = expected
          expect(message).toMatchObject(fields)
          if (typeof text === 'string') expect(message.message).toBe(text)
          else if (text instanceof RegExp) expect(message.message).toMatch(text)
          if (fix === null) expect(message.fix).toBeUndefined()
          else if (fix !== undefined) expect(message.fix).toEqual(fix)
        })
      })
    }
  })
}

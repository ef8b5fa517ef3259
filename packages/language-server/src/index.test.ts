import { describe, expect, it } from 'vitest'
import { toDiagnostic } from './index.js'

describe('toDiagnostic', () => {
  it('maps 1-based engine positions to 0-based LSP ranges, rule id to code and url to codeDescription', () => {
    const diagnostic = toDiagnostic({
      ruleId: 'profanity',
      severity: 'warning',
      message: 'Don’t use “crap”.',
      line: 2,
      column: 5,
      endLine: 2,
      endColumn: 9,
      offset: 10,
      endOffset: 14,
      actual: 'crap',
      suggestions: [],
      url: 'https://example.org/rules/profanity',
    })
    expect(diagnostic.range).toEqual({ start: { line: 1, character: 4 }, end: { line: 1, character: 8 } })
    expect(diagnostic.code).toBe('profanity')
    expect(diagnostic.severity).toBe(2)
    expect(diagnostic.codeDescription).toEqual({ href: 'https://example.org/rules/profanity' })
  })
})

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

describe('toDiagnostic severities and data', () => {
  const base = {
    ruleId: 'people-first',
    message: 'Write “people we support” instead of “clients”.',
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 8,
    offset: 0,
    endOffset: 7,
    actual: 'clients',
    suggestions: ['people we support'],
  }
  it('maps error, warning and info, source post-lint, suggestions and fix as data, no url no codeDescription', () => {
    expect(toDiagnostic({ ...base, severity: 'error' }).severity).toBe(1)
    expect(toDiagnostic({ ...base, severity: 'info' }).severity).toBe(3)
    const diagnostic = toDiagnostic({
      ...base,
      severity: 'warning',
      fix: { range: [0, 7], text: 'people we support' },
    })
    expect(diagnostic.source).toBe('post-lint')
    expect(diagnostic.codeDescription).toBeUndefined()
    expect(diagnostic.data).toEqual({
      suggestions: ['people we support'],
      fix: { range: [0, 7], text: 'people we support' },
      actual: base.actual,
    })
  })
})

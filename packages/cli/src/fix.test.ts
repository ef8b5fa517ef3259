import type { LintMessage } from '@post-lint/core'
import { describe, expect, it } from 'vitest'
import { applyFixes, fixText, MAX_PASSES } from './fix.js'

function finding(
  start: number,
  end: number,
  text: string,
  severity: LintMessage['severity'] = 'warning',
): LintMessage {
  return {
    ruleId: 'test',
    severity,
    message: 'm',
    line: 1,
    column: start + 1,
    endLine: 1,
    endColumn: end + 1,
    offset: start,
    endOffset: end,
    actual: '',
    suggestions: [text],
    fix: { range: [start, end], text },
  }
}

describe('applyFixes', () => {
  it('applies fixes back to front, whatever their order, so offsets stay right', () => {
    const text = 'aaa bbb ccc'
    const result = applyFixes(text, [finding(8, 11, 'C'), finding(0, 3, 'A'), finding(4, 7, 'BBBBB')])
    expect(result).toEqual({ text: 'A BBBBB C', applied: 3 })
  })

  it('skips overlapping and out-of-range fixes (the next pass may apply them), and unaccepted ones', () => {
    const text = 'hello world'
    const result = applyFixes(
      text,
      [finding(0, 5, 'HELLO'), finding(3, 8, 'x'), finding(6, 99, 'y'), finding(6, 11, 'WORLD', 'info')],
      (message) => message.severity !== 'info',
    )
    expect(result).toEqual({ text: 'HELLO world', applied: 1 })
    expect(applyFixes(text, [{ ...finding(0, 5, 'x'), fix: undefined }])).toEqual({ text, applied: 0 })
  })

  it('applies insertions at the same place in order, and adjacent fixes', () => {
    expect(applyFixes('ab', [finding(1, 1, 'X'), finding(1, 1, 'Y'), finding(0, 1, 'A')]).text).toBe('AXYb')
  })
})

describe('fixText', () => {
  it('lints again after each pass until nothing changes, at most MAX_PASSES times', async () => {
    let lints = 0
    // A "rule" that always wants one more "!" removed: never stable.
    const lint = async (text: string) => {
      lints++
      const index = text.indexOf('!!')
      return {
        filePath: 'x.md',
        messages: index >= 0 ? [finding(index, index + 2, '!')] : [],
        source: text,
        lang: 'en',
        rulebook: undefined,
      }
    }
    const short = await fixText('Hi!!!!', lint, () => true)
    expect(short).toMatchObject({ text: 'Hi!', changed: true })
    expect(lints).toBe(4)
    lints = 0
    const long = await fixText(`\uFEFFHi${'!'.repeat(50)}`, lint, () => true)
    expect(lints).toBe(MAX_PASSES + 1)
    expect(long.text).toBe(`\uFEFFHi${'!'.repeat(50 - MAX_PASSES)}`)
    expect(long.before.source).toBe(`Hi${'!'.repeat(50)}`)
    expect((await fixText('Hi!', lint, () => true)).changed).toBe(false)
  })
})

import { describe, expect, it } from 'vitest'
import { onChangedLine, parseUnifiedDiff, unquote } from './changed.js'

describe('parseUnifiedDiff', () => {
  it('collects the new-side lines of each hunk, per file', () => {
    const diff = [
      'diff --git a/drafts/a.md b/drafts/a.md',
      'index 1111111..2222222 100644',
      '--- a/drafts/a.md',
      '+++ b/drafts/a.md',
      '@@ -3 +3 @@ intro',
      '-old',
      '+new',
      '@@ -10,0 +11,3 @@',
      '+x',
      '+y',
      '+z',
      '@@ -20,2 +22,0 @@',
      '-gone',
      '-gone',
      'diff --git a/new.md b/new.md',
      'new file mode 100644',
      '--- /dev/null',
      '+++ b/new.md',
      '@@ -0,0 +1,2 @@',
      '+a',
      '+b',
      'diff --git a/empty.md b/empty.md',
      'new file mode 100644',
      'index 0000000..e69de29',
      'diff --git a/old name.md b/new name.md',
      'similarity index 100%',
      'rename from old name.md',
      'rename to new name.md',
    ].join('\n')
    const files = parseUnifiedDiff(diff)
    expect([...files.keys()]).toEqual(['drafts/a.md', 'new.md'])
    expect([...files.get('drafts/a.md')!]).toEqual([3, 11, 12, 13])
    expect([...files.get('new.md')!]).toEqual([1, 2])
  })

  it('reads paths git had to quote', () => {
    const diff =
      'diff --git "a/t\\tab.md" "b/t\\tab.md"\n--- "a/t\\tab.md"\n+++ "b/t\\tab.md"\n@@ -1 +1 @@\n-a\n+b\n'
    expect([...parseUnifiedDiff(diff).keys()]).toEqual(['t\tab.md'])
  })
})

describe('unquote', () => {
  it('decodes C-style escapes and octal UTF-8 bytes', () => {
    expect(unquote('"b/caf\\303\\251 \\"quoted\\" back\\\\slash\\n.md"')).toBe(
      'b/café "quoted" back\\slash\n.md',
    )
    expect(unquote('"b/ümlaut 😀 \\t.md"')).toBe('b/ümlaut 😀 \t.md')
  })
})

describe('onChangedLine', () => {
  it('counts a finding that touches any changed line', () => {
    const lines = new Set([3, 7])
    expect(onChangedLine(lines, { line: 3, endLine: 3 })).toBe(true)
    expect(onChangedLine(lines, { line: 5, endLine: 8 })).toBe(true)
    expect(onChangedLine(lines, { line: 4, endLine: 6 })).toBe(false)
    expect(onChangedLine('all', { line: 100, endLine: 100 })).toBe(true)
  })
})

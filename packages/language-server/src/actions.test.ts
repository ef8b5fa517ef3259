import { describe, expect, it } from 'vitest'
import type { Diagnostic } from 'vscode-languageserver'
import { TextDocument } from 'vscode-languageserver-textdocument'
import {
  disableLineAction,
  FIX_ALL_KIND,
  failureDiagnostic,
  fixAllAction,
  fixAllEdits,
  hoverText,
  problemDiagnostic,
  quickFixes,
} from './actions.js'
import { normalizeSettings } from './server.js'

const uri = 'file:///drafts/post.md'
const range = (line: number, start: number, end: number) => ({
  start: { line, character: start },
  end: { line, character: end },
})
const finding = (overrides: Partial<Diagnostic> = {}): Diagnostic => ({
  range: range(0, 4, 11),
  message: 'Write “people we support” instead of “clients”.',
  code: 'people-first',
  source: 'post-lint',
  data: { suggestions: ['people we support'] },
  ...overrides,
})

describe('quickFixes', () => {
  it('one preferred fix for a single suggestion, replacing the finding', () => {
    const [action, ...rest] = quickFixes(uri, finding())
    expect(rest).toEqual([])
    expect(action).toMatchObject({
      title: 'Replace with “people we support”',
      kind: 'quickfix',
      isPreferred: true,
    })
    expect(action!.edit!.changes![uri]).toEqual([{ range: range(0, 4, 11), newText: 'people we support' }])
  })

  it('none preferred when there are several; none without suggestions', () => {
    const actions = quickFixes(uri, finding({ data: { suggestions: ['a', 'b'] } }))
    expect(actions.map((action) => [action.title, action.isPreferred])).toEqual([
      ['Replace with “a”', false],
      ['Replace with “b”', false],
    ])
    expect(quickFixes(uri, finding({ data: { suggestions: [] } }))).toEqual([])
    expect(quickFixes(uri, finding({ data: undefined }))).toEqual([])
  })
})

describe('disableLineAction', () => {
  it('inserts the comment on its own line above, with the line’s indentation', () => {
    const document = TextDocument.create(uri, 'markdown', 1, 'Intro\n\t  Our clients came.\n')
    const action = disableLineAction(document, finding({ range: range(1, 7, 14) }))
    expect(action?.title).toBe('Disable people-first for this line')
    expect(action!.edit!.changes![uri]).toEqual([
      { range: range(1, 0, 0), newText: '\t  <!-- post-lint-disable-next-line people-first -->\n' },
    ])
  })

  it('nothing for a finding without a rule id', () => {
    const document = TextDocument.create(uri, 'markdown', 1, 'text')
    expect(disableLineAction(document, failureDiagnostic(new Error('x')))).toBeUndefined()
  })
})

describe('fix all', () => {
  const document = TextDocument.create(uri, 'markdown', 1, 'aaa bbb\nccc ddd')
  const withFix = (start: number, end: number, text: string) =>
    finding({ data: { suggestions: [text], fix: { range: [start, end], text } } })

  it('applies every fix in order and skips overlapping ones', () => {
    const edits = fixAllEdits(document, [
      withFix(8, 11, 'CCC'),
      withFix(0, 3, 'AAA'),
      withFix(1, 5, 'x'),
      finding(),
    ])
    expect(edits).toEqual([
      { range: range(0, 0, 3), newText: 'AAA' },
      { range: range(1, 0, 3), newText: 'CCC' },
    ])
    expect(fixAllAction(document, [withFix(0, 3, 'AAA')])).toMatchObject({
      title: 'Fix all post-lint problems in this document',
      kind: FIX_ALL_KIND,
    })
    expect(FIX_ALL_KIND).toBe('source.fixAll.post-lint')
    expect(fixAllAction(document, [finding()])).toBeUndefined()
  })

  it('counts offsets after a byte order mark', () => {
    const bom = TextDocument.create(uri, 'markdown', 1, '\uFEFFaaa bbb')
    expect(fixAllEdits(bom, [withFix(4, 7, 'BBB')])).toEqual([{ range: range(0, 5, 8), newText: 'BBB' }])
  })
})

describe('hoverText', () => {
  it('a built-in rule: title, description and an example of each kind in the draft’s language', () => {
    const english = hoverText(
      finding({ code: 'profanity', codeDescription: { href: 'https://x.org/p' } }),
      'en',
    )
    expect(english.kind).toBe('markdown')
    expect(english.value).toMatch(/^\*\*Profanity\*\* \(`profanity`\)/)
    expect(english.value).toMatch(/❌ .+\n\n✅ .+/)
    expect(english.value).toContain('(https://x.org/p)')
    expect(hoverText(finding({ code: 'profanity' }), 'nl').value).toContain('**Grof taalgebruik**')
  })

  it('a custom rule: a short text with the message', () => {
    const custom = hoverText(finding(), 'en').value
    expect(custom).toContain('**people-first** (a rule of your rulebook)')
    expect(custom).toContain('Write “people we support”')
  })
})

describe('problem and failure diagnostics', () => {
  it('a rulebook problem at its 0-based range, as an error from post-lint', () => {
    expect(problemDiagnostic({ message: 'bad', line: 3, column: 14, endLine: 3, endColumn: 18 })).toEqual({
      range: range(2, 13, 17),
      severity: 1,
      source: 'post-lint',
      message: 'bad',
    })
  })

  it('a failed lint: one error at 1:1', () => {
    expect(failureDiagnostic(new Error('boom'))).toEqual({
      range: range(0, 0, 0),
      severity: 1,
      source: 'post-lint',
      message: 'post-lint could not check this draft: boom',
    })
  })
})

describe('normalizeSettings', () => {
  it('fills in defaults and ignores wrong types', () => {
    expect(normalizeSettings(undefined)).toEqual({ enable: true, run: 'onType', rulebook: null })
    expect(normalizeSettings({ enable: false, run: 'onSave', rulebook: 'rules/post-lint.yml' })).toEqual({
      enable: false,
      run: 'onSave',
      rulebook: 'rules/post-lint.yml',
    })
    expect(normalizeSettings({ enable: 'no', run: 'sometimes', rulebook: 3 })).toEqual({
      enable: true,
      run: 'onType',
      rulebook: null,
    })
  })
})

/**
 * Positions of messages: 1-based lines and columns, 0-based UTF-16 offsets,
 * exclusive ends, on every kind of line ending, after a byte order mark, and
 * around astral characters.
 */
import { describe, expect, it } from 'vitest'
import {
  LineIndex,
  Linter,
  type LintFileOptions,
  type LintMessage,
  type LintResult,
  type Rule,
} from './index.js'

const demo: Rule = {
  meta: { id: 'demo', defaultSeverity: 'warning' },
  phrases: [{ match: 'onder ons gezegd' }, { match: 'kut*', lang: 'nl' }, { match: 'damn' }],
}

/** A code rule that reports fixed spans, whatever the text. */
const spans = (...ranges: Array<[number, number]>): Rule => ({
  meta: { id: 'spans', defaultSeverity: 'warning' },
  check(ctx) {
    for (const [start, end] of ranges) ctx.report({ start, end, message: 'span' })
  },
})

async function lint(
  text: string,
  options: LintFileOptions = {},
  rules: Rule[] = [demo],
): Promise<LintResult> {
  return new Linter({ rules }).lint(text, { language: 'nl', ...options })
}

const where = ({ line, column, endLine, endColumn, offset, endOffset, actual }: LintMessage) => ({
  line,
  column,
  endLine,
  endColumn,
  offset,
  endOffset,
  actual,
})

/** Line and column of an offset, counted independently of LineIndex. */
function naive(text: string, offset: number): { line: number; column: number } {
  let line = 1
  let column = 1
  for (let index = 0; index < offset; index++) {
    const char = text[index]
    if (char === '\n' || (char === '\r' && text[index + 1] !== '\n')) {
      line++
      column = 1
    } else if (char !== '\r') column++
    else column++ // the \r of \r\n: still on this line
  }
  return { line, column }
}

/** Every message's line/column agree with its offsets, and `actual` is the source between them. */
function expectConsistent(result: LintResult): void {
  for (const message of result.messages) {
    expect(naive(result.text, message.offset)).toEqual({ line: message.line, column: message.column })
    expect(naive(result.text, message.endOffset)).toEqual({
      line: message.endLine,
      column: message.endColumn,
    })
    expect(result.text.slice(message.offset, message.endOffset)).toBe(message.actual)
  }
}

describe('positions', () => {
  it('LF: line, column, end and offsets of a one-word match', async () => {
    const result = await lint('Hallo.\nDit is kut, echt.')
    expect(result.messages.map(where)).toEqual([
      { line: 2, column: 8, endLine: 2, endColumn: 11, offset: 14, endOffset: 17, actual: 'kut' },
    ])
    expectConsistent(result)
  })

  it('CRLF: \\r\\n is one line break; offsets count both characters', async () => {
    const result = await lint('Hallo.\r\nDit is kut.\r\n\r\nEn damn.\r\n')
    expect(result.messages.map(where)).toEqual([
      { line: 2, column: 8, endLine: 2, endColumn: 11, offset: 15, endOffset: 18, actual: 'kut' },
      { line: 4, column: 4, endLine: 4, endColumn: 8, offset: 26, endOffset: 30, actual: 'damn' },
    ])
    expectConsistent(result)
  })

  it('lone CR (classic Mac) breaks lines too', async () => {
    const result = await lint('Hallo.\rDit is kut.\r\rEn damn.')
    expect(result.messages.map(where)).toEqual([
      { line: 2, column: 8, endLine: 2, endColumn: 11, offset: 14, endOffset: 17, actual: 'kut' },
      { line: 4, column: 4, endLine: 4, endColumn: 8, offset: 23, endOffset: 27, actual: 'damn' },
    ])
    expectConsistent(result)
  })

  it('mixed line endings in one file', async () => {
    const result = await lint('a\nb\r\nc\rd damn\n')
    expect(result.messages.map(where)).toEqual([
      { line: 4, column: 3, endLine: 4, endColumn: 7, offset: 9, endOffset: 13, actual: 'damn' },
    ])
  })

  it('a leading BOM is not part of the text: offsets and columns count from after it', async () => {
    const result = await lint('\uFEFFkut en damn')
    expect(result.bom).toBe(true)
    expect(result.text).toBe('kut en damn')
    expect(result.messages.map(where)).toEqual([
      { line: 1, column: 1, endLine: 1, endColumn: 4, offset: 0, endOffset: 3, actual: 'kut' },
      { line: 1, column: 8, endLine: 1, endColumn: 12, offset: 7, endOffset: 11, actual: 'damn' },
    ])
    expectConsistent(result)
  })

  it('BOM, CRLF and frontmatter together', async () => {
    const text = '\uFEFF---\r\ntitle: Nieuws\r\n---\r\n\r\nDit is kut.\r\n'
    const result = await lint(text)
    expect(result.bom).toBe(true)
    expect(result.messages.map(where)).toEqual([
      { line: 5, column: 8, endLine: 5, endColumn: 11, offset: 34, endOffset: 37, actual: 'kut' },
    ])
    expectConsistent(result)
  })

  it('no BOM: result.bom is false and the text is unchanged', async () => {
    const result = await lint('kut')
    expect(result.bom).toBe(false)
    expect(result.text).toBe('kut')
  })

  it('a U+FEFF that is not the first character stays in the text', async () => {
    const result = await lint('a\uFEFF damn')
    expect(result.bom).toBe(false)
    expect(result.messages.map(where)).toEqual([
      { line: 1, column: 4, endLine: 1, endColumn: 8, offset: 3, endOffset: 7, actual: 'damn' },
    ])
  })

  it('a phrase over a line break spans two lines', async () => {
    const result = await lint('Dit is onder ons\ngezegd, hoor.')
    expect(result.messages.map(where)).toEqual([
      { line: 1, column: 8, endLine: 2, endColumn: 7, offset: 7, endOffset: 23, actual: 'onder ons\ngezegd' },
    ])
    expectConsistent(result)
  })

  it('a phrase over a CRLF line break', async () => {
    const result = await lint('onder ons\r\n  gezegd')
    expect(result.messages.map(where)).toEqual([
      {
        line: 1,
        column: 1,
        endLine: 2,
        endColumn: 9,
        offset: 0,
        endOffset: 19,
        actual: 'onder ons\r\n  gezegd',
      },
    ])
    expectConsistent(result)
  })

  it('astral characters count as two UTF-16 units (emoji before a match)', async () => {
    const result = await lint('👍🏽 damn 😀😀 kut')
    expect(result.messages.map(where)).toEqual([
      { line: 1, column: 6, endLine: 1, endColumn: 10, offset: 5, endOffset: 9, actual: 'damn' },
      { line: 1, column: 16, endLine: 1, endColumn: 19, offset: 15, endOffset: 18, actual: 'kut' },
    ])
    expectConsistent(result)
  })

  it('an astral letter inside a line, a tab and a non-breaking space', async () => {
    const result = await lint('𝒳\tdamn\u00a0kut')
    expect(result.messages.map(where)).toEqual([
      { line: 1, column: 4, endLine: 1, endColumn: 8, offset: 3, endOffset: 7, actual: 'damn' },
      { line: 1, column: 9, endLine: 1, endColumn: 12, offset: 8, endOffset: 11, actual: 'kut' },
    ])
  })

  it('matches in list items, quotes, headings and emphasis keep exact positions', async () => {
    const text = '# Kop met damn\n\n- punt\n- nog kut\n\n> een citaat met *damn* erin\n'
    const result = await lint(text)
    expect(result.messages.map((message) => [message.line, message.column, message.actual])).toEqual([
      [1, 11, 'damn'],
      [4, 7, 'kut'],
      [6, 19, 'damn'],
    ])
    expectConsistent(result)
  })

  // Markdown drops continuation indentation, `>` markers, escapes and
  // entities from text values; positions must still point into the source.
  it.each([
    ['block quote over two lines', '> regel een\n> regel twee met kut', [2, 18]],
    ['nested quote', '> > een\n> > twee kut', [2, 10]],
    ['list item continuation', '- item een\n  vervolg met kut', [2, 15]],
    ['ordered list, deeper indentation', '10. item\n    vervolg kut', [2, 13]],
    ['lazy continuation', '> een\ntwee kut', [2, 6]],
    ['indented continuation of a paragraph', 'een\n      twee kut', [2, 12]],
    ['escape before the word, same line', 'a \\* b kut', [1, 8]],
    ['entity before the word, same line', 'R&amp;D is kut', [1, 12]],
    ['entity as a word of its own', 'a &amp; kut', [1, 9]],
    ['entity, and its text again later', 'x &lt;3 b <3\n  kut', [2, 3]],
    ['numeric entity', 'caf&#233; kut', [1, 11]],
    ['escape on the line before', 'a \\* b\nc kut', [2, 3]],
    ['trailing space before a soft break', 'een \ntwee kut', [2, 6]],
    ['CRLF in a block quote', '> een\r\n> twee kut\r\n', [2, 8]],
  ])('%s', async (_name, text, [line, column]) => {
    const result = await lint(text)
    expect(result.messages.map((message) => [message.line, message.column, message.actual])).toEqual([
      [line, column, 'kut'],
    ])
    expectConsistent(result)
  })

  // Every construct × every line ending: each reported span is exactly the word.
  const LINES = [
    'een kut regel',
    '\\*kut\\* met escapes',
    'a &amp; kut',
    '**kut** vet',
    'een [kut](https://example.nl) link',
    'caf&eacute; &#233; kut',
    'spaties  achter kut ',
    'tab\tkut',
    'R&amp;D \\_x kut',
  ]
  const CONTAINERS: Array<[string, (line: string, index: number) => string]> = [
    ['paragraph', (line) => line],
    ['indented continuation', (line, index) => (index === 0 ? line : `   ${line}`)],
    ['block quote', (line) => `> ${line}`],
    ['nested block quote', (line) => `> > ${line}`],
    ['lazy block quote', (line, index) => (index === 0 ? `> ${line}` : line)],
    ['bullet list item', (line, index) => (index === 0 ? `- ${line}` : `  ${line}`)],
    ['ordered list item', (line, index) => (index === 0 ? `10. ${line}` : `    ${line}`)],
    ['quote in a list item', (line, index) => (index === 0 ? `- > ${line}` : `  > ${line}`)],
    ['list in a quote', (line, index) => (index === 0 ? `> * ${line}` : `>   ${line}`)],
  ]
  for (const [name, wrap] of CONTAINERS) {
    for (const [ending, eol] of [
      ['LF', '\n'],
      ['CRLF', '\r\n'],
      ['CR', '\r'],
    ]) {
      it(`${name}, ${ending}: every span is exactly the word`, async () => {
        const text = LINES.map(wrap).join(eol)
        const result = await lint(text)
        expect(result.messages.map((message) => message.actual)).toEqual(LINES.map(() => 'kut'))
        expect(result.messages.map((message) => message.line)).toEqual(LINES.map((_line, index) => index + 1))
        expectConsistent(result)
      })
    }
  }

  it('a phrase over a block-quote line break covers the marker in its span', async () => {
    const result = await lint('> onder ons\n> gezegd')
    expect(result.messages.map(where)).toEqual([
      {
        line: 1,
        column: 3,
        endLine: 2,
        endColumn: 9,
        offset: 2,
        endOffset: 20,
        actual: 'onder ons\n> gezegd',
      },
    ])
  })

  it('spans reported by a code rule: empty, at the end, multi-line, clamped', async () => {
    const text = 'ab\r\ncd\nef'
    const result = await lint(text, {}, [spans([0, 0], [1, 6], [9, 9], [3, 4], [-5, 2], [7, 100])])
    expect(result.messages.map(where)).toEqual([
      { line: 1, column: 1, endLine: 1, endColumn: 1, offset: 0, endOffset: 0, actual: '' },
      { line: 1, column: 1, endLine: 1, endColumn: 3, offset: 0, endOffset: 2, actual: 'ab' },
      { line: 1, column: 2, endLine: 2, endColumn: 3, offset: 1, endOffset: 6, actual: 'b\r\ncd' },
      // Offset 3 is the \n of \r\n: still line 1.
      { line: 1, column: 4, endLine: 2, endColumn: 1, offset: 3, endOffset: 4, actual: '\n' },
      { line: 3, column: 1, endLine: 3, endColumn: 3, offset: 7, endOffset: 9, actual: 'ef' },
      { line: 3, column: 3, endLine: 3, endColumn: 3, offset: 9, endOffset: 9, actual: '' },
    ])
  })

  it('NaN and infinite offsets from a faulty rule become valid positions', async () => {
    const result = await lint('abc', {}, [spans([Number.NaN, Number.POSITIVE_INFINITY])])
    expect(result.messages.map(where)).toEqual([
      { line: 1, column: 1, endLine: 1, endColumn: 4, offset: 0, endOffset: 3, actual: 'abc' },
    ])
  })
})

describe('LineIndex', () => {
  const index = new LineIndex('ab\ncd\r\nef\rg')

  it('maps offsets to 1-based lines and columns', () => {
    expect([0, 2, 3, 5, 6, 7, 9, 10, 11].map((offset) => index.position(offset))).toEqual([
      { line: 1, column: 1 },
      { line: 1, column: 3 },
      { line: 2, column: 1 },
      { line: 2, column: 3 },
      { line: 2, column: 4 },
      { line: 3, column: 1 },
      { line: 3, column: 3 },
      { line: 4, column: 1 },
      { line: 4, column: 2 },
    ])
  })

  it('maps lines and columns back to offsets', () => {
    expect(index.lineCount).toBe(4)
    expect(index.offset(2, 1)).toBe(3)
    expect(index.offset(3, 2)).toBe(8)
    expect(index.lineStart(4)).toBe(10)
  })
})

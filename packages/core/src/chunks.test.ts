/**
 * Chunks: where a draft may be cut, that chunks cover it exactly and stay put
 * under edits elsewhere, and what the linter does with them (block rules per
 * chunk and cached, document rules on the whole draft, cancellation).
 */
import { describe, expect, it } from 'vitest'
import {
  cutPoints,
  LintCache,
  LintCancelled,
  Linter,
  linkDefinitions,
  type Rule,
  type RuleContext,
  splitChunks,
} from './index.js'

const paragraphs = (count: number) =>
  Array.from({ length: count }, (_, index) => `Paragraph ${index} tells what happened on day ${index}.`)

const cutLines = (text: string) => cutPoints(text).map((offset) => text.slice(offset).split('\n')[0])

describe('cut points', () => {
  it('fall before unindented blocks that follow a blank line', () => {
    expect(cutLines('# Title\n\nFirst.\nStill first.\n\nSecond.\n\n\n- item\n- item')).toEqual([
      'First.',
      'Second.',
      '- item',
    ])
  })

  it('never inside fenced code, HTML comments, raw HTML blocks or frontmatter', () => {
    const text = [
      '---',
      'title: x',
      '',
      'summary: y',
      '---',
      '',
      'Intro.',
      '',
      '```md',
      'code',
      '',
      'more code',
      '```',
      '',
      '<!-- a comment',
      '',
      'still the comment -->',
      '',
      '<pre>',
      '',
      'preformatted',
      '</pre>',
      '',
      '~~~~',
      '',
      '```',
      '',
      '~~~~',
      '',
      'After.',
    ].join('\n')
    expect(cutLines(text)).toEqual(['Intro.', '```md', '<!-- a comment', '<pre>', '~~~~', 'After.'])
  })

  it('not before indented lines (list item continuations, indented code)', () => {
    expect(cutLines('- item\n\n  more of the item\n\n      code\n\nNext.')).toEqual(['Next.'])
  })

  it('an unclosed `---` at the top is no frontmatter', () => {
    expect(cutLines('---\ntitle\n\nText.')).toEqual(['Text.'])
  })
})

describe('chunks', () => {
  const text = paragraphs(200).join('\n\n')

  it('cover the draft exactly, in order', () => {
    const chunks = splitChunks(text)
    expect(chunks[0]!.start).toBe(0)
    expect(chunks.at(-1)!.end).toBe(text.length)
    for (let index = 1; index < chunks.length; index++)
      expect(chunks[index]!.start).toBe(chunks[index - 1]!.end)
    // Chunks of 2,000 characters or more (the last may be shorter), cut before 3,000 where they can be.
    for (const chunk of chunks.slice(0, -1)) expect(chunk.end - chunk.start).toBeGreaterThanOrEqual(2_000)
    expect(chunks.length).toBeGreaterThan(text.length / 3_100)
    expect(chunks.length).toBeLessThanOrEqual(Math.floor(text.length / 2_000) + 1)
  })

  it('a post of a few paragraphs is one chunk', () => {
    const post = paragraphs(30).join('\n\n')
    expect(post.length).toBeLessThan(2_000)
    expect(splitChunks(post)).toEqual([{ start: 0, end: post.length }])
  })

  it('typing inside a paragraph moves no cut', () => {
    const before = splitChunks(text)
    const at = text.indexOf('what happened on day 120')
    const edited = `${text.slice(0, at)}exactly ${text.slice(at)}`
    const after = splitChunks(edited)
    expect(after.length).toBe(before.length)
    const changed = after.filter(
      (chunk, index) =>
        edited.slice(chunk.start, chunk.end) !== text.slice(before[index]!.start, before[index]!.end),
    )
    expect(changed).toHaveLength(1)
  })

  it('link reference definitions are found for every chunk (footnotes are not)', () => {
    expect(
      linkDefinitions(
        'Text [a][x].\n\n[x]: https://example.org "Title"\n  [y]: <https://y.org>\n[^1]: A footnote.',
      ),
    ).toBe('[x]: https://example.org "Title"\n[y]: <https://y.org>')
    expect(linkDefinitions('No definitions: a]: b')).toBe('')
  })
})

/** A block rule that counts the chunks it is run on and reports every “risky”. */
function counting(): { rule: Rule; runs: string[] } {
  const runs: string[] = []
  const rule: Rule = {
    meta: { id: 'risky', defaultSeverity: 'warning' },
    check(ctx) {
      runs.push(ctx.source)
      for (const match of ctx.source.matchAll(/risky/g))
        ctx.report({
          start: match.index,
          end: match.index + 5,
          message: 'Risky.',
          suggestions: ['safe'],
          fix: true,
        })
    },
  }
  return { rule, runs }
}

describe('linting in chunks', () => {
  const draft = `${paragraphs(60).join('\n\n')}\n\nA risky end.`

  it('block rules see one chunk at a time; findings land at their place in the draft', async () => {
    const { rule, runs } = counting()
    const result = await new Linter({ rules: [rule] }).lint(draft)
    expect(runs.length).toBe(splitChunks(draft).length)
    expect(runs.join('')).toBe(draft)
    const at = draft.indexOf('risky')
    expect(result.messages).toHaveLength(1)
    expect(result.messages[0]).toMatchObject({ offset: at, endOffset: at + 5, line: 121, column: 3 })
    expect(result.messages[0]!.fix).toEqual({ range: [at, at + 5], text: 'safe' })
  })

  it('with a cache, an edit re-checks only the chunk it is in, and gives what a fresh lint gives', async () => {
    const { rule, runs } = counting()
    const linter = new Linter({ rules: [rule] })
    const cache = new LintCache()
    await linter.lint(draft, { cache })
    runs.length = 0
    const at = draft.indexOf('day 30.')
    const edited = `${draft.slice(0, at)}risky ${draft.slice(at)}`
    const cached = await linter.lint(edited, { cache })
    expect(runs).toHaveLength(1)
    expect(runs[0]).toContain('risky day 30.')
    const fresh = await new Linter({ rules: [counting().rule] }).lint(edited)
    expect(cached).toEqual(fresh)
    expect(cached.messages.map((message) => message.line)).toEqual([61, 121])
    // Undo: both versions are still cached.
    runs.length = 0
    await linter.lint(draft, { cache })
    expect(runs).toHaveLength(0)
  })

  it('a cache given another linter or another file starts afresh', async () => {
    const first = counting()
    const cache = new LintCache()
    await new Linter({ rules: [first.rule] }).lint(draft, { cache, filePath: 'a.md' })
    const second = counting()
    await new Linter({ rules: [second.rule] }).lint(draft, { cache, filePath: 'a.md' })
    expect(second.runs.length).toBe(splitChunks(draft).length)
    const linter = new Linter({ rules: [first.rule] })
    await linter.lint(draft, { cache, filePath: 'a.md' })
    first.runs.length = 0
    await linter.lint(draft, { cache, filePath: 'b.md' })
    expect(first.runs.length).toBe(splitChunks(draft).length)
  })

  it('document rules see the whole draft every time, with every phrase match', async () => {
    const seen: RuleContext[] = []
    const whole: Rule = {
      meta: { id: 'whole', defaultSeverity: 'info', scope: 'document' },
      phrases: [{ match: 'day' }],
      check(ctx) {
        seen.push(ctx)
        const last = ctx.phraseMatches.at(-1)
        if (last)
          ctx.report({ start: last.start, end: last.end, message: `${ctx.phraseMatches.length} days` })
      },
    }
    const text = `---\nplatform: x\n---\n\n${paragraphs(40).join('\n\n')}`
    const cache = new LintCache()
    const linter = new Linter({ rules: [whole] })
    const result = await linter.lint(text, { cache })
    await linter.lint(text, { cache })
    expect(seen).toHaveLength(2)
    const ctx = seen[0]!
    expect(ctx.source).toBe(text)
    expect(ctx.frontmatter?.data).toEqual({ platform: 'x' })
    expect(ctx.blocks).toHaveLength(40)
    expect(ctx.plainText()).toBe(paragraphs(40).join('\n\n'))
    expect(ctx.phraseMatches.map((match) => match.paragraph)).toEqual([...Array(40).keys()])
    expect(ctx.mdast.children.filter((node) => node.type === 'paragraph')).toHaveLength(40)
    expect(result.messages).toHaveLength(1)
    expect(result.messages[0]).toMatchObject({ message: '40 days', line: 83 })
  })

  it('only the first chunk has frontmatter; `---` later is a thematic break', async () => {
    const frontmatters: unknown[] = []
    const spy: Rule = {
      meta: { id: 'spy', defaultSeverity: 'info' },
      check(ctx) {
        frontmatters.push(ctx.frontmatter?.data)
      },
    }
    const text = `---\nlang: nl\n---\n\n${paragraphs(200).join('\n\n---\ntitle: no\n---\n\n')}`
    const result = await new Linter({ rules: [spy] }).lint(text)
    expect(result.lang).toBe('nl')
    expect(frontmatters[0]).toEqual({ lang: 'nl' })
    expect(frontmatters.slice(1).every((data) => data === undefined)).toBe(true)
    expect(frontmatters.length).toBeGreaterThan(3)
  })

  it('references resolve in every chunk', async () => {
    const images: string[] = []
    const spy: Rule = {
      meta: { id: 'spy', defaultSeverity: 'info' },
      check(ctx) {
        const visit = (node: { type: string; alt?: string | null; children?: unknown[] }) => {
          if (node.type === 'imageReference') images.push(node.alt ?? '')
          for (const child of node.children ?? []) visit(child as typeof node)
        }
        visit(ctx.mdast)
        for (const block of ctx.blocks) if (block.text.includes('[')) images.push(`literal: ${block.text}`)
      },
    }
    const text = `![Logo of the club][logo]\n\n${paragraphs(40).join('\n\n')}\n\n![][logo]\n\n[logo]: logo.png`
    await new Linter({ rules: [spy] }).lint(text)
    expect(images).toEqual(['Logo of the club', ''])
  })

  it('stops between chunks when the result is no longer wanted', async () => {
    const { rule, runs } = counting()
    let asked = 0
    const lint = new Linter({ rules: [rule] }).lint(draft, { cancelled: () => ++asked > 2 })
    await expect(lint).rejects.toBeInstanceOf(LintCancelled)
    expect(runs).toHaveLength(2)
  })

  it('a rule that throws in several chunks is reported once', async () => {
    const thrower: Rule = {
      meta: { id: 'thrower', defaultSeverity: 'error' },
      check() {
        throw new Error('boom')
      },
    }
    const result = await new Linter({ rules: [thrower] }).lint(draft)
    expect(result.messages.map((message) => [message.ruleId, message.line])).toEqual([['rule-crash', 1]])
  })
})

import { describe, expect, it } from 'vitest'
import { CLEAN, CWD, lintDrafts, MIXED, SECRETS } from '../../../test/support/drafts.js'
import { escapeData, escapeProperty, github } from './github.js'

const options = { color: false, cwd: CWD }

describe('github', () => {
  it('prints one workflow command per finding, with file, lines, columns and the rule in the title', async () => {
    const results = await lintDrafts({ 'drafts/post.md': MIXED, 'drafts/clean.md': CLEAN })
    const lines = github(results, options).trimEnd().split('\n')
    expect(lines).toHaveLength(6)
    expect(lines[0]).toBe(
      '::warning file=drafts/post.md,line=4,endLine=4,col=20,endColumn=23,title=post-lint (shouting)::“!!!” reads as shouting: one mark is enough.',
    )
    expect(lines.filter((line) => line.startsWith('::error '))).toHaveLength(2)
    expect(lines.filter((line) => line.startsWith('::warning '))).toHaveLength(3)
    expect(lines.find((line) => line.startsWith('::notice '))).toMatch(/title=post-lint \(hashtag-case\)::/)
    for (const secret of SECRETS) expect(lines.join('\n')).not.toContain(secret)
  })

  it('prints nothing for clean drafts', async () => {
    expect(github(await lintDrafts({ 'clean.md': CLEAN }), options)).toBe('')
  })

  it('escapes %, CR and LF in the message, and also : and , in properties', async () => {
    const [result] = await lintDrafts({ 'week 1/a,b:c%.md': MIXED })
    const message = { ...result!.messages[0]!, message: '100% sure:\r\nreally, yes' }
    const [line] = github([{ ...result!, messages: [message] }], options).split('\n')
    expect(line).toBe(
      '::warning file=week 1/a%2Cb%3Ac%25.md,line=4,endLine=4,col=20,endColumn=23,title=post-lint (shouting)::100%25 sure:%0D%0Areally, yes',
    )
    expect(escapeData('a%0A\n')).toBe('a%250A%0A')
    expect(escapeProperty('x:y,z')).toBe('x%3Ay%2Cz')
  })

  it('uses paths relative to the root (GITHUB_WORKSPACE), absolute ones outside it, and none for stdin', async () => {
    const results = await lintDrafts({ 'drafts/post.md': MIXED, '/elsewhere/post.md': MIXED })
    const output = github(results, { ...options, cwd: `${CWD}/drafts`, root: CWD })
    expect(output).toContain('file=drafts/post.md,')
    expect(output).toContain('file=/elsewhere/post.md,')
    const stdin = await new (await import('@post-lint/node')).PostLint({ noConfig: true }).lintText(
      MIXED,
      undefined,
    )
    const line = github([stdin], options).split('\n')[0]
    expect(line).toMatch(/^::warning title=post-lint \(shouting\)::/)
  })

  it('leaves columns out when a finding spans lines', async () => {
    const [result] = await lintDrafts({ 'a.md': MIXED })
    const message = { ...result!.messages[0]!, endLine: 6, endColumn: 3 }
    expect(github([{ ...result!, messages: [message] }], options)).toMatch(
      /^::warning file=a\.md,line=4,endLine=6,title=/,
    )
  })
})

import type { Log } from 'sarif'
import { describe, expect, it } from 'vitest'
import { CLEAN, CWD, lintDrafts, MIXED, SECRETS } from '../../../test/support/drafts.js'
import { sarifErrors, sarifSchema } from '../../../test/support/sarif.js'
import { SARIF_SCHEMA, sarif } from './sarif.js'
import type { RuleInfo } from './types.js'

const RULES: Record<string, RuleInfo> = {
  shouting: {
    title: 'Shouting',
    description: 'Flags ALL CAPS and repeated punctuation.',
    url: 'https://github.com/post-lint/post-lint/blob/main/rules/shouting/README.md',
    severity: 'warning',
  },
  'hashtag-case': { title: 'Hashtags in CamelCase', severity: 'off' },
}
const options = { color: false, cwd: CWD, version: '1.2.3', rules: RULES }

function parse(text: string): Log {
  return JSON.parse(text) as Log
}

describe('sarif', () => {
  it('is valid against the official SARIF 2.1.0 schema', async () => {
    expect(sarifSchema.title).toBe('Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema')
    const results = await lintDrafts({
      'drafts/post.md': MIXED,
      'drafts/week 1/100% #1?.md': MIXED,
      '/elsewhere/post.md': MIXED,
      'drafts/clean.md': CLEAN,
    })
    const log = parse(sarif(results, options))
    expect(sarifErrors(log)).toEqual([])
    expect(log.runs[0]!.results).toHaveLength(18)
    // Without findings, rules or a version it is still a complete log.
    expect(
      sarifErrors(parse(sarif(await lintDrafts({ 'clean.md': CLEAN }), { color: false, cwd: CWD }))),
    ).toEqual([])
  })

  it('the schema check can fail: an unencoded space in a URI, a bad level', async () => {
    const log = parse(sarif(await lintDrafts({ 'post.md': MIXED }), options))
    const location = log.runs[0]!.results![0]!.locations![0]!.physicalLocation!.artifactLocation!
    location.uri = 'week 1/post.md'
    ;(log.runs[0]!.results![1] as { level: string }).level = 'info'
    const errors = sarifErrors(log)
    expect(errors.some((error) => error.includes('uri-reference'))).toBe(true)
    expect(errors.some((error) => error.includes('/level'))).toBe(true)
  })

  it('describes the tool and each reported rule once, with its docs and level', async () => {
    const log = parse(sarif(await lintDrafts({ 'a.md': MIXED, 'b.md': MIXED }), options))
    expect(log.$schema).toBe(SARIF_SCHEMA)
    expect(log.version).toBe('2.1.0')
    const run = log.runs[0]!
    expect(run.columnKind).toBe('utf16CodeUnits')
    expect(run.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: `file://${CWD}/` } })
    const driver = run.tool.driver
    expect(driver).toMatchObject({
      name: 'post-lint',
      version: '1.2.3',
      informationUri: 'https://github.com/post-lint/post-lint',
    })
    expect(driver.rules!.map((rule) => rule.id)).toEqual([
      'hashtag-case',
      'insensitive',
      'profanity',
      'secrets',
      'shouting',
    ])
    expect(driver.rules![4]).toEqual({
      id: 'shouting',
      shortDescription: { text: 'Shouting' },
      fullDescription: { text: 'Flags ALL CAPS and repeated punctuation.' },
      helpUri: 'https://github.com/post-lint/post-lint/blob/main/rules/shouting/README.md',
      help: {
        text: 'Flags ALL CAPS and repeated punctuation.\n\nhttps://github.com/post-lint/post-lint/blob/main/rules/shouting/README.md',
        markdown:
          'Flags ALL CAPS and repeated punctuation.\n\n[shouting](https://github.com/post-lint/post-lint/blob/main/rules/shouting/README.md)',
      },
      defaultConfiguration: { level: 'warning' },
    })
    // Off by default but reported: the level of its findings. Without metadata: the id and the message's url.
    expect(driver.rules![0]!.defaultConfiguration).toEqual({ level: 'note' })
    expect(driver.rules![3]).toMatchObject({
      id: 'secrets',
      shortDescription: { text: 'secrets' },
      helpUri: 'https://github.com/post-lint/post-lint/blob/main/rules/secrets/README.md',
      defaultConfiguration: { level: 'error' },
    })
  })

  it('gives each finding its rule, level, message and 1-based region (end column exclusive)', async () => {
    const log = parse(sarif(await lintDrafts({ 'drafts/post.md': MIXED }), options))
    const run = log.runs[0]!
    const [shouting, , , hashtag] = run.results!
    expect(shouting).toMatchObject({
      ruleId: 'shouting',
      ruleIndex: 4,
      level: 'warning',
      message: { text: '“!!!” reads as shouting: one mark is enough.' },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'drafts/post.md', uriBaseId: '%SRCROOT%' },
            region: { startLine: 4, startColumn: 20, endLine: 4, endColumn: 23 },
          },
        },
      ],
      fixes: [
        {
          artifactChanges: [
            {
              replacements: [
                {
                  deletedRegion: { startLine: 4, startColumn: 20, endLine: 4, endColumn: 23 },
                  insertedContent: { text: '!' },
                },
              ],
            },
          ],
        },
      ],
    })
    expect(hashtag).toMatchObject({ ruleId: 'hashtag-case', ruleIndex: 0, level: 'note' })
    expect(MIXED.split('\n')[3]!.slice(19, 22)).toBe('!!!')
  })

  it('encodes paths as URIs: relative to the root, file:// outside it, and stdin', async () => {
    const results = await lintDrafts({ 'week 1/100% #1?.md': MIXED, '/elsewhere/a b.md': MIXED })
    const uris = (log: Log) => [
      ...new Set(log.runs[0]!.results!.map((r) => r.locations![0]!.physicalLocation!.artifactLocation!.uri)),
    ]
    expect(uris(parse(sarif(results, options)))).toEqual([
      'week%201/100%25%20%231%3F.md',
      'file:///elsewhere/a%20b.md',
    ])
    const stdin = { filePath: '<stdin>', messages: results[0]!.messages }
    expect(uris(parse(sarif([stdin], options)))).toEqual(['%3Cstdin%3E'])
    expect(sarifErrors(parse(sarif([stdin], options)))).toEqual([])
    // The root decides the base: GITHUB_WORKSPACE above the working folder.
    const rooted = parse(
      sarif(await lintDrafts({ 'drafts/a.md': MIXED }), { ...options, cwd: `${CWD}/drafts`, root: CWD }),
    )
    expect(uris(rooted)).toEqual(['drafts/a.md'])
  })

  it('never contains a secret', async () => {
    const output = sarif(await lintDrafts({ 'post.md': MIXED }), options)
    for (const secret of SECRETS) expect(output).not.toContain(secret)
    expect(output).toContain('Su••••••••')
  })
})

import { describe, expect, it } from 'vitest'
import { CLEAN, CWD, lintDrafts, MIXED, SECRETS } from '../../../test/support/drafts.js'
import { parseXml } from '../../../test/support/xml.js'
import { junit } from './junit.js'

const options = { color: false, cwd: CWD }

describe('junit', () => {
  it('writes a testsuite per draft and a testcase per finding; errors and warnings fail', async () => {
    const results = await lintDrafts({ 'drafts/post.md': MIXED, 'drafts/clean.md': CLEAN })
    const output = junit(results, options)
    const lines = output.trimEnd().split('\n')
    expect(lines[0]).toBe('<?xml version="1.0" encoding="utf-8"?>')
    expect(lines[1]).toBe('<testsuites name="post-lint" tests="7" failures="5" errors="0" time="0">')
    expect(lines).toContain(
      '<testsuite name="drafts/post.md" tests="6" failures="5" errors="0" skipped="0" time="0">',
    )
    expect(lines).toContain(
      '<testcase name="shouting (line 4, column 20)" classname="drafts/post.md" time="0"><failure message="“!!!” reads as shouting: one mark is enough." type="warning">line 4, col 20, Warning - “!!!” reads as shouting: one mark is enough. (shouting)</failure></testcase>',
    )
    expect(lines.find((line) => line.includes('hashtag-case'))).toMatch(
      /<system-out>line 6, col 52, Info - .*\(hashtag-case\)<\/system-out><\/testcase>$/,
    )
    expect(lines).toContain(
      '<testsuite name="drafts/clean.md" tests="1" failures="0" errors="0" skipped="0" time="0">',
    )
    expect(lines).toContain('<testcase name="drafts/clean.md" classname="drafts/clean.md" time="0" />')
    expect(lines.at(-1)).toBe('</testsuites>')
    for (const secret of SECRETS) expect(output).not.toContain(secret)
    const { errors, elements } = parseXml(output)
    expect(errors).toEqual([])
    expect(elements.filter((element) => element.name === 'testcase')).toHaveLength(7)
    expect(elements.filter((element) => element.name === 'failure')).toHaveLength(5)
  })

  it('escapes file names and messages', async () => {
    const [result] = await lintDrafts({ '<b>&.md': MIXED })
    const message = { ...result!.messages[0]!, message: 'a < b & "c"\u0000' }
    const output = junit([{ ...result!, messages: [message] }], options)
    expect(output).toContain('classname="&lt;b&gt;&amp;.md"')
    expect(output).toContain('<failure message="a &lt; b &amp; &quot;c&quot;\uFFFD" type="warning">')
    expect(output).not.toContain('\u0000')
    const { errors, elements } = parseXml(output)
    expect(errors).toEqual([])
    expect(elements.find((element) => element.name === 'failure')!.attributes.message).toBe(
      'a < b & "c"\uFFFD',
    )
  })
})

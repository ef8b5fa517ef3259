import { describe, expect, it } from 'vitest'
import { CLEAN, CWD, lintDrafts, MIXED, SECRETS } from '../../../test/support/drafts.js'
import { parseXml } from '../../../test/support/xml.js'
import { checkstyle } from './checkstyle.js'
import { xmlEscape } from './xml.js'

const options = { color: false, cwd: CWD }

describe('checkstyle', () => {
  it('writes ESLint’s checkstyle XML: a <file> per draft, an <error> per finding', async () => {
    const results = await lintDrafts({ 'post.md': MIXED, 'clean.md': CLEAN })
    const output = checkstyle(results, options)
    expect(output.startsWith('<?xml version="1.0" encoding="utf-8"?><checkstyle version="4.3">')).toBe(true)
    expect(output.endsWith('</checkstyle>\n')).toBe(true)
    expect(output).toContain(
      `<file name="${CWD}/post.md"><error line="4" column="20" severity="warning" message="“!!!” reads as shouting: one mark is enough. (shouting)" source="post-lint.rules.shouting" />`,
    )
    expect(output).toContain(`<file name="${CWD}/clean.md"></file>`)
    expect(output.match(/<error /g)).toHaveLength(6)
    expect(output).toContain('severity="info"')
    for (const secret of SECRETS) expect(output).not.toContain(secret)
    const { errors, elements } = parseXml(output)
    expect(errors).toEqual([])
    expect(elements.map((element) => element.name)).toEqual([
      'checkstyle',
      'file',
      ...Array(6).fill('error'),
      'file',
    ])
  })

  it('escapes markup and drops characters XML 1.0 forbids', async () => {
    const [result] = await lintDrafts({ 'a&b.md': MIXED })
    const message = { ...result!.messages[0]!, message: 'Use <b> & "quotes" \'here\'\u0001\u0007\uD800\n' }
    const output = checkstyle([{ ...result!, messages: [message] }], options)
    expect(output).toContain(`name="${CWD}/a&amp;b.md"`)
    expect(output).toContain(
      'message="Use &lt;b&gt; &amp; &quot;quotes&quot; &apos;here&apos;\uFFFD\uFFFD\uFFFD&#10; (shouting)"',
    )
    // biome-ignore lint/suspicious/noControlCharactersInRegex: asserting they are gone.
    expect(output).not.toMatch(/[\u0000-\u0008]/)
    const { errors, elements } = parseXml(output)
    expect(errors).toEqual([])
    expect(elements[1]!.attributes.name).toBe(`${CWD}/a&b.md`)
    expect(elements[2]!.attributes.message).toBe('Use <b> & "quotes" \'here\'\uFFFD\uFFFD\uFFFD\n (shouting)')
  })

  it('keeps valid surrogate pairs (emoji) and drops lone ones', () => {
    expect(xmlEscape('a😀b\uDC00c\uFFFE')).toBe('a😀b\uFFFDc\uFFFD')
  })
})

/**
 * Which language a draft is checked in (frontmatter, option, config,
 * detection, fallback), and what happens with broken frontmatter.
 */
import { describe, expect, it } from 'vitest'
import {
  ConfigError,
  detectLang,
  type Frontmatter,
  type LintConfig,
  Linter,
  type LintFileOptions,
  type LintMessage,
  parseLang,
  type Rule,
} from './index.js'

const demo: Rule = {
  meta: { id: 'demo', defaultSeverity: 'warning' },
  phrases: [
    { match: 'kut', lang: 'nl' },
    { match: 'damn', lang: 'en' },
  ],
}

const DUTCH = 'Onze vrijwilligers hebben dit jaar meer dan vijfhonderd gezinnen geholpen met boodschappen.'
const ENGLISH = 'Our volunteers helped more than five hundred families with their shopping this year.'

async function lint(
  text: string,
  options: LintFileOptions = {},
  config: LintConfig = {},
  rules: Rule[] = [demo],
) {
  return new Linter({ rules, config }).lint(text, options)
}

const where = ({
  ruleId,
  severity,
  line,
  column,
  endLine,
  endColumn,
  offset,
  endOffset,
  actual,
}: LintMessage) => ({
  ruleId,
  severity,
  line,
  column,
  endLine,
  endColumn,
  offset,
  endOffset,
  actual,
})

describe('language from the frontmatter', () => {
  it.each([
    ['nl', 'nl'],
    ['nl-NL', 'nl'],
    ['nl_BE', 'nl'],
    ['Dutch', 'nl'],
    ['Nederlands', 'nl'],
    ['en', 'en'],
    ['en-GB', 'en'],
    ['English', 'en'],
  ] as const)('lang: %s', async (value, lang) => {
    const result = await lint(`---\nlang: ${value}\n---\n\nkut damn`)
    expect(result).toMatchObject({ lang, langSource: 'frontmatter' })
    expect(result.messages.map((message) => message.actual)).toEqual([lang === 'nl' ? 'kut' : 'damn'])
  })

  it('`language:` works as well', async () => {
    expect(await lint('---\nlanguage: nl\n---\n\nkut')).toMatchObject({
      lang: 'nl',
      langSource: 'frontmatter',
    })
  })

  it('frontmatter beats config; the `language` option beats both', async () => {
    const text = '---\nlang: nl\n---\n\nkut damn'
    expect(await lint(text, {}, { language: 'en' })).toMatchObject({ lang: 'nl', langSource: 'frontmatter' })
    const result = await lint(text, { language: 'en' }, { language: 'nl' })
    expect(result).toMatchObject({ lang: 'en', langSource: 'option' })
    expect(result.messages.map((message) => message.actual)).toEqual(['damn'])
  })

  it('an empty `lang:` is ignored', async () => {
    expect(await lint('---\nlang:\n---\n\nkut', {}, { language: 'nl' })).toMatchObject({
      lang: 'nl',
      langSource: 'config',
      messages: [{ actual: 'kut' }],
    })
  })
})

describe('an unknown language in the frontmatter', () => {
  it('is reported at the value, and the draft is checked as if it declared none', async () => {
    const result = await lint('---\nlang: de\n---\n\nkut damn')
    expect(result).toMatchObject({ lang: 'en', langSource: 'fallback' })
    expect(result.messages.map(where)).toEqual([
      {
        ruleId: 'frontmatter',
        severity: 'error',
        line: 2,
        column: 7,
        endLine: 2,
        endColumn: 9,
        offset: 10,
        endOffset: 12,
        actual: 'de',
      },
      {
        ruleId: 'demo',
        severity: 'warning',
        line: 5,
        column: 5,
        endLine: 5,
        endColumn: 9,
        offset: 22,
        endOffset: 26,
        actual: 'damn',
      },
    ])
    expect(result.messages[0]!.message).toBe(
      'Unknown language “de”: post-lint checks nl and en; this draft is checked as en.',
    )
  })

  it('falls back to the configured language, and says so in it', async () => {
    const result = await lint('---\nlang: de\n---\n\nkut damn', {}, { language: 'nl' })
    expect(result).toMatchObject({ lang: 'nl', langSource: 'config' })
    expect(result.messages.map((message) => message.message)).toEqual([
      'Onbekende taal “de”: post-lint controleert nl en en; dit concept wordt als nl gecontroleerd.',
      'Reconsider “kut”.',
    ])
  })

  it('falls back to the detected language', async () => {
    const result = await lint(`---\nlang: Deutsch\n---\n\n${DUTCH}`)
    expect(result).toMatchObject({ lang: 'nl', langSource: 'detected' })
    expect(result.messages.map(where)).toMatchObject([
      { ruleId: 'frontmatter', line: 2, column: 7, endColumn: 14 },
    ])
  })

  it('with CRLF line endings and a BOM, the position is still the value', async () => {
    const result = await lint('\uFEFF---\r\ntitle: x\r\nlang: fr\r\n---\r\n\r\nx')
    expect(result.messages.map(where)).toEqual([
      expect.objectContaining({
        ruleId: 'frontmatter',
        line: 3,
        column: 7,
        endColumn: 9,
        offset: 21,
        endOffset: 23,
      }),
    ])
  })

  it('a number or a quoted value', async () => {
    const number = await lint('---\nlang: 5\n---\n\nx')
    expect(number.messages).toMatchObject([
      { ruleId: 'frontmatter', actual: '5', message: /Unknown language “5”/ },
    ])
    const quoted = await lint("---\nlang: 'de'\n---\n\nx")
    expect(quoted.messages).toMatchObject([{ ruleId: 'frontmatter', column: 7, actual: "'de'" }])
  })

  it('the `language` option skips the frontmatter entirely', async () => {
    const result = await lint('---\nlang: de\n---\n\nkut', { language: 'nl' })
    expect(result.messages.map((message) => message.ruleId)).toEqual(['demo'])
  })
})

describe('language without a declaration', () => {
  it('config language', async () => {
    expect(await lint('kut', {}, { language: 'nl' })).toMatchObject({ lang: 'nl', langSource: 'config' })
  })

  it('detected for clearly Dutch or English prose', async () => {
    expect(await lint(`${DUTCH}\n\nkut damn`)).toMatchObject({
      lang: 'nl',
      langSource: 'detected',
      messages: [{ actual: 'kut' }],
    })
    expect(await lint(`${ENGLISH}\n\nkut damn`)).toMatchObject({
      lang: 'en',
      langSource: 'detected',
      messages: [{ actual: 'damn' }],
    })
  })

  it('too short to tell: English', async () => {
    expect(await lint('kut')).toMatchObject({ lang: 'en', langSource: 'fallback' })
    expect(await lint('')).toMatchObject({ lang: 'en', langSource: 'fallback', messages: [] })
    // franc alone calls this Dutch, which would switch the English lists off.
    expect(await lint('Hello damn world.')).toMatchObject({
      lang: 'en',
      langSource: 'fallback',
      messages: [{ actual: 'damn' }],
    })
  })

  it('code, URLs and e-mail addresses do not count', async () => {
    const code = `\`\`\`\n${ENGLISH}\n${ENGLISH}\n\`\`\`\n\n${DUTCH}`
    expect(await lint(code)).toMatchObject({ lang: 'nl', langSource: 'detected' })
    const urls = 'https://example.com/the-best-shopping-help-for-families-this-year and kut'
    expect(await lint(urls)).toMatchObject({ langSource: 'fallback' })
  })

  it('rules limited to a language run only on drafts in it', async () => {
    const dutchOnly: Rule = {
      meta: { id: 'dutch-only', defaultSeverity: 'warning', languages: ['nl'] },
      check(ctx) {
        ctx.report({ start: 0, end: 1, message: `checked as ${ctx.lang}` })
      },
    }
    expect((await lint('x', { language: 'nl' }, {}, [dutchOnly])).messages).toHaveLength(1)
    expect((await lint('x', { language: 'en' }, {}, [dutchOnly])).messages).toHaveLength(0)
  })

  it('an unknown configured language is a ConfigError', () => {
    expect(() => new Linter({ rules: [demo], config: { language: 'de' as never } })).toThrow(ConfigError)
  })
})

describe('parseLang and detectLang', () => {
  it('parseLang', () => {
    expect(['nl', ' NL ', 'nld', 'dut', 'nl-BE', 'dutch', 'Nederlands'].map(parseLang)).toEqual(
      Array(7).fill('nl'),
    )
    expect(['en', 'EN-us', 'eng', 'English', 'engels'].map(parseLang)).toEqual(Array(5).fill('en'))
    expect(['de', 'fr-FR', '', 'nl nl', 'english!', 5, null, undefined, ['nl']].map(parseLang)).toEqual(
      Array(9).fill(undefined),
    )
  })

  it('detectLang', async () => {
    expect(await detectLang(DUTCH)).toBe('nl')
    expect(await detectLang(ENGLISH)).toBe('en')
    expect(await detectLang('Dank je wel!')).toBeUndefined()
    // Close call between the two: no guess.
    expect(await detectLang('Our new shop opens today')).toBeUndefined()
  })
})

describe('frontmatter shared by many drafts', () => {
  it('each draft gets its own copy of the data, and the same problems at its own place', async () => {
    const seen: unknown[] = []
    const meddler: Rule = {
      meta: { id: 'meddler', defaultSeverity: 'info' },
      check(ctx) {
        seen.push(JSON.parse(JSON.stringify(ctx.frontmatter)))
        const tags = ctx.frontmatter?.data.tags
        if (Array.isArray(tags)) tags.push('changed by a rule')
        if (ctx.frontmatter) ctx.frontmatter.data.lang = 'changed'
      },
    }
    const block = '---\nlang: nl\ntags: [zorg, buurt]\n---\n'
    for (const body of ['Een.', 'Twee.', 'Drie.']) {
      const result = await lint(`${block}\n${body}`, {}, {}, [meddler])
      expect(result.lang).toBe('nl')
    }
    expect(seen).toHaveLength(3)
    for (const frontmatter of seen)
      expect(frontmatter).toEqual({
        data: { lang: 'nl', tags: ['zorg', 'buurt'] },
        start: 0,
        end: block.length - 1,
        keyOffsets: { lang: { start: 10, end: 12 }, tags: { start: 19, end: 32 } },
      })

    const broken = '---\ntitle: a\ntitle: b\n---\n'
    for (const body of ['x', 'y'])
      expect((await lint(`${broken}\n${body}`, { language: 'en' })).messages.map(where)).toEqual([
        expect.objectContaining({ ruleId: 'frontmatter', line: 3, column: 1, offset: 13 }),
      ])
  })
})

describe('invalid frontmatter', () => {
  it('one error at the right place inside the frontmatter; the body is still checked', async () => {
    const result = await lint('---\ntitle: [unclosed\nlang: nl\n---\n\nDit is kut.', { language: 'nl' })
    expect(result.messages.map(where)).toEqual([
      {
        ruleId: 'frontmatter',
        severity: 'error',
        line: 3,
        column: 1,
        endLine: 3,
        endColumn: 2,
        offset: 21,
        endOffset: 22,
        actual: 'l',
      },
      expect.objectContaining({ ruleId: 'demo', line: 6, column: 8, actual: 'kut' }),
    ])
    expect(result.messages[0]!.message).toMatch(/^De frontmatter bovenaan is geen geldige YAML: .+\.$/)
  })

  it('duplicate keys: at the second key', async () => {
    const result = await lint('---\ntitle: a\ntitle: b\n---\n\nx', { language: 'en' })
    expect(result.messages).toEqual([
      expect.objectContaining({
        ruleId: 'frontmatter',
        line: 3,
        column: 1,
        message: 'The frontmatter at the top is not valid YAML: Map keys must be unique.',
      }),
    ])
  })

  it('an error at the end of a line is an empty span there, not the line break', async () => {
    const lf = await lint('---\ntitle: ok\nlang: nl\nx: [a\n---\n\nkut', { language: 'nl' })
    expect(lf.messages.map(where)).toEqual([
      {
        ruleId: 'frontmatter',
        severity: 'error',
        line: 4,
        column: 6,
        endLine: 4,
        endColumn: 6,
        offset: 28,
        endOffset: 28,
        actual: '',
      },
      expect.objectContaining({ ruleId: 'demo', line: 7, column: 1 }),
    ])
    const quote = await lint('---\ntitle: "x\n---\n\nkut', { language: 'nl' })
    expect(quote.messages.map(where)[0]).toMatchObject({ line: 2, column: 10, endLine: 2, endColumn: 10 })
  })

  it('a YAML error after CRLF lines and a BOM', async () => {
    const result = await lint('\uFEFF---\r\ntitle: ok\r\nlang: nl\r\nx: [a\r\n---\r\n\r\nkut', {
      language: 'nl',
    })
    expect(result.messages.map(where)).toEqual([
      {
        ruleId: 'frontmatter',
        severity: 'error',
        line: 4,
        column: 6,
        endLine: 4,
        endColumn: 6,
        offset: 31,
        endOffset: 31,
        actual: '',
      },
      expect.objectContaining({ ruleId: 'demo', line: 7, column: 1 }),
    ])
  })

  it('the declared language of broken frontmatter is not used', async () => {
    const result = await lint('---\nlang: nl\nx: [a\n---\n\nkut')
    expect(result).toMatchObject({ lang: 'en', langSource: 'fallback' })
    expect(result.messages.map((message) => message.ruleId)).toEqual(['frontmatter'])
  })

  it('valid YAML that is not key: value pairs', async () => {
    const result = await lint('---\n- a\n- b\n---\n\nx', { language: 'en' })
    expect(result.messages.map(where)).toEqual([
      {
        ruleId: 'frontmatter',
        severity: 'error',
        line: 2,
        column: 1,
        endLine: 3,
        endColumn: 4,
        offset: 4,
        endOffset: 11,
        actual: '- a\n- b',
      },
    ])
    expect(result.messages[0]!.message).toBe(
      'The frontmatter at the top should be “key: value” lines, such as “lang: nl”.',
    )
  })

  it('YAML that fails while being read (an alias to nothing) is reported, not thrown', async () => {
    const result = await lint('---\na: &a [1]\nb: *a\nc: *nothing\n---\n\nkut', { language: 'nl' })
    expect(result.messages.map((message) => message.ruleId)).toEqual(['frontmatter', 'demo'])
    expect(result.messages[0]).toMatchObject({ line: 2, column: 1, endLine: 4, endColumn: 12 })
  })

  it('an empty frontmatter block is fine', async () => {
    expect(
      (await lint('---\n---\n\nkut', { language: 'nl' })).messages.map((message) => message.ruleId),
    ).toEqual(['demo'])
  })

  it('rules see the frontmatter data and where each value is', async () => {
    let seen: Frontmatter | undefined
    const spy: Rule = {
      meta: { id: 'spy', defaultSeverity: 'warning', scope: 'document' },
      check(ctx) {
        seen = ctx.frontmatter
      },
    }
    await lint('---\ntitle: Nieuws\nplatforms: [x, linkedin]\n---\n\nTekst', {}, {}, [spy])
    expect(seen).toEqual({
      data: { title: 'Nieuws', platforms: ['x', 'linkedin'] },
      start: 0,
      end: 46,
      keyOffsets: { title: { start: 11, end: 17 }, platforms: { start: 29, end: 42 } },
    })
  })
})

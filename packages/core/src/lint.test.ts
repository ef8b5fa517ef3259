/**
 * The Linter: configuration, rule crashes, sensitive rules, fixes, and the
 * context a code rule gets.
 */
import { describe, expect, it } from 'vitest'
import {
  ConfigError,
  DOCS_BASE,
  DOCS_ROOT,
  didYouMean,
  Linter,
  lint,
  localize,
  type Report,
  type Rule,
  type RuleContext,
  type RuleSetting,
  readSetting,
} from './index.js'

const phraseRule: Rule = {
  meta: { id: 'demo', defaultSeverity: 'warning' },
  phrases: [{ match: 'onder ons gezegd' }, { match: 'kut*', lang: 'nl' }],
}

/** A code rule that reports what it is given. */
const reporter = (id: string, reports: Report[], extra: Partial<Rule['meta']> = {}): Rule => ({
  meta: { id, defaultSeverity: 'error', ...extra },
  check(ctx) {
    for (const report of reports) ctx.report(report)
  },
})

describe('configuration', () => {
  it('an unknown rule id is a ConfigError with a did-you-mean', () => {
    const create = () => new Linter({ rules: [phraseRule], config: { rules: { dmeo: 'off' } } })
    expect(create).toThrow(ConfigError)
    expect(create).toThrow('Unknown rule “dmeo” — did you mean “demo”?')
    expect(() => new Linter({ rules: [phraseRule], config: { rules: { zzzzzz: 'off' } } })).toThrow(
      /^Unknown rule “zzzzzz”$/,
    )
  })

  it('two rules with one id, or a rule with an engine id, are a ConfigError', () => {
    expect(() => new Linter({ rules: [phraseRule, phraseRule] })).toThrow('Rule id “demo” is used twice')
    const engine = { meta: { id: 'frontmatter', defaultSeverity: 'warning' } } as Rule
    expect(() => new Linter({ rules: [engine] })).toThrow('Rule id “frontmatter” is reserved by post-lint')
  })

  it('ConfigError is an Error with its own name', () => {
    const error = new ConfigError('x')
    expect(error).toBeInstanceOf(Error)
    expect(error.name).toBe('ConfigError')
  })

  it('readSetting accepts severities, warn, 0–2 and [level, options]', () => {
    expect(readSetting('error')).toEqual({ severity: 'error', options: {} })
    expect(readSetting('info')).toEqual({ severity: 'info', options: {} })
    expect(readSetting('warn')).toEqual({ severity: 'warning', options: {} })
    expect(readSetting(0)).toEqual({ severity: 'off', options: {} })
    expect(readSetting(1)).toEqual({ severity: 'warning', options: {} })
    expect(readSetting(2)).toEqual({ severity: 'error', options: {} })
    expect(readSetting(['warn', { sureness: 2 }])).toEqual({ severity: 'warning', options: { sureness: 2 } })
    expect(readSetting(['off'])).toEqual({ severity: 'off', options: {} })
    expect(readSetting(undefined)).toEqual({ severity: undefined, options: {} })
  })

  it('readSetting rejects anything else', () => {
    for (const bad of ['fatal', 'Error', '', 3, -1, 1.5, [], ['fatal'], [4, {}]]) {
      expect(() => readSetting(bad as never), JSON.stringify(bad)).toThrow(ConfigError)
    }
    expect(() => readSetting('fatal' as never)).toThrow(
      'Unknown severity “fatal”; use off, info, warning or error',
    )
    expect(() => readSetting(['error', 'strict'] as never)).toThrow(ConfigError)
  })

  it('severity and options from the config; off rules do not run', async () => {
    let options: unknown
    const spy: Rule = {
      meta: { id: 'spy', defaultSeverity: 'off' },
      check(ctx) {
        options = ctx.options
        ctx.report({ start: 0, end: 1, message: 'm' })
      },
    }
    const off = await new Linter({ rules: [spy] }).lint('x')
    expect(off.messages).toEqual([])
    expect(options).toBeUndefined()
    const on = await new Linter({ rules: [spy], config: { rules: { spy: ['info', { level: 3 }] } } }).lint(
      'x',
    )
    expect(on.messages.map((message) => message.severity)).toEqual(['info'])
    expect(options).toEqual({ level: 3 })
    // ESLint-style numbers are accepted at run time (a rulebook may be written that way).
    const numbers = { spy: 2, demo: 0 } as unknown as Record<string, RuleSetting>
    const twice = new Linter({ rules: [spy, phraseRule], config: { rules: numbers } })
    expect(twice.activeRules).toEqual([{ id: 'spy', severity: 'error' }])
    expect(twice.rules.map((rule) => rule.meta.id)).toEqual(['spy', 'demo'])
  })

  it('a rule switched off does not take part in phrase matching', async () => {
    const result = await new Linter({ rules: [phraseRule], config: { rules: { demo: 'off' } } }).lint('kut', {
      language: 'nl',
    })
    expect(result.messages).toEqual([])
  })

  it('one-off lint() works like a Linter', async () => {
    const result = await lint('kut', {
      rules: [phraseRule],
      config: { rules: { demo: 'error' } },
      language: 'nl',
    })
    expect(result.messages).toMatchObject([{ ruleId: 'demo', severity: 'error', actual: 'kut' }])
  })
})

describe('a rule that throws', () => {
  const crash: Rule = {
    meta: { id: 'crasher', defaultSeverity: 'warning' },
    check() {
      throw new Error('boom')
    },
  }
  const asyncCrash: Rule = {
    meta: { id: 'async-crasher', defaultSeverity: 'warning' },
    async check() {
      await Promise.resolve()
      throw 'not an Error'
    },
  }

  it('gives a rule-crash error; other rules still report', async () => {
    const result = await new Linter({ rules: [crash, phraseRule, asyncCrash] }).lint('Dit is kut.', {
      language: 'en',
    })
    expect(result.messages).toEqual([
      {
        ruleId: 'rule-crash',
        severity: 'error',
        message: 'post-lint could not run rule “crasher” on this draft (boom); other rules did run.',
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 1,
        offset: 0,
        endOffset: 0,
        actual: '',
        suggestions: [],
        url: `${DOCS_ROOT}docs/engine-messages.md#rule-crash`,
      },
      expect.objectContaining({
        ruleId: 'rule-crash',
        message:
          'post-lint could not run rule “async-crasher” on this draft (not an Error); other rules did run.',
      }),
    ])
    const dutch = await new Linter({ rules: [crash, phraseRule] }).lint('Dit is kut.', { language: 'nl' })
    expect(dutch.messages.map((message) => message.ruleId)).toEqual(['rule-crash', 'demo'])
    expect(dutch.messages[0]!.message).toBe(
      'post-lint kon regel “crasher” niet uitvoeren op dit concept (boom); de andere regels zijn wel uitgevoerd.',
    )
  })

  it('reports made before the crash are kept', async () => {
    const partial: Rule = {
      meta: { id: 'partial', defaultSeverity: 'warning' },
      check(ctx) {
        ctx.report({ start: 0, end: 1, message: 'first' })
        throw new Error('then boom')
      },
    }
    const result = await new Linter({ rules: [partial] }).lint('xy')
    expect(result.messages.map((message) => `${message.ruleId}:${message.message}`)).toEqual([
      'rule-crash:post-lint could not run rule “partial” on this draft (then boom); other rules did run.',
      'partial:first',
    ])
  })

  it('rule-crash messages cannot be switched off by a comment', async () => {
    const result = await new Linter({ rules: [crash] }).lint('<!-- post-lint-disable -->\n\nx')
    expect(result.messages.map((message) => message.ruleId)).toEqual(['rule-crash'])
  })
})

describe('sensitive rules', () => {
  const secret = 'hunter2hunter2'
  const text = `Het wachtwoord is ${secret}, echt.`
  const start = text.indexOf(secret)
  const end = start + secret.length

  it('the raw text never appears in actual, message or note, whatever the rule writes', async () => {
    const rule = reporter(
      'secret',
      [
        { start, end, message: `Wachtwoord ${secret} gevonden` },
        { start, end, message: `Found: ${secret}!`, actual: secret, note: `Rotate ${secret}` },
        { start, end, message: 'x', actual: `pw=${secret}` },
        { start, end, message: `Masked ${secret}`, actual: 'hunt••••' },
      ],
      { sensitive: true },
    )
    const result = await new Linter({ rules: [rule] }).lint(text)
    for (const message of result.messages) {
      expect(JSON.stringify(message)).not.toContain(secret)
      expect(message).toMatchObject({ offset: start, endOffset: end })
    }
    expect(result.messages.map(({ actual, message, note }) => ({ actual, message, note }))).toEqual([
      { actual: '••••••••', message: 'Wachtwoord •••••••• gevonden', note: undefined },
      { actual: '••••••••', message: 'Found: ••••••••!', note: 'Rotate ••••••••' },
      { actual: '••••••••', message: 'x', note: undefined },
      // A masked `actual` chosen by the rule is kept, and used in the message.
      { actual: 'hunt••••', message: 'Masked hunt••••', note: undefined },
    ])
  })

  it('a short secret gets a mask as long as itself', async () => {
    const result = await new Linter({
      rules: [reporter('secret', [{ start: 0, end: 3, message: 'abc' }], { sensitive: true })],
    }).lint('abc def')
    expect(result.messages[0]).toMatchObject({ actual: '•••', message: '•••' })
  })

  it('other rules are not masked', async () => {
    const result = await new Linter({ rules: [reporter('plain', [{ start, end, message: secret }])] }).lint(
      text,
    )
    expect(result.messages[0]).toMatchObject({ actual: secret, message: secret })
  })
})

describe('fixes and report fields', () => {
  it('`fix: true` makes the first suggestion a fix for the whole span', async () => {
    const rule = reporter('fixer', [
      { start: 4, end: 7, message: 'm', suggestions: ['jammer', 'balen'], fix: true },
      { start: 4, end: 7, message: 'm', fix: true },
      { start: 4, end: 7, message: 'm', suggestions: ['jammer'] },
      { start: 4, end: 7, message: 'm', fix: { range: [0, 3], text: 'Het' } },
    ])
    const result = await new Linter({ rules: [rule] }).lint('Dit kut ding')
    expect(result.messages.map((message) => message.fix)).toEqual([
      { range: [4, 7], text: 'jammer' },
      undefined,
      undefined,
      { range: [0, 3], text: 'Het' },
    ])
    expect(result.messages[1]).not.toHaveProperty('fix')
  })

  it('the fix range is the clamped span, in offsets without the BOM', async () => {
    const rule = reporter('fixer', [{ start: 4, end: 99, message: 'm', suggestions: ['x'], fix: true }])
    const result = await new Linter({ rules: [rule] }).lint('\uFEFFDit kut')
    expect(result.messages[0]).toMatchObject({ actual: 'kut', fix: { range: [4, 7], text: 'x' } })
  })

  it('`actual`, `note` and the documentation url', async () => {
    const rule = reporter('noted', [{ start: 0, end: 3, message: 'm', actual: 'Dit?', note: 'Waarom.' }])
    const result = await new Linter({ rules: [rule] }).lint('Dit')
    expect(result.messages[0]).toMatchObject({
      actual: 'Dit?',
      note: 'Waarom.',
      url: `${DOCS_BASE}noted/README.md`,
    })
  })

  it('a rule may set its own documentation url, or none (`url: false`)', async () => {
    const own = reporter('own', [{ start: 0, end: 3, message: 'm' }], { url: 'file:///org/post-lint.yml' })
    const none = reporter('none', [{ start: 0, end: 3, message: 'm' }], { url: false })
    const result = await new Linter({ rules: [own, none] }).lint('Dit')
    expect(result.messages.find((message) => message.ruleId === 'own')?.url).toBe('file:///org/post-lint.yml')
    expect(result.messages.find((message) => message.ruleId === 'none')).not.toHaveProperty('url')
  })

  it('messages are sorted by position, then end, then rule id', async () => {
    const result = await new Linter({
      rules: [
        reporter('b', [
          { start: 2, end: 3, message: 'm' },
          { start: 0, end: 2, message: 'm' },
        ]),
        reporter('a', [
          { start: 0, end: 2, message: 'm' },
          { start: 0, end: 1, message: 'm' },
        ]),
      ],
    }).lint('abc')
    expect(
      result.messages.map((message) => `${message.offset}-${message.endOffset}:${message.ruleId}`),
    ).toEqual(['0-1:a', '0-2:a', '0-2:b', '2-3:b'])
  })
})

describe('the rule context', () => {
  it('gives a document rule source, language, file path, blocks and the plain text', async () => {
    let seen: RuleContext | undefined
    const spy: Rule = {
      meta: { id: 'spy', defaultSeverity: 'warning', scope: 'document' },
      async check(ctx) {
        await Promise.resolve()
        seen = ctx
      },
    }
    const text =
      '\uFEFF# Kop\n\nEen *mooie* dag met `code` en https://example.nl.\n\n```\ncode\n```\n\n| a | b |\n|---|---|\n| c | d |'
    await new Linter({ rules: [spy] }).lint(text, { filePath: 'post.md', language: 'nl' })
    expect(seen).toBeDefined()
    const ctx = seen!
    expect(ctx.ruleId).toBe('spy')
    expect(ctx.source).toBe(text.slice(1))
    expect(ctx.lang).toBe('nl')
    expect(ctx.filePath).toBe('post.md')
    expect(ctx.blocks.map((block) => [block.kind, block.text])).toEqual([
      ['heading', 'Kop'],
      ['paragraph', 'Een mooie dag met   en https://example.nl.'],
      ['tableCell', 'a'],
      ['tableCell', 'b'],
      ['tableCell', 'c'],
      ['tableCell', 'd'],
    ])
    const paragraph = ctx.blocks[1]!
    const index = paragraph.text.indexOf('dag')
    expect(ctx.source.slice(paragraph.toSource(index), paragraph.toSource(index + 3))).toBe('dag')
    const url = paragraph.text.indexOf('https')
    expect(ctx.source.slice(paragraph.toSource(url), paragraph.toSource(url + 18))).toBe('https://example.nl')
    expect(ctx.plainText()).toBe('Kop\n\nEen mooie dag met   en https://example.nl.\n\na\n\nb\n\nc\n\nd')
    expect(ctx.t({ en: 'Hello {name}', nl: 'Hallo {name}' }, { name: 'Jan' })).toBe('Hallo Jan')
    expect(ctx.mdast.type).toBe('root')
    expect(ctx.nlcst.type).toBe('RootNode')
  })

  it('block offsets stay exact in block quotes and list items over several lines', async () => {
    const found: string[] = []
    const spy: Rule = {
      meta: { id: 'spy', defaultSeverity: 'warning' },
      check(ctx) {
        for (const block of ctx.blocks) {
          const index = block.text.indexOf('NL91')
          found.push(ctx.source.slice(block.toSource(index), block.toSource(index + 4)))
        }
      },
    }
    await new Linter({ rules: [spy] }).lint('> Doneer\n> op NL91 ABNA\n\n- Of\n  via NL91 hier')
    expect(found).toEqual(['NL91', 'NL91'])
  })
})

describe('text helpers', () => {
  it('localize falls back to English and fills placeholders', () => {
    expect(localize({ en: 'Hi {x}' }, 'nl', { x: 'a' })).toBe('Hi a')
    expect(localize('Plain {x} {y}', 'en', { x: '1' })).toBe('Plain 1 {y}')
    expect(localize(undefined, 'en')).toBe('')
  })

  it('didYouMean suggests close names only', () => {
    expect(didYouMean('profantiy', ['profanity', 'insensitive'])).toBe('profanity')
    expect(didYouMean('PROFANITY', ['profanity'])).toBe('profanity')
    expect(didYouMean('xyz', ['profanity', 'insensitive'])).toBeUndefined()
  })
})

describe('masked text', () => {
  const secret: Rule = {
    meta: { id: 'secret-demo', defaultSeverity: 'error', sensitive: true },
    check(ctx) {
      for (const match of ctx.source.matchAll(/pw=(\S+)/g)) {
        const start = match.index + 3
        ctx.report({ start, end: start + match[1]!.length, message: 'secret', actual: '••' })
      }
    },
  }

  it('masks every secret of every sensitive finding, keeps length and line breaks', async () => {
    const text = 'a pw=one and pw=two\r\nnext pw=three\n'
    const result = await new Linter({ rules: [secret] }).lint(text)
    expect(result.masked).toBe('a pw=••• and pw=•••\r\nnext pw=•••••\n')
    expect(result.masked).toHaveLength(text.length)
  })

  it('is the text itself when nothing is secret', async () => {
    const result = await new Linter({ rules: [secret] }).lint('nothing here')
    expect(result.masked).toBe(result.text)
  })
})

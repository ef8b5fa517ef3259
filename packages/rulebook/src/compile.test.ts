/**
 * compileRulebook: custom rules (avoid, replace, pattern, require), the
 * organisation's details in personal-data, `watch`, `account` and account
 * limits, overrides, and the single phrase index. Real rulebooks as objects,
 * the real built-in rules.
 */
import { builtinRules } from '@post-lint/checks'
import { ConfigError, type Lang, Linter, type LintMessage } from '@post-lint/core'
import { describe, expect, it } from 'vitest'
import { compileRulebook } from './compile.js'
import { caseLike, fileUrl } from './custom.js'
import { defaultRulebook } from './load.js'
import type { CustomRule, ResolvedRulebook } from './types.js'

const FILE = '/org/post-lint.yml'

function rulebook(extra: Partial<ResolvedRulebook> = {}): ResolvedRulebook {
  return { ...defaultRulebook(), filePath: FILE, files: [FILE], language: 'nl', ...extra }
}

function custom(rules: Record<string, CustomRule>): ResolvedRulebook['custom'] {
  return Object.fromEntries(Object.entries(rules).map(([id, rule]) => [id, { ...rule, source: FILE }]))
}

async function lint(
  book: ResolvedRulebook,
  text: string,
  options: { filePath?: string; language?: Lang; only?: string } = {},
): Promise<LintMessage[]> {
  const compiled = compileRulebook(book, builtinRules)
  const linter = new Linter({ rules: compiled.rules, config: compiled.configFor(options.filePath) })
  const { messages } = await linter.lint(text, {
    ...(options.filePath ? { filePath: options.filePath } : {}),
    ...(options.language ? { language: options.language } : {}),
  })
  return options.only ? messages.filter((message) => message.ruleId === options.only) : messages
}

const brief = (messages: LintMessage[]) =>
  messages.map(
    (message) =>
      `${message.line}:${message.column}-${message.endLine}:${message.endColumn} ${message.actual}`,
  )

/** Apply every fix, last first (as --fix does). */
function applyFixes(text: string, messages: LintMessage[]): string {
  let out = text
  for (const message of [...messages].reverse()) {
    if (message.fix)
      out = out.slice(0, message.fix.range[0]) + message.fix.text + out.slice(message.fix.range[1])
  }
  return out
}

describe('compiled rules', () => {
  it('are the built-ins, then watch and account, then the custom rules', () => {
    const compiled = compileRulebook(
      rulebook({ custom: custom({ 'geen-klant': { type: 'replace', replace: { klant: 'deelnemer' } } }) }),
      builtinRules,
    )
    const ids = compiled.rules.map((rule) => rule.meta.id)
    expect(ids.slice(0, builtinRules.length)).toEqual(builtinRules.map((rule) => rule.meta.id))
    expect(ids.slice(builtinRules.length)).toEqual(['watch', 'account', 'geen-klant'])
  })

  it('a custom rule cannot take a built-in id', () => {
    const book = rulebook({ custom: custom({ profanity: { type: 'avoid', phrases: ['x'] } }) })
    expect(() => compileRulebook(book, builtinRules)).toThrow(ConfigError)
    const watch = rulebook({ custom: custom({ watch: { type: 'avoid', phrases: ['x'] } }) })
    expect(() => compileRulebook(watch, builtinRules)).toThrow(/Custom rule “watch”/)
  })

  it('custom rules carry severity, languages, note and a file url to their rulebook', async () => {
    const book = rulebook({
      custom: {
        'geen-garantie': {
          type: 'avoid',
          phrases: ['garanderen'],
          severity: 'error',
          lang: 'nl',
          note: 'Wij beloven geen resultaten (huisstijl, §3).',
          source: '/org/team a/post-lint.yml',
        },
        zacht: { type: 'avoid', phrases: ['zacht'], source: 'preset:welzijn' },
      },
    })
    const compiled = compileRulebook(book, builtinRules)
    const rule = compiled.rules.find((candidate) => candidate.meta.id === 'geen-garantie')!
    expect(rule.meta).toMatchObject({ defaultSeverity: 'error', languages: ['nl'] })
    expect(compiled.rules.find((candidate) => candidate.meta.id === 'zacht')!.meta.defaultSeverity).toBe(
      'warning',
    )
    const [message] = await lint(book, 'Wij garanderen het.', { only: 'geen-garantie' })
    expect(message).toMatchObject({
      severity: 'error',
      url: 'file:///org/team%20a/post-lint.yml',
      note: 'Wij beloven geen resultaten (huisstijl, §3).',
    })
    // A rule from a preset (no file) has no url, rather than a wrong one.
    const [soft] = await lint(book, 'Dat is zacht.', { only: 'zacht' })
    expect(soft).not.toHaveProperty('url')
  })
})

describe('helpers', () => {
  it('file urls for POSIX and Windows paths; none for anything else', () => {
    expect(fileUrl('/org/team a/post-lint.yml')).toBe('file:///org/team%20a/post-lint.yml')
    expect(fileUrl('C:\\org\\post-lint.yml')).toBe('file:///C:/org/post-lint.yml')
    expect(fileUrl('preset:recommended')).toBeUndefined()
    expect(fileUrl('post-lint.yml')).toBeUndefined()
  })

  it('suggestions take the case of the draft', () => {
    expect(caseLike('klant', 'deelnemer')).toBe('deelnemer')
    expect(caseLike('Klant', 'deelnemer')).toBe('Deelnemer')
    expect(caseLike('KLANT', 'deelnemer')).toBe('DEELNEMER')
    expect(caseLike('Klant', 'iPad')).toBe('iPad')
    expect(caseLike('klant', 'NGO')).toBe('NGO')
    expect(caseLike('A', 'b')).toBe('B')
  })
})

describe('custom: avoid', () => {
  const book = rulebook({
    custom: custom({
      'geen-garantie': {
        type: 'avoid',
        phrases: ['garanderen', 'risicoloos', 'snelle winst'],
        suggest: ['beloven'],
      },
    }),
  })

  it('finds the phrase and its inflections, case-insensitive, with suggestions but no fix', async () => {
    const text =
      'Wij garanderen het. Dat garandeert niets.\n\nResultaat gegarandeerd! Garandeer het. Het is RISICOLOOS.'
    const messages = await lint(book, text, { only: 'geen-garantie' })
    expect(brief(messages)).toEqual([
      '1:5-1:15 garanderen',
      '1:25-1:35 garandeert',
      '3:11-3:23 gegarandeerd',
      '3:25-3:34 Garandeer',
      '3:47-3:57 RISICOLOOS',
    ])
    expect(messages[0]!.message).toBe('Vermijd “garanderen”: schrijf liever “beloven”.')
    expect(messages[0]!.suggestions).toEqual(['beloven'])
    expect(messages[3]!.suggestions).toEqual(['Beloven'])
    expect(messages[4]!.suggestions).toEqual(['BELOVEN'])
    expect(messages.every((message) => message.fix === undefined)).toBe(true)
    expect(messages[0]!.severity).toBe('warning')
  })

  it('inflects the last word of a phrase only', async () => {
    const text = 'Geen snelle winsten, geen snel winsten.'
    expect(brief(await lint(book, text, { only: 'geen-garantie' }))).toEqual(['1:6-1:20 snelle winsten'])
    expect(await lint(book, 'De garantie loopt af.', { only: 'geen-garantie' })).toEqual([])
  })

  it('a phrase ending in * is a prefix, not inflected further', async () => {
    const prefix = rulebook({ custom: custom({ g: { type: 'avoid', phrases: ['garandeer*'] } }) })
    const messages = await lint(prefix, 'Zij garandeerden alles, maar garanderen niets.', { only: 'g' })
    expect(brief(messages)).toEqual(['1:5-1:17 garandeerden'])
    expect(messages[0]!.message).toBe('Vermijd “garandeerden” (regel “g” van het rulebook).')
  })

  it('inflects per language: English forms only in English drafts', async () => {
    const english = rulebook({
      language: 'en',
      custom: custom({ 'no-guarantee': { type: 'avoid', phrases: ['guarantee'], suggest: ['aim'] } }),
    })
    const en = await lint(english, 'We guaranteed results and guarantee more.', { only: 'no-guarantee' })
    expect(brief(en)).toEqual(['1:4-1:14 guaranteed', '1:27-1:36 guarantee'])
    expect(en[0]!.message).toBe('Avoid “guaranteed”: write “aim” instead.')
    const nl = await lint(english, 'Wij guaranteed het, guarantee!', { language: 'nl', only: 'no-guarantee' })
    expect(brief(nl)).toEqual(['1:21-1:30 guarantee'])
  })

  it('`lang` limits a rule to drafts in that language; a custom message wins', async () => {
    const dutch = rulebook({
      language: undefined,
      custom: custom({
        gratis: {
          type: 'avoid',
          phrases: ['gratis'],
          lang: 'nl',
          message: { nl: 'Niet “{actual}”: zeg wat het kost.', en: 'Not “{actual}”.' },
        },
      }),
    })
    const [message] = await lint(dutch, 'Alles is gratis vandaag.', { language: 'nl', only: 'gratis' })
    expect(message!.message).toBe('Niet “gratis”: zeg wat het kost.')
    expect(await lint(dutch, 'Everything is gratis today.', { language: 'en', only: 'gratis' })).toEqual([])
  })

  it('quoted words are mentioned, not used (as for every phrase rule)', async () => {
    expect(await lint(book, 'Schrijf nooit “garanderen” in een bericht.', { only: 'geen-garantie' })).toEqual(
      [],
    )
  })
})

describe('custom: replace', () => {
  const book = rulebook({
    custom: custom({
      'geen-klant': {
        type: 'replace',
        replace: {
          klant: 'deelnemer',
          cliënt: ['deelnemer', 'bewoner'],
          oudere: 'senior',
          gehandicapte: 'persoon met een beperking',
        },
      },
    }),
  })

  it('reports the term with the replacement as a fix, in the draft’s case', async () => {
    const text = 'Elke klant telt. Klant centraal! KLANT EERST.'
    const messages = await lint(book, text, { only: 'geen-klant' })
    expect(brief(messages)).toEqual(['1:6-1:11 klant', '1:18-1:23 Klant', '1:34-1:39 KLANT'])
    expect(messages.map((message) => message.fix?.text)).toEqual(['deelnemer', 'Deelnemer', 'DEELNEMER'])
    expect(messages[0]!.message).toBe('Schrijf “deelnemer” in plaats van “klant”.')
    expect(applyFixes(text, messages)).toBe('Elke deelnemer telt. Deelnemer centraal! DEELNEMER EERST.')
  })

  it('a plural finds the plural of the replacement', async () => {
    const text = 'Alle klanten en cliënten zijn welkom.'
    const messages = await lint(book, text, { only: 'geen-klant' })
    expect(brief(messages)).toEqual(['1:6-1:13 klanten', '1:17-1:25 cliënten'])
    expect(messages[1]!.suggestions).toEqual(['deelnemers', 'bewoners'])
    expect(messages[1]!.message).toBe('Schrijf “deelnemers” of “bewoners” in plaats van “cliënten”.')
    expect(applyFixes(text, messages)).toBe('Alle deelnemers en deelnemers zijn welkom.')
  })

  it('no fix where post-lint is not sure of the plural', async () => {
    const messages = await lint(book, 'Voor ouderen en gehandicapten.', { only: 'geen-klant' })
    expect(brief(messages)).toEqual(['1:6-1:13 ouderen', '1:17-1:30 gehandicapten'])
    expect(messages[0]!.suggestions).toEqual(['senioren'])
    expect(messages[1]!.suggestions).toEqual(['persoon met een beperking'])
    expect(messages.map((message) => message.fix)).toEqual([undefined, undefined])
    // The singular is safe.
    const [single] = await lint(book, 'Een gehandicapte buurman.', { only: 'geen-klant' })
    expect(single!.fix?.text).toBe('persoon met een beperking')
  })

  it('is not inflected beyond the plural', async () => {
    expect(await lint(book, 'Een klante buurvrouw.', { only: 'geen-klant' })).toEqual([])
  })

  it('a term written as a plural wins over the generated plural', async () => {
    const own = rulebook({
      custom: custom({ k: { type: 'replace', replace: { klant: 'deelnemer', klanten: 'mensen' } } }),
    })
    const messages = await lint(own, 'Alle klanten.', { only: 'k' })
    expect(messages.map((message) => message.suggestions)).toEqual([['mensen']])
  })
})

describe('custom: pattern', () => {
  const book = rulebook({
    custom: custom({
      procent: {
        type: 'pattern',
        pattern: String.raw`\d+ ?%`,
        message: '“{actual}”: noem liever een bedrag.',
      },
      'gratis-hulp': {
        type: 'pattern',
        pattern: String.raw`gratis\s+hulp`,
        flags: 'i',
        suggest: ['hulp zonder kosten'],
      },
      'Gratis-hulp': { type: 'pattern', pattern: String.raw`gratis\s+hulp` },
    }),
  })

  it('reports each match in each prose block at its source position', async () => {
    const text = '**Nu** 50 % korting.\n\nEn 10% extra, alleen `99%` in code.'
    const messages = await lint(book, text, { only: 'procent' })
    expect(brief(messages)).toEqual(['1:8-1:12 50 %', '3:4-3:7 10%'])
    expect(messages[0]!.message).toBe('“50 %”: noem liever een bedrag.')
  })

  it('flag i is case-insensitive; without it case counts', async () => {
    const text = 'GRATIS hulp en gratis hulp.'
    const insensitive = await lint(book, text, { only: 'gratis-hulp' })
    expect(brief(insensitive)).toEqual(['1:1-1:12 GRATIS hulp', '1:16-1:27 gratis hulp'])
    expect(insensitive[0]!.suggestions).toEqual(['Hulp zonder kosten'])
    expect(insensitive[1]!.message).toBe(
      '“gratis hulp” gaat in tegen regel “gratis-hulp” van het rulebook: schrijf liever “hulp zonder kosten”.',
    )
    expect(brief(await lint(book, text, { only: 'Gratis-hulp' }))).toEqual(['1:16-1:27 gratis hulp'])
  })

  it('skips empty matches', async () => {
    const empty = rulebook({ custom: custom({ leeg: { type: 'pattern', pattern: 'x*' } }) })
    expect(await lint(empty, 'Geen enkele letter.', { only: 'leeg' })).toEqual([])
  })

  it('runs in linear time (RE2): a pattern that backtracks exponentially elsewhere is harmless', async () => {
    const evil = rulebook({ custom: custom({ evil: { type: 'pattern', pattern: '(a+)+$' } }) })
    const started = performance.now()
    const messages = await lint(evil, `${'a'.repeat(5000)}!`, { only: 'evil' })
    expect(messages).toEqual([])
    expect(performance.now() - started).toBeLessThan(2000)
  })

  it('a pattern RE2 cannot compile, or an unknown flag, stops compiling with the rule id', () => {
    const lookahead = rulebook({
      custom: custom({ vooruit: { type: 'pattern', pattern: 'gratis(?= hulp)' } }),
    })
    expect(() => compileRulebook(lookahead, builtinRules)).toThrow(
      /Custom rule “vooruit”: the pattern is not a valid RE2/i,
    )
    const flag = rulebook({ custom: custom({ vlag: { type: 'pattern', pattern: 'x', flags: 'g' } }) })
    expect(() => compileRulebook(flag, builtinRules)).toThrow(
      'Custom rule “vlag”: Unknown pattern flag “g”; use i, m or s',
    )
  })
})

describe('custom: require', () => {
  const book = rulebook({
    custom: custom({
      'tweede-lezer': {
        type: 'require',
        fields: ['reviewed-by'],
        when: { status: 'ready' },
        message: {
          nl: 'een bericht met status: ready heeft een tweede lezer nodig',
          en: 'a post with status: ready needs a second reader',
        },
      },
      kanaal: { type: 'require', fields: ['platform', 'account'] },
      sociaal: {
        type: 'require',
        fields: ['alt'],
        when: { platform: ['instagram', 'facebook'], fotos: true },
      },
    }),
  })

  it('one finding at the frontmatter’s first line, in the draft’s language', async () => {
    const text = '---\nstatus: ready\nplatform: x\naccount: x-debrug\n---\nHallo buurt.'
    const messages = await lint(book, text, { only: 'tweede-lezer' })
    expect(brief(messages)).toEqual(['1:1-1:4 ---'])
    expect(messages[0]!.message).toBe(
      'Dit concept mist reviewed-by: een bericht met status: ready heeft een tweede lezer nodig.',
    )
    const english = await lint(book, text.replace('Hallo buurt.', 'Hello.'), {
      language: 'en',
      only: 'tweede-lezer',
    })
    expect(english[0]!.message).toBe(
      'This draft lacks reviewed-by: a post with status: ready needs a second reader.',
    )
  })

  it('only when every condition holds; an empty value is missing', async () => {
    const draft = (lines: string) => `---\n${lines}\nplatform: x\naccount: a\n---\nHallo.`
    expect(await lint(book, draft('status: draft'), { only: 'tweede-lezer' })).toHaveLength(0)
    expect(
      await lint(book, draft('status: Ready\nreviewed-by: Fatima'), { only: 'tweede-lezer' }),
    ).toHaveLength(0)
    expect(await lint(book, draft('status: ready\nreviewed-by: ""'), { only: 'tweede-lezer' })).toHaveLength(
      1,
    )
    expect(await lint(book, draft('status: ready\nreviewed-by: []'), { only: 'tweede-lezer' })).toHaveLength(
      1,
    )
    expect(await lint(book, draft('status: [ready, urgent]'), { only: 'tweede-lezer' })).toHaveLength(1)
  })

  it('lists of values and booleans in `when`', async () => {
    const draft = (lines: string) => `---\n${lines}\naccount: a\n---\nHallo.`
    const messages = await lint(book, draft('platform: instagram\nfotos: true'), { only: 'sociaal' })
    expect(messages[0]!.message).toBe(
      'Dit concept mist alt in de frontmatter, verplicht bij platform: instagram of facebook en fotos: true.',
    )
    expect(await lint(book, draft('platform: facebook\nfotos: ja'), { only: 'sociaal' })).toHaveLength(1)
    expect(await lint(book, draft('platform: facebook\nfotos: false'), { only: 'sociaal' })).toHaveLength(0)
    expect(await lint(book, draft('platform: linkedin\nfotos: true'), { only: 'sociaal' })).toHaveLength(0)
  })

  it('a draft without frontmatter misses every field, unless the rule has conditions', async () => {
    const messages = await lint(book, 'Hallo buurt.\nTweede regel.', { only: 'kanaal' })
    expect(brief(messages)).toEqual(['1:1-1:13 Hallo buurt.'])
    expect(messages[0]!.message).toBe('Dit concept mist platform en account in de frontmatter.')
    expect(await lint(book, 'Hallo buurt.', { only: 'tweede-lezer' })).toEqual([])
    expect(await lint(book, 'Hallo buurt.', { only: 'sociaal' })).toEqual([])
  })
})

describe('organisation', () => {
  const organisation = {
    name: 'Stichting De Brug',
    names: ['De Brug', 'Buurtwerk Noord'],
    domains: ['debrug.nl'],
    phones: ['020 123 4567'],
    ibans: ['NL91 ABNA 0417 1643 00'],
    emails: ['fatima.elamrani@gmail.com'],
    addresses: ['Dorpsstraat 12, 1234 AB Ede'],
  }
  const book = rulebook({ organisation })
  const personal = (text: string, target = book) => lint(target, text, { only: 'personal-data' }).then(brief)

  it('own phone numbers, in any format', async () => {
    expect(await personal('Bel +31 20 123 4567, 020-1234567 of (020) 123 45 67.')).toEqual([])
    expect(await personal('Bel 020 123 4567 of Sarah op 06-12345678.')).toEqual(['1:30-1:41 06-12345678'])
    expect(
      await lint(book, 'Call us on 020 123 4567 or +31 20 123 4567.', {
        language: 'en',
        only: 'personal-data',
      }),
    ).toEqual([])
  })

  it('own IBANs, with or without spaces and in either case', async () => {
    expect(await personal('Doneer op NL91ABNA0417164300 of nl91 abna 0417 1643 00.')).toEqual([])
    expect(await personal('Niet op NL20INGB0001234567.')).toEqual(['1:9-1:27 NL20INGB0001234567'])
  })

  it('own e-mail addresses and any address at the own domains', async () => {
    expect(
      await personal('Mail jan.jansen@debrug.nl, kees@mail.debrug.nl of fatima.elamrani@gmail.com.'),
    ).toEqual([])
    expect(await personal('Mail jan@gmail.com of piet@debrug.nl.evil.com.')).toEqual([
      '1:6-1:19 jan@gmail.com',
      '1:23-1:46 piet@debrug.nl.evil.com',
    ])
  })

  it('own street address, also abbreviated or as postcode + number', async () => {
    expect(await personal('Kom naar Dorpsstraat 12. Of Dorpsstr. 12, of 1234 AB 12.')).toEqual([])
    expect(await personal('Niet naar Kerkstraat 5 of Dorpsstraat 14.')).toEqual([
      '1:11-1:23 Kerkstraat 5',
      '1:27-1:41 Dorpsstraat 14',
    ])
  })

  it('own names are not persons', async () => {
    const without = rulebook()
    expect(await personal('De Brug (25 jaar) viert feest.', without)).toEqual(['1:4-1:18 Brug (25 jaar)'])
    expect(await personal('De Brug (25 jaar) viert feest.')).toEqual([])
    expect(await personal('Stichting De Brug (25 jaar) en Buurtwerk Noord (25) vieren feest.')).toEqual([])
    // A person next to the organisation's name still counts.
    expect(await personal('Kees (72), vrijwilliger bij De Brug, heeft dementie.')).toEqual([
      '1:1-1:10 Kees (72)',
    ])
  })

  it('merges with options the rulebook sets itself, and survives a severity-only setting', async () => {
    const merged = rulebook({
      organisation,
      rules: { 'personal-data': ['warning', { allow: ['06-12345678'] }] },
    })
    expect(await personal('Bel 020 123 4567 of 06-12345678.', merged)).toEqual([])
    const severity = rulebook({ organisation, rules: { 'personal-data': 'warning' } })
    const messages = await lint(severity, 'Bel 020 123 4567 of 06-87654321.', { only: 'personal-data' })
    expect(brief(messages)).toEqual(['1:21-1:32 06-87654321'])
    expect(messages[0]!.severity).toBe('warning')
  })
})

describe('watch', () => {
  const book = rulebook({ watch: ['Fatima El Amrani', 'Jansen'] })

  it('names on the watch list get an info finding, case-insensitive, also possessive', async () => {
    const text = 'Vandaag vertelt fatima el amrani over de buurt. Jansens tuin en Jansen’s fiets.'
    const messages = await lint(book, text, { only: 'watch' })
    expect(brief(messages)).toEqual(['1:17-1:33 fatima el amrani', '1:49-1:56 Jansens', '1:65-1:73 Jansen’s'])
    expect(messages[0]).toMatchObject({
      severity: 'info',
      message:
        '“fatima el amrani” staat op de volglijst van het rulebook: laat dit bericht nog even nalezen.',
      url: 'https://github.com/post-lint/post-lint/blob/main/docs/rulebook.md#watch',
    })
    const [english] = await lint(book, 'Jansen said hello.', { language: 'en', only: 'watch' })
    expect(english!.message).toBe(
      '“Jansen” is on the rulebook’s watch list: have someone read this post again before it goes out.',
    )
  })

  it('can be set like any rule', async () => {
    const strict = rulebook({ watch: ['Jansen'], rules: { watch: 'error' } })
    expect((await lint(strict, 'Jansen.', { only: 'watch' }))[0]!.severity).toBe('error')
    expect(
      await lint(rulebook({ watch: ['Jansen'], rules: { watch: 'off' } }), 'Jansen.', { only: 'watch' }),
    ).toEqual([])
  })
})

describe('account', () => {
  const accounts = [
    {
      id: 'x-debrug',
      platform: 'x',
      handle: '@debrug',
      owners: ['Fatima', 'Kees'],
      limits: { length: 25000 },
    },
    {
      id: 'li-debrug',
      platform: 'linkedin',
      handle: 'stichting-de-brug',
      owners: ['Fatima', 'Kees'],
      limits: { hashtags: 3 },
    },
    { id: 'bsky-debrug', platform: 'bluesky', handle: 'debrug.nl', owners: ['Fatima', 'Kees'] },
  ]
  const book = rulebook({ accounts })

  it('an unknown account is reported at its value, with did-you-mean', async () => {
    const text = '---\naccount: x-debrg\n---\nHallo.'
    const messages = await lint(book, text, { only: 'account' })
    expect(brief(messages)).toEqual(['2:10-2:17 x-debrg'])
    expect(messages[0]).toMatchObject({
      severity: 'error',
      suggestions: ['x-debrug'],
      message:
        'Onbekend account “x-debrg” (bedoel je “x-debrug”?): het accountregister van het rulebook kent “x-debrug”, “li-debrug” en “bsky-debrug”.',
    })
    expect(messages[0]!.fix).toBeUndefined()
  })

  it('each account of a list is checked', async () => {
    const text = '---\naccount: [li-debrug, instagram]\n---\nHallo.'
    expect(brief(await lint(book, text, { only: 'account' }))).toEqual(['2:22-2:31 instagram'])
  })

  it('the draft’s platform must be the account’s (aliases count)', async () => {
    const wrong = '---\naccount: x-debrug\nplatform: linkedin\n---\nHallo.'
    const messages = await lint(book, wrong, { only: 'account' })
    expect(brief(messages)).toEqual(['3:11-3:19 linkedin'])
    expect(messages[0]!.message).toBe(
      'Account “x-debrug” zit op X, maar dit concept zegt platform: linkedin. Plaats het via het juiste account of verbeter het platform.',
    )
    expect(messages[0]!.suggestions).toEqual(['x'])
    expect(
      await lint(book, '---\naccount: x-debrug\nplatform: Twitter\n---\nHallo.', { only: 'account' }),
    ).toEqual([])
  })

  it('does nothing without a register', async () => {
    expect(await lint(rulebook(), '---\naccount: wie-dan-ook\n---\nHallo.', { only: 'account' })).toEqual([])
  })

  it('an account’s limits replace the platform’s', async () => {
    const long = 'Lang bericht. '.repeat(25).trim()
    const viaX = await lint(book, `---\nplatform: x\n---\n${long}`, { only: 'platform-length' })
    expect(viaX).toHaveLength(1)
    expect(
      await lint(book, `---\naccount: x-debrug\nplatform: x\n---\n${long}`, { only: 'platform-length' }),
    ).toEqual([])

    const tags = '#buurt #zorg #welzijn #vrijwilligers'
    const linkedin = await lint(book, `---\naccount: li-debrug\n---\nHallo ${tags}`, {
      only: 'platform-length',
    })
    expect(brief(linkedin)).toEqual(['2:10-2:19 li-debrug'])
    expect(linkedin[0]!.message).toBe(
      'Dit bericht heeft 4 hashtags; LinkedIn (account “li-debrug”) staat er 3 toe. Houd de 3 belangrijkste.',
    )
    expect(
      await lint(book, `---\nplatform: linkedin\n---\nHallo ${tags}`, { only: 'platform-length' }),
    ).toEqual([])
  })

  it('an account without `platform:` in the draft gives its platform to platform-length', async () => {
    const long = 'Lang bericht. '.repeat(25).trim()
    const messages = await lint(book, `---\naccount: bsky-debrug\n---\n${long}`, { only: 'platform-length' })
    expect(messages[0]!.message).toMatch(/^Dit bericht is 349 tekens; Bluesky staat er 300 toe/)
  })
})

describe('overrides and configFor', () => {
  const book = rulebook({
    rules: { insensitive: ['warning', { ignore: ['blank'] }], profanity: 'error' },
    overrides: [
      { files: 'nieuwsbrief/**/*.md', base: '/org', language: 'en', rules: { 'platform-length': 'off' } },
      { files: ['intern/**', '!intern/publiek/**'], base: '/org', rules: { profanity: 'off' } },
      { files: '/org/archief/**', base: '/org', rules: { insensitive: 'error' } },
      { files: '**/*.txt', base: '/org/team', rules: { shouting: 'off' } },
    ],
  })
  const compiled = compileRulebook(book, builtinRules)

  it('without a path (stdin) or outside every glob: the rulebook’s own settings', () => {
    const base = {
      language: 'nl',
      rules: { insensitive: ['warning', { ignore: ['blank'] }], profanity: 'error' },
    }
    expect(compiled.configFor(undefined)).toEqual(base)
    expect(compiled.configFor('/org/drafts/post.md')).toEqual(base)
  })

  it('matching overrides apply in order: rules merged per id, language replaced', () => {
    expect(compiled.configFor('/org/nieuwsbrief/2025/mei.md')).toEqual({
      language: 'en',
      rules: {
        insensitive: ['warning', { ignore: ['blank'] }],
        profanity: 'error',
        'platform-length': 'off',
      },
    })
    expect(compiled.configFor('/org/intern/team.md').rules?.profanity).toBe('off')
    expect(compiled.configFor('/org/intern/publiek/post.md').rules?.profanity).toBe('error')
  })

  it('a severity alone keeps the options set before it (as in ESLint)', () => {
    expect(compiled.configFor('/org/archief/2019/post.md').rules?.insensitive).toEqual([
      'error',
      { ignore: ['blank'] },
    ])
  })

  it('globs are relative to the folder of the rulebook that defined them', () => {
    expect(compiled.configFor('/org/team/notes/a.txt').rules?.shouting).toBe('off')
    expect(compiled.configFor('/org/b.txt').rules?.shouting).toBeUndefined()
  })

  it('relative and Windows paths', () => {
    expect(compiled.configFor('nieuwsbrief/mei.md').language).toBe('en')
    const windows = compileRulebook(
      rulebook({ overrides: [{ files: 'nieuwsbrief/**', base: 'C:\\org', language: 'en' }] }),
      builtinRules,
    )
    expect(windows.configFor('C:\\org\\nieuwsbrief\\mei.md').language).toBe('en')
    expect(windows.configFor('c:/org/nieuwsbrief/mei.md').language).toBe('en')
    expect(windows.configFor('C:\\anders\\nieuwsbrief\\mei.md').language).toBe('nl')
  })

  it('hands out one frozen configuration per set of matching overrides (as ESLint’s config array does)', () => {
    const first = compiled.configFor(undefined)
    expect(() => {
      first.rules!.profanity = 'off'
    }).toThrow(TypeError)
    expect(compiled.configFor(undefined).rules?.profanity).toBe('error')
    expect(compiled.configFor('/org/drafts/a.md')).toBe(compiled.configFor('/org/drafts/b.md'))
    expect(compiled.configFor('/org/nieuwsbrief/mei.md')).toBe(
      compiled.configFor('/org/nieuwsbrief/2025/juni.md'),
    )
    expect(compiled.configFor('/org/nieuwsbrief/mei.md')).not.toBe(compiled.configFor('/org/drafts/a.md'))
  })

  it('a linter with the override’s configuration checks the draft accordingly', async () => {
    const text = `---\nplatform: x\n---\n${'Lang bericht. '.repeat(25)}`
    expect(await lint(book, text, { filePath: '/org/drafts/post.md', only: 'platform-length' })).toHaveLength(
      1,
    )
    expect(
      await lint(book, text, { filePath: '/org/nieuwsbrief/mei.md', only: 'platform-length' }),
    ).toHaveLength(0)
  })
})

describe('the single phrase index', () => {
  it('custom phrase rules are phrase lists, not tree walks', () => {
    const compiled = compileRulebook(
      rulebook({
        watch: ['Jansen'],
        custom: custom({
          a: { type: 'avoid', phrases: ['garanderen'] },
          r: { type: 'replace', replace: { klant: 'deelnemer' } },
        }),
      }),
      builtinRules,
    )
    const byId = (id: string) => compiled.rules.find((rule) => rule.meta.id === id)!
    expect(byId('a').phrases!.map((phrase) => phrase.match)).toEqual(
      expect.arrayContaining(['garanderen', 'garandeer', 'gegarandeerd']),
    )
    expect(byId('r').phrases!.map((phrase) => phrase.match)).toEqual(
      expect.arrayContaining(['klant', 'klanten']),
    )
    expect(byId('watch').phrases!.map((phrase) => phrase.match)).toEqual(['Jansen', 'Jansens'])
  })

  it('thousands of custom phrases cost little more than none', async () => {
    const words = Array.from({ length: 3000 }, (_, index) => `woord${index.toString(36)}x`)
    const big = rulebook({
      custom: custom({
        veel: { type: 'avoid', phrases: words },
        vervang: { type: 'replace', replace: Object.fromEntries(words.map((word) => [`${word}y`, 'iets'])) },
      }),
    })
    const text = Array.from(
      { length: 40 },
      (_, index) => `Alinea ${index} over de buurt en ${words[index * 7]} erbij.`,
    ).join('\n\n')
    const time = async (book: ResolvedRulebook) => {
      const compiled = compileRulebook(book, builtinRules)
      const linter = new Linter({ rules: compiled.rules, config: compiled.configFor(undefined) })
      await linter.lint(text) // builds the index
      const started = performance.now()
      let found = 0
      for (let run = 0; run < 5; run++)
        found = (await linter.lint(text)).messages.filter((m) => m.ruleId === 'veel').length
      return { ms: (performance.now() - started) / 5, found }
    }
    const plain = await time(rulebook())
    const heavy = await time(big)
    expect(heavy.found).toBe(40)
    // Generous bound: one-pass matching keeps a 6,000-phrase rulebook within a small factor.
    expect(heavy.ms).toBeLessThan(plain.ms * 3 + 20)
  })
})

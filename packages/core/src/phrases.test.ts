/**
 * Phrase semantics (see the header of phrases.ts): words with only white
 * space between them, case-, hyphen- and apostrophe-insensitive, `*` and
 * `word*`, literal (quoted) words skipped, `near`/`unless` per paragraph,
 * `lang`, `caseSensitive`, one index for all rules, longest match per rule.
 */
import { describe, expect, it } from 'vitest'
import {
  type Lang,
  Linter,
  longestMatches,
  matchCase,
  normalizeWord,
  PhraseIndex,
  type PhraseMatch,
  type PhraseSpec,
  parseDraft,
  type Rule,
  splitChunks,
  toNaturalLanguage,
} from './index.js'

const rule = (id: string, phrases: PhraseSpec[], extra: Partial<Rule> = {}): Rule => ({
  meta: { id, defaultSeverity: 'warning' },
  phrases,
  ...extra,
})

async function found(
  phrases: PhraseSpec[],
  text: string,
  lang: Lang = 'nl',
  filePath?: string,
): Promise<string[]> {
  const result = await new Linter({ rules: [rule('demo', phrases)] }).lint(text, {
    language: lang,
    ...(filePath ? { filePath } : {}),
  })
  return result.messages.map((message) => `${message.column} ${message.actual}`)
}

describe('words of a phrase', () => {
  const phrases = [{ match: 'onder ons gezegd' }]

  it('match with any white space between them', async () => {
    expect(await found(phrases, 'Dit is onder ons gezegd.')).toEqual(['8 onder ons gezegd'])
    expect(await found(phrases, 'onder  ons\tgezegd')).toEqual(['1 onder  ons\tgezegd'])
    expect(await found(phrases, 'onder ons\ngezegd')).toEqual(['1 onder ons\ngezegd'])
  })

  it('do not match across punctuation or a sentence end', async () => {
    expect(await found(phrases, 'onder ons, gezegd')).toEqual([])
    expect(await found(phrases, 'onder ons. Gezegd')).toEqual([])
    expect(await found(phrases, 'onder ons - gezegd')).toEqual([])
    expect(await found(phrases, 'onder (ons) gezegd')).toEqual([])
  })

  it('do not match across paragraphs', async () => {
    expect(await found(phrases, 'onder ons\n\ngezegd')).toEqual([])
  })

  it('do not match parts of words or more words glued together', async () => {
    expect(await found(phrases, 'onder onsgezegd')).toEqual([])
    expect(await found(phrases, 'bonder ons gezegd')).toEqual([])
    expect(await found(phrases, 'onder ons gezegde')).toEqual([])
  })

  it('compare case-insensitively', async () => {
    expect(await found(phrases, 'ONDER Ons GeZeGd')).toEqual(['1 ONDER Ons GeZeGd'])
  })

  it('compare with hyphens removed, both ways', async () => {
    expect(await found([{ match: 'e-mail' }], 'email, E-mail en e-Mail')).toEqual([
      '1 email',
      '8 E-mail',
      '18 e-Mail',
    ])
    expect(await found([{ match: 'email' }], 'e-mail')).toEqual(['1 e-mail'])
    expect(await found([{ match: 'e-mail adres' }], 'emailadres, email adres')).toEqual(['13 email adres'])
  })

  it('compare with apostrophes removed, straight and curly alike', async () => {
    const dont = [{ match: "don't panic" }]
    expect(await found(dont, "dont panic. don't panic. don’t panic. Don’T PANIC")).toEqual([
      '1 dont panic',
      "13 don't panic",
      '26 don’t panic',
      '39 Don’T PANIC',
    ])
    // Without `apostrophe: true`, “zo’n” is compared as “zon” (the rule data sets it for phrases with an apostrophe).
    expect(await found([{ match: 'zo’n' }], "zo'n zon")).toEqual(["1 zo'n", '6 zon'])
    expect(await found([{ match: 'zo’n', apostrophe: true }], "zo'n zon")).toEqual(["1 zo'n"])
  })

  it('`apostrophe: true` keeps apostrophes: “he’ll” is not “hell”', async () => {
    const kept = [{ match: "he'll", apostrophe: true }]
    expect(await found(kept, "He'll come. he’ll come. hell.", 'en')).toEqual(["1 He'll", '13 he’ll'])
    expect(await found([{ match: 'hell' }], "He'll come.", 'en')).toEqual(["1 He'll"])
    expect(await found([{ match: 'hell', apostrophe: true }], "He'll come, hell.", 'en')).toEqual(['13 hell'])
  })

  it('compare in Unicode NFC: decomposed accents match composed ones', async () => {
    expect(await found([{ match: 'privé' }], 'Dat is prive\u0301.')).toEqual(['8 prive\u0301'])
    expect(await found([{ match: 'prive\u0301' }], 'Dat is privé.')).toEqual(['8 privé'])
  })
})

describe('wildcards', () => {
  it('`*` is exactly one word', async () => {
    const phrases = [{ match: 'rot * op' }]
    expect(await found(phrases, 'Rot toch op!')).toEqual(['1 Rot toch op'])
    expect(await found(phrases, 'rot op')).toEqual([])
    expect(await found(phrases, 'rot maar gauw op')).toEqual([])
    expect(await found(phrases, 'rot, maar op')).toEqual([])
    expect(await found(phrases, 'rot 2 op')).toEqual(['1 rot 2 op'])
  })

  it('`*` may be the first or last word', async () => {
    expect(await found([{ match: '* gezegd' }], 'Eerlijk gezegd.')).toEqual(['1 Eerlijk gezegd'])
    expect(await found([{ match: 'vader van *' }], 'de vader van Jan')).toEqual(['4 vader van Jan'])
    expect(await found([{ match: 'vader van *' }], 'de vader van.')).toEqual([])
  })

  it('`word*` is a prefix, also for a later word', async () => {
    const phrases = [{ match: 'kut*' }]
    expect(await found(phrases, 'kut, Kutweer, kutzooi, kut-zooi, skut')).toEqual([
      '1 kut',
      '6 Kutweer',
      '15 kutzooi',
      '24 kut-zooi',
    ])
    expect(await found([{ match: 'heel kut*' }], 'heel kutweer, heel kut, kut')).toEqual([
      '1 heel kutweer',
      '15 heel kut',
    ])
  })

  it('prefixes of different lengths in one index', async () => {
    const phrases = [{ match: 'ku*' }, { match: 'kutje*' }]
    const linter = new Linter({ rules: [rule('a', [phrases[0]!]), rule('b', [phrases[1]!])] })
    const result = await linter.lint('kutjes', { language: 'nl' })
    expect(result.messages.map((message) => message.ruleId)).toEqual(['a', 'b'])
  })
})

describe('a full stop the parser merged into the last word', () => {
  // parse-latin keeps “kut.” as one word when the next sentence starts in lower case.
  it('still matches, and the span ends before the full stop', async () => {
    expect(await found([{ match: 'kut' }], 'wat een kut. echt')).toEqual(['9 kut'])
    expect(await found([{ match: 'kut*' }], 'wat een kutzooi. echt')).toEqual(['9 kutzooi'])
    expect(await found([{ match: 'rot * op' }], 'rot maar op. rot op.')).toEqual(['1 rot maar op'])
    expect(await found([{ match: 'hell' }], 'what the hell. ok', 'en')).toEqual(['10 hell'])
  })

  it('a phrase that ends in a full stop keeps it', async () => {
    expect(await found([{ match: 'a.d.d.' }], 'the a.d.d. kids', 'en')).toEqual(['5 a.d.d.'])
  })

  it('is never the middle of a phrase: a full stop ends a sentence', async () => {
    expect(await found([{ match: 'weg damn' }], 'ga weg. damn.')).toEqual([])
  })
})

describe('literal words', () => {
  it.each([
    ['double quotes', '"kut"'],
    ['curly quotes', '“kut”'],
    ['Dutch low quotes', '„kut”'],
    ['single quotes', '‘kut’'],
    ['guillemets', '«kut»'],
    ['parentheses', '(kut)'],
    ['square brackets (in plain text)', '[kut]'],
    ['quotes with space inside', '" kut "'],
  ])('%s are skipped', async (_name, text) => {
    expect(await found([{ match: 'kut' }], text, 'nl', 'post.txt')).toEqual([])
  })

  // nlcst-is-literal (retext) also skips these; in a post they are read, not quoted.
  it.each([
    ['between commas', 'Maandag, kut, regen.', 10],
    ['between dashes', 'Maandag – kut – regen.', 11],
    ['alone before a colon', 'Kut: de bus is te laat.', 1],
    ['alone after a colon', 'Mijn mening: kut', 14],
    ['alone after a dash', 'De bus is te laat - kut', 21],
  ])('%s is prose', async (_name, text, column) => {
    expect(await found([{ match: 'kut' }], text)).toEqual([`${column} ${text.substr(column - 1, 3)}`])
  })

  it('unbalanced quotes do not make a word literal', async () => {
    expect(await found([{ match: 'kut' }], '"kut en (kut')).toEqual(['2 kut', '10 kut'])
    expect(await found([{ match: 'kut' }], '(kut]')).toEqual(['2 kut'])
  })

  it('quoted once, plain once: only the plain one', async () => {
    expect(await found([{ match: 'kut' }], '"kut" is kut')).toEqual(['10 kut'])
  })

  it('only the first word decides: a quote around a multi-word phrase still matches', async () => {
    expect(await found([{ match: 'onder ons gezegd' }], '„onder ons gezegd” dus')).toEqual([
      '2 onder ons gezegd',
    ])
  })
})

describe('near and unless', () => {
  const phrases: PhraseSpec[] = [
    { match: 'hij', near: ['cliënt', 'dossier nummer'] },
    { match: 'kut', unless: ['kut en peer', 'citaat'] },
  ]

  it('`near`: only when a context phrase is in the same paragraph (any sentence)', async () => {
    expect(await found([phrases[0]!], 'Hij belde. Over zijn cliënt.')).toEqual(['1 Hij'])
    expect(await found([phrases[0]!], 'Hij belde over DOSSIER  nummer 5.')).toEqual(['1 Hij'])
    expect(await found([phrases[0]!], 'Hij belde over dossiernummer 5.')).toEqual([])
    expect(await found([phrases[0]!], 'Hij belde.\n\nOver zijn cliënt.')).toEqual([])
    expect(await found([phrases[0]!], 'Hij belde.')).toEqual([])
  })

  it('`near` counts quoted context too; the phrase itself must not be quoted', async () => {
    expect(await found([phrases[0]!], 'Hij belde over de "cliënt".')).toEqual(['1 Hij'])
  })

  it('`unless`: not when a context phrase is in the same paragraph', async () => {
    expect(await found([phrases[1]!], 'Dat is kut.')).toEqual(['8 kut'])
    expect(await found([phrases[1]!], 'Dat is kut. Citaat van Jan.')).toEqual([])
    expect(await found([phrases[1]!], 'Hutspot van kut en peer.')).toEqual([])
    expect(await found([phrases[1]!], 'Dat is kut.\n\nCitaat van Jan.')).toEqual(['8 kut'])
  })

  it('a paragraph is everything up to a blank line, also sentences on separate lines', async () => {
    expect(await found([phrases[0]!], 'Hij belde.\nOver zijn cliënt.')).toEqual(['1 Hij'])
    expect(await found([phrases[1]!], 'Dat is kut.\nCitaat van Jan.')).toEqual([])
    expect(await found([phrases[0]!], 'Hij belde.  \nOver zijn cliënt.')).toEqual(['1 Hij'])
  })

  it('paragraphs of plain-text files count the same way', async () => {
    expect(await found([phrases[0]!], 'Hij belde.\nOver zijn cliënt.', 'nl', 'a.txt')).toEqual(['1 Hij'])
    expect(await found([phrases[0]!], 'Hij belde.\n\nOver zijn cliënt.', 'nl', 'a.txt')).toEqual([])
  })

  it('list items are paragraphs of their own', async () => {
    expect(await found([phrases[0]!], '- Hij belde.\n- Over zijn cliënt.')).toEqual([])
  })

  it('context of one phrase does not leak to another phrase or rule', async () => {
    const linter = new Linter({
      rules: [
        rule('a', [{ match: 'hij', near: ['cliënt'] }]),
        rule('b', [{ match: 'zij' }, { match: 'cliënt' }]),
      ],
    })
    const result = await linter.lint('Zij belde over de cliënt.', { language: 'nl' })
    expect(result.messages.map((message) => `${message.ruleId} ${message.actual}`)).toEqual([
      'b Zij',
      'b cliënt',
    ])
  })
})

describe('languages and case', () => {
  const phrases: PhraseSpec[] = [
    { match: 'kut', lang: 'nl' },
    { match: 'damn', lang: 'en' },
    { match: 'shit' },
  ]

  it('`lang` limits a phrase to drafts in that language', async () => {
    expect(await found(phrases, 'kut damn shit', 'nl')).toEqual(['1 kut', '10 shit'])
    expect(await found(phrases, 'kut damn shit', 'en')).toEqual(['5 damn', '10 shit'])
  })

  it('`caseSensitive` phrases with capitals match only that spelling', async () => {
    const add = [{ match: 'ADD', caseSensitive: true }]
    expect(await found(add, 'ADD, add, Add', 'en')).toEqual(['1 ADD'])
  })

  it('`caseSensitive` on an all-lower-case phrase changes nothing', async () => {
    expect(await found([{ match: 'add', caseSensitive: true }], 'ADD, add', 'en')).toEqual(['1 ADD', '6 add'])
  })
})

describe('one index for every rule', () => {
  it('two rules sharing a first word both match', async () => {
    const linter = new Linter({
      rules: [rule('a', [{ match: 'onder ons' }]), rule('b', [{ match: 'onder ons gezegd' }])],
    })
    const result = await linter.lint('Onder ons gezegd: nee.', { language: 'nl' })
    expect(result.messages.map((message) => `${message.ruleId} ${message.actual}`)).toEqual([
      'a Onder ons',
      'b Onder ons gezegd',
    ])
  })

  it('one phrase object shared by two rules counts for both', async () => {
    const shared: PhraseSpec = { match: 'kut' }
    const linter = new Linter({ rules: [rule('a', [shared]), rule('b', [shared])] })
    const result = await linter.lint('kut', { language: 'nl' })
    expect(result.messages.map((message) => message.ruleId)).toEqual(['a', 'b'])
  })

  it('within one rule, the longest match wins and overlaps are dropped', async () => {
    const phrases = [
      { match: 'onder ons' },
      { match: 'onder ons gezegd' },
      { match: 'ons' },
      { match: 'gezegd' },
    ]
    expect(await found(phrases, 'Onder ons gezegd, ons.')).toEqual(['1 Onder ons gezegd', '19 ons'])
  })

  it('a code rule sees only its own matches, in source order, with sentence and node indexes', async () => {
    const seen: PhraseMatch[] = []
    // A document rule: it gets the matches of every chunk, placed in the whole draft.
    const spy = rule('spy', [{ match: 'ons' }, { match: 'onder' }], {
      meta: { id: 'spy', defaultSeverity: 'warning', scope: 'document' },
      check(ctx) {
        seen.push(...ctx.phraseMatches)
      },
    })
    const linter = new Linter({ rules: [spy, rule('other', [{ match: 'onder' }])] })
    // The first paragraph is long enough to be a chunk of its own.
    const text = `Onder ons. Ja ons! ${'Het was een mooie dag. '.repeat(90)}\n\nonder`
    await linter.lint(text, { language: 'nl' })
    expect(splitChunks(text)).toHaveLength(2)
    expect(
      seen.map(({ actual, start, end, paragraph, sentence, startNode, endNode }) => ({
        actual,
        start,
        end,
        paragraph,
        sentence,
        startNode,
        endNode,
      })),
    ).toEqual([
      { actual: 'Onder', start: 0, end: 5, paragraph: 0, sentence: 0, startNode: 0, endNode: 0 },
      { actual: 'ons', start: 6, end: 9, paragraph: 0, sentence: 0, startNode: 2, endNode: 2 },
      { actual: 'ons', start: 14, end: 17, paragraph: 0, sentence: 1, startNode: 2, endNode: 2 },
      {
        actual: 'onder',
        start: text.length - 5,
        end: text.length,
        paragraph: 1,
        sentence: 0,
        startNode: 0,
        endNode: 0,
      },
    ])
  })

  it('PhraseIndex counts the phrases of its language only', () => {
    const rules = [
      {
        ruleId: 'a',
        phrases: [{ match: 'kut', lang: 'nl' as const }, { match: 'x' }, { match: 'y', lang: 'en' as const }],
      },
    ]
    expect(new PhraseIndex(rules, 'nl').size).toBe(2)
    expect(new PhraseIndex(rules, 'en').size).toBe(2)
    const draft = parseDraft('kut x y', 'markdown')
    const matches = new PhraseIndex(rules, 'en').match(toNaturalLanguage(draft, 'en'))
    expect(matches.get('a')?.map((match) => match.actual)).toEqual(['x', 'y'])
  })

  it('an empty phrase matches nothing', async () => {
    expect(await found([{ match: '' }, { match: '   ' }], "Hallo - ' daar")).toEqual([])
  })
})

describe('default reporting of phrase rules', () => {
  it('uses the phrase message, then the rule message, with {actual} filled in and localized', async () => {
    const withMessages: Rule = {
      meta: {
        id: 'demo',
        defaultSeverity: 'warning',
        message: { en: 'Rule: {actual}', nl: 'Regel: {actual}' },
      },
      phrases: [
        { match: 'kut', message: { en: 'Phrase: {actual}', nl: 'Zin: {actual}' } },
        { match: 'damn' },
      ],
    }
    const linter = new Linter({ rules: [withMessages] })
    expect(
      (await linter.lint('Kut damn', { language: 'nl' })).messages.map((message) => message.message),
    ).toEqual(['Zin: Kut', 'Regel: damn'])
    expect(
      (await linter.lint('Kut damn', { language: 'en' })).messages.map((message) => message.message),
    ).toEqual(['Phrase: Kut', 'Rule: damn'])
  })

  it('without messages, a generic one', async () => {
    const result = await new Linter({ rules: [rule('demo', [{ match: 'kut' }])] }).lint('kut', {
      language: 'nl',
    })
    expect(result.messages[0]).toMatchObject({ message: 'Reconsider “kut”.', suggestions: [] })
  })

  it('suggestions are capitalised when the match is; notes are passed on', async () => {
    const phrases = [{ match: 'kut', suggestions: ['jammer', 'balen'], note: 'Grof.' }]
    const result = await new Linter({ rules: [rule('demo', phrases)] }).lint('Kut. kut.', { language: 'nl' })
    expect(result.messages.map(({ suggestions, note }) => ({ suggestions, note }))).toEqual([
      { suggestions: ['Jammer', 'Balen'], note: 'Grof.' },
      { suggestions: ['jammer', 'balen'], note: 'Grof.' },
    ])
    expect(result.messages[0]!.fix).toBeUndefined()
  })
})

describe('helpers', () => {
  it('normalizeWord', () => {
    expect(normalizeWord('E-Mail')).toBe('email')
    expect(normalizeWord('Don’t')).toBe('dont')
    expect(normalizeWord("He'll", true)).toBe("he'll")
    expect(normalizeWord('He’ll', true)).toBe("he'll")
    expect(normalizeWord('Prive\u0301')).toBe('privé')
  })

  it('longestMatches keeps the longest at a start and drops overlaps', () => {
    const spans = [
      { start: 4, end: 6 },
      { start: 0, end: 3 },
      { start: 0, end: 5 },
      { start: 5, end: 8 },
      { start: 8, end: 9 },
    ]
    expect(longestMatches(spans)).toEqual([
      { start: 0, end: 5 },
      { start: 5, end: 8 },
      { start: 8, end: 9 },
    ])
  })

  it('matchCase capitalises only after a capital letter', () => {
    expect(matchCase('Kut', ['jammer'])).toEqual(['Jammer'])
    expect(matchCase('KUT', ['jammer'])).toEqual(['Jammer'])
    expect(matchCase('kut', ['jammer'])).toEqual(['jammer'])
    expect(matchCase('1e', ['eerste'])).toEqual(['eerste'])
    expect(matchCase('Éen', ['één'])).toEqual(['Één'])
  })
})

describe('emoji', () => {
  it('a run of emoji is matched per emoji, at its exact column', async () => {
    expect(await found([{ match: '😂' }], 'Brand gehad 🔥😂 en 😂😂', 'nl')).toEqual([
      '15 😂',
      '21 😂',
      '23 😂',
    ])
  })

  it('an emoji with a skin tone or joiner stays one token', async () => {
    expect(await found([{ match: '👍🏽' }], 'Top 👍🏽👍🏽', 'nl')).toEqual(['5 👍🏽', '9 👍🏽'])
  })

  it('near works with an emoji as the phrase', async () => {
    const phrases = [{ match: '🤣', near: ['ambulance'] }]
    expect(await found(phrases, 'Met de ambulance mee 🤣🤣', 'nl')).toEqual(['22 🤣', '24 🤣'])
    expect(await found(phrases, 'Gezellig feest 🤣🤣', 'nl')).toEqual([])
  })
})

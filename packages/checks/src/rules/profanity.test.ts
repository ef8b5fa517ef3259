import { describe, expect, it } from 'vitest'
import { lintWith, runRuleTests } from '../../../../test/support/rule-tester.js'
import { profanity } from './profanity.js'

/** retext-profanities' wording by cuss rating, in post-lint's words. */
const maybe = (actual: string) =>
  `Be careful with “${actual}”: it is profane in some senses; everything online stays findable.`
const likely = (actual: string) => `Reconsider “${actual}”: it may read as profane; choose a neutral word.`
const profane = (actual: string) =>
  `Don’t use “${actual}”: it is profane; a post speaks for the whole organisation.`

runRuleTests(profanity, {
  valid: [
    { text: 'Thanks to everyone in Scunthorpe who donated to our winter appeal.', lang: 'en' },
    { text: 'What a brilliant turnout at the Middlesex cricket fundraiser.', lang: 'en' },
    {
      name: 'rating 0 is below the default sureness',
      text: 'What the hell is going on? We will die trying.',
      lang: 'en',
    },
    { name: 'quoted', text: 'We never say “shit” or "damn" in a post.', lang: 'en' },
    { name: 'bracketed', text: 'The word (damn) is banned.', lang: 'en' },
    { name: 'code', text: 'Run `shit --force` and see <https://example.com/shit>.', lang: 'en' },
    { name: 'ignore option', text: 'Damn it, DAMN.', lang: 'en', options: { ignore: ['damn'] } },
    { name: 'ignore is case-insensitive', text: 'Damn it.', lang: 'en', options: { ignore: ['DAMN'] } },
    {
      name: 'sureness 2 skips rating 1',
      text: 'Damn it, what a bitch of a day.',
      lang: 'en',
      options: { sureness: 2 },
    },
    {
      name: 'he’ll is not hell, even at sureness 0',
      text: "He'll be there, he’ll.",
      lang: 'en',
      options: { sureness: 0 },
    },
    {
      name: 'English list never runs on Dutch drafts',
      text: 'Die vrijwilligers zijn geweldig, geef hun een applaus! What the hell.',
      lang: 'nl',
      options: { sureness: 0 },
    },
    {
      name: 'Dutch frontmatter',
      text: '---\nlang: nl\n---\n\nDie vrijwilligers, geef hun een applaus!',
      options: { sureness: 0 },
    },
    {
      name: 'Dutch: kanker is the disease',
      text: 'Samen tegen kanker: loop zondag mee met de wandeltocht.',
      lang: 'nl',
    },
  ],
  invalid: [
    {
      text: 'This is shit.',
      lang: 'en',
      errors: [
        {
          line: 1,
          column: 9,
          endLine: 1,
          endColumn: 13,
          offset: 8,
          endOffset: 12,
          actual: 'shit',
          // cuss rates “shit” 1 but “shits” 2, and the singular of “shits” overwrites it, in
          // retext-profanities as in our generated list.
          message: profane('shit'),
          suggestions: [],
          fix: null,
        },
      ],
    },
    {
      name: 'rating 2 and rating 1, capitalised',
      text: 'Damn, a fucking great day.',
      lang: 'en',
      errors: [
        { column: 1, actual: 'Damn', message: likely('Damn') },
        { column: 9, endColumn: 16, actual: 'fucking', message: profane('fucking') },
      ],
    },
    {
      name: 'sureness 0 also flags words profane in some senses',
      text: 'What the hell is this?',
      lang: 'en',
      options: { sureness: 0 },
      errors: [{ line: 1, column: 10, endColumn: 14, actual: 'hell', message: maybe('hell') }],
    },
    {
      name: 'sureness 2 keeps rating 2',
      text: 'Damn, this is fucking great.',
      lang: 'en',
      options: { sureness: 2 },
      errors: [{ column: 15, actual: 'fucking' }],
    },
    {
      name: 'ignore only skips the listed word',
      text: 'Damn this shit.',
      lang: 'en',
      options: { ignore: ['damn'] },
      errors: [{ column: 11, actual: 'shit' }],
    },
    {
      name: 'plural forms',
      text: 'Two bastards and some assholes.',
      lang: 'en',
      errors: [
        { column: 5, actual: 'bastards', message: likely('bastards') },
        { column: 23, actual: 'assholes', message: profane('assholes') },
      ],
    },
    {
      name: 'a multi-word entry is reported once, not with its first word',
      text: 'He called him an arse bandit.',
      lang: 'en',
      errors: [{ column: 18, endColumn: 29, actual: 'arse bandit' }],
    },
    {
      name: 'positions after CRLF and an emoji',
      text: 'Hi all 👋\r\nthis is shit',
      lang: 'en',
      errors: [{ line: 2, column: 9, offset: 19, endOffset: 23, actual: 'shit' }],
    },
    {
      name: 'a full stop merged into the word by the parser',
      text: 'what the hell. ok',
      lang: 'en',
      options: { sureness: 0 },
      errors: [{ column: 10, endColumn: 14, actual: 'hell' }],
    },
    {
      name: 'words between commas are prose',
      text: 'Thanks everyone, shit, we did it.',
      lang: 'en',
      errors: [{ column: 18, actual: 'shit' }],
    },
    {
      name: 'Dutch list',
      text: 'Wat een kutweer vandaag, maar de voedselbank is gewoon open.',
      lang: 'nl',
      errors: [{ line: 1, column: 9, endColumn: 16, actual: 'kutweer' }],
    },
    {
      name: 'Dutch list via frontmatter',
      text: '---\nlang: nl-NL\n---\n\nDie klootzak heeft de fietsen gestolen.',
      errors: [{ line: 5, column: 5, actual: 'klootzak' }],
    },
  ],
})

describe('profanity', () => {
  it('Dutch suggestions are capitalised when the match is', async () => {
    const klote = profanity.phrases?.find((phrase) => phrase.lang === 'nl' && phrase.match === 'klote*')
    if (!klote?.suggestions?.length) return // the Dutch list is data; nothing to check without suggestions
    const lower = await lintWith(profanity, { text: 'Wat een klotedag.', lang: 'nl' })
    const upper = await lintWith(profanity, { text: 'Klotedag, zeg.', lang: 'nl' })
    expect(lower.map((message) => message.suggestions)).toEqual([klote.suggestions])
    expect(upper.map((message) => message.suggestions)).toEqual([
      klote.suggestions.map((suggestion) => suggestion.charAt(0).toUpperCase() + suggestion.slice(1)),
    ])
  })

  it('every English phrase has a cuss rating, or is one of our own additions with its own message', () => {
    const english = profanity.phrases?.filter((phrase) => phrase.lang === 'en') ?? []
    expect(english.length).toBeGreaterThan(2000)
    for (const phrase of english) {
      const rating = (phrase.data as { rating?: number } | undefined)?.rating
      if (rating === undefined) expect(phrase.message, phrase.match).toBeDefined()
      else expect([0, 1, 2]).toContain(rating)
    }
  })

  it('our English additions (rules/profanity/en.yml) are flagged whatever the sureness', async () => {
    for (const sureness of [0, 2]) {
      const messages = await lintWith(profanity, {
        text: 'The rota is a shitshow, can’t be arsed.',
        lang: 'en',
        options: { sureness },
      })
      expect(messages.map((message) => message.actual)).toEqual(['shitshow', 'can’t be arsed'])
    }
  })
})

describe('defaults for care and charity writing', () => {
  const en = (text: string, options?: Record<string, unknown>) =>
    lintWith(profanity, { text, lang: 'en', ...(options ? { options } : {}) })

  it('the subjects care posts are about pass (suicide, abuse, drugs, HIV, sex education, faith)', async () => {
    const text =
      'Our suicide prevention line, drug and alcohol support, HIV testing and sex education sessions are free. Abuse is never your fault. God bless our volunteers.'
    expect((await en(text)).map((message) => message.actual)).toEqual([])
  })

  it('profanity is still flagged', async () => {
    expect((await en('What a shit day, the bastard left.')).map((message) => message.actual)).toEqual([
      'shit',
      'bastard',
    ])
  })

  it('a rulebook can switch the default list off', async () => {
    expect((await en('Suicide prevention.', { ignore: [] })).map((message) => message.actual)).toEqual([
      'Suicide',
    ])
  })
})

import { describe, expect, it } from 'vitest'
import { lintWith, runRuleTests } from '../../../../test/support/rule-tester.js'
import { insensitive } from './insensitive.js'

/** Every retext-equality pattern on: the mechanics below use pronouns, which are off by default. */
const all = { ignore: [], ignorePatterns: [] }
const binary = { ...all, binary: true }

runRuleTests(insensitive, {
  valid: [
    { text: 'Our befriending service helps people living with depression feel less alone.', lang: 'en' },
    { text: 'Access for wheelchair users is at the side entrance.', lang: 'en' },
    { name: 'binary: he or she', text: 'He or she can join.', lang: 'en', options: binary },
    {
      name: 'binary: and, slash, his or her',
      text: 'Actors and actresses, he/she, his or her.',
      lang: 'en',
      options: binary,
    },
    {
      name: 'binary: chairman or chairwoman',
      text: 'Ask the chairman or chairwoman.',
      lang: 'en',
      options: binary,
    },
    { name: 'binary: he, she, or they', text: 'He, she, or they can join.', lang: 'en', options: binary },
    {
      name: 'binary: two-word halves',
      text: 'Sales men or sales women are welcome.',
      lang: 'en',
      options: binary,
    },
    { name: 'binary: apostrophes', text: "He'll or she'll call back.", lang: 'en', options: binary },
    { name: 'quoted', text: 'We never say "crazy" or “lame” in a post.', lang: 'en' },
    { name: 'ignore', text: 'That was crazy!', lang: 'en', options: { ignore: ['crazy'] } },
    {
      name: 'ignore a phrase',
      text: 'He committed  suicide.',
      lang: 'en',
      options: { ignore: ['he', 'Committed Suicide'], ignorePatterns: [] },
    },
    { name: 'case-sensitive ADD', text: 'Add it, then add more.', lang: 'en' },
    {
      name: 'English list never runs on Dutch drafts',
      text: 'He, kom je ook? De man en zijn broer staan bij de ingang.',
      lang: 'nl',
    },
    { name: 'Dutch: quoted', text: 'Het woord "allochtoon" gebruiken we niet meer.', lang: 'nl' },
  ],
  invalid: [
    {
      text: 'The chairman opened the meeting.',
      lang: 'en',
      errors: [
        {
          line: 1,
          column: 5,
          endLine: 1,
          endColumn: 13,
          offset: 4,
          endOffset: 12,
          actual: 'chairman',
          message: '“chairman” may hurt or exclude people; consider “chair”, “head”, “chairperson”.',
          suggestions: [
            'chair',
            'head',
            'chairperson',
            'coordinator',
            'committee head',
            'moderator',
            'presiding officer',
          ],
          fix: null,
        },
      ],
    },
    {
      name: 'suggestions are capitalised when the match is',
      text: 'He or she can join.',
      lang: 'en',
      options: all,
      errors: [
        {
          column: 1,
          actual: 'He',
          suggestions: ['They', 'It'],
          message: '“He” may hurt or exclude people; consider “They”, “It”.',
        },
        { column: 7, actual: 'she', suggestions: ['they', 'it'] },
      ],
    },
    {
      name: 'binary: not across sentences',
      text: 'He left. She stayed.',
      lang: 'en',
      options: binary,
      errors: [
        { column: 1, actual: 'He' },
        { column: 10, actual: 'She' },
      ],
    },
    {
      name: 'binary: not with other words between',
      text: 'The chairman and the chairwoman.',
      lang: 'en',
      options: binary,
      errors: [
        { column: 5, actual: 'chairman' },
        { column: 22, actual: 'chairwoman' },
      ],
    },
    {
      name: 'binary: a third of the same pattern is still flagged',
      text: 'Chairman or chairwoman or chairman.',
      lang: 'en',
      options: binary,
      errors: [{ column: 27, actual: 'chairman' }],
    },
    {
      name: 'multi-word phrase, longest match',
      text: 'He committed suicide.',
      lang: 'en',
      options: all,
      errors: [
        { column: 1, actual: 'He' },
        {
          column: 4,
          endColumn: 21,
          actual: 'committed suicide',
          suggestions: ['died by suicide'],
          message: '“committed suicide” may hurt or exclude people; consider “died by suicide”.',
        },
      ],
    },
    {
      name: 'a phrase over a line break',
      text: 'He has\ncommitted\nsuicide',
      lang: 'en',
      options: all,
      errors: [
        { line: 1, column: 1, actual: 'He' },
        { line: 2, column: 1, endLine: 3, endColumn: 8 },
      ],
    },
    {
      name: 'case-sensitive ADD and case-insensitive adhd',
      text: 'Her ADHD and his ADD.',
      lang: 'en',
      options: all,
      errors: [
        { column: 1, actual: 'Her' },
        { column: 5, actual: 'ADHD' },
        { column: 14, actual: 'his' },
        { column: 18, actual: 'ADD' },
      ],
    },
    {
      name: 'apostrophes kept for he’ll',
      text: 'He’ll be there.',
      lang: 'en',
      options: all,
      errors: [{ column: 1, endColumn: 6, actual: 'He’ll' }],
    },
    {
      name: 'without suggestions',
      text: 'A retarded idea.',
      lang: 'en',
      errors: [{ column: 3, actual: 'retarded' }],
    },
    {
      name: 'frontwomen: a key that lists two phrases is split',
      text: 'Our frontwomen and frontmen.',
      lang: 'en',
      errors: [
        { column: 5, actual: 'frontwomen' },
        { column: 20, actual: 'frontmen' },
      ],
    },
    {
      name: 'ignore skips only the listed phrase',
      text: 'That was crazy and lame.',
      lang: 'en',
      options: { ignore: ['crazy'] },
      errors: [{ column: 20, actual: 'lame', suggestions: ['boring', 'dull'] }],
    },
    {
      name: 'positions in a list item over two lines',
      text: '- Our volunteers\n  help the mentally ill.',
      lang: 'en',
      errors: [{ line: 2, column: 12, endColumn: 24, actual: 'mentally ill' }],
    },
    {
      name: 'Dutch list',
      text: 'Voor gehandicapten is de ingang aan de achterkant.',
      lang: 'nl',
      errors: [{ line: 1, column: 6, endColumn: 19, actual: 'gehandicapten' }],
    },
  ],
})

describe('insensitive', () => {
  it('the notes of retext-equality come along', async () => {
    const [message] = await lintWith(insensitive, { text: 'That is lame.', lang: 'en' })
    expect(message?.note).toMatch(/ncdj\.org/)
  })

  it('Dutch messages for Dutch phrases', async () => {
    const messages = await lintWith(insensitive, {
      text: 'Junkies in het park? Bel het wijkteam.',
      lang: 'nl',
    })
    expect(messages).toHaveLength(1)
    expect(messages[0]!.message).toContain('Junkies')
    expect(messages[0]!.message).not.toMatch(/may hurt/)
  })
})

describe('defaults for care and charity writing', () => {
  const en = (text: string, options?: Record<string, unknown>) =>
    lintWith(insensitive, { text, lang: 'en', ...(options ? { options } : {}) })

  it('pronouns, family and group words, “just”/“simply” and the social-model terms pass', async () => {
    for (const text of [
      'He or she can join.',
      'Her mum and dad came along.',
      'The women’s group meets on Monday.',
      'Just pop in, it is simply a cup of tea.',
      'Disabled people and asylum seekers are welcome at our mental health drop-in.',
    ]) {
      expect((await en(text)).map((message) => message.actual)).toEqual([])
    }
  })

  it('stigmatising words are still flagged', async () => {
    expect(
      (await en('That plan is crazy and the chairman is an invalid.')).map((message) => message.actual),
    ).toEqual(['crazy', 'chairman', 'invalid'])
  })

  it('a rulebook can switch the default lists off', async () => {
    expect((await en('He can join.', { ignorePatterns: [] })).map((message) => message.actual)).toEqual([
      'He',
    ])
    expect((await en('Disabled people.', { ignore: [] })).map((message) => message.actual)).toEqual([
      'Disabled',
    ])
  })
})

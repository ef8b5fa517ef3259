/**
 * `lint(text, options)`, the library API of `post-lint` (also its browser
 * bundle): built-in rules without a rulebook, a rulebook given as text with
 * everything it can say, `overrides` by `filePath`, `rules` on top, and
 * mistakes reported as errors with positions.
 */
import { describe, expect, it } from 'vitest'
import { ConfigError, lint, RulebookError } from './api.js'

const found = (result: Awaited<ReturnType<typeof lint>>) =>
  result.messages.map((message) => `${message.ruleId}:${message.severity}:${message.actual}`)

const RULEBOOK = `language: en
organisation:
  phones: ["020 7946 0958"]
rules:
  profanity: error
custom:
  people-first:
    type: replace
    replace: { clients: people we support }
overrides:
  - files: "internal/**"
    rules: { profanity: off }
`

describe('lint()', () => {
  it('checks with the built-in rules at their defaults when there is no rulebook', async () => {
    const dutch = await lint('---\nlang: nl\n---\nWat een kutweer. Bel Jan op 06-12345678.\n')
    expect(dutch.lang).toBe('nl')
    expect(found(dutch)).toEqual(['profanity:warning:kutweer', 'personal-data:error:06-12345678'])
    const english = await lint('The chairman said the weather was crap.', { language: 'en' })
    expect(found(english)).toEqual(['insensitive:warning:chairman', 'profanity:warning:crap'])
    expect(english.messages[1]).toMatchObject({ line: 1, column: 35, offset: 34, endOffset: 38 })
  })

  it('applies a rulebook given as text: severities, organisation, custom rules, overrides', async () => {
    const text = 'Our clients said the weather was crap. Call 020 7946 0958.'
    expect(found(await lint(text, { rulebook: RULEBOOK }))).toEqual([
      'people-first:warning:clients',
      'profanity:error:crap',
    ])
    expect(found(await lint(text, { rulebook: RULEBOOK, filePath: 'internal/memo.md' }))).toEqual([
      'people-first:warning:clients',
    ])
    // Another rulebook, or none, is not affected by the one compiled before.
    expect(found(await lint(text))).toEqual(['profanity:warning:crap', 'personal-data:error:020 7946 0958'])
    expect(found(await lint(text, { rulebook: 'extends: [strict]\n' }))).toContain('profanity:error:crap')
  })

  it('sets severities and options over the rulebook with `rules`', async () => {
    const text = 'Our clients said the weather was crap.'
    const result = await lint(text, {
      rulebook: RULEBOOK,
      rules: { 'people-first': 'error', profanity: 'off' },
    })
    expect(found(result)).toEqual(['people-first:error:clients'])
    const ignored = await lint(text, { rules: { profanity: ['warning', { ignore: ['crap'] }] } })
    expect(found(ignored)).toEqual([])
  })

  it('reads a .txt draft as plain text', async () => {
    const markdown = await lint('`crap` in code is not prose.', { language: 'en' })
    const plain = await lint('`crap` in code is not prose.', { language: 'en', filePath: 'post.txt' })
    expect(found(markdown)).toEqual([])
    expect(found(plain)).toEqual(['profanity:warning:crap'])
  })

  it('throws a RulebookError with every mistake, by line and column, under rulebookPath', async () => {
    const error = await lint('x', {
      rulebook: 'rules:\n  profanty: error\n  insensitive: loud\n',
      rulebookPath: 'team/post-lint.yml',
    }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(RulebookError)
    const { problems, message } = error as RulebookError
    expect(problems.map(({ line, column }) => [line, column])).toEqual([
      [2, 3],
      [3, 16],
    ])
    expect(message).toContain('team/post-lint.yml:2:3: Unknown rule “profanty” — did you mean “profanity”?')
    // Only presets can be extended: lint() reads no files.
    await expect(lint('x', { rulebook: 'extends: ./shared.yml\n' })).rejects.toThrow(
      /Cannot find the rulebook/,
    )
  })

  it('throws a ConfigError for an unknown rule in `rules`', async () => {
    await expect(lint('x', { rules: { profanty: 'error' } })).rejects.toThrow(ConfigError)
    await expect(lint('x', { rules: { profanty: 'error' } })).rejects.toThrow(/did you mean “profanity”/)
  })
})

import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { allowTerm } from './allow.js'

const change = {
  ruleId: 'insensitive',
  option: 'ignore',
  term: 'crazy',
  severity: 'warning' as const,
  current: ['disabled', 'mental'],
}

describe('allowTerm', () => {
  it('adds the rule with the list in effect plus the term, keeping comments', () => {
    const text = '# Our house rules\nlanguage: nl # Dutch first\nrules:\n  profanity: error # no swearing\n'
    const result = allowTerm(text, change)!
    expect(result).toContain('# Our house rules')
    expect(result).toContain('# no swearing')
    expect(parse(result).rules).toEqual({
      profanity: 'error',
      insensitive: ['warning', { ignore: ['disabled', 'mental', 'crazy'] }],
    })
  })

  it('keeps the severity the rulebook sets', () => {
    const result = allowTerm('rules:\n  insensitive: error\n', change)!
    expect(parse(result).rules.insensitive).toEqual(['error', { ignore: ['disabled', 'mental', 'crazy'] }])
  })

  it('adds to a list the rulebook has, keeping its other options', () => {
    const result = allowTerm('rules:\n  insensitive: [info, { binary: true, ignore: [blank] }]\n', {
      ...change,
      current: ['blank'],
    })!
    expect(parse(result).rules.insensitive).toEqual(['info', { binary: true, ignore: ['blank', 'crazy'] }])
  })

  it('adds options to a severity-only list form', () => {
    const result = allowTerm('rules:\n  insensitive: [info]\n', change)!
    expect(parse(result).rules.insensitive).toEqual(['info', { ignore: ['disabled', 'mental', 'crazy'] }])
  })

  it('creates `rules:` in an empty or rule-less rulebook', () => {
    expect(parse(allowTerm('', change)!)).toEqual({
      rules: { insensitive: ['warning', { ignore: ['disabled', 'mental', 'crazy'] }] },
    })
    expect(parse(allowTerm('language: en\n', change)!)).toEqual({
      language: 'en',
      rules: { insensitive: ['warning', { ignore: ['disabled', 'mental', 'crazy'] }] },
    })
  })

  it('nothing to do when the term is allowed already or the YAML is broken', () => {
    expect(allowTerm('', { ...change, term: 'Mental' })).toBeUndefined()
    expect(
      allowTerm('rules:\n  insensitive: [info, { ignore: [crazy] }]\n', { ...change, current: [] }),
    ).toBeUndefined()
    expect(allowTerm('rules: [oops\n', change)).toBeUndefined()
    expect(allowTerm('- a list\n', change)).toBeUndefined()
  })
})

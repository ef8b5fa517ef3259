/**
 * testRulebook: every custom rule's examples, with a clear problem for each
 * one that fails.
 */
import { builtinRules } from '@post-lint/checks'
import { describe, expect, it } from 'vitest'
import { compileRulebook, testRulebook } from './compile.js'
import { defaultRulebook } from './load.js'
import type { ResolvedRulebook } from './types.js'

const FILE = '/org/post-lint.yml'

function rulebook(extra: Partial<ResolvedRulebook>): ResolvedRulebook {
  return { ...defaultRulebook(), filePath: FILE, files: [FILE], ...extra }
}

describe('testRulebook', () => {
  it('passes examples that behave, and says what went wrong with the others', async () => {
    const book = rulebook({
      language: 'nl',
      custom: {
        'geen-klant': {
          type: 'replace',
          replace: { klant: 'deelnemer' },
          examples: {
            flag: ['Elke klant telt.', 'Alle klanten zijn welkom.', 'Onze deelnemers zijn welkom.'],
            pass: ['Elke deelnemer telt.', 'De klant is koning, zei de bakker over zijn klant.'],
          },
          source: FILE,
        },
      },
    })
    const results = await testRulebook(compileRulebook(book, builtinRules))
    expect(results).toEqual([
      { ruleId: 'geen-klant', kind: 'flag', text: 'Elke klant telt.', ok: true, source: FILE },
      { ruleId: 'geen-klant', kind: 'flag', text: 'Alle klanten zijn welkom.', ok: true, source: FILE },
      {
        ruleId: 'geen-klant',
        kind: 'flag',
        text: 'Onze deelnemers zijn welkom.',
        ok: false,
        problem: 'expected a finding of “geen-klant”, got none',
        source: FILE,
      },
      { ruleId: 'geen-klant', kind: 'pass', text: 'Elke deelnemer telt.', ok: true, source: FILE },
      {
        ruleId: 'geen-klant',
        kind: 'pass',
        text: 'De klant is koning, zei de bakker over zijn klant.',
        ok: false,
        problem: 'expected no finding, got “klant” at 1:4 (and 1 more)',
        source: FILE,
      },
    ])
  })

  it('runs examples in the rule’s language, else the rulebook’s, else the detected one', async () => {
    const book = rulebook({
      language: 'en',
      custom: {
        // Dutch only: its English-looking example must still run as Dutch.
        'alleen-nl': {
          type: 'avoid',
          phrases: ['sorry'],
          lang: 'nl',
          examples: { flag: ['Sorry!'] },
          source: FILE,
        },
        // No lang: the rulebook's English; the Dutch-only inflection "garandeer" must not apply.
        'no-guarantee': {
          type: 'avoid',
          phrases: ['guarantee'],
          examples: { flag: ['We guaranteed it.'], pass: ['Wij garanderen het.'] },
          source: FILE,
        },
      },
    })
    const results = await testRulebook(compileRulebook(book, builtinRules))
    expect(results.map((result) => [result.ruleId, result.ok])).toEqual([
      ['alleen-nl', true],
      ['no-guarantee', true],
      ['no-guarantee', true],
    ])
  })

  it('checks a rule the rulebook switches off, and `require` examples with frontmatter', async () => {
    const book = rulebook({
      language: 'nl',
      rules: { 'tweede-lezer': 'off' },
      custom: {
        'tweede-lezer': {
          type: 'require',
          fields: ['reviewed-by'],
          when: { status: 'ready' },
          examples: {
            flag: ['---\nstatus: ready\n---\nKlaar voor publicatie.'],
            pass: ['---\nstatus: ready\nreviewed-by: Kees\n---\nKlaar.', 'Nog een concept.'],
          },
          source: FILE,
        },
      },
    })
    const results = await testRulebook(compileRulebook(book, builtinRules))
    expect(results.map((result) => result.ok)).toEqual([true, true, true])
  })

  it('a rulebook without custom rules has nothing to test', async () => {
    expect(await testRulebook(compileRulebook(rulebook({}), builtinRules))).toEqual([])
  })
})

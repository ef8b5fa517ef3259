/**
 * The built-in catalogue as a whole: the ids are a public contract, every
 * rule has data, code and a docs page that is up to date, and the examples
 * on every docs page (Dutch and English) run as tests.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { builtinRules, ruleData } from '@post-lint/checks'
import { type Lang, Linter } from '@post-lint/core'
import { describe, expect, it } from 'vitest'
// @ts-expect-error -- plain ESM script shared with `pnpm generate`.
import { renderRuleDocs } from '../../scripts/rule-docs.mjs'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..')

/** The rule ids users' rulebooks, comments and CI depend on. */
const CATALOGUE = [
  'personal-data',
  'secrets',
  'confidential',
  'work-complaints',
  'politics',
  'bragging',
  'permanence',
  'profanity',
  'insensitive',
  'shouting',
  'platform-length',
  'alt-text',
  'hashtag-case',
  'unverified',
  'promises',
  'crisis-tone',
  'sponsored',
]

/** Folders in rules/ that hold something other than one rule (as in scripts/generate.mjs). */
const NON_RULE_FOLDERS = new Set(['presets'])

const folders = readdirSync(join(root, 'rules')).filter(
  (name) => !NON_RULE_FOLDERS.has(name) && statSync(join(root, 'rules', name)).isDirectory(),
)

describe('catalogue', () => {
  it('has exactly the public rule ids, each with a data folder and an implementation', () => {
    expect([...folders].sort()).toEqual([...CATALOGUE].sort())
    expect(builtinRules.map((rule) => rule.meta.id).sort()).toEqual([...CATALOGUE].sort())
  })

  for (const id of folders) {
    it(`${id}: docs page is generated from the current data`, () => {
      const data = ruleData[id]
      expect(data, `rules/${id} is not compiled: run pnpm generate`).toBeDefined()
      expect(readFileSync(join(root, 'rules', id, 'README.md'), 'utf8')).toBe(renderRuleDocs(data))
    })
  }
})

describe('examples on the docs pages', () => {
  for (const rule of builtinRules) {
    const data = ruleData[rule.meta.id]
    if (!data) continue
    const linter = new Linter({ rules: [rule], config: { rules: { [rule.meta.id]: 'error' } } })
    for (const lang of ['en', 'nl'] as Lang[]) {
      const examples = data.examples[lang]
      it(`${rule.meta.id} (${lang}) has flagged and fine examples`, () => {
        expect(examples.flag.length).toBeGreaterThan(0)
        expect(examples.pass.length).toBeGreaterThan(0)
      })
      for (const text of examples.flag) {
        it(`${rule.meta.id} (${lang}) flags: ${text.slice(0, 70)}`, async () => {
          const { messages } = await linter.lint(text, { language: lang })
          expect(messages.filter((message) => message.ruleId === rule.meta.id).length).toBeGreaterThan(0)
        })
      }
      for (const text of examples.pass) {
        it(`${rule.meta.id} (${lang}) passes: ${text.slice(0, 70)}`, async () => {
          const { messages } = await linter.lint(text, { language: lang })
          expect(
            messages.filter((message) => message.ruleId === rule.meta.id).map((message) => message.actual),
          ).toEqual([])
        })
      }
    }
  }
})

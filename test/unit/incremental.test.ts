/**
 * The editor's incremental lint with every built-in rule: after each of a few
 * hundred random edits to long real drafts (typing, deleting, new paragraphs,
 * pasted blocks, frontmatter changes), the cached lint gives exactly what a
 * fresh lint of the same text gives.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { builtinRules } from '@post-lint/checks'
import { LintCache, Linter } from '@post-lint/core'
import { describe, expect, it } from 'vitest'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..')

/** The labelled corpus of one language as one long newsletter, frontmatter of the first draft kept. */
function newsletter(lang: 'nl' | 'en'): string {
  const folder = join(root, 'test/corpus', lang)
  const texts = readdirSync(folder)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => readFileSync(join(folder, name), 'utf8'))
  const body = texts.map((text) => text.replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, '').trim())
  return `---\nlang: ${lang}\nplatform: linkedin\n---\n\n${body.join('\n\n')}\n`
}

/** A small seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

const SNIPPETS = [
  'x',
  ' ',
  '\n',
  '\n\n',
  'SHOUTING NOW!!!',
  'Bel 06-12345678.',
  '\n\n```\ncode\n\n```\n\n',
  '\n\n- item\n\n  more\n\n',
  'damn',
  '<!-- post-lint-disable -->',
  '\n\n---\n\n',
  '#hashtagcase',
]

function edit(text: string, next: () => number): string {
  const at = Math.floor(next() * (text.length + 1))
  const kind = next()
  if (kind < 0.45) return text.slice(0, at) + SNIPPETS[Math.floor(next() * SNIPPETS.length)]! + text.slice(at)
  if (kind < 0.8)
    return text.slice(0, at) + text.slice(Math.min(text.length, at + 1 + Math.floor(next() * 40)))
  // Move a block of text elsewhere (cut and paste).
  const length = Math.floor(next() * 400)
  const piece = text.slice(at, at + length)
  const rest = text.slice(0, at) + text.slice(at + length)
  const to = Math.floor(next() * (rest.length + 1))
  return rest.slice(0, to) + piece + rest.slice(to)
}

const ROUNDS = 40

describe('incremental lint', () => {
  for (const lang of ['nl', 'en'] as const) {
    it(`equals a fresh lint after every random edit (${lang})`, { timeout: 60_000 }, async () => {
      const linter = new Linter({ rules: builtinRules })
      const fresh = new Linter({ rules: builtinRules })
      const cache = new LintCache()
      const next = random(lang === 'nl' ? 7 : 11)
      let text = newsletter(lang)
      let found = 0
      for (let round = 0; round < ROUNDS; round++) {
        text = edit(text, next)
        const cached = await linter.lint(text, { cache, filePath: 'news.md' })
        const expected = await fresh.lint(text, { filePath: 'news.md' })
        expect(cached, `edit ${round}`).toEqual(expected)
        found += cached.messages.length
      }
      // The drafts are full of findings: the comparison is not between empty lists.
      expect(found).toBeGreaterThan(ROUNDS * 15)
    })
  }
})

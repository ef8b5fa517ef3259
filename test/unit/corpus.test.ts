/**
 * The labelled set (test/corpus/{nl,en}/*.md): realistic drafts whose
 * frontmatter `expect:` lists the rules that should fire. Prints per-rule
 * recall and false positives (`pnpm corpus`), and holds the catalogue to a
 * precision and recall floor so a noisy change cannot land unnoticed.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { builtinRules } from '@post-lint/checks'
import { Linter } from '@post-lint/core'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const corpus = join(root, 'test/corpus')

interface Draft {
  name: string
  text: string
  expected: Set<string>
}

function drafts(): Draft[] {
  return ['nl', 'en'].flatMap((lang) =>
    readdirSync(join(corpus, lang))
      .filter((name) => name.endsWith('.md'))
      .sort()
      .map((name) => {
        const text = readFileSync(join(corpus, lang, name), 'utf8')
        const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? ''
        const expected = (parse(frontmatter) as { expect?: string[] }).expect ?? []
        return { name: `${lang}/${name}`, text, expected: new Set(expected) }
      }),
  )
}

describe('labelled corpus', () => {
  it('has at least 60 drafts in both languages, clean ones and risky ones', () => {
    const all = drafts()
    expect(all.length).toBeGreaterThanOrEqual(60)
    expect(all.filter((draft) => draft.name.startsWith('nl/')).length).toBeGreaterThanOrEqual(25)
    expect(all.filter((draft) => draft.name.startsWith('en/')).length).toBeGreaterThanOrEqual(25)
    expect(all.filter((draft) => draft.expected.size === 0).length).toBeGreaterThanOrEqual(20)
  })

  it('finds what a careful comms lead would flag, without crying wolf', async () => {
    // Every rule on (off-by-default ones too), as in a strict rulebook.
    const linter = new Linter({
      rules: builtinRules,
      config: {
        rules: Object.fromEntries(
          builtinRules.map((rule) => [
            rule.meta.id,
            rule.meta.defaultSeverity === 'off' ? 'info' : rule.meta.defaultSeverity,
          ]),
        ),
      },
    })
    const stats = new Map<
      string,
      { tp: number; fp: number; fn: number; fpFiles: string[]; fnFiles: string[] }
    >()
    const stat = (id: string) => {
      let entry = stats.get(id)
      if (!entry) {
        entry = { tp: 0, fp: 0, fn: 0, fpFiles: [], fnFiles: [] }
        stats.set(id, entry)
      }
      return entry
    }
    for (const draft of drafts()) {
      const { messages } = await linter.lint(draft.text, { filePath: draft.name })
      const fired = new Set(messages.map((message) => message.ruleId))
      for (const id of new Set([...fired, ...draft.expected])) {
        const entry = stat(id)
        if (fired.has(id) && draft.expected.has(id)) entry.tp++
        else if (fired.has(id)) {
          entry.fp++
          entry.fpFiles.push(
            `${draft.name} (${messages
              .filter((m) => m.ruleId === id)
              .map((m) => m.actual)
              .join(', ')})`,
          )
        } else {
          entry.fn++
          entry.fnFiles.push(draft.name)
        }
      }
    }
    const rows = [...stats.entries()].sort(([a], [b]) => a.localeCompare(b))
    const total = rows.reduce((sum, [, s]) => ({ tp: sum.tp + s.tp, fp: sum.fp + s.fp, fn: sum.fn + s.fn }), {
      tp: 0,
      fp: 0,
      fn: 0,
    })
    const lines = [
      'rule               drafts  found  missed  false+  recall',
      ...rows.map(
        ([id, s]) =>
          `${id.padEnd(18)} ${String(s.tp + s.fn).padStart(6)} ${String(s.tp).padStart(6)} ${String(s.fn).padStart(7)} ${String(s.fp).padStart(7)}  ${s.tp + s.fn ? `${Math.round((100 * s.tp) / (s.tp + s.fn))}%` : '—'}`,
      ),
      `${'all'.padEnd(18)} ${String(total.tp + total.fn).padStart(6)} ${String(total.tp).padStart(6)} ${String(total.fn).padStart(7)} ${String(total.fp).padStart(7)}  ${Math.round((100 * total.tp) / (total.tp + total.fn))}%`,
      '',
      ...rows.flatMap(([id, s]) => [
        ...s.fnFiles.map((file) => `missed  ${id}: ${file}`),
        ...s.fpFiles.map((file) => `false+  ${id}: ${file}`),
      ]),
    ]
    console.log(lines.join('\n'))
    const recall = total.tp / (total.tp + total.fn)
    const precision = total.tp / (total.tp + total.fp)
    expect(recall).toBeGreaterThanOrEqual(0.9)
    expect(precision).toBeGreaterThanOrEqual(0.9)
  })
})

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

/**
 * test/corpus-blind was written by someone who saw only the rule descriptions.
 * First run: recall 49%, precision 69%. The rules were then improved on
 * general grounds (emoji runs, service numbers, team e-mail addresses, wider
 * phrase lists), giving 90% / 93%; so the set is no longer strictly blind.
 * The floor sits just below, so a change that makes post-lint noisier or
 * blinder fails here. A fresh blind set is the honest next measurement.
 */
const BLIND_FLOOR = { recall: 0.87, precision: 0.9 }

interface Draft {
  name: string
  text: string
  expected: Set<string>
}

function drafts(corpus: string): Draft[] {
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

interface Totals {
  recall: number
  precision: number
  report: string
}

/** Lint every draft with every rule on and compare with its labels. */
async function evaluate(corpus: string): Promise<Totals> {
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
  for (const draft of drafts(corpus)) {
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
  const percent = (part: number, whole: number) => (whole ? `${Math.round((100 * part) / whole)}%` : '—')
  const lines = [
    `${corpus.slice(root.length + 1)}: ${drafts(corpus).length} drafts`,
    'rule               drafts  found  missed  false+  recall',
    ...rows.map(
      ([id, s]) =>
        `${id.padEnd(18)} ${String(s.tp + s.fn).padStart(6)} ${String(s.tp).padStart(6)} ${String(s.fn).padStart(7)} ${String(s.fp).padStart(7)}  ${percent(s.tp, s.tp + s.fn)}`,
    ),
    `${'all'.padEnd(18)} ${String(total.tp + total.fn).padStart(6)} ${String(total.tp).padStart(6)} ${String(total.fn).padStart(7)} ${String(total.fp).padStart(7)}  ${percent(total.tp, total.tp + total.fn)}  (precision ${percent(total.tp, total.tp + total.fp)})`,
    '',
    ...rows.flatMap(([id, s]) => [
      ...s.fnFiles.map((file) => `missed  ${id}: ${file}`),
      ...s.fpFiles.map((file) => `false+  ${id}: ${file}`),
    ]),
  ]
  return {
    recall: total.tp / (total.tp + total.fn),
    precision: total.tp / (total.tp + total.fp),
    report: lines.join('\n'),
  }
}

describe('labelled corpus (written with the rule data)', () => {
  const corpus = join(root, 'test/corpus')

  it('has at least 60 drafts in both languages, clean ones and risky ones', () => {
    const all = drafts(corpus)
    expect(all.length).toBeGreaterThanOrEqual(60)
    expect(all.filter((draft) => draft.name.startsWith('nl/')).length).toBeGreaterThanOrEqual(25)
    expect(all.filter((draft) => draft.name.startsWith('en/')).length).toBeGreaterThanOrEqual(25)
    expect(all.filter((draft) => draft.expected.size === 0).length).toBeGreaterThanOrEqual(20)
  })

  it('finds what a careful comms lead would flag, without crying wolf', async () => {
    const { recall, precision, report } = await evaluate(corpus)
    console.log(report)
    expect(recall).toBeGreaterThanOrEqual(0.9)
    expect(precision).toBeGreaterThanOrEqual(0.9)
  })
})

describe('held-out corpus (written from the rule descriptions only)', () => {
  it('recall and precision stay above their measured floor', async () => {
    const { recall, precision, report } = await evaluate(join(root, 'test/corpus-blind'))
    console.log(report)
    expect(recall).toBeGreaterThanOrEqual(BLIND_FLOOR.recall)
    expect(precision).toBeGreaterThanOrEqual(BLIND_FLOOR.precision)
  })
})

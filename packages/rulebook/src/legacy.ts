/**
 * The organisation rulebook (`post-lint.yml`): YAML text → validated config.
 * Pure: no filesystem; the Node edge reads files and resolves `extends`.
 *
 * Supported here: `language` and `rules` (severity, or [severity, options]).
 * Every problem carries a line and column in the rulebook file.
 */
import type { Lang, LintConfig, Rule, RuleSetting } from '@post-lint/core'
import { didYouMean, LineIndex, parseLang, readSetting } from '@post-lint/core'
import { isMap, isScalar, isSeq, type Node, parseDocument } from 'yaml'

interface LegacyProblem {
  message: string
  line: number
  column: number
  endLine: number
  endColumn: number
}

export class RulebookError extends Error {
  override name = 'RulebookError'
  constructor(
    readonly filePath: string,
    readonly problems: LegacyProblem[],
  ) {
    super(
      problems
        .map((problem) => `${filePath}:${problem.line}:${problem.column}: ${problem.message}`)
        .join('\n'),
    )
  }
}

export interface Rulebook {
  filePath: string
  config: LintConfig
}

/** Top-level keys; those of later rulebook features are reserved, not errors. */
const KEYS = ['language', 'rules'] as const

export function parseRulebook(text: string, filePath: string, rules: readonly Rule[]): Rulebook {
  const lines = new LineIndex(text)
  const problems: LegacyProblem[] = []
  const problem = (message: string, range: readonly number[] | undefined) => {
    const start = range?.[0] ?? 0
    const end = Math.max(range?.[1] ?? start, start + 1)
    const from = lines.position(start)
    const to = lines.position(Math.min(end, text.length))
    problems.push({ message, line: from.line, column: from.column, endLine: to.line, endColumn: to.column })
  }
  const document = parseDocument(text, { prettyErrors: false, uniqueKeys: true })
  for (const error of document.errors) problem(error.message.split('\n')[0] ?? error.message, error.pos)
  if (problems.length > 0) throw new RulebookError(filePath, problems)

  const config: LintConfig = {}
  const contents = document.contents
  if (contents !== null && !isMap(contents)) {
    problem(
      'A rulebook is a list of `key: value` settings (for example `rules:`)',
      (contents as Node).range ?? undefined,
    )
    throw new RulebookError(filePath, problems)
  }
  const ids = new Set(rules.map((rule) => rule.meta.id))
  for (const item of contents?.items ?? []) {
    const key = isScalar(item.key) ? String(item.key.value) : ''
    const keyRange = (item.key as Node | null)?.range ?? undefined
    const value = item.value as Node | null
    if (!(KEYS as readonly string[]).includes(key)) {
      const hint = didYouMean(key, KEYS)
      problem(
        `Unknown setting “${key}”${hint ? ` — did you mean “${hint}”?` : ''}; expected one of: ${KEYS.join(', ')}`,
        keyRange,
      )
      continue
    }
    if (key === 'language') {
      const lang: Lang | undefined = isScalar(value) ? parseLang(value.value) : undefined
      if (!lang) problem('`language` must be nl or en', value?.range ?? keyRange)
      else config.language = lang
      continue
    }
    // rules:
    if (value === null || (isScalar(value) && value.value === null)) continue
    if (!isMap(value)) {
      problem('`rules` maps rule ids to a severity, e.g. `profanity: error`', value.range ?? keyRange)
      continue
    }
    const settings: Record<string, RuleSetting> = {}
    for (const entry of value.items) {
      const id = isScalar(entry.key) ? String(entry.key.value) : ''
      const idRange = (entry.key as Node | null)?.range ?? undefined
      if (!ids.has(id)) {
        const hint = didYouMean(id, ids)
        problem(`Unknown rule “${id}”${hint ? ` — did you mean “${hint}”?` : ''}`, idRange)
        continue
      }
      const setting = entry.value as Node | null
      const raw: unknown = setting === null ? null : setting.toJSON()
      const valueRange = setting?.range ?? idRange
      if (isSeq(setting) ? setting.items.length === 0 || setting.items.length > 2 : !isScalar(setting)) {
        problem(
          `Rule “${id}”: expected a severity (off, info, warning, error) or [severity, {options}]`,
          valueRange,
        )
        continue
      }
      try {
        const { severity, options } = readSetting(raw as RuleSetting)
        if (severity === undefined) throw new Error('missing severity')
        if (typeof options !== 'object' || options === null || Array.isArray(options)) {
          throw new Error('options must be a map, e.g. [warning, { ignore: [woord] }]')
        }
        settings[id] = [severity, options]
      } catch (error) {
        problem(`Rule “${id}”: ${error instanceof Error ? error.message : String(error)}`, valueRange)
      }
    }
    config.rules = settings
  }
  if (problems.length > 0) throw new RulebookError(filePath, problems)
  return { filePath, config }
}

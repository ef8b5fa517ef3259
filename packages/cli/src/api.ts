/**
 * The library API of `post-lint`: `lint(text, options)` checks one draft with
 * the built-in rules and, when given, your rulebook (the text of a
 * post-lint.yml). Pure: no file system and no Node built-ins, so the same
 * function runs in Node, in an editor and in a browser (`post-lint/browser`).
 * To find and read rulebooks and drafts on disk as the command does, use
 * `PostLint` from the Node entry (`post-lint`).
 */
import { builtinRules } from '@post-lint/checks'
import { type Lang, type LintConfig, Linter, type LintResult, type RuleSetting } from '@post-lint/core'
import {
  type CompiledRulebook,
  compileRulebook,
  defaultRulebook,
  loadRulebook,
  mergeSetting,
} from '@post-lint/rulebook'

export type {
  Fix,
  Lang,
  LintMessage,
  LintResult,
  RuleSetting,
  Severity,
  SeveritySetting,
} from '@post-lint/core'
export { ConfigError } from '@post-lint/core'
export type { RulebookFile, RulebookProblem } from '@post-lint/rulebook'
export { RulebookError } from '@post-lint/rulebook'

export interface LintOptions {
  /**
   * Your rulebook: the text of a `post-lint.yml`. It may extend the presets
   * (`recommended`, `strict`, `nl`, `en`) but not other files. Default: no
   * rulebook, every built-in rule at its default severity.
   */
  rulebook?: string
  /**
   * Where the rulebook lives: named in its mistakes, and the folder that its
   * `overrides:` globs are relative to. Default: `post-lint.yml`.
   */
  rulebookPath?: string
  /**
   * The draft's path, relative to the rulebook's folder or absolute. It is
   * never read: it picks the rulebook's `overrides:`, and a `.txt` draft is
   * plain text instead of Markdown.
   */
  filePath?: string
  /** The draft's language. Default: its frontmatter `lang:`, the rulebook's `language`, or detected. */
  language?: Lang
  /** Severities (and options) over the rulebook's, as `--rule` does: `{ profanity: 'error' }`. */
  rules?: Record<string, RuleSetting>
}

/** Rulebooks compiled recently, by path and text: compiling one builds its phrase index. */
const compiled = new Map<string, { rulebook: CompiledRulebook; linters: Map<string, Linter> }>()
const KEEP = 8

function compiledFor(text: string | undefined, path: string) {
  const key = text === undefined ? '' : `${path}\u0000${text}`
  let entry = compiled.get(key)
  if (entry) {
    compiled.delete(key)
  } else {
    const loaded =
      text === undefined
        ? undefined
        : loadRulebook(text.replace(/^\uFEFF/, ''), path, () => undefined, builtinRules)
    entry = {
      rulebook: compileRulebook(loaded ?? defaultRulebook(), builtinRules),
      linters: new Map(),
    }
    if (compiled.size >= KEEP) compiled.delete(compiled.keys().next().value!)
  }
  compiled.set(key, entry)
  return entry
}

/**
 * Checks one draft (Markdown, or plain text for a `.txt` `filePath`) and
 * returns its findings in source order. Throws a `RulebookError` (with every
 * mistake, by line and column) for a rulebook that cannot be used, and a
 * `ConfigError` for an unknown rule or severity in `rules`.
 */
export async function lint(text: string, options: LintOptions = {}): Promise<LintResult> {
  const { rulebook, linters } = compiledFor(options.rulebook, options.rulebookPath ?? 'post-lint.yml')
  let config: LintConfig = rulebook.configFor(options.filePath)
  if (options.rules) {
    const rules = { ...config.rules }
    for (const [id, setting] of Object.entries(options.rules))
      rules[id] = rules[id] === undefined ? setting : mergeSetting(rules[id], setting)
    config = { ...config, rules }
  }
  const key = JSON.stringify(config)
  let linter = linters.get(key)
  if (!linter) {
    linter = new Linter({ rules: rulebook.rules, config })
    linters.set(key, linter)
  }
  return linter.lint(text, {
    ...(options.filePath !== undefined ? { filePath: options.filePath } : {}),
    ...(options.language !== undefined ? { language: options.language } : {}),
  })
}

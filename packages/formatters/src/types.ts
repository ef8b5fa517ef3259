import type { LintMessage, SeveritySetting } from '@post-lint/core'

export interface FormatterResult {
  filePath: string
  messages: LintMessage[]
  /** The linted text with secrets masked (LintResult.masked), to show the draft's line under each message. */
  source?: string
}

/** What a report may say about a rule besides its id (SARIF's rule descriptors). */
export interface RuleInfo {
  /** One line, in the report's language. */
  title?: string
  /** What the rule flags and why, in the report's language. */
  description?: string
  /** The rule's documentation page. */
  url?: string
  /** The rule's severity in the rulebook in effect (its default without one). */
  severity?: SeveritySetting
}

export interface FormatterOptions {
  color: boolean
  cwd: string
  /**
   * The folder paths in CI reports (github, sarif) are relative to: the
   * repository root (GITHUB_WORKSPACE in GitHub Actions). Default: `cwd`.
   */
  root?: string
  /** post-lint's version, for reports that name their tool (sarif, json). */
  version?: string
  /** Metadata of the rules that may appear in the results, by id (sarif). */
  rules?: Readonly<Record<string, RuleInfo>>
}

/** A pure function: results in, report text out (no I/O, no Node built-ins). */
export type Formatter = (results: readonly FormatterResult[], options: FormatterOptions) => string

/** A formatter that reports one draft at a time, for results that stream in (see `stylishStream`). */
export interface StreamFormatter {
  /** The report's part for one draft. */
  file(result: FormatterResult): string
  /** What comes after the last draft (a summary). */
  end(): string
}

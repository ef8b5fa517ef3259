import type { LintMessage } from '@post-lint/core'

export interface FormatterResult {
  filePath: string
  messages: LintMessage[]
  /** The linted text with secrets masked (LintResult.masked), to show the draft's line under each message. */
  source?: string
}

export interface FormatterOptions {
  color: boolean
  cwd: string
}

export type Formatter = (results: readonly FormatterResult[], options: FormatterOptions) => string

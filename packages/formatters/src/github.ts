import type { LintMessage, Severity } from '@post-lint/core'
import { relativePath } from './paths.js'
import type { Formatter, FormatterResult } from './types.js'

/**
 * GitHub Actions workflow commands: one `::error`, `::warning` or `::notice`
 * line per finding, which the runner turns into an annotation on the file
 * and lines (in a pull request: on the diff). Paths are relative to
 * `options.root` (the repository root in Actions). The message is the
 * finding's message, which never holds a secret in full.
 */
export const github: Formatter = (results, options) => {
  const root = options.root ?? options.cwd
  const lines: string[] = []
  for (const result of results) {
    for (const message of result.messages) lines.push(annotation(result, message, root))
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : ''
}

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' }

function annotation(result: FormatterResult, message: LintMessage, root: string): string {
  const properties: Array<[string, string | number]> = []
  const file =
    relativePath(result.filePath, root) ?? (result.filePath === '<stdin>' ? undefined : result.filePath)
  if (file !== undefined) {
    properties.push(['file', file], ['line', message.line], ['endLine', message.endLine])
    // Columns only mean something to GitHub on a single line.
    if (message.endLine === message.line)
      properties.push(['col', message.column], ['endColumn', Math.max(message.endColumn, message.column)])
  }
  properties.push(['title', `post-lint (${message.ruleId})`])
  const props = properties.map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(',')
  return `::${COMMAND[message.severity]} ${props}::${escapeData(message.message)}`
}

/** Workflow command data: `%`, CR and LF are escaped (as @actions/core does). */
export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

/** A workflow command property value: as data, plus the separators `:` and `,`. */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

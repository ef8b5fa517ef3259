import type { LintMessage } from '@post-lint/core'
import type { Formatter } from './types.js'

/**
 * The JSON report (public contract, see docs/json-report.md): one array, an
 * entry per linted file (with the post-lint version that made it), messages
 * with exactly these fields.
 */
export function toJsonMessage(message: LintMessage) {
  return {
    ruleId: message.ruleId,
    severity: message.severity,
    message: message.message,
    line: message.line,
    column: message.column,
    endLine: message.endLine,
    endColumn: message.endColumn,
    offset: message.offset,
    endOffset: message.endOffset,
    actual: message.actual,
    suggestions: message.suggestions,
    ...(message.fix ? { fix: { range: message.fix.range, text: message.fix.text } } : {}),
    ...(message.url ? { url: message.url } : {}),
  }
}

export const json: Formatter = (results, options) =>
  `${JSON.stringify(
    results.map((result) => ({
      filePath: result.filePath,
      messages: result.messages.map(toJsonMessage),
      ...(options.version ? { postLintVersion: options.version } : {}),
    })),
  )}\n`

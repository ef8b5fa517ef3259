import type { LintMessage, Severity } from '@post-lint/core'
import { createColors } from 'picocolors'
import { displayPath } from './paths.js'
import type { Formatter, FormatterOptions, StreamFormatter } from './types.js'

const MASK = '•'

/**
 * Grouped per file; under each message the draft's line with the span
 * underlined. `actual` is the matched text except for secrets, where it is
 * masked (the JSON report's contract); so where `actual` differs from the
 * text, the shown line is masked as well.
 */
export const stylish: Formatter = (results, options) => {
  const stream = stylishStream(options)
  return results.map(stream.file).join('') + stream.end()
}

/**
 * Stylish one draft at a time (the CLI writes each draft's part as soon as it
 * is checked, so nothing is kept): `file` gives a draft's part, `end` the
 * summary. Together they give exactly what `stylish` gives.
 */
export function stylishStream(options: FormatterOptions): StreamFormatter {
  const c = createColors(options.color)
  const paint: Record<Severity, (text: string) => string> = { error: c.red, warning: c.yellow, info: c.blue }
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 }
  return {
    file(result) {
      if (result.messages.length === 0) return ''
      const out = ['', c.underline(displayPath(result.filePath, options.cwd))]
      const lines = result.source?.split(/\r\n|\r|\n/)
      const width = Math.max(...result.messages.map((message) => `${message.line}:${message.column}`.length))
      for (const message of result.messages) {
        counts[message.severity]++
        const place = `${message.line}:${message.column}`.padEnd(width)
        const label = paint[message.severity](message.severity.padEnd(7))
        out.push(`  ${c.dim(place)}  ${label}  ${message.message}  ${c.dim(message.ruleId)}`)
        const line = lines?.[message.line - 1]
        if (line !== undefined) out.push(...excerpt(line, message, width, c.dim, paint[message.severity]))
      }
      return `${out.join('\n')}\n`
    },
    end() {
      const total = counts.error + counts.warning + counts.info
      if (total === 0) return ''
      const parts = [plural(counts.error, 'error'), plural(counts.warning, 'warning'), `${counts.info} info`]
      const summary = `✖ ${plural(total, 'problem')} (${parts.join(', ')})`
      return `\n${(counts.error > 0 ? c.red : counts.warning > 0 ? c.yellow : c.blue)(c.bold(summary))}\n`
    },
  }
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`
}

function excerpt(
  line: string,
  message: LintMessage,
  width: number,
  dim: (text: string) => string,
  paint: (text: string) => string,
): string[] {
  const start = message.column - 1
  const end = message.endLine === message.line ? Math.max(message.endColumn - 1, start + 1) : line.length
  let shown = line
  const secret = line.slice(start, end)
  if (secret.length > 0 && message.actual !== secret && message.endLine === message.line) {
    shown = line.slice(0, start) + MASK.repeat(secret.length) + line.slice(end)
  }
  // Keep long lines readable: a window around the span.
  let offset = 0
  if (shown.length > 100 && start > 40) {
    offset = start - 30
    shown = `…${shown.slice(offset)}`
    offset -= 1
  }
  if (shown.length > 120) shown = `${shown.slice(0, 119)}…`
  const expanded = shown.replace(/\t/g, ' ')
  const pad = ' '.repeat(width + 4)
  const caretStart = Math.max(0, start - offset)
  const caretLength = Math.max(1, Math.min(end, start + expanded.length) - start)
  return [
    `${pad}${dim('│')} ${expanded}`,
    `${pad}${dim('│')} ${' '.repeat(caretStart)}${paint('^'.repeat(caretLength))}`,
  ]
}

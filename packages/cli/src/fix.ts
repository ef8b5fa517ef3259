/**
 * `--fix` and `--fix-dry-run`: apply the engine's safe fixes (it attaches a
 * `fix` only where one is safe), as ESLint does: sorted by position, an
 * overlapping fix left for the next pass, applied back to front, and the
 * draft linted again until nothing changes (at most MAX_PASSES times).
 */
import type { LintMessage } from '@post-lint/core'
import type { FileResult } from '@post-lint/node'

export const MAX_PASSES = 10

/** The text with the accepted fixes applied; overlapping and out-of-range ones are skipped. */
export function applyFixes(
  text: string,
  messages: readonly LintMessage[],
  accept: (message: LintMessage) => boolean = () => true,
): { text: string; applied: number } {
  const fixes = messages
    .filter((message) => message.fix && accept(message))
    .map((message) => message.fix!)
    .filter(
      ({ range: [start, end] }) =>
        Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start <= end && end <= text.length,
    )
    .sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1])
  const chosen: typeof fixes = []
  let lastEnd = -1
  for (const fix of fixes) {
    if (fix.range[0] < lastEnd) continue
    chosen.push(fix)
    lastEnd = fix.range[1]
  }
  let output = text
  for (const fix of chosen.reverse())
    output = output.slice(0, fix.range[0]) + fix.text + output.slice(fix.range[1])
  return { text: output, applied: chosen.length }
}

export interface Fixed {
  /** The lint of the text as it was: its masked text is the "before" of a dry run's diff. */
  before: FileResult
  /** The lint of the fixed text: the findings that remain. */
  after: FileResult
  /** The fixed text (a byte order mark kept as it was). */
  text: string
  changed: boolean
}

/**
 * Fix one draft's text (the file's text, or standard input). `lint` lints a
 * text without a byte order mark; `accept` picks the findings whose fixes
 * may be applied (errors only with --quiet; changed lines with
 * --changed-since).
 */
export async function fixText(
  original: string,
  lint: (text: string) => Promise<FileResult>,
  accept: (message: LintMessage) => boolean,
): Promise<Fixed> {
  const bom = original.startsWith('\uFEFF') ? '\uFEFF' : ''
  let text = original.slice(bom.length)
  const before = await lint(text)
  let after = before
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const next = applyFixes(text, after.messages, accept)
    if (next.applied === 0 || next.text === text) break
    text = next.text
    after = await lint(text)
  }
  return { before, after, text: bom + text, changed: bom + text !== original }
}

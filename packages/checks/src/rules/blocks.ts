import type { ProseBlock, RuleContext } from '@post-lint/core'
import type { Span } from '../detect/types.js'

/** A detector span in a prose block, as source offsets (end exclusive). */
export function sourceRange(
  block: ProseBlock,
  span: { start: number; end: number },
): { start: number; end: number } {
  const start = block.toSource(span.start)
  const end = span.end > span.start ? block.toSource(span.end - 1) + 1 : start
  return { start, end }
}

/** Run a detector over every prose block; spans come back with source offsets. */
export function detectInBlocks(
  ctx: RuleContext,
  detect: (text: string) => Span[],
): Array<Span & { sourceStart: number; sourceEnd: number }> {
  const found: Array<Span & { sourceStart: number; sourceEnd: number }> = []
  for (const block of ctx.blocks) {
    if (block.text.trim() === '') continue
    for (const span of detect(block.text)) {
      const { start, end } = sourceRange(block, span)
      found.push({ ...span, sourceStart: start, sourceEnd: end })
    }
  }
  return found
}

/** Drop spans that overlap an earlier (longer-first) span. */
export function withoutOverlaps<T extends { sourceStart: number; sourceEnd: number }>(
  spans: readonly T[],
): T[] {
  const sorted = [...spans].sort((a, b) => a.sourceStart - b.sourceStart || b.sourceEnd - a.sourceEnd)
  const kept: T[] = []
  let reach = -1
  for (const span of sorted) {
    if (span.sourceStart < reach) continue
    kept.push(span)
    reach = span.sourceEnd
  }
  return kept
}

/** Options helper: a list of strings, or empty. */
export function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []
}

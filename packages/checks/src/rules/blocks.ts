import type { ProseBlock, RuleContext } from '@post-lint/core'
import { longestMatches } from '@post-lint/core'
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

/** Drop spans that overlap an earlier (longer-first) span: core's `longestMatches` on source offsets. */
export function withoutOverlaps<T extends { sourceStart: number; sourceEnd: number }>(
  spans: readonly T[],
): T[] {
  return longestMatches(spans.map((span) => ({ span, start: span.sourceStart, end: span.sourceEnd }))).map(
    ({ span }) => span,
  )
}

/** Options helper: a list of strings, or empty. */
export function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []
}

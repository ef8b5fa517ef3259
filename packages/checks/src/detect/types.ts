/**
 * Shared shape of every detector result. Offsets are UTF-16 code-unit offsets into
 * the string that was passed to the detector (`text.slice(start, end) === span.text`).
 */
export interface Span {
  start: number
  end: number
  kind: string
  text: string
  suggestion?: string
  data?: Record<string, unknown>
}

export type Lang = 'nl' | 'en'

/** Build a span whose `text` is always the exact slice of the input. */
export function makeSpan(
  source: string,
  start: number,
  end: number,
  kind: string,
  extra: { suggestion?: string; data?: Record<string, unknown> } = {},
): Span {
  const span: Span = { start, end, kind, text: source.slice(start, end) }
  if (extra.suggestion !== undefined) span.suggestion = extra.suggestion
  if (extra.data !== undefined) span.data = extra.data
  return span
}

/** True when [aStart, aEnd) and [bStart, bEnd) overlap. */
export function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end
}

/** Sort by start, then longest first. */
export function sortSpans<T extends { start: number; end: number }>(spans: T[]): T[] {
  return spans.sort((a, b) => a.start - b.start || b.end - a.end)
}

/** Drop spans that overlap an earlier (sorted, longer-first) span. */
export function dropOverlapping<T extends { start: number; end: number }>(spans: T[]): T[] {
  const out: T[] = []
  for (const s of sortSpans(spans)) {
    const last = out[out.length - 1]
    if (last && s.start < last.end) continue
    out.push(s)
  }
  return out
}

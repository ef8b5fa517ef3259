/**
 * Dutch citizen service number (BSN, burgerservicenummer).
 *
 * A BSN is 9 digits that pass the "elfproef": 9*d1 + 8*d2 + ... + 2*d8 - 1*d9 must be
 * divisible by 11 (and the number is not 000000000). Accepted spellings:
 *   111222333, 111.222.333, 111 222 333, 1112.22.333, 1112 22 333
 * The separator inside one number must be consistent (all dots or all spaces).
 * A candidate that is part of a longer digit run (e.g. "111222333444" or "0 111 222 333")
 * or of a decimal/date ("1.111222333", "111222333-4") is ignored.
 */
import { makeSpan, type Span } from './types.js'

/** Digits only, e.g. "111.222.333" → "111222333". */
function digitsOf(s: string): string {
  return s.replace(/\D/g, '')
}

/** Elfproef for a 9-digit string (separators allowed). */
export function isValidBsn(s: string): boolean {
  const d = digitsOf(s)
  if (!/^\d{9}$/.test(d) || /\D/.test(s.replace(/[ .]/g, ''))) return false
  if (d === '000000000') return false
  let sum = 0
  for (let i = 0; i < 8; i++) sum += (9 - i) * Number(d[i])
  sum -= Number(d[8])
  return sum % 11 === 0
}

// 9 contiguous digits, or 3-3-3 / 4-2-3 with a consistent "." or " " separator.
const BSN_RE =
  /(?<![\d.,\-/])(?<![\d][ .])(\d{9}|\d{3}([. ])\d{3}\2\d{3}|\d{4}([. ])\d{2}\3\d{3})(?![\d])(?![.,\-/ ]\d)/g

// Prefilter: at least 9 digits somewhere near each other.
const PREFILTER = /\d{3}[. ]?\d/

export function findBsns(text: string): Span[] {
  if (!PREFILTER.test(text)) return []
  const out: Span[] = []
  for (const m of text.matchAll(BSN_RE)) {
    const raw = m[1]!
    if (!isValidBsn(raw)) continue
    const start = m.index
    out.push(makeSpan(text, start, start + raw.length, 'bsn', { data: { digits: digitsOf(raw) } }))
  }
  return out
}

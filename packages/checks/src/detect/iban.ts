/**
 * IBAN account numbers, any country, with or without spaces ("NL91 ABNA 0417 1643 00",
 * "NL91ABNA0417164300", "nl91 abna 0417 1643 00"). Only numbers that pass ibantools'
 * validation (country length, BBAN format and mod-97 checksum) are reported.
 *
 * Algorithm: find "CC99" at a word start, then read alphanumerics (skipping single spaces
 * or dashes) until exactly the country's IBAN length is collected; the IBAN must end at
 * a word boundary (no letter/digit directly after the last character).
 */
import { electronicFormatIBAN, friendlyFormatIBAN, getCountrySpecifications, isValidIBAN } from 'ibantools'
import { makeSpan, type Span } from './types.js'

const START_RE = /(?<![\p{L}\p{N}])[A-Za-z]{2}\d{2}/gu
const SPECS = getCountrySpecifications()

export function findIbans(text: string): Span[] {
  const out: Span[] = []
  let minNext = 0
  for (const m of text.matchAll(START_RE)) {
    const start = m.index
    if (start < minNext) continue
    const country = m[0].slice(0, 2).toUpperCase()
    const len = SPECS[country]?.chars
    if (!len) continue
    let collected = 4
    let i = start + 4
    let end = i
    while (collected < len && i < text.length) {
      const ch = text[i]!
      if (/[A-Za-z0-9]/.test(ch)) {
        collected++
        i++
        end = i
      } else if ((ch === ' ' || ch === '-') && /[A-Za-z0-9]/.test(text[i + 1] ?? '')) {
        i++
      } else break
    }
    if (collected !== len) continue
    if (/[\p{L}\p{N}]/u.test(text[end] ?? '')) continue
    const raw = text.slice(start, end)
    const electronic = electronicFormatIBAN(raw)
    if (!electronic || !isValidIBAN(electronic)) continue
    // Mixed-case IBANs ("Nl91AbNa...") are not written by humans; require one consistent case.
    const letters = raw.replace(/[^A-Za-z]/g, '')
    if (letters !== letters.toUpperCase() && letters !== letters.toLowerCase()) continue
    out.push(
      makeSpan(text, start, end, 'iban', {
        data: { iban: electronic, country, formatted: friendlyFormatIBAN(electronic) },
      }),
    )
    minNext = end
  }
  return out
}

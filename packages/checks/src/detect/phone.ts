/**
 * Telephone numbers, Dutch and international, via libphonenumber-js with the "max"
 * metadata (exact per-country number patterns, so only numbers that can really exist
 * are reported).
 *
 * Precision rules on top of libphonenumber:
 * - The written number must start with "+", "00" or a national trunk "0" (optionally in
 *   brackets). Dutch people always write the leading 0, so bare digit runs such as
 *   order numbers, BSNs ("111222333") or "31612345678" are not phone numbers.
 * - Numbers overlapping a valid BSN or IBAN are dropped.
 * - Service numbers (freephone, premium, shared-cost, UK 03 and NL 085/088 business
 *   numbers) belong to organisations and are skipped unless `includeServiceNumbers`.
 * - Numbers directly preceded by a currency sign or followed by ",-" / ",00" are prices.
 * - Dates, years, postcodes and times are mostly rejected by libphonenumber already; a
 *   match that looks like a date (dd-mm-yyyy, yyyy-mm-dd) or a time range ("09.00-17.00",
 *   which libphonenumber reads as 0900-1700) or is followed by "uur" is dropped.
 *
 * `data.e164` carries the E.164 form ("+31612345678") so an allow-list (e.g. the
 * organisation's own switchboard) can be compared later; `data.type` is the
 * libphonenumber number type (MOBILE, FIXED_LINE, TOLL_FREE, …) when known.
 */
import { lazy } from '@post-lint/core'
import type { CountryCode } from 'libphonenumber-js/max'
import { findBsns } from './bsn.js'
import { findIbans } from './iban.js'
import { makeSpan, overlaps, type Span } from './types.js'

// Prefilter: "+" followed by a digit, or at least 6 digits with at most one separator between each.
const PREFILTER = /\+\s?\d|\d(?:[\s.\-/()]?\d){5}/

const TIME_RANGE = /^\d{1,2}[.:]\d{2}\s*[-–]\s*\d{1,2}[.:]\d{2}$/
const DATE_LIKE = /^(?:\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}|\d{4}[-/.]\d{1,2}[-/.]\d{1,2})$/

export interface FindPhonesOptions {
  /** Country used for numbers written without "+"; default "NL". */
  defaultCountry?: CountryCode
  /**
   * Also report service numbers (default false): freephone, premium-rate,
   * shared-cost and non-geographic business numbers (UK 03…, 0800, 0845;
   * NL 0800, 0900, 085, 088). These belong to organisations, not people.
   */
  includeServiceNumbers?: boolean
}

/** libphonenumber types of numbers that belong to organisations. */
export const SERVICE_NUMBER_TYPES: ReadonlySet<string> = new Set([
  'TOLL_FREE',
  'PREMIUM_RATE',
  'SHARED_COST',
  'UAN',
  'VOIP',
])

/** libphonenumber-js with its metadata (about 300 kB): most drafts hold no digits that could be a phone number. */
const library = lazy('libphonenumber-js', () => import('libphonenumber-js/max'))

/** Loads libphonenumber-js; `findPhones` needs it for text that `mayHavePhone`. */
export async function loadPhoneNumbers(): Promise<void> {
  await library.load()
}

/** Whether `text` may hold a phone number (`findPhones` finds none where this is false). */
export function mayHavePhone(text: string): boolean {
  return PREFILTER.test(text)
}

export function findPhones(text: string, options: FindPhonesOptions = {}): Span[] {
  if (!PREFILTER.test(text)) return []
  const defaultCountry = options.defaultCountry ?? 'NL'
  const found = library.get().findPhoneNumbersInText(text, { defaultCountry })
  if (found.length === 0) return []
  const blockers = [...findBsns(text), ...findIbans(text)]
  const out: Span[] = []
  for (const f of found) {
    const start = f.startsAt
    const end = f.endsAt
    const raw = text.slice(start, end)
    if (!/^(?:\+|00|\(?0)/.test(raw)) continue
    if (DATE_LIKE.test(raw) || TIME_RANGE.test(raw)) continue
    if (/^\s*(?:uur|u\.|h\b)/i.test(text.slice(end, end + 5))) continue
    if (blockers.some((b) => overlaps(b, { start, end }))) continue
    const before = text.slice(Math.max(0, start - 2), start)
    if (/[€$£¥]\s?$/.test(before)) continue
    if (/^,(?:-|\d{2}\b)/.test(text.slice(end, end + 3))) continue
    const number = f.number
    const type = number.getType()
    if (type && !options.includeServiceNumbers && SERVICE_NUMBER_TYPES.has(type)) continue
    const data: Record<string, unknown> = {
      e164: number.number,
      country: number.country,
      international: number.formatInternational(),
    }
    if (type) data.type = type
    out.push(makeSpan(text, start, end, 'phone', { data }))
  }
  return out
}

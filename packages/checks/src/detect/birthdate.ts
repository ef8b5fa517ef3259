/**
 * Dates of birth. A date is only reported when a birth cue comes right before it:
 *   nl: "geboren op", "geboren", "geb.", "geboortedatum", "geb.datum", "geboortedag"
 *   en: "born on", "born", "date of birth", "DOB", "D.O.B.", "birth date", "birthdate"
 * optionally followed by ":" / "-", "op"/"on"/"the", or a place ("geboren in Utrecht op",
 * "born in Leeds on"). Accepted dates (full dates only — a year or day+month alone is
 * not a birth date that identifies someone):
 *   12-03-1950, 12/03/1950, 12.03.1950, 12-3-50, 1950-03-12,
 *   12 maart 1950, 12 mrt. 1950, 12 March 1950, 12th of March 1950, March 12, 1950.
 * The span covers the date only; data has { cue, day, month, year }.
 * Any other date ("op 12 maart 2024 is de open dag") is not reported.
 */
import { makeSpan, type Span } from './types.js'

const MONTHS: Record<string, number> = {
  januari: 1,
  jan: 1,
  january: 1,
  februari: 2,
  feb: 2,
  february: 2,
  maart: 3,
  mrt: 3,
  march: 3,
  mar: 3,
  april: 4,
  apr: 4,
  mei: 5,
  may: 5,
  juni: 6,
  jun: 6,
  june: 6,
  juli: 7,
  jul: 7,
  july: 7,
  augustus: 8,
  aug: 8,
  august: 8,
  september: 9,
  sep: 9,
  sept: 9,
  oktober: 10,
  okt: 10,
  october: 10,
  oct: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
}

const MONTH_ALT = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|')

const CUE = String.raw`geboren(?:\s+op)?|geb\.\s*datum|geb\.|geboortedatum|geboortedag|born(?:\s+on)?|date\s+of\s+birth|d\.o\.b\.?|dob|birth\s*date`
const PLACE = String.raw`(?:\s+(?:in|te|at)\s+\p{Lu}[\p{L}'\u2019-]+(?:\s+\p{Lu}[\p{L}'\u2019-]+)?(?:\s+(?:op|on))?)?`
const SEP = String.raw`(?:\s*[:=\-\u2013]\s*|\s+|\s*\(\s*)(?:(?:op|on|the)\s+)?`
const ORD = `(?:st|nd|rd|th|e|ste|de)?`

const DATE = [
  String.raw`(?<dd>\d{1,2})(?<s1>[-/.])(?<mm>\d{1,2})\k<s1>(?<yy>\d{4}|\d{2})`,
  String.raw`(?<iy>\d{4})-(?<im>\d{1,2})-(?<id>\d{1,2})`,
  String.raw`(?<td>\d{1,2})${ORD}\s+(?:of\s+)?(?<tm>${MONTH_ALT})\.?,?\s+(?<ty>\d{4})`,
  String.raw`(?<um>${MONTH_ALT})\.?\s+(?<ud>\d{1,2})${ORD},?\s+(?<uy>\d{4})`,
].join('|')

const BIRTH_RE = new RegExp(
  String.raw`(?<![\p{L}])(?<cue>${CUE})${PLACE}${SEP}(?<date>${DATE})(?![\p{L}\p{N}]|[-/.]\d)`,
  'giu',
)

const PREFILTER = /geb|born|birth|dob|d\.o\.b/i

// "Het idee werd geboren op 1 mei 2020", "The charity was born on …": not a person.
const FIGURATIVE_BEFORE =
  /\b(?:idee|initiatief|plan|project|stichting|organisatie|vereniging|campagne|concept|bedrijf|idea|initiative|project|charity|organisation|organization|campaign|concept|company|movement|beweging)\b[^.!?\n]{0,30}$/i

function validDate(day: number, month: number, year: number): boolean {
  if (month < 1 || month > 12 || day < 1 || day > 31) return false
  if (year < 1890 || year > 2100) return false
  const dim = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return day <= dim
}

function fullYear(y: string): number {
  if (y.length === 4) return Number(y)
  // Two-digit year of birth: "50" → 1950, "05" → 2005 (pivot on the current century).
  const n = Number(y)
  const current = new Date().getUTCFullYear() % 100
  return n <= current ? 2000 + n : 1900 + n
}

export function findBirthDates(text: string): Span[] {
  if (!PREFILTER.test(text)) return []
  const out: Span[] = []
  for (const m of text.matchAll(BIRTH_RE)) {
    const g = m.groups!
    let day: number
    let month: number
    let year: number
    if (g.dd) {
      day = Number(g.dd)
      month = Number(g.mm)
      year = fullYear(g.yy!)
      // Accept US order (mm/dd/yyyy) when only that reading is a valid date.
      if (!validDate(day, month, year) && validDate(month, day, year)) [day, month] = [month, day]
    } else if (g.iy) {
      year = Number(g.iy)
      month = Number(g.im)
      day = Number(g.id)
    } else if (g.td) {
      day = Number(g.td)
      month = MONTHS[g.tm!.toLowerCase()]!
      year = Number(g.ty)
    } else {
      day = Number(g.ud)
      month = MONTHS[g.um!.toLowerCase()]!
      year = Number(g.uy)
    }
    if (!validDate(day, month, year)) continue
    if (FIGURATIVE_BEFORE.test(text.slice(Math.max(0, m.index - 60), m.index))) continue
    const date = g.date!
    const start = m.index + m[0].length - date.length
    out.push(
      makeSpan(text, start, start + date.length, 'birth-date', {
        data: { cue: g.cue!.toLowerCase().replace(/\s+/g, ' '), day, month, year },
      }),
    )
  }
  return out
}

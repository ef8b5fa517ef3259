/**
 * Home addresses (street + house number, or postcode + house number).
 *
 * Dutch (kind `address`, data.type `street`):
 *   "Dorpsstraat 12", "Kerkstraat 5a", "Van Goghlaan 3-1", "Burgemeester de Withstraat 4",
 *   "Grote Markt 1", "Laan van Meerdervoort 12", "Prinsengracht 263 hs".
 *   The street word must be capitalised and end in a street suffix (STREET_SUFFIXES_NL);
 *   a bare suffix word ("Markt", "Plein") needs a capitalised word in front ("Grote Markt").
 *   Capitalised words in front ("Van", "Burgemeester", "Prins") are included; sentence
 *   words like "In", "Op", "Naar" are not.
 * Dutch postcode + number (data.type `postcode`): "1234 AB 5", "1234AB, 12". A postcode on
 *   its own ("1234 AB Amsterdam") is an area, not a home, and is not reported. Letter pairs
 *   SA, SD and SS are never used in Dutch postcodes.
 * English (data.type `street`): "12 High Street", "221B Baker Street", "4 Elm Close",
 *   "10 Downing St" — a number, 1–3 capitalised name words and a street type.
 *
 * Near misses that are NOT addresses: "Week 12", "straat 3 keer", "Vergadering 3 maart",
 *   "Onderweg 3 keer", "Woningmarkt 2024" (years 1900–2099 are not house numbers),
 *   "5 Easy Ways", "3 Simple Steps", "10 Best Places". A number followed by a unit
 *   (keer, jaar, km, euro, %, a month name, a decimal) is never a house number.
 */
import { makeSpan, type Span } from './types.js'

export const STREET_SUFFIXES_NL = [
  'straat',
  'laan',
  'weg',
  'plein',
  'gracht',
  'kade',
  'singel',
  'dijk',
  'pad',
  'hof',
  'dreef',
  'steeg',
  'markt',
  'plantsoen',
  'park',
  'ring',
  'erf',
  'wal',
  'burg',
  'dam',
  'veld',
  'wetering',
  'vaart',
  'haven',
  'baan',
  'akker',
  'boulevard',
  'allee',
] as const

export const STREET_TYPES_EN = [
  'Street',
  'St',
  'Road',
  'Rd',
  'Lane',
  'Avenue',
  'Ave',
  'Close',
  'Drive',
  'Way',
  'Crescent',
  'Gardens',
  'Place',
  'Terrace',
  'Court',
  'Row',
  'Square',
  'Grove',
  'Mews',
] as const

const SUFFIX_ALT = STREET_SUFFIXES_NL.join('|')
const CAP_SUFFIX_ALT = STREET_SUFFIXES_NL.map((s) => s[0]!.toUpperCase() + s.slice(1)).join('|')

// Common nouns that end in a street suffix; never a street on their own.
const NOT_STREETS = new Set([
  'onderweg',
  'halverwege',
  'wegweg',
  'zijweg',
  'vergadering',
  'viering',
  'regering',
  'verzekering',
  'wandering',
  'gerechtshof',
  'kerkhof',
  'arbeidsmarkt',
  'woningmarkt',
  'supermarkt',
  'vakantiepark',
  'attractiepark',
  'pretpark',
  'speelveld',
  'voetbalveld',
  'sportveld',
  'werkveld',
  'krachtveld',
  'vliegveld',
  'zorgerf',
  'thuishaven',
  'loopbaan',
  'tennisbaan',
  'ijsbaan',
  'renbaan',
  'landingsbaan',
  'kinderboerderij',
  'amsterdam',
  'rotterdam',
  'schiedam',
  'zaandam',
  'edam',
  'volendam',
  'hamburg',
  'luxemburg',
  'brandenburg',
  'middelburg',
  'oldenburg',
])

const HOUSE_NUMBER = String.raw`(\d{1,5})((?:[-\s]?[A-Za-z](?![\p{L}\p{N}]))|(?:-\d{1,4}(?!\d))|(?:\s(?:hs|bis|bg|huis)(?![\p{L}])))?`

// Core street word + number. Group 1 = street word, 2 = number, 3 = addition.
const NL_STREET_RE = new RegExp(
  String.raw`(?<![\p{L}\p{N}'\u2019-])(\p{Lu}[\p{L}'\u2019-]*?(?:${SUFFIX_ALT})|${CAP_SUFFIX_ALT}) ${HOUSE_NUMBER}(?![\p{L}\p{N}])`,
  'gu',
)

// "Laan van Meerdervoort 12", "Weg naar Laren 3", "Plein 1944"-style is not included.
const NL_LAAN_VAN_RE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:${CAP_SUFFIX_ALT}) (?:van|der|de|den|op|naar|ter|te|bij|achter|voor|over|langs)(?: (?:de|der|den|het|'t))? \p{Lu}[\p{L}'\u2019-]+(?: \p{Lu}[\p{L}'\u2019-]+)? ${HOUSE_NUMBER}(?![\p{L}\p{N}])`,
  'gu',
)

const PARTICLES = new Set([
  'van',
  'de',
  'der',
  'den',
  'het',
  "'t",
  'ter',
  'ten',
  'te',
  'op',
  'in',
  'la',
  'le',
  'du',
])

// Capitalised words that start sentences but are not part of a street name.
const PREFIX_STOP = new Set([
  'In',
  'Op',
  'Aan',
  'Naar',
  'Bij',
  'Via',
  'Vanaf',
  'Tot',
  'Langs',
  'Over',
  'Uit',
  'Voor',
  'Achter',
  'Tegenover',
  'Naast',
  'Om',
  'De',
  'Het',
  'Een',
  'Onze',
  'Ons',
  'Mijn',
  'Adres',
  'Locatie',
  'Wij',
  'We',
  'Ze',
  'Zij',
  'Hij',
  'Ik',
  'Je',
  'U',
  'Kom',
  'Welkom',
  'Woont',
  'Wonen',
  'Wie',
  'Waar',
  'Wanneer',
  'Vandaag',
  'Morgen',
  'Zaterdag',
  'Zondag',
  'Maandag',
  'Dinsdag',
  'Woensdag',
  'Donderdag',
  'Vrijdag',
  'At',
  'On',
  'The',
])

const SENTENCE_START = /(?:^|[.!?:;]\s+|\n\s*|[([“"'‘]\s*)$/u

// Capitalised words that typically start a street name.
const STREET_NAME_WORDS = new Set([
  'Van',
  'Den',
  'Ter',
  'Ten',
  'Sint',
  'St.',
  'Burgemeester',
  'Prins',
  'Prinses',
  'Koning',
  'Koningin',
  'Graaf',
  'Gravin',
  'Hertog',
  'Dokter',
  'Dr.',
  'Pastoor',
  'Pater',
  'Generaal',
  'Admiraal',
  'Jonkheer',
  'President',
  'Professor',
  'Prof.',
  'Oude',
  'Nieuwe',
  'Grote',
  'Kleine',
  'Lange',
  'Korte',
  'Hoge',
  'Lage',
  'Brede',
  'Smalle',
  'Noorder',
  'Zuider',
  'Ooster',
  'Wester',
  'Binnen',
  'Buiten',
  'Eerste',
  'Tweede',
  'Derde',
])

const UNIT_AFTER =
  /^\s*(?:keer|x(?![\p{L}])|jaar|jaren|jr|maand|maanden|week|weken|dag|dagen|uur|uren|minuten|min(?![\p{L}])|sec|seconden|km|kilometer|meter|m(?![\p{L}])|cm|kg|gram|liter|euro|eur|€|procent|%|personen|mensen|deelnemers|kinderen|vrijwilligers|leden|stuks|plekken|plaatsen|januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|(?:jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec)(?![\p{L}])|times|years?|months?|weeks?|days?|hours?|minutes|miles|people|[.,:]\d)/iu

const NL_POSTCODE_RE =
  /(?<![\p{L}\p{N}])([1-9]\d{3}) ?(?!SA|SD|SS)([A-Z]{2})(?:\s*,\s*|\s+)(\d{1,5})((?:[-\s]?[A-Za-z](?![\p{L}\p{N}]))|(?:-\d{1,4}(?!\d)))?(?![\p{L}\p{N}])/gu

const EN_TYPES_ALT = STREET_TYPES_EN.join('|')
const EN_STREET_RE = new RegExp(
  String.raw`(?<![\p{L}\p{N}\u00a3\u20ac$.,])(\d{1,4}[A-Za-z]?)(?:,)? ((?:\p{Lu}[\p{Ll}'\u2019-]+ ){1,3})(${EN_TYPES_ALT})(?:\.)?(?![\p{L}\p{N}])`,
  'gu',
)

// Words that make "5 Easy Way" a headline rather than an address.
const EN_NAME_STOP = new Set([
  'Easy',
  'Simple',
  'Best',
  'Great',
  'Quick',
  'Top',
  'Key',
  'Fun',
  'Free',
  'Little',
  'Big',
  'Small',
  'Good',
  'Better',
  'Essential',
  'Important',
  'Amazing',
  'Brilliant',
  'Ways',
  'Things',
  'Steps',
  'Reasons',
  'Tips',
  'Days',
  'Years',
  'Months',
  'Weeks',
  'Hours',
  'Minutes',
  'People',
  'Volunteers',
  'Million',
  'Thousand',
  'Hundred',
  'Miles',
  'Percent',
  'Pounds',
  'Euros',
  'More',
  'Minute',
  'Hour',
  'Day',
  'Week',
  'Month',
  'Year',
  'Mile',
  'Step',
  'Point',
  'Part',
  'Course',
  'Other',
  'Different',
  'Our',
  'Your',
  'The',
  'And',
  'Or',
  'Of',
  'In',
  'To',
  'For',
])

function isYear(n: string): boolean {
  return /^(?:19|20)\d{2}$/.test(n)
}

/** Extend a Dutch street match backwards over capitalised name words and particles. */
function extendPrefix(text: string, coreStart: number, needPrefix: boolean): number | undefined {
  let start = coreStart
  let committed = coreStart
  let words = 0
  while (words < 4) {
    const before = text.slice(0, start)
    const m = /(?:^|[\s(,;:])([\p{L}'’.-]+) $/u.exec(before)
    if (!m) break
    const word = m[1]!
    const wordStart = start - 1 - word.length
    if (PARTICLES.has(word)) {
      start = wordStart
      words++
      continue
    }
    if (!/^\p{Lu}/u.test(word) || PREFIX_STOP.has(word)) break
    // A capitalised word at the start of a sentence is only part of the street name when
    // it is a typical street-name word ("Van", "Burgemeester", "Grote").
    if (SENTENCE_START.test(text.slice(0, wordStart)) && !STREET_NAME_WORDS.has(word)) break
    start = wordStart
    committed = start
    words++
  }
  if (needPrefix && committed === coreStart) return undefined
  return committed
}

function addressSpan(text: string, start: number, end: number, type: string, lang: string): Span {
  return makeSpan(text, start, end, 'address', { data: { type, lang } })
}

export function findAddresses(text: string): Span[] {
  if (!/\d/.test(text)) return []
  const out: Span[] = []

  for (const m of text.matchAll(NL_STREET_RE)) {
    const core = m[1]!
    const num = m[2]!
    const end = m.index + m[0].length
    if (NOT_STREETS.has(core.toLowerCase())) continue
    if (isYear(num) && !m[3]) continue
    if (UNIT_AFTER.test(text.slice(end))) continue
    const bare = STREET_SUFFIXES_NL.includes(core.toLowerCase() as (typeof STREET_SUFFIXES_NL)[number])
    const start = extendPrefix(text, m.index, bare)
    if (start === undefined) continue
    out.push(addressSpan(text, start, end, 'street', 'nl'))
  }

  for (const m of text.matchAll(NL_LAAN_VAN_RE)) {
    const end = m.index + m[0].length
    const num = m[1]!
    if (isYear(num) && !m[2]) continue
    if (UNIT_AFTER.test(text.slice(end))) continue
    out.push(addressSpan(text, m.index, end, 'street', 'nl'))
  }

  for (const m of text.matchAll(NL_POSTCODE_RE)) {
    const end = m.index + m[0].length
    if (UNIT_AFTER.test(text.slice(end))) continue
    out.push(addressSpan(text, m.index, end, 'postcode', 'nl'))
  }

  for (const m of text.matchAll(EN_STREET_RE)) {
    const names = m[2]!.trim().split(' ')
    if (names.some((n) => EN_NAME_STOP.has(n))) continue
    const num = m[1]!
    if (isYear(num)) continue
    out.push(addressSpan(text, m.index, m.index + m[0].length, 'street', 'en'))
  }

  // Overlapping matches (e.g. "Laan van X 12" and "X 12"): keep the widest.
  out.sort((a, b) => a.start - b.start || b.end - a.end)
  const merged: Span[] = []
  for (const s of out) {
    const last = merged[merged.length - 1]
    if (last && s.start < last.end) {
      if (s.end > last.end) merged[merged.length - 1] = addressSpan(text, last.start, s.end, 'street', 'nl')
      continue
    }
    merged.push(s)
  }
  return merged
}

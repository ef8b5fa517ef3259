/**
 * SHOUTING: all-caps words/sentences and repeated "!!" / "???" / "?!?" punctuation.
 *
 * Caps (kind `shouting-caps`, suggestion in sentence case):
 * - A token is all-caps when it has ≥ 2 letters and no lower-case letters ("GGD",
 *   "COVID-19", "BELANGRIJK").
 * - A run of ≥ 3 all-caps tokens separated only by spaces (digits-only tokens such as
 *   "12" may sit inside the run) with at least one token of ≥ 3 letters is shouting:
 *   "KOM NU LANGS", "DOE MEE MET DE ACTIE". Commas, "en"/"and" and other lower-case words
 *   break runs, so lists of acronyms ("GGD, WMO en UWV") are fine.
 * - A single all-caps token of ≥ 6 letters is shouting ("BELANGRIJK", "URGENT"), unless
 *   it is a known acronym/organisation (CAPS_ALLOWLIST: UNICEF, UNESCO, …).
 * - Short acronyms (≤ 5 letters: GGD, WMO, UWV, NHS, UK, AOW, COVID-19) are fine alone.
 * - #hashtags, @mentions, URLs and e-mail addresses are ignored.
 * The suggestion lower-cases the run, keeps known acronyms (KNOWN_ACRONYMS) and tokens
 * with digits as they are, and capitalises the first letter when the run starts a
 * sentence: "KOM NU NAAR DE GGD" → "Kom nu naar de GGD".
 *
 * Punctuation (kind `shouting-punctuation`): 2 or more of "!" / "?" in a row ("!!",
 * "???", "?!", "!?!"), suggestion "?" when a "?" is in it, else "!".
 */
import { makeSpan, type Span } from './types.js'

/** All-caps words of ≥ 6 letters that are names, not shouting. */
export const CAPS_ALLOWLIST: ReadonlySet<string> = new Set([
  'UNICEF',
  'UNESCO',
  'UNAIDS',
  'UNHCR',
  'UNRWA',
  'NASDAQ',
  'ERASMUS',
  'IKEA',
  'FIFA',
  'UEFA',
  'KNVB',
  'NIVEL',
  'RIVM',
  'SNOMED',
  'ISBN',
  'HTTPS',
  'COVID',
  'MRSA',
  'LHBTIQ',
  'LGBTQ',
  'LGBTQI',
  'LGBTQIA',
  'LHBTI',
  'LHBTIQA',
  'CEDAW',
  'NATO',
  'BAFTA',
  'OXFAM',
  'MENCAP',
  'SCOPE',
  'ACEVO',
  'NCVO',
  'NSPCC',
  'RSPCA',
  'RSPB',
  'SSAFA',
  'CAFOD',
  'SENDCO',
  'SENCO',
  'CAMHS',
])

/** Acronyms kept in capitals in the sentence-case suggestion. */
export const KNOWN_ACRONYMS: ReadonlySet<string> = new Set(
  `GGD WMO UWV AOW WW WIA WAO CJG GGZ NHS UK EU VN UN USA NL BSN IBAN KVK ANBI CBF DIGID IDEAL AVG GDPR ICT
  HR ZZP MBO HBO WO VMBO HAVO VWO PO VO SVB CAK CIZ WLZ ZVW JGZ POH LVB NAH ADHD ASS PTSS PTSD LHBTI LHBTIQ
  LGBT LGBTQ COVID RIVM KNMI NOS NPO RTV EO KRO NCRV VARA AVRO TROS BBC ITV GP A&E SEN SEND DWP HMRC PIP ESA
  UC CAB MP MEP TV PDF FAQ OK AI NGO NGOS UNICEF UNESCO WHO VIP CEO CFO CTO`.split(/\s+/),
)

const TOKEN_RE = /[#@]?[\p{L}\p{N}][\p{L}\p{N}'’&-]*/gu
const URL_OR_EMAIL_RE = /\b(?:https?:\/\/|www\.)\S+|\S+@\S+\.\S+/gi

interface Token {
  start: number
  end: number
  text: string
  kind: 'caps' | 'number' | 'other' | 'skip'
  letters: number
}

function classify(t: string): Token['kind'] {
  if (t.startsWith('#') || t.startsWith('@')) return 'skip'
  const letters = t.replace(/[^\p{L}]/gu, '')
  if (letters.length === 0) return /\p{N}/u.test(t) ? 'number' : 'other'
  // Letters and digits together are codes (FAMILY20, IBANs, COVID-19): never shouting
  // on their own, but they may sit inside a shouted sentence like numbers do.
  if (/\p{N}/u.test(t)) return 'number'
  if (letters.length >= 2 && !/\p{Ll}/u.test(letters) && /\p{Lu}/u.test(letters)) return 'caps'
  return 'other'
}

function tokenize(text: string): Token[] {
  const skip: Array<[number, number]> = []
  for (const m of text.matchAll(URL_OR_EMAIL_RE)) skip.push([m.index, m.index + m[0].length])
  const out: Token[] = []
  for (const m of text.matchAll(TOKEN_RE)) {
    const start = m.index
    const end = start + m[0].length
    const inSkip = skip.some(([s, e]) => start < e && s < end)
    const kind = inSkip ? 'skip' : classify(m[0])
    out.push({ start, end, text: m[0], kind, letters: m[0].replace(/[^\p{L}]/gu, '').length })
  }
  return out
}

/**
 * A donation or sign-up keyword for a text message, written in capitals by
 * convention: “text WINTER to 70085”, “sms GEVEN naar 4333”.
 */
function isSmsKeyword(text: string, token: { start: number; end: number }): boolean {
  return (
    /\b(?:text|txt|sms|texting|send|stuur|sms['’]?en|app)\s+$/i.test(
      text.slice(Math.max(0, token.start - 12), token.start),
    ) && /^\s+(?:to|naar|on|op)\s+\+?\d/i.test(text.slice(token.end, token.end + 16))
  )
}

function isSentenceStart(text: string, pos: number): boolean {
  return (
    /(?:^|[.!?…]\s+|\n\s*|[:;]\s*\n|["“‘(]\s*)$/u.test(text.slice(Math.max(0, pos - 6), pos)) || pos === 0
  )
}

function caseWord(word: string, capitalise: boolean): string {
  const letters = word.replace(/[^\p{L}]/gu, '')
  if (KNOWN_ACRONYMS.has(letters) || KNOWN_ACRONYMS.has(word) || /\p{N}/u.test(word)) return word
  const lower = word.toLocaleLowerCase('nl')
  // Dutch "IJ" digraph: "IJSSEL" → "IJssel".
  if (capitalise) {
    if (lower.startsWith('ij')) return `IJ${lower.slice(2)}`
    return lower.charAt(0).toLocaleUpperCase('nl') + lower.slice(1)
  }
  return lower
}

export function toSentenceCase(segment: string, capitaliseFirst: boolean): string {
  let first = capitaliseFirst
  return segment.replace(/[\p{L}\p{N}][\p{L}\p{N}'’&-]*/gu, (w) => {
    const r = caseWord(w, first)
    first = false
    return r
  })
}

const PUNCT_RE = /[!?]{2,}/g

export function findShouting(text: string): Span[] {
  const out: Span[] = []

  if (/\p{Lu}{2}/u.test(text)) {
    const tokens = tokenize(text)
    let i = 0
    while (i < tokens.length) {
      if (tokens[i]!.kind !== 'caps') {
        i++
        continue
      }
      // Grow a run of caps tokens (numbers allowed inside) separated by plain spaces.
      let j = i
      let last = i
      while (j + 1 < tokens.length) {
        const next = tokens[j + 1]!
        const gap = text.slice(tokens[j]!.end, next.start)
        if (!/^[ \t]+$/.test(gap)) break
        if (next.kind === 'caps') {
          j++
          last = j
        } else if (next.kind === 'number') j++
        else break
      }
      const run = tokens.slice(i, last + 1)
      const caps = run.filter((t) => t.kind === 'caps')
      const isRun = caps.length >= 3 && caps.some((t) => t.letters >= 3)
      const single =
        caps.length < 3 &&
        caps.filter(
          (t) =>
            t.letters >= 6 && !CAPS_ALLOWLIST.has(t.text.replace(/[^\p{L}]/gu, '')) && !isSmsKeyword(text, t),
        ).length > 0
      if (isRun || single) {
        let start = run[0]!.start
        let end = run[run.length - 1]!.end
        if (!isRun) {
          // Report only the long word(s), from the first to the last shouting word.
          const loud = caps.filter(
            (t) =>
              t.letters >= 6 &&
              !CAPS_ALLOWLIST.has(t.text.replace(/[^\p{L}]/gu, '')) &&
              !isSmsKeyword(text, t),
          )
          start = loud[0]!.start
          end = loud[loud.length - 1]!.end
        }
        const segment = text.slice(start, end)
        out.push(
          makeSpan(text, start, end, 'shouting-caps', {
            suggestion: toSentenceCase(segment, isSentenceStart(text, start)),
          }),
        )
      }
      i = last + 1
    }
  }

  if (/[!?]{2}/.test(text)) {
    for (const m of text.matchAll(PUNCT_RE)) {
      // Skip URLs ("?!" inside a query string is rare but possible).
      const before = text.slice(0, m.index)
      const lastSpace = Math.max(before.lastIndexOf(' '), before.lastIndexOf('\n'))
      if (/^\s?(?:https?:\/\/|www\.)/.test(before.slice(lastSpace))) continue
      out.push(
        makeSpan(text, m.index, m.index + m[0].length, 'shouting-punctuation', {
          suggestion: m[0].includes('?') ? '?' : '!',
        }),
      )
    }
  }

  return out.sort((a, b) => a.start - b.start)
}

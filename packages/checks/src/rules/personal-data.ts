import type { Rule } from '@post-lint/core'
import { metaFrom } from '../data.js'
import { findAddresses } from '../detect/address.js'
import { findBirthDates } from '../detect/birthdate.js'
import { findBsns } from '../detect/bsn.js'
import { findEmails } from '../detect/email.js'
import { findIbans } from '../detect/iban.js'
import { findPersonContext } from '../detect/person-context.js'
import { findPhones, loadPhoneNumbers, mayHavePhone } from '../detect/phone.js'
import type { Span } from '../detect/types.js'
import { ruleData } from '../generated/rules.js'
import { detectInBlocks, stringList, withoutOverlaps } from './blocks.js'

/**
 * Personal data of clients, residents and colleagues: BSN (11-check), IBAN
 * (mod-97), phone numbers, personal e-mail addresses, home addresses, dates of
 * birth, and a named person together with an age, diagnosis, addiction, debt
 * or care situation.
 *
 * Options (a rulebook's `organisation:` fills the first three; see
 * packages/rulebook/src/organisation.ts):
 * - `allow`: the organisation's own phone numbers, bank accounts, e-mail
 *   addresses and street addresses, which may appear in posts. Phone numbers
 *   compare in E.164 (“020 123 4567” allows “+31 20 123 4567” and
 *   “020-1234567”), IBANs in electronic format (spaces and case do not
 *   matter), e-mail addresses case-insensitively, street addresses normalised
 *   (case, accents, punctuation, “str.”/“St” abbreviations; “Dorpsstraat 12,
 *   1234 AB Ede” also allows “Dorpsstraat 12” and “1234 AB 12”). Any other
 *   value is compared without spaces, dots and dashes, case-insensitively.
 * - `allowDomains`: the organisation's domains: every e-mail address at one of
 *   them (or a subdomain) is the organisation's (“debrug.nl” allows
 *   “fatima@debrug.nl” and “jan@mail.debrug.nl”).
 * - `allowNames`: the organisation's own names: they are not persons, so
 *   “Stichting De Brug (25 jaar)” is no name with an age.
 * - `country`: default country for phone numbers without a country code
 *   (default NL for Dutch drafts, GB for English ones).
 */
const data = ruleData['personal-data']!

const MESSAGES = {
  bsn: {
    en: 'This looks like a citizen service number (BSN): never put one in a post.',
    nl: 'Dit lijkt een burgerservicenummer (BSN): zet nooit een BSN in een bericht.',
  },
  iban: {
    en: '“{actual}” is a bank account number: only your organisation’s own account belongs in a post (list it under organisation: ibans in post-lint.yml).',
    nl: '“{actual}” is een rekeningnummer: alleen het rekeningnummer van de organisatie hoort in een bericht (zet dat onder organisation: ibans in post-lint.yml).',
  },
  phone: {
    en: '“{actual}” looks like a phone number: share only your organisation’s own numbers (list them under organisation: phones in post-lint.yml).',
    nl: '“{actual}” lijkt een telefoonnummer: deel alleen nummers van de organisatie zelf (zet die onder organisation: phones in post-lint.yml).',
  },
  'personal-email': {
    en: '“{actual}” looks like a personal e-mail address: use a role address such as info@ instead.',
    nl: '“{actual}” lijkt een persoonlijk e-mailadres: gebruik een algemeen adres zoals info@.',
  },
  address: {
    en: '“{actual}” looks like a home address: leave out the street and house number.',
    nl: '“{actual}” lijkt een huisadres: laat straat en huisnummer weg.',
  },
  'birth-date': {
    en: 'A date of birth (“{actual}”) identifies a person: leave it out.',
    nl: 'Een geboortedatum (“{actual}”) maakt iemand herkenbaar: laat die weg.',
  },
  'person-context': {
    en: '“{actual}” links a named person to {reason}: leave out the name or ask for written consent first.',
    nl: '“{actual}” koppelt een persoon met naam aan {reason}: laat de naam weg of vraag eerst schriftelijk toestemming.',
  },
} as const

const REASONS: Record<string, { en: string; nl: string }> = {
  age: { en: 'an age', nl: 'een leeftijd' },
  diagnosis: { en: 'a diagnosis or illness', nl: 'een diagnose of ziekte' },
  addiction: { en: 'an addiction', nl: 'een verslaving' },
  debt: { en: 'debts', nl: 'schulden' },
  care: { en: 'a care situation', nl: 'een zorgsituatie' },
}

const normalize = (value: string) => value.toLowerCase().replace(/[\s.\-()/]/g, '')

/** The organisation's own details, compared the way each kind is written. */
interface AllowList {
  generic: Set<string>
  phones: Set<string>
  ibans: Set<string>
  emails: Set<string>
  addresses: Set<string>
  domains: string[]
  /** The organisation's names, as patterns that find them in a text. */
  names: RegExp[]
}

const ABBREVIATIONS: Record<string, string> = {
  st: 'street',
  rd: 'road',
  ave: 'avenue',
  ln: 'lane',
  sq: 'square',
  cl: 'close',
  pl: 'place',
}

/** Street addresses compare without case, accents, punctuation and common abbreviations. */
export function addressKey(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '')
    .map((word) => ABBREVIATIONS[word] ?? word.replace(/str$/, 'straat'))
    .join('')
}

/** A domain as people write it (“@debrug.nl”, “https://www.debrug.nl/”) → “debrug.nl”. */
export function domainOf(value: string): string {
  return value
    .trim()
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, '')
    .replace(/^.*@/, '')
    .replace(/[/?#].*$/, '')
    .replace(/^www\./, '')
    .replace(/\.$/, '')
}

const POSTCODE = /(?<![\p{L}\p{N}])(\d{4})\s?([a-z]{2})(?![\p{L}\p{N}])/iu

function allowListOf(options: Readonly<Record<string, unknown>>, country: string): AllowList {
  const list: AllowList = {
    generic: new Set(),
    phones: new Set(),
    ibans: new Set(),
    emails: new Set(),
    addresses: new Set(),
    domains: stringList(options.allowDomains)
      .map(domainOf)
      .filter((domain) => domain !== ''),
    names: stringList(options.allowNames)
      .filter((name) => name.trim() !== '')
      .map(namePattern),
  }
  // The number as written, read as a number of the draft's country and of NL/GB: an
  // organisation's “020 123 4567” is its number in an English draft too.
  const countries = [...new Set([country, 'NL', 'GB'])]
  for (const entry of stringList(options.allow)) {
    list.generic.add(normalize(entry))
    if (entry.includes('@')) list.emails.add(entry.trim().toLowerCase())
    const compact = entry.replace(/[\s.-]/g, '').toUpperCase()
    if (/^[A-Z]{2}\d{2}[A-Z0-9]{8,30}$/.test(compact)) list.ibans.add(compact)
    for (const code of countries) {
      for (const phone of findPhones(entry, { defaultCountry: code as 'NL' })) {
        const e164 = (phone.data as { e164?: string } | undefined)?.e164
        if (e164) list.phones.add(e164)
      }
    }
    list.addresses.add(addressKey(entry))
    for (const part of entry.split(',')) list.addresses.add(addressKey(part))
    const streets = findAddresses(entry)
    for (const street of streets) list.addresses.add(addressKey(street.text))
    const postcode = POSTCODE.exec(entry)
    const number = streets
      .map((street) => /(\d+\s?[a-z]?)(?![\p{L}\p{N}])/iu.exec(street.text)?.[1])
      .find((value) => value !== undefined)
    if (postcode && number) list.addresses.add(addressKey(`${postcode[1]}${postcode[2]} ${number}`))
  }
  list.addresses.delete('')
  return list
}

/** Built once per options object: a Linter passes the same object for every draft. */
const allowLists = new WeakMap<object, Map<string, AllowList>>()

function cachedAllowList(options: Readonly<Record<string, unknown>>, country: string): AllowList {
  let byCountry = allowLists.get(options)
  if (!byCountry) {
    byCountry = new Map()
    allowLists.set(options, byCountry)
  }
  let list = byCountry.get(country)
  if (!list) {
    list = allowListOf(options, country)
    byCountry.set(country, list)
  }
  return list
}

function isAllowed(span: Span, list: AllowList): boolean {
  if (list.generic.has(normalize(span.text))) return true
  const data = span.data as { e164?: string; iban?: string; address?: string; domain?: string } | undefined
  switch (span.kind) {
    case 'phone':
      return (
        data?.e164 !== undefined && (list.phones.has(data.e164) || list.generic.has(normalize(data.e164)))
      )
    case 'iban':
      return data?.iban !== undefined && list.ibans.has(data.iban.toUpperCase())
    case 'personal-email': {
      const address = (data?.address ?? span.text).toLowerCase()
      if (list.emails.has(address)) return true
      const domain = data?.domain ?? address.slice(address.lastIndexOf('@') + 1)
      return list.domains.some((own) => domain === own || domain.endsWith(`.${own}`))
    }
    case 'address':
      return list.addresses.has(addressKey(span.text))
    default:
      return false
  }
}

/** A name, case-insensitive, as whole words with any white space between them. */
function namePattern(name: string): RegExp {
  const words = name
    .trim()
    .split(/\s+/)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  return new RegExp(`(?<![\\p{L}\\p{N}])${words.join('\\s+')}(?![\\p{L}\\p{N}])`, 'giu')
}

/**
 * Blank out the organisation's own names (same length, so offsets hold):
 * “Stichting De Brug (25 jaar)” is not a person with an age.
 */
export function maskNames(text: string, names: readonly (string | RegExp)[]): string {
  let masked = text
  for (const name of names) {
    const pattern = typeof name === 'string' ? namePattern(name) : name
    masked = masked.replace(pattern, (found) => ' '.repeat(found.length))
  }
  return masked
}

function maskBsn(value: string): string {
  const digits = value.replace(/\D/g, '')
  return `•••••${digits.slice(-4)}`
}

export const personalData: Rule = {
  meta: metaFrom(data, { allowOption: 'allow' }),
  async check(ctx) {
    if (
      ctx.blocks.some((block) => mayHavePhone(block.text)) ||
      stringList(ctx.options.allow).some(mayHavePhone)
    )
      await loadPhoneNumbers()
    const country =
      typeof ctx.options.country === 'string' ? ctx.options.country : ctx.lang === 'nl' ? 'NL' : 'GB'
    const allowed = cachedAllowList(ctx.options, country)
    const detectors: Array<(text: string) => Span[]> = [
      findBsns,
      findIbans,
      (text) => findPhones(text, { defaultCountry: country as 'NL' }),
      findEmails,
      findAddresses,
      findBirthDates,
      (text) =>
        allowed.names.length === 0
          ? findPersonContext(text, ctx.lang)
          : findPersonContext(maskNames(text, allowed.names), ctx.lang).map((span) => ({
              ...span,
              text: text.slice(span.start, span.end),
            })),
    ]
    const spans = withoutOverlaps(detectors.flatMap((detect) => detectInBlocks(ctx, detect)))
    for (const span of spans) {
      if (isAllowed(span, allowed)) continue
      const kind = span.kind as keyof typeof MESSAGES
      const template = MESSAGES[kind] ?? data.message
      const actual = kind === 'bsn' ? maskBsn(span.text) : span.text
      const reason = REASONS[(span.data as { reason?: string } | undefined)?.reason ?? ''] ?? REASONS.care!
      ctx.report({
        start: span.sourceStart,
        end: span.sourceEnd,
        actual,
        message: ctx.t(template, { actual, reason: ctx.t(reason) }),
      })
    }
  },
}

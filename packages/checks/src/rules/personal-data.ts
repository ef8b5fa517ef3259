import type { Rule } from '@post-lint/core'
import { metaFrom } from '../data.js'
import { findAddresses } from '../detect/address.js'
import { findBirthDates } from '../detect/birthdate.js'
import { findBsns } from '../detect/bsn.js'
import { findEmails } from '../detect/email.js'
import { findIbans } from '../detect/iban.js'
import { findPersonContext } from '../detect/person-context.js'
import { findPhones } from '../detect/phone.js'
import type { Span } from '../detect/types.js'
import { ruleData } from '../generated/rules.js'
import { detectInBlocks, stringList, withoutOverlaps } from './blocks.js'

/**
 * Personal data of clients, residents and colleagues: BSN (11-check), IBAN
 * (mod-97), phone numbers, personal e-mail addresses, home addresses, dates of
 * birth, and a named person together with an age, diagnosis, addiction, debt
 * or care situation.
 *
 * Options:
 * - `allow`: the organisation's own numbers, accounts, addresses and e-mail
 *   addresses that may appear in posts (compared without spaces, dots and
 *   dashes, case-insensitively; phone numbers also in international form).
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
    en: '“{actual}” is a bank account number: only your organisation’s own account belongs in a post (add it to the rulebook’s allow list).',
    nl: '“{actual}” is een rekeningnummer: alleen het rekeningnummer van de organisatie hoort in een bericht (zet dat in de toegestane lijst van het rulebook).',
  },
  phone: {
    en: '“{actual}” looks like a phone number: share only your organisation’s own numbers (add them to the rulebook’s allow list).',
    nl: '“{actual}” lijkt een telefoonnummer: deel alleen nummers van de organisatie zelf (zet die in de toegestane lijst van het rulebook).',
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

function maskBsn(value: string): string {
  const digits = value.replace(/\D/g, '')
  return `•••••${digits.slice(-4)}`
}

export const personalData: Rule = {
  meta: metaFrom(data),
  check(ctx) {
    const allowed = new Set(stringList(ctx.options.allow).map(normalize))
    const country =
      typeof ctx.options.country === 'string' ? ctx.options.country : ctx.lang === 'nl' ? 'NL' : 'GB'
    const detectors: Array<(text: string) => Span[]> = [
      findBsns,
      findIbans,
      (text) => findPhones(text, { defaultCountry: country as 'NL' }),
      findEmails,
      findAddresses,
      findBirthDates,
      (text) => findPersonContext(text, ctx.lang),
    ]
    const spans = withoutOverlaps(detectors.flatMap((detect) => detectInBlocks(ctx, detect)))
    for (const span of spans) {
      const e164 = (span.data as { e164?: string } | undefined)?.e164
      if (allowed.has(normalize(span.text)) || (e164 && allowed.has(normalize(e164)))) continue
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

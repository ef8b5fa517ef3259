/**
 * E-mail addresses. Only personal addresses are reported (kind `personal-email`);
 * role/function addresses (info@, redactie@, vrijwilligers@, press@ …) are fine to publish.
 *
 * A local part counts as a role address when, after lower-casing:
 * - it is in ROLE_EMAIL_LOCAL_PARTS ("info", "no-reply", "klantenservice"), or
 * - its first part (split on . _ - + and digits) is in that list ("info.utrecht",
 *   "vrijwilligers-amsterdam", "support2"), or
 * - it ends in a department-like suffix from ROLE_EMAIL_SUFFIXES ("wijkteam",
 *   "servicedesk", "meldpunt", "klantenservice", "jongerenloket").
 * - or it is one word that is not a common first name (FIRST_NAMES), on a domain that
 *   is not a free-mail provider ("befriending@charity.org.uk", "schuldhulp@…"): a team
 *   address.
 * Everything else ("jan", "j.devries", "sarah.smith", "pietje1988", anything at gmail) is personal.
 * Fediverse handles ("@jan@mastodon.social") are not e-mail addresses and are skipped.
 */
import { FIRST_NAMES } from './first-names.js'
import { makeSpan, type Span } from './types.js'

/** Mail providers where an address belongs to a person, whatever its local part. */
export const PERSONAL_MAIL_DOMAINS =
  /(?:^|\.)(?:gmail|googlemail|hotmail|outlook|live|msn|yahoo|ymail|icloud|me|mac|aol|gmx|proton|protonmail|ziggo|kpnmail|kpnplanet|planet|home|xs4all|hetnet|casema|upcmail|chello|telfort|tele2|quicknet|zeelandnet|onsbrabantnet|solcon|btinternet|btopenworld|sky|virginmedia|talktalk|tiscali|ntlworld|blueyonder)\.[a-z.]+$/i

export const ROLE_EMAIL_LOCAL_PARTS: readonly string[] = [
  // generic
  'info',
  'informatie',
  'contact',
  'hello',
  'hallo',
  'hi',
  'hoi',
  'mail',
  'post',
  'email',
  'office',
  'kantoor',
  'admin',
  'administratie',
  'administration',
  'secretariaat',
  'secretariat',
  'secretary',
  'bestuur',
  'board',
  'directie',
  'management',
  'receptie',
  'reception',
  'frontdesk',
  'balie',
  'algemeen',
  'general',
  'team',
  'staff',
  'personeel',
  'organisatie',
  'bureau',
  'webmaster',
  'website',
  'web',
  'postmaster',
  'hostmaster',
  'abuse',
  'security',
  'privacy',
  'fg',
  'avg',
  'gdpr',
  'dpo',
  'compliance',
  'noreply',
  'no-reply',
  'donotreply',
  'do-not-reply',
  'nieuwsbrief',
  'newsletter',
  'news',
  'nieuws',
  'updates',
  // communication / press
  'communicatie',
  'communications',
  'comms',
  'redactie',
  'editor',
  'editorial',
  'pers',
  'press',
  'persvoorlichting',
  'media',
  'pr',
  'marketing',
  'social',
  'socialmedia',
  'events',
  'evenementen',
  'agenda',
  // support
  'support',
  'helpdesk',
  'servicedesk',
  'service',
  'klantenservice',
  'customerservice',
  'customercare',
  'care',
  'help',
  'hulp',
  'vragen',
  'questions',
  'enquiries',
  'enquiry',
  'inquiries',
  'klachten',
  'complaints',
  'feedback',
  'meldpunt',
  'melding',
  'meldingen',
  'aanmelden',
  'aanmelding',
  'aanmeldingen',
  'inschrijven',
  'inschrijving',
  'registration',
  'register',
  'signup',
  'bookings',
  'booking',
  'reserveren',
  'reserveringen',
  'afspraak',
  'afspraken',
  'planning',
  'intake',
  'loket',
  'wijkteam',
  'zorg',
  'advies',
  'advice',
  'spreekuur',
  // volunteers / HR
  'vrijwilligers',
  'vrijwilliger',
  'vrijwilligerswerk',
  'volunteers',
  'volunteer',
  'volunteering',
  'vacatures',
  'vacature',
  'jobs',
  'careers',
  'werkenbij',
  'recruitment',
  'sollicitaties',
  'solliciteren',
  'hr',
  'pz',
  'po',
  'stage',
  'stages',
  'internships',
  // money
  'donaties',
  'donatie',
  'doneren',
  'donations',
  'donate',
  'giften',
  'gift',
  'fundraising',
  'fondsenwerving',
  'legaten',
  'legacies',
  'finance',
  'financien',
  'financiën',
  'financiele-administratie',
  'boekhouding',
  'accounts',
  'billing',
  'facturen',
  'factuur',
  'facturatie',
  'invoices',
  'crediteuren',
  'debiteuren',
  'ledenadministratie',
  'leden',
  'members',
  'membership',
  'lidmaatschap',
  'sales',
  'verkoop',
  'shop',
  'winkel',
  'orders',
  'bestellingen',
  'partners',
  'partnerships',
  'sponsoring',
  'sponsors',
  'subsidie',
  'subsidies',
  'grants',
  // misc functions
  'ict',
  'it',
  'facilitair',
  'facilities',
  'inkoop',
  'procurement',
  'juridisch',
  'legal',
  'kwaliteit',
  'quality',
  'onderzoek',
  'research',
  'educatie',
  'education',
  'training',
  'opleidingen',
  'academy',
  'school',
  'jongeren',
  'youth',
  'ouderen',
  'mantelzorg',
  'buurthuis',
  'wijkcentrum',
  'voedselbank',
  'foodbank',
]

const ROLE_SET = new Set(ROLE_EMAIL_LOCAL_PARTS)

/** Department-like endings: "wijkteam", "servicedesk", "steunpunt", "jongerenloket". */
export const ROLE_EMAIL_SUFFIXES: readonly string[] = [
  'team',
  'desk',
  'service',
  'support',
  'loket',
  'punt',
  'balie',
  'bureau',
  'centrum',
  'centre',
  'center',
  'office',
  'info',
  'administratie',
  'secretariaat',
  'redactie',
]

export function isRoleEmail(address: string): boolean {
  const at = address.lastIndexOf('@')
  const local = (at >= 0 ? address.slice(0, at) : address).toLowerCase()
  if (ROLE_SET.has(local)) return true
  const first = local.split(/[._\-+0-9]/).filter(Boolean)[0] ?? ''
  // Short role words ("hr", "it", "po") only count as a whole local part, not as a prefix.
  if (first.length >= 4 && ROLE_SET.has(first)) return true
  const compact = local.replace(/[._\-+0-9]/g, '')
  if (ROLE_SET.has(compact)) return true
  return ROLE_EMAIL_SUFFIXES.some((s) => compact.length > s.length && compact.endsWith(s))
}

const EMAIL_RE =
  /(?<![\p{L}\p{N}._%+\-@])([A-Za-z0-9](?:[A-Za-z0-9._%+-]{0,62}[A-Za-z0-9_%+-])?)@((?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24})(?![\p{L}\p{N}_-])/gu

export function findEmails(text: string): Span[] {
  if (!text.includes('@')) return []
  const out: Span[] = []
  for (const m of text.matchAll(EMAIL_RE)) {
    const local = m[1]!
    const domain = m[2]!
    if (local.includes('..')) continue
    if (isRoleEmail(local)) continue
    // On an organisation's own domain, one word that is not a first name is a team
    // address (befriending@, schuldhulp@, rota@); names (sarah@, j.bakker@) and
    // anything at a free-mail provider stay personal.
    const word = local.toLowerCase()
    if (!PERSONAL_MAIL_DOMAINS.test(domain) && /^[a-z]{4,}$/.test(word) && !FIRST_NAMES.has(word)) continue
    const start = m.index
    out.push(
      makeSpan(text, start, start + m[0].length, 'personal-email', {
        data: { local, domain: domain.toLowerCase(), address: `${local}@${domain.toLowerCase()}` },
      }),
    )
  }
  return out
}

/**
 * `post-lint doctor`: continuity problems in the account register and the
 * rulebook, the things that hurt when a colleague leaves or a laptop is lost.
 *
 * - error: an account without owners; warning: an account with one owner (the
 *   issue's words: doctor warns, so a CI run of doctor still passes);
 * - error: a password, PIN, token or other secret in an account entry (the
 *   value is never repeated);
 * - error: two accounts with one id;
 * - warning: accounts without `organisation.vault`; an account whose `vault`
 *   is missing or is not the organisation's vault;
 * - warning: two accounts with one handle on one platform;
 * - warning: a custom rule without examples (or without `flag` examples).
 *
 * The rulebook is the resolved object: findings name the file (the rulebook,
 * or the file that defined a custom rule) but no line.
 */
import { findHighEntropy, findSecretPhrases, findTokenPatterns, normalizePlatform } from '@post-lint/checks'
import type { Account, DoctorFinding, ResolvedRulebook } from './types.js'

/** Key words (and two-word compounds) that name a secret, in English and Dutch. */
const SECRET_WORDS = new Set(
  `password passwords passwd passphrase passcode pass pwd pw ww wachtwoord wachtwoorden wachtzin paswoord
  pin pincode pinnummer token tokens accesstoken secret secrets clientsecret geheim apikey privatekey
  credential credentials otp totp mfa 2fa recovery recoverycode recoverycodes herstelcode herstelcodes
  backupcode backupcodes seed seedphrase inlogcode inloggegevens logincode`.split(/\s+/),
)

/** Whether a key names a secret: “password”, “Wachtwoord”, “api_key”, “recoveryCodes”, “pin-code”. */
export function isSecretKey(key: string): boolean {
  const parts = key
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
  return parts.some(
    (part, index) => SECRET_WORDS.has(part) || SECRET_WORDS.has(part + (parts[index + 1] ?? '')),
  )
}

/** Top-level keys of an account that are never secrets themselves (their values are still read). */
const KNOWN_KEYS = new Set(['id', 'platform', 'handle', 'owners', 'vault', 'limits'])

const normalizeVault = (value: string) => value.trim().replace(/\s+/g, ' ').toLowerCase()

/** “@DeBrug”, “https://x.com/debrug”, “debrug” → “debrug”. */
export function normalizeHandle(handle: string): string {
  return handle
    .trim()
    .toLowerCase()
    .replace(/^[a-z]+:\/\/(?:www\.)?[^/]+\/(?:@|in\/|company\/)?/, '')
    .replace(/^@/, '')
    .replace(/\/+$/, '')
}

/** A value that looks like a secret (a known token format, a key-like string or “pin: 1234”). */
function looksSecret(value: string): boolean {
  if (value.trim() === '') return false
  return (
    findTokenPatterns(value).length > 0 ||
    findHighEntropy(value).length > 0 ||
    findSecretPhrases(value, 'nl').length > 0 ||
    findSecretPhrases(value, 'en').length > 0
  )
}

/** Paths (“password”, “login.pin”) of secret-looking keys and values in an account entry. */
function secretFields(value: unknown, path: string[] = [], found: string[] = []): string[] {
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      secretFields(item, [...path, String(index)], found)
    })
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      if (path.length === 0 && (key === 'id' || key === 'platform' || key === 'limits')) continue
      const known = path.length === 0 && KNOWN_KEYS.has(key)
      if (!known && isSecretKey(key) && item !== null && item !== '' && item !== false)
        found.push([...path, key].join('.'))
      else secretFields(item, [...path, key], found)
    }
  } else if (typeof value === 'string' && looksSecret(value)) {
    found.push(path.join('.'))
  }
  return found
}

function ownerText(owners: readonly string[]): string {
  return owners.join(', ')
}

export function doctor(rulebook: ResolvedRulebook): DoctorFinding[] {
  const findings: DoctorFinding[] = []
  const at = rulebook.filePath ? { filePath: rulebook.filePath } : {}
  const error = (message: string, filePath = at) => findings.push({ severity: 'error', message, ...filePath })
  const warning = (message: string, filePath = at) =>
    findings.push({ severity: 'warning', message, ...filePath })
  const accounts: Account[] = rulebook.accounts ?? []
  const vault = rulebook.organisation?.vault?.trim() || undefined

  if (accounts.length > 0 && !vault) {
    warning(
      `the account register has ${accounts.length} account${accounts.length === 1 ? '' : 's'} but organisation.vault is not set: say where the passwords live (e.g. “Bitwarden: Sociale media”) so a successor can find them`,
    )
  }

  const ids = new Map<string, number>()
  const handles = new Map<string, string>()
  for (const account of accounts) {
    const id = String(account.id)
    ids.set(id, (ids.get(id) ?? 0) + 1)

    // Owners compare without case and spaces; the first spelling is shown.
    const owners: string[] = []
    const seenOwners = new Set<string>()
    for (const owner of Array.isArray(account.owners) ? account.owners : []) {
      if (typeof owner !== 'string' || owner.trim() === '') continue
      const key = owner.trim().toLowerCase()
      if (seenOwners.has(key)) continue
      seenOwners.add(key)
      owners.push(owner.trim())
    }
    if (owners.length === 0) {
      error(`account “${id}” has no owners: add two people so the account survives a colleague leaving`)
    } else if (owners.length === 1) {
      warning(
        `account “${id}” has one owner (${ownerText(owners)}): add a second so the account survives a colleague leaving`,
      )
    }

    for (const field of secretFields(account)) {
      error(
        `account “${id}” has what looks like a password, PIN or token in “${field}”: remove it from the rulebook${vault ? ` and keep it in ${vault}` : ' and keep it in the password vault'}, then change it (the rulebook is shared and kept in version history)`,
      )
    }

    if (vault) {
      const own = typeof account.vault === 'string' ? account.vault.trim() : ''
      if (own === '') {
        warning(`account “${id}” does not say where its password is kept: add vault: ${vault}`)
      } else if (normalizeVault(own) !== normalizeVault(vault)) {
        warning(
          `account “${id}” keeps its password in “${own}”, not in the organisation’s vault (“${vault}”): move it, so everything is in one place`,
        )
      }
    }

    if (typeof account.handle === 'string' && account.handle.trim() !== '') {
      const key = `${normalizePlatform(String(account.platform ?? ''))}\u0000${normalizeHandle(account.handle)}`
      const first = handles.get(key)
      if (first !== undefined && first !== id) {
        warning(
          `accounts “${first}” and “${id}” have the same handle (${account.handle} on ${account.platform}): keep one entry per account`,
        )
      } else handles.set(key, id)
    }
  }
  for (const [id, count] of ids) {
    if (count > 1) error(`account id “${id}” is used ${count} times: drafts cannot tell these accounts apart`)
  }

  for (const [id, rule] of Object.entries(rulebook.custom ?? {})) {
    const where = rule.source && rule.source !== '' ? { filePath: rule.source } : at
    const flag = rule.examples?.flag ?? []
    const pass = rule.examples?.pass ?? []
    if (flag.length === 0 && pass.length === 0) {
      warning(
        `custom rule “${id}” has no examples: add examples.flag (texts it must find) and examples.pass (texts it must leave alone), so post-lint test can check it`,
        where,
      )
    } else if (flag.length === 0) {
      warning(
        `custom rule “${id}” has no examples.flag: without a text it must find, post-lint test cannot tell whether it finds anything`,
        where,
      )
    }
  }
  return findings
}

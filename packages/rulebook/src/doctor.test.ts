/**
 * doctor: continuity problems in the account register and the rulebook.
 */
import { describe, expect, it } from 'vitest'
import { doctor, isSecretKey, normalizeHandle } from './doctor.js'
import { defaultRulebook } from './load.js'
import type { Account, ResolvedRulebook } from './types.js'

const FILE = '/org/post-lint.yml'
const VAULT = 'Bitwarden: Sociale media'

function rulebook(extra: Partial<ResolvedRulebook>): ResolvedRulebook {
  return { ...defaultRulebook(), filePath: FILE, files: [FILE], ...extra }
}

const account = (extra: Partial<Account> & { id: string }): Account => ({
  platform: 'x',
  handle: `@${extra.id}`,
  owners: ['Fatima', 'Kees'],
  vault: VAULT,
  ...extra,
})

describe('doctor', () => {
  it('a healthy register has nothing to report', () => {
    const book = rulebook({
      organisation: { vault: VAULT },
      accounts: [
        account({ id: 'x-debrug' }),
        account({ id: 'li-debrug', platform: 'linkedin', vault: ' bitwarden:  sociale media ' }),
      ],
    })
    expect(doctor(book)).toEqual([])
  })

  it('accounts with fewer than two owners', () => {
    const book = rulebook({
      organisation: { vault: VAULT },
      accounts: [
        account({ id: 'x-debrug', owners: ['Fatima'] }),
        account({ id: 'ig-debrug', owners: [] }),
        account({ id: 'fb-debrug', owners: ['Kees', 'kees '] }),
      ],
    })
    expect(doctor(book)).toEqual([
      {
        severity: 'warning',
        message:
          'account “x-debrug” has one owner (Fatima): add a second so the account survives a colleague leaving',
        filePath: FILE,
      },
      {
        severity: 'error',
        message:
          'account “ig-debrug” has no owners: add two people so the account survives a colleague leaving',
        filePath: FILE,
      },
      {
        severity: 'warning',
        message:
          'account “fb-debrug” has one owner (Kees): add a second so the account survives a colleague leaving',
        filePath: FILE,
      },
    ])
  })

  it('passwords, PINs and tokens in an account entry, never echoing the value', () => {
    const book = rulebook({
      organisation: { vault: VAULT },
      accounts: [
        account({ id: 'x-debrug', password: 'Zomer2024!' }),
        account({ id: 'li-debrug', login: { pincode: 4821 } }),
        account({ id: 'ig-debrug', note: 'inlog: ww: Welkom123!' }),
        account({ id: 'gh-debrug', api: 'ghp_1234567890abcdefghijklmnopqrstuvwxyzAB' }),
        account({ id: 'fb-debrug', pinnedPost: 'Welkom bij De Brug', passport: 'n.v.t.' }),
      ],
    })
    const findings = doctor(book)
    expect(findings.map((finding) => [finding.severity, finding.message.split(':')[0]])).toEqual([
      ['error', 'account “x-debrug” has what looks like a password, PIN or token in “password”'],
      ['error', 'account “li-debrug” has what looks like a password, PIN or token in “login.pincode”'],
      ['error', 'account “ig-debrug” has what looks like a password, PIN or token in “note”'],
      ['error', 'account “gh-debrug” has what looks like a password, PIN or token in “api”'],
    ])
    expect(findings[0]!.message).toBe(
      'account “x-debrug” has what looks like a password, PIN or token in “password”: remove it from the rulebook and keep it in Bitwarden: Sociale media, then change it (the rulebook is shared and kept in version history)',
    )
    const text = JSON.stringify(findings)
    for (const secret of ['Zomer2024', '4821', 'Welkom123', 'ghp_']) expect(text).not.toContain(secret)
  })

  it('the vault: missing in the organisation, missing or different in an account', () => {
    expect(doctor(rulebook({ accounts: [account({ id: 'x-debrug' })] }))).toEqual([
      {
        severity: 'warning',
        message:
          'the account register has 1 account but organisation.vault is not set: say where the passwords live (e.g. “Bitwarden: Sociale media”) so a successor can find them',
        filePath: FILE,
      },
    ])
    const book = rulebook({
      organisation: { vault: VAULT },
      accounts: [
        account({ id: 'x-debrug', vault: undefined }),
        account({ id: 'ig-debrug', vault: 'schriftje in la' }),
      ],
    })
    expect(doctor(book).map((finding) => [finding.severity, finding.message])).toEqual([
      ['warning', `account “x-debrug” does not say where its password is kept: add vault: ${VAULT}`],
      [
        'warning',
        `account “ig-debrug” keeps its password in “schriftje in la”, not in the organisation’s vault (“${VAULT}”): move it, so everything is in one place`,
      ],
    ])
    // No register, no vault needed.
    expect(doctor(rulebook({}))).toEqual([])
  })

  it('duplicate handles (per platform) and duplicate ids', () => {
    const book = rulebook({
      organisation: { vault: VAULT },
      accounts: [
        account({ id: 'x-debrug', handle: '@DeBrug' }),
        account({ id: 'x-debrug-2', platform: 'twitter', handle: 'https://x.com/debrug' }),
        account({ id: 'bsky-debrug', platform: 'bluesky', handle: '@debrug' }),
        account({ id: 'bsky-debrug', platform: 'bluesky', handle: '@debrug.nl' }),
      ],
    })
    expect(doctor(book).map((finding) => [finding.severity, finding.message])).toEqual([
      [
        'warning',
        'accounts “x-debrug” and “x-debrug-2” have the same handle (https://x.com/debrug on twitter): keep one entry per account',
      ],
      ['error', 'account id “bsky-debrug” is used 2 times: drafts cannot tell these accounts apart'],
    ])
  })

  it('custom rules without examples, at the file that defines them', () => {
    const book = rulebook({
      custom: {
        a: { type: 'avoid', phrases: ['x'], source: '/org/team/post-lint.yml' },
        b: { type: 'avoid', phrases: ['y'], examples: { pass: ['z'] }, source: FILE },
        c: { type: 'avoid', phrases: ['y'], examples: { flag: ['y'] }, source: FILE },
      },
    })
    expect(doctor(book)).toEqual([
      {
        severity: 'warning',
        message:
          'custom rule “a” has no examples: add examples.flag (texts it must find) and examples.pass (texts it must leave alone), so post-lint test can check it',
        filePath: '/org/team/post-lint.yml',
      },
      {
        severity: 'warning',
        message:
          'custom rule “b” has no examples.flag: without a text it must find, post-lint test cannot tell whether it finds anything',
        filePath: FILE,
      },
    ])
  })

  it('secret keys and handles', () => {
    for (const key of [
      'password',
      'Wachtwoord',
      'api_key',
      'recoveryCodes',
      'pin-code',
      '2fa',
      'accessToken',
      'ww',
    ])
      expect(isSecretKey(key), key).toBe(true)
    for (const key of ['pinnedPost', 'passport', 'compass', 'owners', 'handle', 'notes', 'keywords'])
      expect(isSecretKey(key), key).toBe(false)
    expect(normalizeHandle('https://www.linkedin.com/company/stichting-de-brug/')).toBe('stichting-de-brug')
    expect(normalizeHandle('@DeBrug')).toBe('debrug')
  })
})

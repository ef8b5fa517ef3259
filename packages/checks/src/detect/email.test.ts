import { describe, expect, it } from 'vitest'
import { findEmails, isRoleEmail, ROLE_EMAIL_LOCAL_PARTS } from './email.js'

describe('findEmails', () => {
  it('reports personal addresses with exact offsets', () => {
    const text = 'Mail Jan via jan.devries@gmail.com of j.bakker@buurthuis.nl.'
    expect(findEmails(text)).toEqual([
      {
        start: 13,
        end: 34,
        kind: 'personal-email',
        text: 'jan.devries@gmail.com',
        data: { local: 'jan.devries', domain: 'gmail.com', address: 'jan.devries@gmail.com' },
      },
      {
        start: 38,
        end: 59,
        kind: 'personal-email',
        text: 'j.bakker@buurthuis.nl',
        data: { local: 'j.bakker', domain: 'buurthuis.nl', address: 'j.bakker@buurthuis.nl' },
      },
    ])
  })

  it('reports first-name and nickname addresses', () => {
    const text = 'Contact: sarah@charity.org.uk, pietje1988@hotmail.com'
    expect(findEmails(text).map((s) => [s.start, s.end])).toEqual([
      [9, 29],
      [31, 53],
    ])
  })

  it('does not report role addresses', () => {
    const text =
      'Mail info@buurthuis.nl, redactie@krant.nl, vrijwilligers@humanitas.nl, press@charity.org.uk, ' +
      'hello@example.org, no-reply@x.nl, enquiries@trust.org.uk, klantenservice@bank.nl, INFO@CAPS.NL.'
    expect(findEmails(text)).toEqual([])
  })

  it('treats role prefixes and department suffixes as role addresses', () => {
    expect(findEmails('info.utrecht@org.nl vrijwilligers-amsterdam@org.nl support2@org.nl')).toEqual([])
    expect(
      findEmails('wijkteam@gemeente.nl servicedesk@org.nl steunpunt@org.nl jongerenloket@org.nl'),
    ).toEqual([])
  })

  it('treats one word that is not a first name on an organisation domain as a team address, not on free mail', () => {
    expect(findEmails('befriending@riversidefoodbank.org.uk events@charity.org')).toEqual([])
    expect(findEmails('befriending@gmail.com').map((span) => span.text)).toEqual(['befriending@gmail.com'])
    expect(findEmails('schuldhulp@welzijn.nl jongerenwerk@welzijn.nl rota@charity.org')).toEqual([])
    expect(
      findEmails('grace@charity.org sarah@charity.org kees@welzijn.nl').map((span) => span.text),
    ).toEqual(['grace@charity.org', 'sarah@charity.org', 'kees@welzijn.nl'])
  })

  it('does not treat short role words as prefixes', () => {
    expect(findEmails('hr.jansen@org.nl')).toMatchObject([{ start: 0, end: 16 }])
    expect(findEmails('hr@org.nl it@org.nl')).toEqual([])
  })

  it('ignores fediverse handles and non-addresses', () => {
    expect(findEmails('Volg @jan@mastodon.social of @buurthuis')).toEqual([])
    expect(findEmails('Prijs: 3 @ €5, mail@ of @home')).toEqual([])
    expect(findEmails('jan@localhost')).toEqual([])
  })

  it('does not swallow trailing punctuation', () => {
    const text = '(jan@example.nl).'
    expect(findEmails(text)).toMatchObject([{ start: 1, end: 15, text: 'jan@example.nl' }])
  })
})

describe('isRoleEmail', () => {
  it('exports a non-trivial list', () => {
    expect(ROLE_EMAIL_LOCAL_PARTS.length).toBeGreaterThan(100)
    for (const r of [
      'info',
      'contact',
      'redactie',
      'secretariaat',
      'communicatie',
      'pers',
      'press',
      'hello',
    ]) {
      expect(ROLE_EMAIL_LOCAL_PARTS).toContain(r)
    }
    for (const r of [
      'hallo',
      'support',
      'helpdesk',
      'office',
      'receptie',
      'vrijwilligers',
      'aanmelden',
      'noreply',
    ]) {
      expect(ROLE_EMAIL_LOCAL_PARTS).toContain(r)
    }
    for (const r of [
      'team',
      'post',
      'mail',
      'klantenservice',
      'donaties',
      'donations',
      'enquiries',
      'media',
    ]) {
      expect(ROLE_EMAIL_LOCAL_PARTS).toContain(r)
    }
    expect(ROLE_EMAIL_LOCAL_PARTS).toContain('vacatures')
    expect(ROLE_EMAIL_LOCAL_PARTS).toContain('jobs')
  })

  it('classifies addresses', () => {
    expect(isRoleEmail('info@x.nl')).toBe(true)
    expect(isRoleEmail('Secretariaat@x.nl')).toBe(true)
    expect(isRoleEmail('jan@x.nl')).toBe(false)
    expect(isRoleEmail('j.devries')).toBe(false)
  })
})

/**
 * personal-data's allow options: the organisation's own numbers, accounts,
 * addresses, domains and names (filled by a rulebook's `organisation:`).
 */
import { describe, expect, it } from 'vitest'
import { lintWith, runRuleTests } from '../../../../test/support/rule-tester.js'
import { addressKey, domainOf, maskNames, personalData } from './personal-data.js'

const own = {
  allow: [
    '020 123 4567',
    'NL91 ABNA 0417 1643 00',
    'Fatima.ElAmrani@gmail.com',
    'Dorpsstraat 12, 1234 AB Ede',
  ],
  allowDomains: ['@debrug.nl', 'https://www.buurtwerk-noord.nl/'],
  allowNames: ['Stichting De Brug', 'Buurtwerk Noord'],
}

runRuleTests(personalData, {
  valid: [
    { name: 'own phone, international', text: 'Bel +31 20 123 4567.', lang: 'nl', options: own },
    { name: 'own phone, dashes', text: 'Bel 020-1234567.', lang: 'nl', options: own },
    { name: 'own phone, 0031', text: 'Bel 0031 20 123 4567.', lang: 'nl', options: own },
    { name: 'own phone in an English draft', text: 'Call 020 123 4567.', lang: 'en', options: own },
    { name: 'own IBAN, spaced', text: 'Doneer op NL91 ABNA 0417 1643 00.', lang: 'nl', options: own },
    { name: 'own IBAN, compact lower case', text: 'Doneer op nl91abna0417164300.', lang: 'nl', options: own },
    { name: 'own e-mail, other case', text: 'Mail fatima.elamrani@gmail.com.', lang: 'nl', options: own },
    { name: 'any address at an own domain', text: 'Mail jan.jansen@debrug.nl.', lang: 'nl', options: own },
    {
      name: 'a subdomain of an own domain',
      text: 'Mail kees@mail.buurtwerk-noord.nl.',
      lang: 'nl',
      options: own,
    },
    { name: 'own street address', text: 'Kom naar Dorpsstraat 12 in Ede.', lang: 'nl', options: own },
    { name: 'own postcode + number', text: 'Kom naar 1234 AB 12.', lang: 'nl', options: own },
    { name: 'own name is no person', text: 'Buurtwerk Noord (25) viert feest.', lang: 'nl', options: own },
    {
      name: 'the old allow format still works',
      text: 'Bel 06-12345678.',
      lang: 'nl',
      options: { allow: ['0612345678'] },
    },
  ],
  invalid: [
    {
      name: 'another phone number',
      text: 'Bel 020 123 4568.',
      lang: 'nl',
      options: own,
      errors: [{ line: 1, column: 5, actual: '020 123 4568' }],
    },
    {
      name: 'another bank account',
      text: 'Doneer op NL20INGB0001234567.',
      lang: 'nl',
      options: own,
      errors: [{ column: 11, actual: 'NL20INGB0001234567' }],
    },
    {
      name: 'a look-alike domain',
      text: 'Mail jan@debrug.nl.example.com of jan@mydebrug.nl.',
      lang: 'nl',
      options: own,
      errors: [{ actual: 'jan@debrug.nl.example.com' }, { actual: 'jan@mydebrug.nl' }],
    },
    {
      name: 'another house number in the same street',
      text: 'Kom naar Dorpsstraat 14.',
      lang: 'nl',
      options: own,
      errors: [{ column: 10, actual: 'Dorpsstraat 14' }],
    },
    {
      name: 'a person next to an own name',
      text: 'Kees (72) van Buurtwerk Noord heeft dementie.',
      lang: 'nl',
      options: own,
      // The span is reported with the name as written, not masked.
      errors: [{ column: 1, actual: 'Kees (72) van Buurtwerk Noord heeft dementie' }],
    },
    {
      name: 'an own name without the option',
      text: 'Buurtwerk Noord (25) viert feest.',
      lang: 'nl',
      errors: [{ column: 1, actual: 'Buurtwerk Noord (25)' }],
    },
  ],
})

describe('personal-data helpers', () => {
  it('address keys ignore case, accents, punctuation and abbreviations', () => {
    expect(addressKey('Dorpsstr. 12')).toBe(addressKey('dorpsstraat 12'))
    expect(addressKey('Dorpsstraat 12 A')).toBe(addressKey('Dorpsstraat 12a'))
    expect(addressKey('12 High St')).toBe(addressKey('12 High Street'))
    expect(addressKey('Café Straße 1')).toBe('cafestraße1')
  })

  it('domains as people write them', () => {
    expect(['debrug.nl', '@debrug.nl', 'https://www.debrug.nl/contact', 'DeBrug.NL.'].map(domainOf)).toEqual([
      'debrug.nl',
      'debrug.nl',
      'debrug.nl',
      'debrug.nl',
    ])
  })

  it('masking names keeps offsets', () => {
    const text = 'Bij stichting  de brug (25 jaar).'
    const masked = maskNames(text, ['Stichting De Brug'])
    expect(masked).toHaveLength(text.length)
    expect(masked).toBe(`Bij ${' '.repeat(18)} (25 jaar).`)
  })

  it('the allow list is built once per options object', async () => {
    const options = { allow: ['020 123 4567'] }
    const first = await lintWith(personalData, { text: 'Bel 020 123 4567.', lang: 'nl', options })
    const second = await lintWith(personalData, { text: 'Bel +31201234567.', lang: 'nl', options })
    expect([...first, ...second]).toEqual([])
  })
})

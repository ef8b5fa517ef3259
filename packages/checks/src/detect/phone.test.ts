import { beforeAll, describe, expect, it } from 'vitest'
import { findPhones, loadPhoneNumbers } from './phone.js'

beforeAll(loadPhoneNumbers)

const simple = (text: string) => findPhones(text).map((s) => [s.start, s.end, s.text, s.data?.e164])

describe('findPhones', () => {
  it('finds Dutch mobile numbers in common spellings', () => {
    expect(simple('Bel 06-12345678 of app 06 12 34 56 78.')).toEqual([
      [4, 15, '06-12345678', '+31612345678'],
      [23, 37, '06 12 34 56 78', '+31612345678'],
    ])
    expect(simple('Bel +31 6 1234 5678!')).toEqual([[4, 19, '+31 6 1234 5678', '+31612345678']])
    expect(simple('0612345678')).toEqual([[0, 10, '0612345678', '+31612345678']])
  })

  it('finds Dutch landlines (service numbers such as 0800 are organisations’, see below)', () => {
    expect(simple('Bel 020 123 4567 of 0800-1234.')).toEqual([[4, 16, '020 123 4567', '+31201234567']])
    expect(simple('tel. (020) 123 4567')).toEqual([[5, 19, '(020) 123 4567', '+31201234567']])
  })

  it('finds international numbers', () => {
    expect(simple('London office: +44 20 7946 0958.')).toEqual([
      [15, 31, '+44 20 7946 0958', '+442079460958'],
    ])
    expect(simple('US: +1 (415) 555-2671')).toEqual([[4, 21, '+1 (415) 555-2671', '+14155552671']])
    expect(simple('Bel 0044 20 7946 0958')).toMatchObject([[4, 21, '0044 20 7946 0958', '+442079460958']])
  })

  it('exposes the number type and country', () => {
    const [mobile] = findPhones('06-12345678')
    expect(mobile!.kind).toBe('phone')
    expect(mobile!.data).toMatchObject({ country: 'NL', type: 'MOBILE', international: '+31 6 12345678' })
  })

  it('can use another default country', () => {
    expect(findPhones('Call 020 7946 0958', { defaultCountry: 'GB' })).toMatchObject([
      { start: 5, end: 18, data: { e164: '+442079460958' } },
    ])
  })

  it('does not report a valid BSN as a phone number', () => {
    expect(findPhones('BSN 111222333')).toEqual([])
    expect(findPhones('BSN 1112.22.333')).toEqual([])
  })

  it('does not report digits without a leading 0 or +', () => {
    expect(findPhones('Ordernummer 31612345678')).toEqual([])
    expect(findPhones('Klantnummer 612345678')).toEqual([])
  })

  it('does not report years, dates, postcodes, prices or times', () => {
    expect(findPhones('In 2024 en 1950, 2023-2024, 20241231')).toEqual([])
    expect(findPhones('Op 12-03-1950 of 12/03/1950 of 1950-03-12')).toEqual([])
    expect(findPhones('Postcode 1234 AB 5')).toEqual([])
    expect(findPhones('Kost € 1.234.567,00 of €0612345678')).toEqual([])
    expect(findPhones('Van 10:00-12:00 uur en 09.00-17.00')).toEqual([])
    expect(findPhones('Score 14 15 16 17 18')).toEqual([])
  })

  it('does not report digits of an IBAN', () => {
    expect(findPhones('NL91 ABNA 0417 1643 00')).toEqual([])
    expect(findPhones('NL91ABNA0417164300')).toEqual([])
  })

  it('does not report impossible numbers', () => {
    expect(findPhones('Bel 06-1234')).toEqual([])
    expect(findPhones('Bel 0123')).toEqual([])
  })
})

describe('service numbers', () => {
  it('skips organisation service lines, keeps mobiles and landlines', () => {
    const nl = 'Bel 0800 1234, 088 123 4567 of 085 - 303 44 10; Jan: 06-12345678, thuis 020 123 4567.'
    expect(findPhones(nl).map((span) => span.text)).toEqual(['06-12345678', '020 123 4567'])
    const uk = 'Helpline 0300 123 4567, freephone 0808 800 5000; Sue on 07911 123456.'
    expect(findPhones(uk, { defaultCountry: 'GB' }).map((span) => span.text)).toEqual(['07911 123456'])
  })

  it('reports them on request', () => {
    expect(findPhones('Bel 0800 1234.', { includeServiceNumbers: true }).map((span) => span.text)).toEqual([
      '0800 1234',
    ])
  })
})

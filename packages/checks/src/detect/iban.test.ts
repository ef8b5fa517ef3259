import { describe, expect, it } from 'vitest'
import { findIbans } from './iban.js'

describe('findIbans', () => {
  it('finds a Dutch IBAN written in groups', () => {
    const text = 'Doneer op NL91 ABNA 0417 1643 00 t.n.v. Stichting Buurt.'
    expect(findIbans(text)).toEqual([
      {
        start: 10,
        end: 32,
        kind: 'iban',
        text: 'NL91 ABNA 0417 1643 00',
        data: { iban: 'NL91ABNA0417164300', country: 'NL', formatted: 'NL91 ABNA 0417 1643 00' },
      },
    ])
  })

  it('finds an IBAN without spaces and in lower case', () => {
    const text = 'IBAN: NL91ABNA0417164300. Of nl91abna0417164300!'
    expect(findIbans(text).map((s) => [s.start, s.end, s.text])).toEqual([
      [6, 24, 'NL91ABNA0417164300'],
      [29, 47, 'nl91abna0417164300'],
    ])
  })

  it('finds IBANs of other countries', () => {
    const text = 'UK: GB29 NWBK 6016 1331 9268 19, DE: DE89370400440532013000, BE: BE68 5390 0754 7034.'
    expect(findIbans(text).map((s) => [s.start, s.end, s.data?.country])).toEqual([
      [4, 31, 'GB'],
      [37, 59, 'DE'],
      [65, 84, 'BE'],
    ])
  })

  it('accepts dashes between groups', () => {
    const text = 'NL91-ABNA-0417-1643-00'
    expect(findIbans(text)).toMatchObject([{ start: 0, end: 22 }])
  })

  it('rejects a wrong checksum', () => {
    expect(findIbans('NL92 ABNA 0417 1643 00')).toEqual([])
    expect(findIbans('NL91 ABNA 0417 1643 01')).toEqual([])
  })

  it('rejects an IBAN glued to more characters', () => {
    expect(findIbans('NL91ABNA04171643001')).toEqual([])
    expect(findIbans('XNL91ABNA0417164300')).toEqual([])
    expect(findIbans('NL91 ABNA 0417 1643 001')).toEqual([])
  })

  it('rejects too short numbers and unknown countries', () => {
    expect(findIbans('NL91 ABNA 0417 1643')).toEqual([])
    expect(findIbans('XX91 ABNA 0417 1643 00')).toEqual([])
  })

  it('does not treat ordinary words and codes as IBANs', () => {
    expect(findIbans('Kom op 12 maart naar zaal NL12 of bus AB12.')).toEqual([])
    expect(findIbans('De code is DE12 en de postcode 1234 AB.')).toEqual([])
  })

  it('rejects mixed-case spellings', () => {
    expect(findIbans('Nl91AbNa0417164300')).toEqual([])
  })
})

import { describe, expect, it } from 'vitest'
import { findBsns, isValidBsn } from './bsn.js'

const at = (text: string, needle: string) => {
  const start = text.indexOf(needle)
  return { start, end: start + needle.length }
}

describe('isValidBsn', () => {
  it('accepts numbers that pass the elfproef', () => {
    expect(isValidBsn('111222333')).toBe(true)
    expect(isValidBsn('123456782')).toBe(true)
    expect(isValidBsn('111.222.333')).toBe(true)
    expect(isValidBsn('1112.22.333')).toBe(true)
    expect(isValidBsn('111 222 333')).toBe(true)
  })

  it('rejects failing checksums, wrong lengths, zeros and letters', () => {
    expect(isValidBsn('123456789')).toBe(false)
    expect(isValidBsn('111222334')).toBe(false)
    expect(isValidBsn('000000000')).toBe(false)
    expect(isValidBsn('11122233')).toBe(false)
    expect(isValidBsn('1112223330')).toBe(false)
    expect(isValidBsn('11122233a')).toBe(false)
    expect(isValidBsn('111-222-333')).toBe(false)
  })
})

describe('findBsns', () => {
  it('finds a plain 9-digit BSN with exact offsets', () => {
    const text = 'Mijn BSN is 111222333, klopt dat?'
    expect(findBsns(text)).toEqual([
      { start: 12, end: 21, kind: 'bsn', text: '111222333', data: { digits: '111222333' } },
    ])
  })

  it('finds dotted and spaced spellings', () => {
    const text = 'BSN 1112.22.333 en ook 111 222 333 of 123.456.782.'
    const spans = findBsns(text)
    expect(spans.map((s) => [s.start, s.end, s.text])).toEqual([
      [4, 15, '1112.22.333'],
      [23, 34, '111 222 333'],
      [38, 49, '123.456.782'],
    ])
    expect(spans[1]!.data).toEqual({ digits: '111222333' })
  })

  it('finds a BSN at the very start and end of the text', () => {
    expect(findBsns('123456782')).toMatchObject([{ start: 0, end: 9 }])
    const text = 'bsn:123456782'
    expect(findBsns(text)).toMatchObject([at(text, '123456782')])
  })

  it('ignores numbers that fail the elfproef', () => {
    expect(findBsns('Bestelnummer 123456789 is verzonden')).toEqual([])
    expect(findBsns('000000000')).toEqual([])
  })

  it('ignores valid 9-digit runs inside longer digit runs', () => {
    expect(findBsns('Referentie 1111222333')).toEqual([])
    expect(findBsns('Referentie 1112223330')).toEqual([])
    expect(findBsns('Tel 0 111 222 333')).toEqual([])
    expect(findBsns('111 222 333 444')).toEqual([])
    expect(findBsns('1.111222333')).toEqual([])
    expect(findBsns('111222333-4')).toEqual([])
    expect(findBsns('NL91ABNA0111222333')).toEqual([])
  })

  it('requires a consistent separator', () => {
    expect(findBsns('111.222 333')).toEqual([])
    expect(findBsns('111-222-333')).toEqual([])
  })

  it('ignores phone numbers, dates and amounts', () => {
    expect(findBsns('Bel 06-12345678 of 020 123 4567')).toEqual([])
    expect(findBsns('Op 12-03-1950 en 2024-03-12')).toEqual([])
    expect(findBsns('Opbrengst € 123.456.782,50')).toEqual([])
  })

  it('returns nothing for text without digits', () => {
    expect(findBsns('Geen nummers hier.')).toEqual([])
  })
})

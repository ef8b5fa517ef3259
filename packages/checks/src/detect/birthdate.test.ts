import { describe, expect, it } from 'vitest'
import { findBirthDates } from './birthdate.js'

const simple = (text: string) => findBirthDates(text).map((s) => [s.start, s.end, s.text])

describe('findBirthDates', () => {
  it('finds Dutch birth dates with a cue', () => {
    expect(simple('Jan is geboren op 12 maart 1950 in Utrecht.')).toEqual([[18, 31, '12 maart 1950']])
    expect(simple('geboortedatum: 12-03-1950')).toEqual([[15, 25, '12-03-1950']])
    expect(simple('Jan de Vries (geb. 12-03-1950)')).toEqual([[19, 29, '12-03-1950']])
    expect(simple('Geboren 3 mrt. 1950')).toEqual([[8, 19, '3 mrt. 1950']])
    expect(simple('geb.datum 01.02.1960')).toEqual([[10, 20, '01.02.1960']])
  })

  it('finds English birth dates with a cue', () => {
    expect(simple('Peter was born on 12 March 1950.')).toEqual([[18, 31, '12 March 1950']])
    expect(simple('date of birth: 1950-03-12')).toEqual([[15, 25, '1950-03-12']])
    expect(simple('DOB 12/03/1950')).toEqual([[4, 14, '12/03/1950']])
    expect(simple('D.O.B.: 12/03/50')).toEqual([[8, 16, '12/03/50']])
    expect(simple('born on the 12th of March 1950')).toEqual([[12, 30, '12th of March 1950']])
    expect(simple('Born March 12, 1950')).toEqual([[5, 19, 'March 12, 1950']])
  })

  it('allows a place between cue and date', () => {
    expect(simple('geboren in Utrecht op 1 mei 1945')).toEqual([[22, 32, '1 mei 1945']])
    expect(simple('born in Leeds on 5 June 1988')).toEqual([[17, 28, '5 June 1988']])
  })

  it('returns structured data', () => {
    expect(findBirthDates('geb. 12-03-1950')[0]!.data).toEqual({ cue: 'geb.', day: 12, month: 3, year: 1950 })
    expect(findBirthDates('DOB 03/25/1950')[0]!.data).toMatchObject({ day: 25, month: 3, year: 1950 })
    expect(findBirthDates('born 12-3-50')[0]!.data).toMatchObject({ day: 12, month: 3, year: 1950 })
  })

  it('ignores dates without a birth cue', () => {
    expect(findBirthDates('Op 12 maart 1950 begon het.')).toEqual([])
    expect(findBirthDates('Open dag op 12-03-2024, date: 2024-03-12')).toEqual([])
  })

  it('ignores incomplete or invalid dates', () => {
    expect(findBirthDates('geboren in 1950')).toEqual([])
    expect(findBirthDates('geboren op 12 maart')).toEqual([])
    expect(findBirthDates('born on 31 February 1950')).toEqual([])
    expect(findBirthDates('geb. 32-13-1950')).toEqual([])
    expect(findBirthDates('geb. 12-03-1950-2')).toEqual([])
    expect(findBirthDates('geb. 12-03/1950')).toEqual([])
  })

  it('ignores figurative births of organisations and ideas', () => {
    expect(findBirthDates('Het idee werd geboren op 1 mei 2020.')).toEqual([])
    expect(findBirthDates('The charity was born on 12 March 1990.')).toEqual([])
  })

  it('ignores words that merely contain a cue', () => {
    expect(findBirthDates('Reborn 12-03-1950')).toEqual([])
    expect(findBirthDates('ongeboren 12-03-1950')).toEqual([])
  })
})

import { describe, expect, it } from 'vitest'
import { findShouting, toSentenceCase } from './shouting.js'

const simple = (text: string) => findShouting(text).map((s) => [s.start, s.end, s.text, s.suggestion])

describe('findShouting — caps', () => {
  it('a single long all-caps word', () => {
    expect(findShouting('Dit is BELANGRIJK voor iedereen.')).toEqual([
      { start: 7, end: 17, kind: 'shouting-caps', text: 'BELANGRIJK', suggestion: 'belangrijk' },
    ])
    expect(simple('URGENT: help needed')).toEqual([[0, 6, 'URGENT', 'Urgent']])
  })

  it('a run of three or more all-caps words', () => {
    expect(simple('KOM NU LANGS bij ons!')).toEqual([[0, 12, 'KOM NU LANGS', 'Kom nu langs']])
    expect(simple('Vandaag: DOE MEE MET DE ACTIE.')).toEqual([
      [9, 29, 'DOE MEE MET DE ACTIE', 'doe mee met de actie'],
    ])
    expect(simple('Wij zeggen HET IS TIJD om te praten.')).toEqual([[11, 22, 'HET IS TIJD', 'het is tijd']])
  })

  it('keeps acronyms and tokens with digits in the suggestion', () => {
    expect(simple('KOM NU NAAR DE GGD')).toEqual([[0, 18, 'KOM NU NAAR DE GGD', 'Kom nu naar de GGD']])
    expect(simple('HAAL JE COVID-19 PRIK')).toEqual([
      [0, 21, 'HAAL JE COVID-19 PRIK', 'Haal je COVID-19 prik'],
    ])
    expect(simple('OPEN OP 12 MEI')).toEqual([[0, 14, 'OPEN OP 12 MEI', 'Open op 12 mei']])
  })

  it('does not count SMS keywords as shouting, but does count the same word elsewhere', () => {
    expect(findShouting('Donate: text WINTER to 70085, or sms GEVEN naar 4333.')).toEqual([])
    expect(findShouting('This WINTER is hard.').map((span) => span.text)).toEqual(['WINTER'])
  })

  it('does not count codes with digits as shouting (discount codes, IBANs)', () => {
    expect(findShouting('Use code FAMILY20 at the till, or transfer to NL91ABNA0417164300.')).toEqual([])
  })

  it('handles the Dutch IJ digraph', () => {
    expect(simple('IJSBAAN')).toEqual([[0, 7, 'IJSBAAN', 'IJsbaan']])
  })

  it('accepts acronyms on their own or in lists', () => {
    expect(findShouting('De GGD, WMO en UWV helpen. Ook de NHS in de UK.')).toEqual([])
    expect(findShouting('AOW en COVID-19 zijn geen schreeuw.')).toEqual([])
    expect(findShouting('GGD, WMO, UWV')).toEqual([])
    expect(findShouting('Steun UNICEF en UNESCO')).toEqual([])
  })

  it('needs a word of three letters in a run', () => {
    expect(findShouting('A B C')).toEqual([])
    expect(findShouting('IK BE NU')).toEqual([])
  })

  it('ignores hashtags, mentions, URLs and e-mail addresses', () => {
    expect(findShouting('#BELANGRIJK @URGENTHELP https://example.org/BELANGRIJK INFO@BUURTHUIS.NL')).toEqual(
      [],
    )
  })

  it('ignores normal text and short words', () => {
    expect(findShouting('Gewoon een zin met een Naam en OK.')).toEqual([])
    expect(findShouting('HELP')).toEqual([])
  })
})

describe('findShouting — punctuation', () => {
  it('repeated ! and ?', () => {
    expect(findShouting('Gelukt!! Echt waar???')).toEqual([
      { start: 6, end: 8, kind: 'shouting-punctuation', text: '!!', suggestion: '!' },
      { start: 18, end: 21, kind: 'shouting-punctuation', text: '???', suggestion: '?' },
    ])
    expect(simple('Wat?!? Nee?!')).toEqual([
      [3, 6, '?!?', '?'],
      [10, 12, '?!', '?'],
    ])
  })

  it('a single ! or ? is fine', () => {
    expect(findShouting('Gelukt! Echt? Ja! Nee?')).toEqual([])
  })

  it('caps and punctuation together, sorted', () => {
    expect(simple('BELANGRIJK!!!')).toEqual([
      [0, 10, 'BELANGRIJK', 'Belangrijk'],
      [10, 13, '!!!', '!'],
    ])
  })
})

describe('toSentenceCase', () => {
  it('lower-cases and optionally capitalises', () => {
    expect(toSentenceCase('HELP ONS NU', true)).toBe('Help ons nu')
    expect(toSentenceCase('HELP ONS NU', false)).toBe('help ons nu')
  })
})

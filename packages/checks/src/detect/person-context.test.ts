import { describe, expect, it } from 'vitest'
import { findPersonContext } from './person-context.js'
import type { Lang } from './types.js'

/** [text, reason, name] of every finding. */
const simple = (text: string, lang: Lang) =>
  findPersonContext(text, lang).map((s) => [s.text, s.data?.reason, s.data?.name])

/** Offsets of `needle` inside `text`. */
const at = (text: string, needle: string) => {
  const start = text.indexOf(needle)
  if (start < 0) throw new Error(`${needle} not in ${text}`)
  return { start, end: start + needle.length }
}

describe('findPersonContext — Dutch', () => {
  it('name + age in parentheses + care situation', () => {
    const text = 'Jan (81), net terug uit het ziekenhuis, geniet van de zon.'
    expect(findPersonContext(text, 'nl')).toEqual([
      {
        start: 0,
        end: 38,
        kind: 'person-context',
        text: 'Jan (81), net terug uit het ziekenhuis',
        data: { name: 'Jan', reason: 'care', age: 81, term: 'uit het ziekenhuis' },
      },
    ])
  })

  it('title + name + age + diagnosis', () => {
    const text = 'Vandaag vertelt mevrouw De Vries (78) heeft dementie.'
    const [span] = findPersonContext(text, 'nl')
    expect(span).toMatchObject({ ...at(text, 'mevrouw De Vries (78) heeft dementie') })
    expect(span!.data).toEqual({
      name: 'De Vries',
      reason: 'diagnosis',
      age: 78,
      title: 'mevrouw',
      term: 'dementie',
    })
  })

  it('title + name + debt', () => {
    const text = 'Meneer Bakker zit in de schuldhulp.'
    expect(findPersonContext(text, 'nl')).toMatchObject([
      {
        start: 0,
        end: 34,
        text: 'Meneer Bakker zit in de schuldhulp',
        data: { name: 'Bakker', reason: 'debt' },
      },
    ])
  })

  it('titles with initials and abbreviations', () => {
    expect(simple('Dhr. J. Bakker is verslaafd aan gokken.', 'nl')).toEqual([
      ['Dhr. J. Bakker is verslaafd', 'addiction', 'J. Bakker'],
    ])
    expect(simple('Mw. Yilmaz heeft borstkanker.', 'nl')).toEqual([
      ['Mw. Yilmaz heeft borstkanker', 'diagnosis', 'Yilmaz'],
    ])
    expect(simple('Oma Riet ligt in het ziekenhuis.', 'nl')).toEqual([
      ['Oma Riet ligt in het ziekenhuis', 'care', 'Riet'],
    ])
  })

  it('name + age alone', () => {
    const text = 'De 81-jarige Henk woont nog zelfstandig.'
    expect(findPersonContext(text, 'nl')).toMatchObject([
      { ...at(text, '81-jarige Henk'), data: { name: 'Henk', reason: 'age', age: 81 } },
    ])
    expect(simple('Piet (67) en Ans (70) zijn al 50 jaar getrouwd.', 'nl')).toEqual([
      ['Piet (67)', 'age', 'Piet'],
      ['Ans (70)', 'age', 'Ans'],
    ])
    expect(simple('Piet, 67, is vrijwilliger.', 'nl')).toEqual([['Piet, 67', 'age', 'Piet']])
    expect(simple('Henk (81 jaar) is er ook.', 'nl')).toEqual([['Henk (81 jaar)', 'age', 'Henk']])
  })

  it('full names with particles', () => {
    expect(simple('Jan de Vries (45) heeft een burn-out.', 'nl')).toEqual([
      ['Jan de Vries (45) heeft een burn-out', 'diagnosis', 'Jan de Vries'],
    ])
  })

  it('bare first name + person predicate + sensitive word', () => {
    expect(simple('Jan heeft dementie.', 'nl')).toEqual([['Jan heeft dementie', 'diagnosis', 'Jan']])
    expect(
      simple('Gisteren zei Ria dat ze kampt met een depressie. Ria kampt met een depressie.', 'nl'),
    ).toEqual([['Ria kampt met een depressie', 'diagnosis', 'Ria']])
    expect(simple('Jan heeft al jaren last van schulden.', 'nl')).toEqual([
      ['Jan heeft al jaren last van schulden', 'debt', 'Jan'],
    ])
  })

  it('"kanker" only as a diagnosis', () => {
    expect(simple('Mevrouw Jansen heeft kanker.', 'nl')).toEqual([
      ['Mevrouw Jansen heeft kanker', 'diagnosis', 'Jansen'],
    ])
    expect(simple('Mevrouw Jansen loopt mee met Samen tegen kanker.', 'nl')).toEqual([])
    expect(simple('Samen tegen kanker organiseert een loop.', 'nl')).toEqual([])
    expect(simple('Meneer Pieters collecteert voor KWF Kankerbestrijding.', 'nl')).toEqual([])
  })

  it('"opgenomen" only as an admission', () => {
    expect(simple('Meneer Pietersen heeft een podcast opgenomen.', 'nl')).toEqual([])
    expect(simple('Meneer Pietersen is opgenomen in het ziekenhuis.', 'nl')).toEqual([
      ['Meneer Pietersen is opgenomen', 'care', 'Pietersen'],
    ])
  })

  it('does not flag organisations, groups or helpers', () => {
    expect(simple('Het Rode Kruis helpt mensen met schulden.', 'nl')).toEqual([])
    expect(simple('Alzheimer Nederland organiseert een dementiecafé.', 'nl')).toEqual([])
    expect(simple('Mevrouw Jansen bezoekt ouderen met dementie.', 'nl')).toEqual([])
    expect(simple('Onze vrijwilliger Ahmed helpt mensen met schulden.', 'nl')).toEqual([])
    expect(simple('Mevrouw Jansen vecht tegen armoede in de wijk.', 'nl')).toEqual([])
    expect(simple('Meneer Bakker werkt bij de voedselbank.', 'nl')).toEqual([])
  })

  it('does not take role words or public acts as the situation of the person', () => {
    expect(simple('Vrijwilliger Kees (72) helpt al 10 jaar bij het taalcafé.', 'nl')).toEqual([
      ['Kees (72)', 'age', 'Kees'],
    ])
    expect(simple('Piet Hein Donner (70) opent de nieuwe vleugel van het hospice.', 'nl')).toEqual([
      ['Piet Hein Donner (70)', 'age', 'Piet Hein Donner'],
    ])
    expect(simple('Mevrouw Jansen woont in het verpleeghuis.', 'nl')).toEqual([
      ['Mevrouw Jansen woont in het verpleeghuis', 'care', 'Jansen'],
    ])
    expect(simple('Meneer Bakker is directeur van het verpleeghuis.', 'nl')).toEqual([])
  })

  it('still reports the age when the sensitive word is about others', () => {
    expect(simple('Mevrouw Jansen (78) bezoekt ouderen met dementie.', 'nl')).toEqual([
      ['Mevrouw Jansen (78)', 'age', 'Jansen'],
    ])
  })

  it('does not flag ages without a name or pronouns and ordinary words', () => {
    expect(simple('Ouderen van 80 jaar en ouder krijgen een uitnodiging.', 'nl')).toEqual([])
    expect(simple('Kinderen (8-12) zijn welkom. Kinderen (8) ook.', 'nl')).toEqual([])
    expect(simple('Humanitas bestaat 80 jaar.', 'nl')).toEqual([])
    expect(simple('Iedereen heeft weleens schulden. Hij heeft kanker.', 'nl')).toEqual([])
    expect(simple('Nederland heeft schulden.', 'nl')).toEqual([])
    expect(simple('Vacatures (3) bij ons. Activiteiten (12) deze week.', 'nl')).toEqual([])
    expect(simple('Covid (19) is voorbij. In 2023, 45 mensen geholpen.', 'nl')).toEqual([])
  })

  it('keeps sentences apart', () => {
    expect(simple('Mevrouw Jansen kwam langs. Veel mensen hebben schulden.', 'nl')).toEqual([])
    expect(simple('Dhr. Bakker kwam langs. Het ziekenhuis is dicht.', 'nl')).toEqual([])
  })

  it('ignores sensitive words before the name', () => {
    expect(simple('Over dementie sprak mevrouw Jansen.', 'nl')).toEqual([])
  })
})

describe('findPersonContext — English', () => {
  it('name + age + addiction', () => {
    const text = 'Peter, 45, has been battling addiction for years.'
    expect(findPersonContext(text, 'en')).toEqual([
      {
        start: 0,
        end: 38,
        kind: 'person-context',
        text: 'Peter, 45, has been battling addiction',
        data: { name: 'Peter', reason: 'addiction', age: 45, term: 'addiction' },
      },
    ])
  })

  it('title + name + age + hospital', () => {
    const text = 'Update: Mrs Patel (90) is in hospital.'
    expect(findPersonContext(text, 'en')).toMatchObject([
      {
        ...at(text, 'Mrs Patel (90) is in hospital'),
        data: { name: 'Patel', title: 'Mrs', age: 90, reason: 'care' },
      },
    ])
    expect(simple('Mrs Patel is in hospital.', 'en')).toEqual([['Mrs Patel is in hospital', 'care', 'Patel']])
  })

  it('diagnoses', () => {
    expect(simple('Mr. Smith was diagnosed with cancer last year.', 'en')).toEqual([
      ['Mr. Smith was diagnosed', 'diagnosis', 'Smith'],
    ])
    expect(simple('Sarah has cancer.', 'en')).toEqual([['Sarah has cancer', 'diagnosis', 'Sarah']])
    expect(simple('Sarah is fighting cancer.', 'en')).toEqual([
      ['Sarah is fighting cancer', 'diagnosis', 'Sarah'],
    ])
    expect(simple('Mr Jones had a stroke.', 'en')).toEqual([['Mr Jones had a stroke', 'diagnosis', 'Jones']])
  })

  it('care and debt situations', () => {
    expect(simple('Tom, aged 34, is homeless.', 'en')).toEqual([['Tom, aged 34, is homeless', 'care', 'Tom']])
    expect(simple('Grandma Rose is in a care home.', 'en')).toEqual([
      ['Grandma Rose is in a care home', 'care', 'Rose'],
    ])
    expect(simple('Ms Green is in debt after losing her job.', 'en')).toEqual([
      ['Ms Green is in debt', 'debt', 'Green'],
    ])
  })

  it('ages', () => {
    expect(simple('John Smith, 52, lives in Leeds.', 'en')).toEqual([['John Smith, 52', 'age', 'John Smith']])
    expect(simple('A 45-year-old Peter was found.', 'en')).toEqual([['45-year-old Peter', 'age', 'Peter']])
  })

  it('does not flag organisations', () => {
    expect(simple('Dementia UK is hosting a webinar.', 'en')).toEqual([])
    expect(simple('Mr Smith works at Cancer Research UK.', 'en')).toEqual([])
    expect(simple('Stand Up To Cancer raised £1m.', 'en')).toEqual([])
    expect(simple('Macmillan nurses help people with cancer.', 'en')).toEqual([])
    expect(simple("Alzheimer's Society runs a helpline.", 'en')).toEqual([])
    expect(simple('Age UK helps older people.', 'en')).toEqual([])
  })

  it('does not flag groups, helpers or ages without a name', () => {
    expect(simple('Kids aged 8-12 can join.', 'en')).toEqual([])
    expect(simple('Children aged 8 and over.', 'en')).toEqual([])
    expect(simple('Our volunteer Sarah supports people with dementia.', 'en')).toEqual([])
    expect(simple('Everyone has debts.', 'en')).toEqual([])
    expect(simple('Mrs Patel volunteers at the food bank.', 'en')).toEqual([])
    expect(simple('Workshops (4) this week.', 'en')).toEqual([])
  })

  it('uses the lexicon of the given language', () => {
    expect(simple('Sarah has dementia.', 'nl')).toEqual([])
    expect(simple('Jan heeft dementie.', 'en')).toEqual([])
  })

  it('returns nothing for lower-case text', () => {
    expect(findPersonContext('jan heeft dementie', 'nl')).toEqual([])
  })
})

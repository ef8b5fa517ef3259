import { describe, expect, it } from 'vitest'
import { findAddresses } from './address.js'

const simple = (text: string) => findAddresses(text).map((s) => [s.start, s.end, s.text, s.data?.type])

describe('findAddresses — Dutch streets', () => {
  it('finds street + number', () => {
    expect(simple('Kom langs op Dorpsstraat 12 in Ede.')).toEqual([[13, 27, 'Dorpsstraat 12', 'street']])
  })

  it('includes number additions', () => {
    expect(simple('Ze woont Kerkstraat 5a, hij Van Goghlaan 3-1 en wij Prinsengracht 263 hs.')).toEqual([
      [9, 22, 'Kerkstraat 5a', 'street'],
      [28, 44, 'Van Goghlaan 3-1', 'street'],
      [52, 72, 'Prinsengracht 263 hs', 'street'],
    ])
  })

  it('includes name words and particles before the street word', () => {
    expect(simple('Adres: Burgemeester de Withstraat 4, Utrecht')).toEqual([
      [7, 35, 'Burgemeester de Withstraat 4', 'street'],
    ])
    expect(simple('Wij zitten aan de Grote Markt 1.')).toEqual([[18, 31, 'Grote Markt 1', 'street']])
  })

  it('finds "Laan van …" street names', () => {
    expect(simple('Het kantoor is Laan van Meerdervoort 12 in Den Haag.')).toEqual([
      [15, 39, 'Laan van Meerdervoort 12', 'street'],
    ])
  })

  it('handles many street suffixes', () => {
    const text =
      'Stationsweg 1, Marktplein 2, Oudegracht 3, Wilhelminakade 4, Stadssingel 5, Zeedijk 6, Kerkpad 7, ' +
      'Binnenhof 8, Berkendreef 9, Molensteeg 10, Beatrixplantsoen 11, Stadspark 12, Oostring 13, Schapenerf 14'
    expect(findAddresses(text)).toHaveLength(14)
  })

  it('does not include sentence words before the street', () => {
    expect(simple('In Kerkstraat 5 is het feest.')).toEqual([[3, 15, 'Kerkstraat 5', 'street']])
    expect(simple('Op de Dorpsstraat 12 staat een kraam.')).toEqual([[6, 20, 'Dorpsstraat 12', 'street']])
    expect(simple('Ingang Kerkstraat 5.')).toEqual([[7, 19, 'Kerkstraat 5', 'street']])
  })

  it('ignores near misses', () => {
    expect(findAddresses('Week 12 staat in het teken van de straat.')).toEqual([])
    expect(findAddresses('We liepen de straat 3 keer op en neer.')).toEqual([])
    expect(findAddresses('De Dorpsstraat 3 keer afgesloten')).toEqual([])
    expect(findAddresses('Vergadering 3 maart, Viering 12 december')).toEqual([])
    expect(findAddresses('Onderweg 3 keer gestopt. Woningmarkt 2024 is krap.')).toEqual([])
    expect(findAddresses('Het Kerkplein is 40 meter lang. Stadspark 2,5 km.')).toEqual([])
    expect(findAddresses('Markt 12 kramen')).toEqual([])
    expect(findAddresses('dorpsstraat 12')).toEqual([])
    expect(findAddresses('Amsterdam 2 - Rotterdam 1')).toEqual([])
  })
})

describe('findAddresses — Dutch postcodes', () => {
  it('finds postcode + house number', () => {
    expect(simple('Postcode 1234 AB 5 graag.')).toEqual([[9, 18, '1234 AB 5', 'postcode']])
    expect(simple('1234AB, 12')).toEqual([[0, 10, '1234AB, 12', 'postcode']])
    expect(simple('3511 LX 12-bis')).toEqual([[0, 10, '3511 LX 12', 'postcode']])
  })

  it('does not report a postcode on its own', () => {
    expect(findAddresses('Wij werken in 1234 AB Amsterdam en omstreken.')).toEqual([])
    expect(findAddresses('Alle postcodes 3500 tot 3599.')).toEqual([])
  })

  it('rejects letter pairs never used in postcodes and unit numbers', () => {
    expect(findAddresses('1234 SS 5')).toEqual([])
    expect(findAddresses('1234 AB 12 keer')).toEqual([])
  })

  it('keeps a street and its postcode separate without a number after the postcode', () => {
    expect(simple('Dorpsstraat 12, 1234 AB Ede')).toEqual([[0, 14, 'Dorpsstraat 12', 'street']])
  })
})

describe('findAddresses — English', () => {
  it('finds number + street', () => {
    expect(simple('Visit us at 12 High Street, Leeds.')).toEqual([[12, 26, '12 High Street', 'street']])
    expect(simple('221B Baker Street')).toEqual([[0, 17, '221B Baker Street', 'street']])
    expect(simple('Drop it at 4 Elm Close or 10 Downing St.')).toEqual([
      [11, 22, '4 Elm Close', 'street'],
      [26, 40, '10 Downing St.', 'street'],
    ])
    expect(simple('Flat 2, 7 Church Road')).toEqual([[8, 21, '7 Church Road', 'street']])
  })

  it('handles multi-word street names', () => {
    expect(simple('at 3 Old Kent Road')).toEqual([[3, 18, '3 Old Kent Road', 'street']])
  })

  it('ignores headline phrases and amounts', () => {
    expect(findAddresses('5 Easy Ways to help')).toEqual([])
    expect(findAddresses('3 Simple Steps, 10 Best Places, 1 Simple Way To Help')).toEqual([])
    expect(findAddresses('£5 Coffee Place')).toEqual([])
    expect(findAddresses('The 2 Minute Drive')).toEqual([])
    expect(findAddresses('In 2024 Street Party')).toEqual([])
  })
})

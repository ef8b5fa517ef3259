/**
 * Inflection tables: what a custom `avoid` phrase also finds, and which
 * plural a `replace` rule writes in a fix.
 */
import { describe, expect, it } from 'vitest'
import { inflections, inflectPhrase, plural, pluralForms } from './inflect.js'

describe('Dutch inflections', () => {
  it.each([
    ['garanderen', ['garandeer', 'garandeert', 'garandeerde', 'garandeerden', 'gegarandeerd']],
    ['maken', ['maak', 'maakt', 'maakte', 'maakten', 'gemaakt']],
    ['leven', ['leef', 'leeft', 'leefde', 'leefden', 'geleefd']],
    ['reizen', ['reis', 'reist', 'reisde', 'reisden', 'gereisd']],
    ['werken', ['werk', 'werkt', 'werkte', 'werkten', 'gewerkt']],
    ['bellen', ['bel', 'belt', 'belde', 'belden', 'gebeld']],
    ['beloven', ['beloof', 'belooft', 'beloofde', 'beloofden', 'beloofd']],
    ['betalen', ['betaal', 'betaalt', 'betaalde', 'betaalden', 'betaald']],
  ])('verb %s → stem, -t, -te/-de, participle', (word, forms) => {
    expect(inflections(word, 'nl')).toEqual(expect.arrayContaining(forms))
  })

  it.each([
    ['klant', ['klanten', 'klante']],
    ['bal', ['ballen', 'balle']],
    ['bus', ['bussen']],
    ['boom', ['bomen', 'bome']],
    ['straat', ['straten']],
    ['huis', ['huizen']],
    ['brief', ['brieven']],
    ['snel', ['snellen', 'snelle']],
    ['groot', ['grote']],
    ['ziekte', ['ziektes', 'ziekten']],
    ['auto', ["auto's"]],
    ['vrijheid', ['vrijheden']],
    ['kind', ['kinderen']],
    ['dag', ['dagen']],
    ['tafel', ['tafels']],
    ['mooi', ['mooie']],
  ])('noun or adjective %s → plural, -e', (word, forms) => {
    expect(inflections(word, 'nl')).toEqual(expect.arrayContaining(forms))
  })

  it('stays conservative: no forms that are other common words', () => {
    // “ouderen” is a noun: no stem “ouder” (parent), only the -eer stem that never occurs.
    expect(inflections('ouderen', 'nl')).not.toContain('ouder')
    expect(inflections('jongeren', 'nl')).not.toContain('jonger')
    // Irregular plurals do not get a doubled consonant: dag → dagen, never daggen.
    expect(inflections('dag', 'nl')).not.toContain('daggen')
    // bal → ballen, not balen (fed up).
    expect(inflections('bal', 'nl')).not.toContain('balen')
    // Short words and non-words are left alone.
    expect(inflections('nu', 'nl')).toEqual([])
    expect(inflections('#ad', 'nl')).toEqual([])
    expect(inflections('2024', 'nl')).toEqual([])
  })

  it('never repeats the word itself', () => {
    expect(inflections('klant', 'nl')).not.toContain('klant')
  })
})

describe('English inflections', () => {
  it.each([
    ['guarantee', ['guarantees', 'guaranteed', 'guaranteeing']],
    ['free', ['frees', 'freed', 'freeing', 'freer']],
    ['cure', ['cures', 'cured', 'curing']],
    ['cheap', ['cheaper']],
    ['stop', ['stops', 'stopped', 'stopping']],
    ['box', ['boxes', 'boxed', 'boxing']],
    ['apply', ['applies', 'applied', 'applying']],
    ['visit', ['visits', 'visited', 'visiting']],
    ['client', ['clients']],
    ['chairman', ['chairmen']],
    ['person', ['people']],
  ])('%s → -s/-es, -ed, -ing, -er, y → ies', (word, forms) => {
    expect(inflections(word, 'en')).toEqual(expect.arrayContaining(forms))
  })

  it('doubles a final consonant only after one short vowel in one syllable', () => {
    expect(inflections('stop', 'en')).toContain('stopped')
    expect(inflections('visit', 'en')).not.toContain('visitted')
    expect(inflections('rain', 'en')).not.toContain('rainned')
    expect(inflections('fix', 'en')).not.toContain('fixxed')
  })

  it('keeps -ee before -ing and drops a silent e', () => {
    expect(inflections('agree', 'en')).toContain('agreeing')
    expect(inflections('make', 'en')).toContain('making')
    expect(inflections('make', 'en')).not.toContain('makeing')
  })
})

describe('phrases', () => {
  it('inflects only the last word', () => {
    expect(inflectPhrase('100% garanderen', 'nl')).toContain('100% garandeer')
    expect(inflectPhrase('risk free', 'en')).toContain('risk freer')
    expect(inflectPhrase('free risk', 'en')).not.toContain('freed risk')
  })

  it('leaves a prefix (word*) and a wildcard alone', () => {
    expect(inflectPhrase('garandeer*', 'nl')).toEqual([])
    expect(inflectPhrase('gratis *', 'nl')).toEqual([])
  })
})

describe('plurals for replace', () => {
  it.each([
    ['klant', 'nl', 'klanten', true],
    ['deelnemer', 'nl', 'deelnemers', true],
    ['cliënt', 'nl', 'cliënten', true],
    ['persoon', 'nl', 'personen', true],
    ['bewoner', 'nl', 'bewoners', true],
    ['vrijwilliger', 'nl', 'vrijwilligers', true],
    ['auto', 'nl', "auto's", true],
    ['kind', 'nl', 'kinderen', true],
    ['oudere', 'nl', 'ouderes', false],
    ['client', 'en', 'clients', true],
    ['charity', 'en', 'charities', true],
    ['church', 'en', 'churches', true],
    ['person', 'en', 'people', true],
    ['chairman', 'en', 'chairmen', true],
    ['hero', 'en', 'heros', false],
  ] as const)('%s (%s) → %s (sure: %s)', (word, lang, form, sure) => {
    expect(plural(word, lang)).toEqual({ form, sure })
  })

  it('matching plurals are generous where the fix plural is not sure', () => {
    expect(pluralForms('oudere', 'nl')).toEqual(['ouderes', 'ouderen'])
    expect(pluralForms('gehandicapte', 'nl')).toContain('gehandicapten')
    expect(pluralForms('klant', 'nl')).toContain('klanten')
    expect(pluralForms('chairman', 'en')).toEqual(['chairmen', 'chairmans'])
  })
})

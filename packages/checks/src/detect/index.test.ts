import { beforeAll, describe, expect, it } from 'vitest'
import * as detect from './index.js'

beforeAll(() => Promise.all([detect.loadWordLists(), detect.loadTwitterText(), detect.loadPhoneNumbers()]))

describe('detect index', () => {
  it('re-exports every detector', () => {
    for (const name of [
      'findBsns',
      'isValidBsn',
      'findIbans',
      'findPhones',
      'findEmails',
      'ROLE_EMAIL_LOCAL_PARTS',
      'findAddresses',
      'findBirthDates',
      'findPersonContext',
      'findSecretPhrases',
      'findKnownTokens',
      'findTokenPatterns',
      'findHighEntropy',
      'maskSecret',
      'measurePost',
      'PLATFORM_LIMITS',
      'findShouting',
      'findHashtagCase',
      'makeSpan',
    ]) {
      expect(detect, name).toHaveProperty(name)
    }
  })

  it('every span slice matches its text on a mixed draft', () => {
    const text =
      'URGENT!! Mevrouw De Vries (78) heeft dementie. Bel 06-12345678 of mail j.devries@gmail.com, ' +
      'BSN 111222333, IBAN NL91 ABNA 0417 1643 00, Dorpsstraat 12, geb. 12-03-1950, ' +
      'wachtwoord: Zomer2024! #mentalhealthawareness q7Fz2LmX9pR4tWv8Kc3N'
    const spans = [
      ...detect.findShouting(text),
      ...detect.findPersonContext(text, 'nl'),
      ...detect.findPhones(text),
      ...detect.findEmails(text),
      ...detect.findBsns(text),
      ...detect.findIbans(text),
      ...detect.findAddresses(text),
      ...detect.findBirthDates(text),
      ...detect.findSecretPhrases(text, 'nl'),
      ...detect.findHashtagCase(text, 'nl'),
      ...detect.findHighEntropy(text),
    ]
    expect(new Set(spans.map((s) => s.kind))).toEqual(
      new Set([
        'shouting-caps',
        'shouting-punctuation',
        'person-context',
        'phone',
        'personal-email',
        'bsn',
        'iban',
        'address',
        'birth-date',
        'secret',
        'hashtag-case',
        'high-entropy',
      ]),
    )
    for (const s of spans) expect(text.slice(s.start, s.end), s.kind).toBe(s.text)
  })

  it('is fast on plain prose (prefilters)', () => {
    const prose = 'Kom zaterdag naar het buurthuis voor koffie en een praatje met de buren. '.repeat(28)
    const t0 = performance.now()
    for (let i = 0; i < 50; i++) {
      detect.findBsns(prose)
      detect.findIbans(prose)
      detect.findPhones(prose)
      detect.findEmails(prose)
      detect.findAddresses(prose)
      detect.findBirthDates(prose)
      detect.findPersonContext(prose, 'nl')
      detect.findSecretPhrases(prose, 'nl')
      detect.findTokenPatterns(prose)
      detect.findHighEntropy(prose)
      detect.findShouting(prose)
      detect.findHashtagCase(prose, 'nl')
    }
    // 50 runs of all detectors over ~2,000 characters; generous bound for slow CI machines.
    expect(performance.now() - t0).toBeLessThan(2000)
  })
})

import { describe, expect, it } from 'vitest'
import {
  entropyFeatures,
  findHighEntropy,
  findKnownTokens,
  findSecretPhrases,
  findTokenPatterns,
  isKeyLike,
  maskSecret,
} from './secrets.js'
import type { Lang } from './types.js'

const values = (text: string, lang: Lang = 'nl') =>
  findSecretPhrases(text, lang).map((s) => [s.start, s.end, s.text])

// Token-shaped test values are assembled at runtime so that no literal secret sits in the repo.
const rep = (s: string, n: number) => s.repeat(n)
const TOKENS = {
  github: `ghp_${rep('a1B2c3D4e5F6', 3)}`, // 36 chars after the prefix
  githubPat: `github_pat_${rep('11ABCDEFG0', 2)}ab_${rep('xY9zW8vU7tS6rQ5', 4)}`,
  slack: `xoxb-${'123456789012'}-${'1234567890123'}-${rep('AbCdEfGh', 3)}`,
  aws: `AKIA${'Q3WERTY7UIOP2ASD'}`,
  google: `AIza${rep('Sy9xT-4b_Qm', 3)}Zk`,
  stripe: `sk_live_${rep('4eC39HqLyjWD', 2)}`,
  openai: `sk-proj-${rep('Ab3dE5gH7jK9mN1p', 5).slice(0, 74)}T3BlbkFJ${rep('Zy8xW7vU6tS5rQ4p', 5).slice(0, 74)}`,
  jwt: `eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkphbiJ9.${rep('SflKxwRJSMeKKF2QT4fwpM', 2)}`,
  npm: `npm_${rep('aB3dE5gH7j', 3)}K9mN1p`,
  awsSecret: rep('wJalrXUtnFEMIK7MDENGbPxRfiCY', 2).slice(0, 40),
  privateKey: `-----BEGIN RSA PRIVATE KEY-----\n${rep('MIIEpAIBAAKCAQEA7', 7)}\n-----END RSA PRIVATE KEY-----`,
}

describe('maskSecret', () => {
  it('never shows a short value', () => {
    expect(maskSecret('hunter2')).toBe('•••••••')
    expect(maskSecret('1234')).toBe('••••')
  })
  it('shows two characters of long values and caps the bullets at 8', () => {
    expect(maskSecret('Zomer2024!')).toBe('Zo••••••••')
    expect(maskSecret('abcdefgh')).toBe('ab••••••')
    expect(maskSecret('a'.repeat(40))).toBe('aa••••••••')
  })
})

describe('findSecretPhrases — passwords', () => {
  it('"het wachtwoord is …": the span is the value only', () => {
    const text = 'Het wachtwoord is Zomer2024! Veel plezier.'
    expect(findSecretPhrases(text, 'nl')).toEqual([
      {
        start: 18,
        end: 28,
        kind: 'secret',
        text: 'Zomer2024!',
        data: { type: 'password', cue: 'wachtwoord', masked: 'Zo••••••••' },
      },
    ])
  })

  it('colon, equals and short cues', () => {
    expect(values('wachtwoord: Welkom#01')).toEqual([[12, 21, 'Welkom#01']])
    expect(values('ww: zomer2024')).toEqual([[4, 13, 'zomer2024']])
    expect(values('ww = Buurt!huis')).toEqual([[5, 15, 'Buurt!huis']])
    expect(values('login: jan / pass: Geheim123')).toEqual([[19, 28, 'Geheim123']])
    expect(values('wifi: Koffie4All')).toEqual([[6, 16, 'Koffie4All']])
  })

  it('English phrasing', () => {
    expect(values('password: hunter2', 'en')).toEqual([[10, 17, 'hunter2']])
    expect(values('The password is Tr0ub4dor&3.', 'en')).toEqual([[16, 27, 'Tr0ub4dor&3']])
    expect(values('Wi-Fi password: CharityShop2024', 'en')).toEqual([[16, 31, 'CharityShop2024']])
  })

  it('quoted values, including spaces', () => {
    expect(values("Het wachtwoord is 'paarse olifant 7'.")).toEqual([[19, 35, 'paarse olifant 7']])
    expect(values('password: "sunshine"', 'en')).toEqual([[11, 19, 'sunshine']])
  })

  it('a plain word only after a colon at the end of a clause', () => {
    expect(values('password: sunshine', 'en')).toEqual([[10, 18, 'sunshine']])
    expect(values('Wachtwoord: paardenbloem.')).toEqual([[12, 24, 'paardenbloem']])
    expect(values('Wachtwoord: minimaal 8 tekens')).toEqual([])
    expect(values('het wachtwoord is paardenbloem')).toEqual([])
    expect(values('pass: sunshine', 'en')).toEqual([])
  })

  it('strips sentence punctuation but keeps symbols that belong to the value', () => {
    expect(values('password: sunshine!', 'en')).toEqual([[10, 18, 'sunshine']])
    expect(values('Het wachtwoord is Geheim123.')).toEqual([[18, 27, 'Geheim123']])
    expect(values('Wachtwoord is nu Welkom2024?!')).toEqual([[17, 29, 'Welkom2024?!']])
  })

  it('does not flag talk about passwords', () => {
    expect(values('Wachtwoord vergeten? Klik op de link.')).toEqual([])
    expect(values("Klik op 'wachtwoord vergeten' om een nieuw wachtwoord te maken.")).toEqual([])
    expect(values('Het wachtwoord is te kort.')).toEqual([])
    expect(values('Het wachtwoord is veilig opgeslagen.')).toEqual([])
    expect(values('Je wachtwoord is hoofdlettergevoelig.')).toEqual([])
    expect(values('Change your password regularly.', 'en')).toEqual([])
    expect(values('Your password is now reset.', 'en')).toEqual([])
    expect(values('The password is incorrect', 'en')).toEqual([])
    expect(values('Password: Required', 'en')).toEqual([])
    expect(values('wachtwoord: ******** en pincode: ****')).toEqual([])
    expect(values('password: <your password>', 'en')).toEqual([])
  })

  it('does not flag famous example passwords in awareness posts', () => {
    expect(values('Het meest gebruikte wachtwoord is 123456. Kies iets beters!')).toEqual([])
    expect(values('The most common password is qwerty123', 'en')).toEqual([])
    expect(values('Ons wachtwoord is 123456')).toEqual([[18, 24, '123456']])
  })

  it('"ww" is a cue in Dutch only, and WW (the benefit) is not a password', () => {
    expect(values('ww: zomer2024', 'en')).toEqual([])
    expect(values('Recht op WW: ja. WW = Werkloosheidswet.')).toEqual([])
  })
})

describe('findSecretPhrases — PINs and codes', () => {
  it('PINs', () => {
    expect(findSecretPhrases('Mijn pincode is 1234.', 'nl')).toEqual([
      {
        start: 16,
        end: 20,
        kind: 'secret',
        text: '1234',
        data: { type: 'pin', cue: 'pincode', masked: '••••' },
      },
    ])
    expect(values('PIN: 4821', 'en')).toEqual([[5, 9, '4821']])
    expect(values('De deurcode 28471 werkt weer.')).toEqual([[12, 17, '28471']])
  })

  it('one-time codes, also without a connector', () => {
    expect(values('Je inlogcode 123456')).toEqual([[13, 19, '123456']])
    expect(values('verificatiecode: 482913')).toEqual([[17, 23, '482913']])
    expect(values('2FA code 123 456', 'en')).toEqual([[9, 16, '123 456']])
    expect(values('Your verification code is X7K9P2.', 'en')).toEqual([[26, 32, 'X7K9P2']])
  })

  it('does not flag talk about PINs and codes', () => {
    expect(values('We vragen nooit om je pincode.')).toEqual([])
    expect(values('We will never ask for your PIN.', 'en')).toEqual([])
    expect(values('PIN 2 keer fout ingevoerd')).toEqual([])
    expect(values('Je pincode is 4 cijfers lang')).toEqual([])
    expect(values('De verificatiecode bestaat uit 6 cijfers.')).toEqual([])
    expect(values('Betalen met pin 2024 en contant')).toEqual([])
    expect(values('Kortingscode: ZOMER20')).toEqual([])
    expect(values('De pinautomaat 12345 is stuk')).toEqual([])
  })
})

describe('findTokenPatterns', () => {
  it('finds common token formats with exact offsets', () => {
    for (const [type, token] of Object.entries(TOKENS)) {
      if (type === 'awsSecret') continue
      const text = `Zie: ${token} (oeps)`
      const spans = findTokenPatterns(text)
      expect(spans, type).toHaveLength(1)
      expect(spans[0], type).toMatchObject({ start: 5, end: 5 + token.length, kind: 'token', text: token })
    }
  })

  it('labels the token type and masks it', () => {
    const [span] = findTokenPatterns(`token ${TOKENS.github}`)
    expect(span!.data).toEqual({ type: 'github-token', source: 'pattern', masked: 'gh••••••••' })
  })

  it('finds AWS secret access keys after their label', () => {
    const text = `aws_secret_access_key = ${TOKENS.awsSecret}`
    expect(findTokenPatterns(text)).toMatchObject([
      { start: 24, end: 64, data: { type: 'aws-secret-access-key' } },
    ])
    expect(findTokenPatterns(`just ${TOKENS.awsSecret}`)).toEqual([])
  })

  it('finds credentials in URLs', () => {
    const text = 'db: postgres://admin:S3cr3tPass@db.example.org:5432/app'
    expect(findTokenPatterns(text)).toMatchObject([{ start: 4, data: { type: 'basic-auth-url' } }])
    expect(findTokenPatterns('https://user:****@example.org')).toEqual([])
  })

  it('ignores near misses', () => {
    expect(findTokenPatterns('ghp_short and sk-not-a-key and eyJhbGciOi only')).toEqual([])
    expect(findTokenPatterns('AWS example key AKIAIOSFODNN7EXAMPLE')).toEqual([])
    expect(findTokenPatterns(`x${TOKENS.github}`)).toEqual([])
    expect(findTokenPatterns('Een gewone zin zonder tokens.')).toEqual([])
  })
})

describe('findKnownTokens (secretlint) vs findTokenPatterns', () => {
  it('agrees with the sync patterns on the formats secretlint knows', async () => {
    const shared = ['github', 'slack', 'aws', 'npm', 'privateKey', 'openai', 'awsSecret'] as const
    for (const name of shared) {
      const token = TOKENS[name]
      const label = name === 'awsSecret' ? 'AWS_SECRET_ACCESS_KEY=' : 'hier is de sleutel: '
      const text = `Hallo team,\n${label}${token}\nGroet`
      const fromSecretlint = await findKnownTokens(text)
      const fromPatterns = findTokenPatterns(text)
      expect(fromSecretlint.length, name).toBeGreaterThan(0)
      expect(
        fromSecretlint.map((s) => [s.start, s.end]),
        name,
      ).toEqual(fromPatterns.map((s) => [s.start, s.end]))
      expect(fromSecretlint[0]!.text, name).toBe(
        fromSecretlint[0] && text.slice(fromSecretlint[0].start, fromSecretlint[0].end),
      )
    }
  })

  it('labels findings with the secretlint rule', async () => {
    const [span] = await findKnownTokens(`token ${TOKENS.github}`)
    expect(span).toMatchObject({ start: 6, kind: 'token', data: { type: 'github', source: 'secretlint' } })
  })

  it('the sync patterns cover formats the recommend preset does not', async () => {
    for (const name of ['google', 'stripe', 'jwt'] as const) {
      const text = `key ${TOKENS[name]}`
      expect(await findKnownTokens(text), name).toEqual([])
      expect(findTokenPatterns(text), name).toHaveLength(1)
    }
  })

  it('finds nothing in ordinary text', async () => {
    const text = 'Kom zaterdag naar het buurthuis! Info: info@buurthuis.nl, 020 123 4567.'
    expect(await findKnownTokens(text)).toEqual([])
    expect(findTokenPatterns(text)).toEqual([])
  })

  it('leaves no performance marks behind (secretlint’s profiler is off), however many texts it checks', async () => {
    const marks = () =>
      performance.getEntriesByType('mark').filter((mark) => /secretlint|@core/.test(mark.name))
    const before = marks().length
    for (let index = 0; index < 20; index++) await findKnownTokens(`draft ${index}: token ${TOKENS.github}`)
    expect(marks().length).toBe(before)
    expect(before).toBe(0)
  })
})

describe('findHighEntropy', () => {
  const key = 'q7Fz2LmX9pR4tWv8Kc3N' // 20 chars, random-looking

  it('finds key-like strings with exact offsets', () => {
    const text = `Gebruik deze sleutel: ${key} voor de API.`
    expect(findHighEntropy(text)).toMatchObject([{ start: 22, end: 42, kind: 'high-entropy', text: key }])
    const hex = 'a94a8fe5ccb19ba61c4c0873d391e987982fbbd3'
    expect(findHighEntropy(`apikey ${hex}`)).toMatchObject([{ start: 7, end: 47 }])
    expect(findHighEntropy(`commit ${hex}, SHA256: ${hex}`)).toEqual([])
    const b64 = 'dG7qa1k1jhbbKLZo8Lr/MSmLpzBTKYR4vtXsicaz'
    expect(findHighEntropy(`secret=${b64}`)).toMatchObject([{ start: 7, end: 47 }])
  })

  it('masks the value in data', () => {
    expect(findHighEntropy(key)[0]!.data).toMatchObject({ masked: 'q7••••••••' })
  })

  it('does not flag Dutch compounds, CamelCase with years, file names and references', () => {
    const text = [
      'arbeidsongeschiktheidsverzekering',
      'WelkomBijOnsEvent2024Amsterdam',
      'Jaarverslag2023DefinitieveVersie',
      'MentalHealthAwareness2024',
      'Stichting123Welzijn456Noord',
      'Top10TipsVoorMantelzorgers',
      'WeAreOpen2DayAt10amTill4pm',
      'Screenshot_2024-03-12-15-42',
      'IMG_20240312_154233',
      'Meeting-ID-824-1234-5678',
      'Kerstmarkt2024Stadsstrand',
    ].join(' ')
    expect(findHighEntropy(text)).toEqual([])
  })

  it('skips URLs, e-mail addresses, hashtags, mentions, file names, UUIDs and IBANs', () => {
    const text =
      `https://example.org/track?id=${key}&utm=x www.example.org/${key} ` +
      `${key}@example.org #${key} @${key} ${key}.pdf ` +
      '3f2a9c1e-8b7d-4e6f-a5c4-1d2e3f4a5b6c MT84MALT011000012345MTLCAST001S'
    expect(findHighEntropy(text)).toEqual([])
  })

  it('does not report known token formats twice', () => {
    expect(findHighEntropy(`token ${TOKENS.github}`)).toEqual([])
  })

  it('requires letters and digits and 20 characters', () => {
    expect(findHighEntropy('q7Fz2LmX9pR4tWv8Kc3')).toEqual([]) // 19
    expect(findHighEntropy('qFzLmXpRtWvKcNbHjGdSa')).toEqual([]) // no digits
    expect(findHighEntropy('12345678901234567890123')).toEqual([])
  })

  it('exposes the classifier', () => {
    expect(isKeyLike(key)).toBe(true)
    expect(isKeyLike('Vrijwilligersavond2024')).toBe(false)
    const f = entropyFeatures(key)
    expect(f.entropy).toBeGreaterThan(4)
    expect(f.naturalShare).toBeLessThan(0.6)
  })
})

describe('findSecretPhrases — more phrasings', () => {
  const values = (text: string, lang: 'nl' | 'en' = 'en') =>
    findSecretPhrases(text, lang).map((span) => span.text)

  it('a passcode with letters and digits', () => {
    expect(values('Zoom meeting ID: 845 2291 0034\nPasscode: Hope7731')).toEqual(['Hope7731'])
  })

  it('“password” followed directly by something that is clearly a password', () => {
    expect(values('the shared login is rota@example.org with password Sunflower!24.')).toEqual([
      'Sunflower!24',
    ])
    expect(values('Forgot your password? Use the password reset link.')).toEqual([])
    expect(values('We never ask for your password by phone.')).toEqual([])
  })

  it('a code named a few words before its value', () => {
    const text = 'Mevrouw doet zelf niet open, de code van de sleutelkluis naast de voordeur is 4471. Succes!'
    expect(values(text, 'nl')).toEqual(['4471'])
    expect(values('The key safe by the back door: 2580', 'en')).toEqual(['2580'])
    expect(values('Onze postcode is 1234 AB en de code voor de workshop volgt later.', 'nl')).toEqual([])
  })
})

/**
 * Secrets in a draft: passwords/PINs/one-time codes given in natural language, known
 * token formats (GitHub, Slack, AWS, Google, Stripe, OpenAI, JWT, private keys, npm, …)
 * and other key-like high-entropy strings.
 *
 * All synchronous functions here are pure and browser-safe. `findKnownTokens` loads
 * secretlint lazily with a dynamic import; secretlint's recommend preset imports Node
 * built-ins ("node:path", "crypto") and @secretlint/profiler uses "node:perf_hooks" unless
 * the bundler picks its "browser" export, so in a browser bundle keep `findKnownTokens`
 * out (or mark those modules external) and use `findTokenPatterns` instead.
 *
 * 1. findSecretPhrases(text, lang) — a cue, a connector and a value:
 *    password cues  wachtwoord, paswoord, wachtzin, password, passphrase, wifi-wachtwoord,
 *                   wifi password; short cues ww (nl only), pw, pwd, pass, wifi need ":"/"=".
 *    PIN cues       pincode, pin-code, pin, pinnummer, passcode, alarmcode, deurcode, kluiscode
 *    code cues      inlogcode, verificatiecode, beveiligingscode, sms-code, 2FA(-code), OTP,
 *                   login code, verification code, security code, access code, toegangscode …
 *    connectors     ":" "=" "is" "luidt" "was" "wordt" "blijft" (+ optional ":"/"nu"/"now");
 *                   PIN/code cues also allow a bare space ("inlogcode 123456").
 *    value          a quoted string, or the next non-space run (trailing . , ; : ) and quotes
 *                   stripped; a trailing "!"/"?" is kept only when the rest already has a
 *                   digit or symbol: "Zomer2024!" stays whole, "sunshine!" → "sunshine").
 *    A value must look like a secret:
 *      PIN: 4–8 digits. Code: 4–8 digits (also "123 456"), or 6–12 letters+digits.
 *      Password: digits+letters, a symbol, inner capitals, or ≥4 digits; a plain word only
 *      after ":"/"=" with a full password cue (not "ww"/"pw"/"pass"), at the end of the
 *      clause, and not in NOT_SECRET_WORDS ("te", "kort", "vergeten", "required", …).
 *    Masked values (****, ••••, xxx, <wachtwoord>) and famous example passwords
 *    ("123456", "qwerty") in a sentence about popularity ("meest gebruikte", "most common")
 *    are skipped. The span is the VALUE only.
 *
 * 2. findTokenPatterns(text) — synchronous regexes for common token formats.
 *    findKnownTokens(text) — secretlint's recommend preset (async). Both return kind
 *    `token`; the engine can call findTokenPatterns first and only go async when
 *    TOKEN_PREFILTER matches.
 *
 * 3. findHighEntropy(text) — key-like strings: ≥ 20 letters/digits (plus + / = _ -),
 *    containing letters AND digits, Shannon entropy ≥ 3.0 bits/char, and "unnatural":
 *    letter runs (split at case/digit changes) are scored as natural when they have a
 *    plausible vowel ratio and only letter pairs that are common in English/Dutch words
 *    (COMMON_BIGRAMS). A string is key-like when its natural share is < 0.6 and either
 *    the mean run length is ≤ 3 (many case/digit switches), there are ≥ 3 digit runs, or
 *    the natural share is < 0.3. Calibrated on random base62/hex/base36 keys of 20–40
 *    chars (≈ 98.5 % recall) against CamelCase+year strings, file names, reference numbers
 *    and Dutch compounds (0 hits). URLs, e-mail addresses, @mentions, #hashtags, file
 *    names (token + ".ext"), UUIDs, valid IBANs, tokens found by findTokenPatterns and
 *    values right after "SHA256:", "md5", "checksum", "commit", "hash" are skipped.
 *
 * 4. maskSecret(value) — never the value in full: the first 2 characters only when the
 *    value is ≥ 8 long, then "•" for the rest, capped at 8 bullets.
 */
import { electronicFormatIBAN, isValidIBAN } from 'ibantools'
import { type Lang, makeSpan, overlaps, type Span } from './types.js'

// ---------------------------------------------------------------------------------------
// maskSecret

export function maskSecret(value: string): string {
  const chars = [...value]
  if (chars.length >= 8) return chars.slice(0, 2).join('') + '•'.repeat(Math.min(chars.length - 2, 8))
  return '•'.repeat(Math.min(chars.length, 8))
}

// ---------------------------------------------------------------------------------------
// findSecretPhrases

/** Words that follow "het wachtwoord is" / "password:" without being a password. */
export const NOT_SECRET_WORDS: ReadonlySet<string> = new Set(
  `te kort lang niet wel veilig onveilig sterk zwak sterker zwakker vergeten gewijzigd veranderd aangepast
  verlopen onjuist fout juist correct incorrect ongeldig geldig verplicht nodig geheim privé prive persoonlijk
  belangrijk leeg nieuw oud hetzelfde dezelfde uniek hoofdlettergevoelig zichtbaar onzichtbaar verborgen bekend
  onbekend opgeslagen verstuurd verzonden gereset ingesteld vereist optioneel altijd nooit soms ook nog al dan
  een de het je jouw uw mijn ons onze zijn haar hun dat dit die deze er wat hier daar zie via in op bij van
  voor met naar zoals minimaal maximaal minstens tenminste moet mag kan wordt blijft is was wachtwoord
  ww pincode code inlogcode gebruikersnaam ja nee geen nvt volgt hieronder onder hierboven boven bijgevoegd
  apart gemaild ge-sms't gesmst opgestuurd verstrekt beschikbaar aangevraagd bevestigd
  the a an too short long not weak strong stronger weaker safe unsafe secure insecure secret private personal
  important empty new old same unique case-sensitive visible hidden known unknown saved sent reset set changed
  updated expired invalid valid wrong right correct incorrect required optional needed always never sometimes
  also still already then your my our his her their that this these those there what here see via in on at
  of for with to like such minimum maximum least must should can will be being is was were yes no none
  password passcode pin username follows below above attached separately emailed texted provided available
  requested confirmed protected encrypted hashed stored`.split(/\s+/),
)

/** Well-known example passwords, skipped in sentences about popularity/weakness. */
const FAMOUS_EXAMPLES = new Set([
  '123456',
  '1234567',
  '12345678',
  '123456789',
  '1234567890',
  '111111',
  '000000',
  'password',
  'password1',
  'password123',
  'qwerty',
  'qwerty123',
  'abc123',
  'welkom',
  'welkom01',
  'welkom123',
  'wachtwoord',
  'iloveyou',
  'letmein',
  'admin',
  '1234',
  '0000',
])
const POPULARITY_RE =
  /populairst|meest\s+gebruikt|meestgebruikt|vaakst|zwakst|slechtst|bekendst|most\s+(?:common|popular|used)|commonest|weakest|worst|top\s*\d+|lijst|list/i

type CueType = 'password' | 'pin' | 'code'

const PASSWORD_CUES = String.raw`wifi[-\s]?wachtwoord|wifiwachtwoord|wi-?fi\s+password|wachtwoord|paswoord|wachtzin|password|passphrase|passwd`
const SHORT_CUES_NL = `ww|pw|pwd|pass|wifi`
const SHORT_CUES_EN = `pw|pwd|pass|wifi`
const PIN_CUES = String.raw`pin[-\s]?code|pinnummer|pin|passcode|alarmcode|deurcode|kluiscode`
const CODE_CUES = String.raw`inlogcode|log-?in[-\s]?code|verificatiecode|verification\s+code|beveiligingscode|security\s+code|sms[-\s]?code|2fa[-\s]?code|2fa|otp|one[-\s]time\s+(?:code|password)|eenmalige\s+code|activatiecode|activation\s+code|authenticatiecode|authentication\s+code|auth\s+code|toegangscode|access\s+code|bevestigingscode|confirmation\s+code`

const CONNECTOR_WORD = String.raw`(?:is|luidt|was|wordt|blijft)(?:\s*:\s*|\s+(?:nu|now)\s+|\s+)`

function cueRegex(lang: Lang): RegExp {
  const shortCues = lang === 'nl' ? SHORT_CUES_NL : SHORT_CUES_EN
  return new RegExp(
    String.raw`(?<![\p{L}\p{N}_])(?:(?<pw>${PASSWORD_CUES})(?<pwc>\s*[:=]\s*|\s+${CONNECTOR_WORD}|\s+)|(?<short>${shortCues})(?<shc>\s*[:=]\s*)|(?<pin>${PIN_CUES})(?<pinc>\s*[:=]\s*|\s+${CONNECTOR_WORD}|\s+)|(?<code>${CODE_CUES})(?<codec>\s*[:=]\s*|\s+${CONNECTOR_WORD}|\s+))`,
    'giu',
  )
}

const CUE_RES: Record<Lang, RegExp> = { nl: cueRegex('nl'), en: cueRegex('en') }

const SECRET_PREFILTER =
  /wachtw|paswoord|wachtzin|pass|pw|ww|pin|code|2fa|otp|wifi|kluis|safe|key\s+box|alarm/i

const PLACEHOLDER_RE = /^(?:[*•●·xX.…_-]+|<[^>]*>|\[[^\]]*\]|\{[^}]*\})$/

interface Value {
  start: number
  end: number
  value: string
  quoted: boolean
}

function readValue(text: string, pos: number): Value | undefined {
  const open = text[pos]
  const closers: Record<string, string> = { '"': '"', "'": "'", '‘': '’', '“': '”', '`': '`', '„': '”' }
  if (open && closers[open]) {
    const close = closers[open]!
    const endQuote = text.indexOf(close, pos + 1)
    if (endQuote > pos + 1 && endQuote - pos <= 65 && !text.slice(pos + 1, endQuote).includes('\n')) {
      return { start: pos + 1, end: endQuote, value: text.slice(pos + 1, endQuote), quoted: true }
    }
    return undefined
  }
  const m = /^\S{1,64}/.exec(text.slice(pos))
  if (!m) return undefined
  let value = m[0]
  value = value.replace(/[.,;:)\]}"'”’»]+$/u, '')
  const core = value.replace(/[!?]+$/, '')
  if (core !== value && /^\p{L}+$/u.test(core)) value = core
  if (!value) return undefined
  return { start: pos, end: pos + value.length, value, quoted: false }
}

function endOfClause(text: string, end: number): boolean {
  const rest = text.slice(end)
  return /^(?:[!?.,;:)\]]*\s*(?:$|\n|[/|]|\p{Lu}|\(|[-–—]\s))|^[!?.,;:)\]]+/u.test(rest)
}

function looksLikePassword(v: Value, text: string, viaColon: boolean, shortCue: boolean): boolean {
  const s = v.value
  if (s.length < 4 || s.length > 64) return false
  if (/\s/.test(s) && !v.quoted) return false
  const hasDigit = /\d/.test(s)
  const hasLetter = /\p{L}/u.test(s)
  const hasSymbol = /[^\p{L}\p{N}]/u.test(s)
  const innerUpper = /\p{Ll}/u.test(s) && /.\p{Lu}/u.test(s)
  if ((hasDigit && hasLetter) || (hasSymbol && (hasDigit || hasLetter)) || innerUpper) return true
  if (/^\d+$/.test(s)) return s.length >= 4
  // A plain word: only "password: sunshine" at the end of a clause.
  if (shortCue || !viaColon) return v.quoted && !NOT_SECRET_WORDS.has(s.toLowerCase())
  if (NOT_SECRET_WORDS.has(s.toLowerCase())) return false
  return v.quoted || endOfClause(text, v.end)
}

function readCodeValue(text: string, pos: number, type: 'pin' | 'code'): Value | undefined {
  const rest = text.slice(pos)
  const spaced = /^(\d{3})[ -](\d{3})(?![\d])/.exec(rest)
  if (type === 'code' && spaced)
    return { start: pos, end: pos + spaced[0].length, value: spaced[0], quoted: false }
  const digits = /^\d{4,8}(?![\p{L}\p{N}]|[.,]\d)/u.exec(rest)
  if (digits) return { start: pos, end: pos + digits[0].length, value: digits[0], quoted: false }
  {
    // Letters and digits together (“Passcode: Hope7731”, “code AB12CD”); PINs may be shorter.
    const alnum = (
      type === 'code' ? /^[A-Za-z0-9]{6,12}(?![\p{L}\p{N}])/u : /^[A-Za-z0-9]{4,12}(?![\p{L}\p{N}])/u
    ).exec(rest)
    if (alnum && /\d/.test(alnum[0]) && /[A-Za-z]/.test(alnum[0])) {
      return { start: pos, end: pos + alnum[0].length, value: alnum[0], quoted: false }
    }
  }
  const quoted = readValue(text, pos)
  if (quoted?.quoted && /^[\d\s-]{4,12}$/.test(quoted.value)) return quoted
  return undefined
}

export function findSecretPhrases(text: string, lang: Lang): Span[] {
  if (!SECRET_PREFILTER.test(text)) return []
  const out: Span[] = []
  const re = CUE_RES[lang]
  re.lastIndex = 0
  for (const m of text.matchAll(re)) {
    const g = m.groups!
    const pos = m.index + m[0].length
    const cue = (g.pw ?? g.short ?? g.pin ?? g.code)!
    let type: CueType
    let v: Value | undefined
    if (g.pw || g.short) {
      type = 'password'
      const connector = (g.pwc ?? g.shc)!
      if ('<[{'.includes(text[pos] ?? ' ')) continue // "<your password>", "[wachtwoord]"
      v = readValue(text, pos)
      if (!v || PLACEHOLDER_RE.test(v.value)) continue
      if (!looksLikePassword(v, text, /[:=]/.test(connector), Boolean(g.short))) continue
      if (FAMOUS_EXAMPLES.has(v.value.toLowerCase()) && POPULARITY_RE.test(sentenceAround(text, m.index)))
        continue
    } else {
      type = g.pin ? 'pin' : 'code'
      v = readCodeValue(text, pos, type)
      if (!v) continue
      // "pin 2024" / "pincode 1950": a bare year right after the cue without ":"/"is" is not a PIN.
      const connector = (g.pinc ?? g.codec)!
      if (!/[:=]|\p{L}/u.test(connector) && /^(?:19|20)\d{2}$/.test(v.value)) continue
      if (FAMOUS_EXAMPLES.has(v.value) && POPULARITY_RE.test(sentenceAround(text, m.index))) continue
    }
    out.push(
      makeSpan(text, v.start, v.end, 'secret', {
        data: { type, cue: cue.toLowerCase(), masked: maskSecret(v.value) },
      }),
    )
  }
  for (const span of findDistantCodes(text)) {
    if (!out.some((other) => other.start < span.end && span.start < other.end)) out.push(span)
  }
  return out.sort((a, b) => a.start - b.start)
}

/**
 * A code named a few words before its value: “de code van de sleutelkluis
 * naast de voordeur is 4471”, “the key safe code by the door is 1234”.
 */
const DISTANT_CODE_RE =
  /(?<![\p{L}\p{N}_])(?:code|sleutelkluis|sleutelkastje|keysafe|key\s+safe|key\s+box|kluis|alarm)(?![\p{L}\p{N}_])[^.!?\n]{0,48}?(?:(?<![\p{L}\p{N}_])(?:is|was|luidt)|=|:)\s*(\d{4,8})(?![\p{L}\p{N}]|[.,]\d)/giu

function findDistantCodes(text: string): Span[] {
  if (!/code|kluis|safe|key\s+box|alarm/i.test(text)) return []
  const out: Span[] = []
  for (const m of text.matchAll(DISTANT_CODE_RE)) {
    const value = m[1]!
    const start = m.index + m[0].length - value.length
    out.push(
      makeSpan(text, start, start + value.length, 'secret', {
        data: { type: 'code', cue: 'code', masked: maskSecret(value) },
      }),
    )
  }
  return out
}

function sentenceAround(text: string, pos: number): string {
  const before = text.slice(0, pos)
  const start = Math.max(before.lastIndexOf('. '), before.lastIndexOf('\n'), before.lastIndexOf('! '), 0)
  const after = text.slice(pos).search(/[.!?](?:\s|$)|\n/)
  return text.slice(start, after < 0 ? text.length : pos + after + 1)
}

// ---------------------------------------------------------------------------------------
// Known token formats

interface TokenPattern {
  type: string
  re: RegExp
}

const B = `(?<![A-Za-z0-9_])`
const E = `(?![A-Za-z0-9_])`

export const TOKEN_PATTERNS: readonly TokenPattern[] = [
  {
    type: 'private-key',
    re: /-----BEGIN[A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----(?:[\s\S]{0,10000}?-----END[A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----)?/g,
  },
  {
    type: 'github-token',
    re: new RegExp(`${B}(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36,255}${E}`, 'g'),
  },
  {
    type: 'github-fine-grained-token',
    re: new RegExp(`${B}github_pat_[A-Za-z0-9_]{50,255}${E}`, 'g'),
  },
  { type: 'slack-token', re: new RegExp(String.raw`${B}xox[abposr]-(?:\d+-)+[A-Za-z0-9-]{8,}${E}`, 'g') },
  { type: 'slack-app-token', re: new RegExp(String.raw`${B}xapp-\d-[A-Z0-9]+-\d+-[a-z0-9]{20,}${E}`, 'g') },
  {
    type: 'slack-webhook',
    re: /https:\/\/hooks\.slack\.com\/services\/T[A-Z0-9]+\/B[A-Z0-9]+\/[A-Za-z0-9]{16,}/g,
  },
  {
    type: 'aws-access-key-id',
    re: /(?<![A-Z0-9])(?:A3T[A-Z0-9]|AKIA|ASIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA)[A-Z0-9]{16}(?![A-Z0-9])/g,
  },
  { type: 'google-api-key', re: new RegExp(`${B}AIza[0-9A-Za-z_-]{35}(?![A-Za-z0-9_-])`, 'g') },
  { type: 'stripe-secret-key', re: new RegExp(`${B}(?:sk|rk)_live_[0-9A-Za-z]{16,247}${E}`, 'g') },
  {
    type: 'anthropic-api-key',
    re: new RegExp(String.raw`${B}sk-ant-(?:api|admin)\d{2}-[A-Za-z0-9_-]{80,}(?![A-Za-z0-9_-])`, 'g'),
  },
  {
    type: 'openai-api-key',
    re: new RegExp(
      `${B}sk-(?:(?:proj|svcacct|admin)-[A-Za-z0-9_-]{20,}T3BlbkFJ[A-Za-z0-9_-]{20,}|[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20})(?![A-Za-z0-9_-])`,
      'g',
    ),
  },
  {
    type: 'jwt',
    re: new RegExp(
      String.raw`${B}eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}(?![A-Za-z0-9_-])`,
      'g',
    ),
  },
  { type: 'npm-token', re: new RegExp(`${B}npm_[A-Za-z0-9]{36}${E}`, 'g') },
  {
    type: 'sendgrid-api-key',
    re: new RegExp(String.raw`${B}SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])`, 'g'),
  },
  { type: 'shopify-token', re: new RegExp(`${B}shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}${E}`, 'g') },
  { type: 'linear-api-key', re: new RegExp(`${B}lin_api_[A-Za-z0-9]{40}${E}`, 'g') },
  {
    type: 'aws-secret-access-key',
    re: /(?<=["']?(?:AWS|aws|Aws)?_?(?:SECRET|secret|Secret)_?(?:ACCESS|access|Access)_?(?:KEY|key|Key)["']?\s*(?::|=>|=)\s*["']?)[A-Za-z0-9/+=]{40}(?![A-Za-z0-9/+=])/g,
  },
  {
    type: 'basic-auth-url',
    re: /\b[a-z][a-z0-9+.-]{1,20}:\/\/[^\s/:@]{1,64}:[^\s/@]{1,128}@[^\s/@]+/gi,
  },
]

/** Cheap test: could the text contain any known token? */
export const TOKEN_PREFILTER =
  /PRIVATE KEY|gh[pousr]_|[Ss]ecret_?[Aa]ccess|SECRET_?ACCESS|github_pat_|xox[abposr]-|xapp-|hooks\.slack|A3T|AKIA|ASIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|AIza|_live_|sk-|eyJ|npm_|SG\.|shp(?:at|ca|pa|ss)_|lin_api_|:\/\/[^\s/]*:[^\s/]*@/

/** AWS documentation example keys, never real. */
const EXAMPLE_TOKENS = new Set(['AKIAIOSFODNN7EXAMPLE', 'AKIAI44QH8DHBEXAMPLE'])

export function findTokenPatterns(text: string): Span[] {
  if (!TOKEN_PREFILTER.test(text)) return []
  const out: Span[] = []
  for (const { type, re } of TOKEN_PATTERNS) {
    re.lastIndex = 0
    for (const m of text.matchAll(re)) {
      if (EXAMPLE_TOKENS.has(m[0])) continue
      if (type === 'basic-auth-url' && /:(?:\*+|x+|password|wachtwoord|<[^>]*>)@/i.test(m[0])) continue
      const span = makeSpan(text, m.index, m.index + m[0].length, 'token', {
        data: { type, source: 'pattern', masked: maskSecret(m[0]) },
      })
      if (out.some((o) => overlaps(o, span))) continue
      out.push(span)
    }
  }
  return out.sort((a, b) => a.start - b.start)
}

interface SecretlintMessage {
  ruleId: string
  range: readonly [number, number]
  message: string
  data?: Record<string, unknown>
}

type LintSource = (args: {
  source: { content: string; filePath: string; contentType: 'text' }
  options: { config: { rules: unknown[] }; noPhysicFilePath?: boolean; maskSecrets?: boolean }
}) => Promise<{ messages: SecretlintMessage[] }>

let secretlint: Promise<{ lintSource: LintSource; rule: unknown } | undefined> | undefined

/** secretlint, or undefined where it cannot be loaded (the browser bundle leaves it out: it needs Node). */
function loadSecretlint() {
  secretlint ??= Promise.all([
    import('@secretlint/core'),
    import('@secretlint/secretlint-rule-preset-recommend'),
    import('@secretlint/profiler'),
  ])
    .then(([core, preset, profiler]) => {
      // secretlint ≤ 13.0.6 profiles every run: a performance mark per rule per text, kept
      // for ever, so time and memory grow with every draft checked (secretlint#1633, fixed
      // in 13.0.7 by secretlint#1673, which needs Node 22). Nobody reads the profile here.
      profiler.secretLintProfiler.mark = () => {}
      return {
        lintSource: core.lintSource as unknown as LintSource,
        rule: {
          id: '@secretlint/secretlint-rule-preset-recommend',
          rule: preset.creator,
          // Also report bare AWS access key IDs (AKIA…), like findTokenPatterns does.
          rules: [{ id: '@secretlint/secretlint-rule-aws', options: { enableIDScanRule: true } }],
        },
      }
    })
    .catch(() => undefined)
  return secretlint
}

/**
 * Known token formats via secretlint (recommend preset). Loads secretlint on first use.
 * Node only (see the file header): none where secretlint cannot be loaded; ~0.2 ms per
 * 2,000-character text once loaded.
 */
export async function findKnownTokens(text: string): Promise<Span[]> {
  const loaded = text ? await loadSecretlint() : undefined
  // Without secretlint, findTokenPatterns (run by the rule as well) still finds the common formats.
  if (!loaded) return []
  const { lintSource, rule } = loaded
  const result = await lintSource({
    source: { content: text, filePath: 'draft.txt', contentType: 'text' },
    options: { config: { rules: [rule] }, noPhysicFilePath: true, maskSecrets: false },
  })
  const out: Span[] = []
  for (const msg of result.messages) {
    let [start, end] = msg.range
    // Some secretlint rules report the start of the whole match with the length of the
    // captured secret (e.g. "AWS_SECRET_ACCESS_KEY=…"); re-anchor on the reported value.
    const reported = Object.values(msg.data ?? {}).find(
      (v): v is string => typeof v === 'string' && v.length >= 8 && v.length === end - start,
    )
    if (reported && text.slice(start, end) !== reported) {
      const at = text.indexOf(reported, start)
      if (at >= 0 && at - start <= 200) {
        start = at
        end = at + reported.length
      }
    }
    const span = makeSpan(text, start, end, 'token', {
      data: {
        type: msg.ruleId.replace(/^@secretlint\/secretlint-rule-/, ''),
        ruleId: msg.ruleId,
        source: 'secretlint',
        masked: maskSecret(text.slice(start, end)),
      },
    })
    if (out.some((o) => o.start === span.start && o.end === span.end)) continue
    out.push(span)
  }
  return out.sort((a, b) => a.start - b.start)
}

// ---------------------------------------------------------------------------------------
// High entropy

/** Letter pairs common in English (SCOWL size ≤ 35, ≥ 30 occurrences) or Dutch words. */
const COMMON_BIGRAMS = new Set(
  'aaabacadaeafagaiakalamanaparasatauavawaxayazbabbbebiblbobrbsbtbubycacccechcickclcocrcsctcucydadddedgdhdidldmdndodrdsdudvdwdydzeaebecedeeefegeheiejekelemeneoepeqereseteuevewexeyezfafbfefffiflfofrfsftfufvfygagbgdgeggghgiglgmgngogpgrgsgtgugyhahbhehihlhmhohrhshthuhyiaibicidieifigijikiliminioipiqirisitiuivixizjajdjejijkjmjnjojsjujvjwkakbkckekgkikjkkklknkoksktkukvkwkylalblcldlelflglilklllmlolplsltlulvlylzmambmemhmimmmnmompmsmumynanbncndnenfngnhninjnknlnmnnnonpnqnrnsntnunvnwnynzoaobocodoeofogoiojokolomonoooporosotouovowoxoyozpapephpipjplpoppprpsptpupvpyqurarbrcrdrerfrgrhrirkrlrmrnrorprrrsrtrurvrwryrzsasbscsdsesfsgshsisjskslsmsnsospsqsrssstsuswsysztatbtctetfthtitjtktltmtntotptrtstttutwtyuaubucudueufuguiukulumunuoupurusutuuuwuzvavevivlvovrwawbwdwewhwiwjwkwlwnwowrwswtxaxcxexhxixpxtxuyaybycyeyiylymynyoypyrysytzazezizlzozuzwzz'.match(
    /../g,
  ),
)

export function shannonEntropy(s: string): number {
  const freq = new Map<string, number>()
  for (const c of s) freq.set(c, (freq.get(c) ?? 0) + 1)
  let h = 0
  const n = [...s].length
  for (const v of freq.values()) {
    const p = v / n
    h -= p * Math.log2(p)
  }
  return h
}

function naturalRun(run: string): boolean {
  const low = run.toLowerCase()
  if (low.length < 3) return false
  const vowels = (low.match(/[aeiouy]/g) ?? []).length / low.length
  if (vowels < 0.15 || vowels > 0.8) return false
  for (let i = 1; i < low.length; i++) if (!COMMON_BIGRAMS.has(low.slice(i - 1, i + 1))) return false
  return true
}

export interface EntropyFeatures {
  entropy: number
  meanRun: number
  naturalShare: number
  digitRuns: number
}

export function entropyFeatures(token: string): EntropyFeatures {
  const a = token.replace(/[^A-Za-z0-9]/g, '')
  const runs = a.match(/[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+/g) ?? []
  const letterRuns = runs.filter((r) => /[A-Za-z]/.test(r))
  const letters = letterRuns.reduce((n, r) => n + r.length, 0)
  const natural = letterRuns.filter(naturalRun).reduce((n, r) => n + r.length, 0)
  return {
    entropy: shannonEntropy(a),
    meanRun: runs.length ? a.length / runs.length : 0,
    naturalShare: letters ? natural / letters : 0,
    digitRuns: runs.filter((r) => /\d/.test(r)).length,
  }
}

/** The classifier used by findHighEntropy, exported for tests and tuning. */
export function isKeyLike(token: string): boolean {
  const a = token.replace(/[^A-Za-z0-9]/g, '')
  if (a.length < 20 || !/\d/.test(a) || !/[A-Za-z]/.test(a)) return false
  const f = entropyFeatures(token)
  if (f.entropy < 3.0) return false
  if (f.naturalShare >= 0.6) return false
  return f.meanRun <= 3.0 || f.digitRuns >= 3 || f.naturalShare < 0.3
}

const URL_RE = /\b(?:https?:\/\/|www\.)\S+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\/\S*/gi
const EMAIL_RE = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const HASH_CUE_RE =
  /(?:sha-?(?:1|256|512)?|md5|checksum|controlegetal|hash|commit|digest|versie|version)\s*[:=#]?\s*$/i
const CANDIDATE_RE = /[A-Za-z0-9+/_-]{20,}={0,2}/g

export function findHighEntropy(text: string): Span[] {
  if (!/[A-Za-z0-9+/_-]{20}/.test(text)) return []
  const skip: Array<{ start: number; end: number }> = []
  for (const re of [URL_RE, EMAIL_RE]) {
    for (const m of text.matchAll(re)) skip.push({ start: m.index, end: m.index + m[0].length })
  }
  for (const s of findTokenPatterns(text)) skip.push(s)
  const out: Span[] = []
  for (const m of text.matchAll(CANDIDATE_RE)) {
    let token = m[0]
    let start = m.index
    // Trim leading/trailing separators that belong to the prose ("-", "/", "=" padding kept).
    const lead = /^[/_-]+/.exec(token)?.[0].length ?? 0
    token = token.slice(lead)
    start += lead
    token = token.replace(/[/_-]+$/, '')
    const end = start + token.length
    if (token.length < 20) continue
    const prev = text[start - 1] ?? ''
    if (prev === '#' || prev === '@' || prev === '.' || prev === '&') continue
    if (/^\.[A-Za-z0-9]{2,5}(?![A-Za-z0-9])/.test(text.slice(end))) continue // file name
    if (skip.some((s) => overlaps(s, { start, end }))) continue
    if (UUID_RE.test(token)) continue
    // Published checksums and commit ids ("SHA256: 9f86…", "commit a94a8fe…") are not secrets.
    if (HASH_CUE_RE.test(text.slice(Math.max(0, start - 24), start))) continue
    const iban = electronicFormatIBAN(token)
    if (iban && isValidIBAN(iban)) continue
    if (!isKeyLike(token)) continue
    const f = entropyFeatures(token)
    out.push(
      makeSpan(text, start, end, 'high-entropy', {
        data: { entropy: Math.round(f.entropy * 100) / 100, masked: maskSecret(token) },
      }),
    )
  }
  return out
}

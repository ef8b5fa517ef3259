import type { Rule } from '@post-lint/core'
import { metaFrom } from '../data.js'
import {
  findHighEntropy,
  findKnownTokens,
  findSecretPhrases,
  findTokenPatterns,
  maskSecret,
} from '../detect/secrets.js'
import type { Span } from '../detect/types.js'
import { ruleData } from '../generated/rules.js'
import { detectInBlocks, withoutOverlaps } from './blocks.js'

/**
 * Passwords, PINs, 2FA codes, API keys and tokens. Known token formats are
 * looked for in the whole draft (code blocks and frontmatter are published
 * too), with secretlint's recommended rules and our own patterns; natural
 * phrasing ("het wachtwoord is …") in the prose. The secret is never echoed:
 * `actual` and the message show it masked.
 */
const data = ruleData.secrets!

const MESSAGES = {
  secret: {
    en: 'This looks like a password, PIN or login code ({actual}): never put one in a post, and change it if it was shared.',
    nl: 'Dit lijkt een wachtwoord, pincode of inlogcode ({actual}): zet die nooit in een bericht, en wijzig hem als hij al gedeeld is.',
  },
  token: {
    en: 'This looks like an access key or token ({actual}): remove it and have it revoked, it gives access to an account.',
    nl: 'Dit lijkt een toegangssleutel of token ({actual}): haal hem weg en laat hem intrekken, hij geeft toegang tot een account.',
  },
  'high-entropy': {
    en: 'This looks like a key or password ({actual}): remove it if it gives access to anything.',
    nl: 'Dit lijkt een sleutel of wachtwoord ({actual}): haal het weg als het ergens toegang toe geeft.',
  },
} as const

/** Long unbroken runs of key-like characters: the only texts secretlint is asked about. */
const CANDIDATE = /[A-Za-z0-9_\-+/=]{16,}/

export const secrets: Rule = {
  meta: metaFrom(data, { sensitive: true }),
  async check(ctx) {
    const whole = (spans: Span[]) =>
      spans.map((span) => ({ ...span, sourceStart: span.start, sourceEnd: span.end }))
    const found = [
      ...detectInBlocks(ctx, (text) => findSecretPhrases(text, ctx.lang)),
      ...whole(findTokenPatterns(ctx.source)),
      ...(CANDIDATE.test(ctx.source) ? whole(await findKnownTokens(ctx.source)) : []),
      ...whole(findHighEntropy(ctx.source)),
    ]
    // Tokens first when spans overlap: they carry the most precise message.
    const rank = (span: Span) => (span.kind === 'token' ? 0 : span.kind === 'secret' ? 1 : 2)
    const ordered = [...found].sort((a, b) => rank(a) - rank(b))
    const kept: typeof found = []
    for (const span of ordered) {
      if (kept.some((other) => span.sourceStart < other.sourceEnd && other.sourceStart < span.sourceEnd))
        continue
      kept.push(span)
    }
    for (const span of withoutOverlaps(kept)) {
      const masked = maskSecret(ctx.source.slice(span.sourceStart, span.sourceEnd))
      const template = MESSAGES[span.kind as keyof typeof MESSAGES] ?? MESSAGES['high-entropy']
      ctx.report({
        start: span.sourceStart,
        end: span.sourceEnd,
        actual: masked,
        message: ctx.t(template, { actual: masked }),
      })
    }
  },
}

import type { Rule } from '@post-lint/core'
import { metaFrom } from '../data.js'
import {
  countHashtags,
  firstOverLimit,
  loadTwitterText,
  mayExceed,
  measurePost,
  needsTwitterText,
  PLATFORM_LIMITS,
} from '../detect/length.js'
import { ruleData } from '../generated/rules.js'

/**
 * A post longer than its platform allows, from frontmatter `platform:`.
 * The finding spans the text past the limit, so the writer sees where to cut.
 * Channels without a limit (newsletter, website, e-mail) pass; an unknown
 * platform name is reported at its value.
 *
 * Options (a rulebook's account register fills `accounts`):
 * - `limits`: other limits per platform, e.g. `{ x: { length: 4000 } }` for an
 *   organisation whose X accounts are all verified. Keys are platform names
 *   (aliases such as `twitter` work); `length` and `hashtags` are numbers.
 * - `accounts`: limits per account id, `{ "x-debrug": { platform: x, limits:
 *   { length: 4000, hashtags: 3 } } }`. A draft with `account: x-debrug` gets
 *   that account's limits (when its `platform:` is the account's platform or
 *   absent); without `platform:` the account's platform is used.
 */
const data = ruleData['platform-length']!

const NAMES: Record<string, string> = {
  x: 'X',
  bluesky: 'Bluesky',
  mastodon: 'Mastodon',
  threads: 'Threads',
  linkedin: 'LinkedIn',
  instagram: 'Instagram',
  facebook: 'Facebook',
}
const ALIASES: Record<string, string> = {
  twitter: 'x',
  'x.com': 'x',
  bsky: 'bluesky',
  fb: 'facebook',
  ig: 'instagram',
  insta: 'instagram',
}
const NO_LIMIT = new Set([
  'newsletter',
  'nieuwsbrief',
  'website',
  'web',
  'blog',
  'email',
  'e-mail',
  'mail',
  'intranet',
  'print',
])

const MESSAGES = {
  length: {
    en: 'This post is {length} characters; {platform} allows {limit}. Shorten it by {over} or split it into a thread.',
    nl: 'Dit bericht is {length} tekens; {platform} staat er {limit} toe. Kort het {over} tekens in of maak er een draadje van.',
  },
  hashtags: {
    en: 'This post has {count} hashtags; {platform} allows {limit}. Keep the {limit} that matter most.',
    nl: 'Dit bericht heeft {count} hashtags; {platform} staat er {limit} toe. Houd de {limit} belangrijkste.',
  },
  account: { en: '{platform} (account “{account}”)', nl: '{platform} (account “{account}”)' },
  unknown: {
    en: 'Unknown platform “{actual}”: post-lint knows {known}, and newsletter/website (no limit).',
    nl: 'Onbekend platform “{actual}”: post-lint kent {known}, en newsletter/website (geen limiet).',
  },
}

/** A platform name as written (“Twitter”, “IG”) → post-lint's name (“x”, “instagram”). */
export function normalizePlatform(name: string): string {
  const key = name.trim().toLowerCase()
  return ALIASES[key] ?? key
}

/** How a platform is written in messages (“LinkedIn”). */
export function platformName(platform: string): string {
  const key = normalizePlatform(platform)
  return NAMES[key] ?? platform
}

/** Platforms with a length limit, and channels without one (newsletter, website, …). */
export const KNOWN_PLATFORMS: readonly string[] = [...Object.keys(PLATFORM_LIMITS), ...NO_LIMIT]

interface Limits {
  length?: number
  hashtags?: number
}

function limitsOf(value: unknown): Limits {
  if (typeof value !== 'object' || value === null) return {}
  const { length, hashtags } = value as Record<string, unknown>
  const limits: Limits = {}
  if (typeof length === 'number' && length > 0) limits.length = length
  if (typeof hashtags === 'number' && hashtags >= 0) limits.hashtags = hashtags
  return limits
}

/** `limits` option, keyed by normalized platform name. */
function platformLimits(options: Readonly<Record<string, unknown>>, platform: string): Limits {
  const table = options.limits
  if (typeof table !== 'object' || table === null) return {}
  for (const [name, value] of Object.entries(table)) {
    if (normalizePlatform(name) === platform) return limitsOf(value)
  }
  return {}
}

/** The draft's account in the `accounts` option, if any. */
function accountOf(
  options: Readonly<Record<string, unknown>>,
  id: unknown,
): { id: string; platform: string | undefined; limits: Limits } | undefined {
  const table = options.accounts
  if (typeof id !== 'string' || typeof table !== 'object' || table === null) return undefined
  if (!Object.hasOwn(table, id)) return undefined
  const entry = (table as Record<string, unknown>)[id]
  if (typeof entry !== 'object' || entry === null) return undefined
  const platform = (entry as { platform?: unknown }).platform
  return {
    id,
    platform: typeof platform === 'string' ? normalizePlatform(platform) : undefined,
    limits: limitsOf((entry as { limits?: unknown }).limits),
  }
}

export const platformLength: Rule = {
  meta: metaFrom(data, { scope: 'document' }),
  async check(ctx) {
    const frontmatter = ctx.frontmatter
    if (!frontmatter) return
    const raw = frontmatter.data.platform
    const account = accountOf(ctx.options, frontmatter.data.account)
    const declared = typeof raw === 'string' ? normalizePlatform(raw) : undefined
    const platform = declared ?? account?.platform
    if (platform === undefined || NO_LIMIT.has(platform)) return
    const where = frontmatter.keyOffsets.platform ?? frontmatter.keyOffsets.account
    if (!(platform in PLATFORM_LIMITS)) {
      // An account's unknown platform is the rulebook's problem, not the draft's.
      if (declared !== undefined && frontmatter.keyOffsets.platform) {
        ctx.report({
          start: frontmatter.keyOffsets.platform.start,
          end: frontmatter.keyOffsets.platform.end,
          message: ctx.t(MESSAGES.unknown, {
            actual: String(raw),
            known: Object.keys(PLATFORM_LIMITS).join(', '),
          }),
        })
      }
      return
    }
    const text = ctx.plainText()
    const spec = PLATFORM_LIMITS[platform as keyof typeof PLATFORM_LIMITS]
    const own = account && account.platform === platform ? account.limits : {}
    const general = platformLimits(ctx.options, platform)
    const limit = own.length ?? general.length ?? spec.limit
    const hashtagLimit = own.hashtags ?? general.hashtags ?? spec.hashtagLimit
    const display =
      own.length !== undefined || own.hashtags !== undefined
        ? ctx.t(MESSAGES.account, { platform: NAMES[platform] ?? platform, account: account!.id })
        : (NAMES[platform] ?? platform)
    await checkLength(ctx, platform, text, limit, display)
    const hashtags = hashtagLimit === undefined ? 0 : countHashtags(text)
    if (hashtagLimit !== undefined && hashtags > hashtagLimit) {
      ctx.report({
        start: where?.start ?? 0,
        end: where?.end ?? 0,
        message: ctx.t(MESSAGES.hashtags, {
          count: String(hashtags),
          limit: String(hashtagLimit),
          platform: display,
        }),
      })
    }
  },
}

/** Reports a post longer than `limit`. Most posts are far below it: measured only when they might not be. */
async function checkLength(
  ctx: Parameters<NonNullable<Rule['check']>>[0],
  platform: string,
  text: string,
  limit: number,
  display: string,
): Promise<void> {
  if (!mayExceed(platform, text, limit)) return
  if (needsTwitterText(platform)) await loadTwitterText()
  const measure = measurePost(platform, text)
  if (!measure || measure.length <= limit) return
  const over = firstOverLimit(platform, text, limit) ?? text.length
  const { start, end } = toSource(ctx, over, text.length)
  ctx.report({
    start,
    end,
    message: ctx.t(MESSAGES.length, {
      length: String(measure.length),
      limit: String(limit),
      over: String(measure.length - limit),
      platform: display,
    }),
  })
}

/** Plain-text offsets (blocks joined by a blank line) → source offsets. */
function toSource(
  ctx: Parameters<NonNullable<Rule['check']>>[0],
  from: number,
  to: number,
): { start: number; end: number } {
  let position = 0
  let start: number | undefined
  let end = ctx.source.length
  for (const block of ctx.blocks) {
    const blockEnd = position + block.text.length
    if (start === undefined && from < blockEnd) start = block.toSource(Math.max(0, from - position))
    if (to <= blockEnd && block.text.length > 0) {
      end = block.toSource(Math.max(0, Math.min(to - position, block.text.length) - 1)) + 1
      break
    }
    if (block.text.length > 0) end = block.toSource(block.text.length - 1) + 1
    position = blockEnd + 2
  }
  return { start: start ?? end, end }
}

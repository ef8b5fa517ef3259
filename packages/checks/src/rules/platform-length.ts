import type { Rule } from '@post-lint/core'
import { metaFrom } from '../data.js'
import { measurePost, PLATFORM_LIMITS } from '../detect/length.js'
import { ruleData } from '../generated/rules.js'

/**
 * A post longer than its platform allows, from frontmatter `platform:`.
 * The finding spans the text past the limit, so the writer sees where to cut.
 * Channels without a limit (newsletter, website, e-mail) pass; an unknown
 * platform name is reported at its value.
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
  unknown: {
    en: 'Unknown platform “{actual}”: post-lint knows {known}, and newsletter/website (no limit).',
    nl: 'Onbekend platform “{actual}”: post-lint kent {known}, en newsletter/website (geen limiet).',
  },
}

export const platformLength: Rule = {
  meta: metaFrom(data),
  check(ctx) {
    const frontmatter = ctx.frontmatter
    const raw = frontmatter?.data.platform
    if (!frontmatter || typeof raw !== 'string') return
    const name = raw.trim().toLowerCase()
    const platform = ALIASES[name] ?? name
    if (NO_LIMIT.has(platform)) return
    const where = frontmatter.keyOffsets.platform
    if (!(platform in PLATFORM_LIMITS)) {
      if (where) {
        ctx.report({
          start: where.start,
          end: where.end,
          message: ctx.t(MESSAGES.unknown, { actual: raw, known: Object.keys(PLATFORM_LIMITS).join(', ') }),
        })
      }
      return
    }
    const text = ctx.plainText()
    const measure = measurePost(platform, text)
    if (!measure) return
    const display = NAMES[platform] ?? platform
    if (measure.length > measure.limit) {
      // The first character past the limit, found by halving (length is monotone in the prefix).
      let low = 0
      let high = text.length
      while (low < high) {
        const middle = (low + high) >> 1
        if ((measurePost(platform, text.slice(0, middle + 1))?.length ?? 0) > measure.limit) high = middle
        else low = middle + 1
      }
      const { start, end } = toSource(ctx, low, text.length)
      ctx.report({
        start,
        end,
        message: ctx.t(MESSAGES.length, {
          length: String(measure.length),
          limit: String(measure.limit),
          over: String(measure.length - measure.limit),
          platform: display,
        }),
      })
    }
    if (measure.hashtagLimit !== undefined && (measure.hashtags ?? 0) > measure.hashtagLimit) {
      ctx.report({
        start: where?.start ?? 0,
        end: where?.end ?? 0,
        message: ctx.t(MESSAGES.hashtags, {
          count: String(measure.hashtags),
          limit: String(measure.hashtagLimit),
          platform: display,
        }),
      })
    }
  },
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

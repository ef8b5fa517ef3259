/**
 * Post length per platform, counted the way the platform counts it.
 *
 * | platform  | limit | unit                                                              |
 * |-----------|-------|-------------------------------------------------------------------|
 * | x         | 280   | twitter-text weighted length (URLs 23, CJK/emoji weight 2)        |
 * | bluesky   | 300   | graphemes (Intl.Segmenter)                                        |
 * | mastodon  | 500   | graphemes after every http(s) URL → 23 chars, @user@domain → @user |
 * | threads   | 500   | graphemes                                                         |
 * | linkedin  | 3000  | UTF-16 code units (what the JS front-end counts; emoji count 2)   |
 * | instagram | 2200  | UTF-16 code units, and at most 30 hashtags                        |
 * | facebook  | 63206 | UTF-16 code units                                                 |
 *
 * UTF-16 is used where the platform's own counting is undocumented: it is never lower
 * than the grapheme count, so the linter warns early rather than late.
 * Unknown platform → undefined.
 */
import type { TwitterText } from '@ambassify/twitter-text'
import { lazy } from '@post-lint/core'

export type Platform = 'x' | 'bluesky' | 'mastodon' | 'threads' | 'linkedin' | 'instagram' | 'facebook'

export type LengthUnit = 'weighted' | 'graphemes' | 'utf16'

export interface PlatformLimit {
  limit: number
  unit: LengthUnit
  hashtagLimit?: number
}

export const PLATFORM_LIMITS: Readonly<Record<Platform, PlatformLimit>> = {
  x: { limit: 280, unit: 'weighted' },
  bluesky: { limit: 300, unit: 'graphemes' },
  mastodon: { limit: 500, unit: 'graphemes' },
  threads: { limit: 500, unit: 'graphemes' },
  linkedin: { limit: 3000, unit: 'utf16' },
  instagram: { limit: 2200, unit: 'utf16', hashtagLimit: 30 },
  facebook: { limit: 63206, unit: 'utf16' },
}

export interface PostMeasure {
  platform: Platform
  length: number
  limit: number
  hashtags?: number
  hashtagLimit?: number
}

let segmenter: Intl.Segmenter | undefined

/** twitter-text takes about 30 ms to load; only X and Mastodon posts need it (and short ones not even then: `mayExceed`). */
const twitterText = lazy('twitter-text', async () => (await import('@ambassify/twitter-text')).default)

/** Loads twitter-text; `measurePost` and friends need it for X and Mastodon. */
export async function loadTwitterText(): Promise<void> {
  await twitterText.load()
}

const twitter = (): TwitterText => twitterText.get()

/** Whether measuring `platform` needs twitter-text (`loadTwitterText`). */
export function needsTwitterText(platform: string): boolean {
  const name = platformNamed(platform)
  return name === 'x' || name === 'mastodon'
}

/**
 * Whether `text` can count more than `limit` on `platform`, from a bound that
 * needs no twitter-text: every character counts at most 2 on X (after NFC,
 * which twitter-text applies) and 1 elsewhere, and every link at most 23
 * (each needs a dot). False means it surely fits; true means: measure it.
 */
export function mayExceed(platform: string, text: string, limit: number): boolean {
  let links = 0
  for (let index = text.indexOf('.'); index !== -1; index = text.indexOf('.', index + 1)) links++
  const length = platformNamed(platform) === 'x' ? 2 * text.normalize('NFC').length : text.length
  return length + 23 * links > limit
}

/**
 * Characters that join with their neighbours into one grapheme: combining
 * marks, zero-width joiner, variation selectors, skin tones, flag letters,
 * tag characters, Hangul jamo, and CR (CRLF is one grapheme).
 */
const JOINING =
  /\p{M}|\u200d|[\ufe00-\ufe0f]|[\u1100-\u11ff]|\r|[\u{1F3FB}-\u{1F3FF}]|[\u{1F1E6}-\u{1F1FF}]|[\u{E0020}-\u{E007F}]/u

export function countGraphemes(text: string): number {
  // Fast path: printable ASCII, tabs and newlines (no CR: CRLF is one grapheme).
  if (/^[\t\n -~]*$/.test(text)) return text.length
  // Nothing that joins: one grapheme per code point (Intl.Segmenter is slow).
  if (!JOINING.test(text)) {
    let count = 0
    for (let index = 0; index < text.length; index++) {
      const code = text.charCodeAt(index)
      if (code < 0xdc00 || code > 0xdfff) count++
    }
    return count
  }
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' })
  let n = 0
  for (const _ of segmenter.segment(text)) n++
  return n
}

const MASTODON_URL_PLACEHOLDER = 'x'.repeat(23)
// Mastodon's Account::MENTION_RE: "@user@domain" counts as "@user".
const MASTODON_MENTION_RE =
  /(?<![=/\p{L}\p{N}_])@([a-z0-9_]+(?:[a-z0-9_.-]+[a-z0-9_]+)?)@[\p{L}\p{N}_.-]+[\p{L}\p{N}_]/giu

/** Mastodon's countable text: URLs → 23 chars, remote mentions → local form. */
export function mastodonCountableText(text: string): string {
  const urls = twitter().extractUrlsWithIndices(text, { extractUrlsWithoutProtocol: false })
  let out = ''
  let pos = 0
  for (const u of urls) {
    const [s, e] = u.indices
    if (!/^https?:\/\//i.test(u.url)) continue
    out += text.slice(pos, s) + MASTODON_URL_PLACEHOLDER
    pos = e
  }
  out += text.slice(pos)
  return out.replace(MASTODON_MENTION_RE, '@$1')
}

const HASHTAG_RE = /(?<![\p{L}\p{N}_&#/])[#＃]([\p{L}\p{M}\p{N}_]*[\p{L}\p{M}][\p{L}\p{M}\p{N}_]*)/gu

export function countHashtags(text: string): number {
  let n = 0
  for (const _ of text.matchAll(HASHTAG_RE)) n++
  return n
}

/** A platform as written (`X`, `twitter`, `Mastodon`) → its name in PLATFORM_LIMITS, or undefined. */
function platformNamed(platform: string): Platform | undefined {
  const key = platform.toLowerCase()
  const name = key === 'twitter' ? 'x' : key
  return Object.hasOwn(PLATFORM_LIMITS, name) ? (name as Platform) : undefined
}

export function measurePost(platform: string, text: string): PostMeasure | undefined {
  const name = platformNamed(platform)
  if (name === undefined) return undefined
  const spec = PLATFORM_LIMITS[name]
  let length: number
  switch (name) {
    case 'x':
      length = twitter().parseTweet(text).weightedLength
      break
    case 'mastodon':
      length = countGraphemes(mastodonCountableText(text))
      break
    case 'bluesky':
    case 'threads':
      length = countGraphemes(text)
      break
    default:
      length = text.length
  }
  const result: PostMeasure = { platform: name, length, limit: spec.limit }
  if (spec.hashtagLimit !== undefined) {
    result.hashtags = countHashtags(text)
    result.hashtagLimit = spec.hashtagLimit
  }
  return result
}

/**
 * Index (UTF-16) of the first character past `limit` in `text` as the platform
 * counts it, or undefined when the text fits. One pass for the common cases
 * (code units, graphemes, X at its standard 280); otherwise found by halving,
 * since the length only grows with the prefix.
 */
export function firstOverLimit(platform: string, text: string, limit: number): number | undefined {
  const measure = measurePost(platform, text)
  if (!measure || measure.length <= limit) return undefined
  const name = measure.platform as Platform
  const unit = PLATFORM_LIMITS[name].unit
  if (unit === 'utf16') return limit
  if (unit === 'graphemes' && name !== 'mastodon') {
    if (/^[\t\n -~]*$/.test(text)) return limit
    segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' })
    let count = 0
    for (const { index } of segmenter.segment(text)) {
      if (count === limit) return index
      count++
    }
    return undefined
  }
  if (name === 'x' && limit === PLATFORM_LIMITS.x.limit) return twitter().parseTweet(text).validRangeEnd + 1
  let low = 0
  let high = text.length
  while (low < high) {
    const middle = (low + high) >> 1
    if ((measurePost(name, text.slice(0, middle + 1))?.length ?? 0) > limit) high = middle
    else low = middle + 1
  }
  return low
}

import { beforeAll, describe, expect, it } from 'vitest'
import {
  countGraphemes,
  countHashtags,
  firstOverLimit,
  loadTwitterText,
  mastodonCountableText,
  mayExceed,
  measurePost,
  PLATFORM_LIMITS,
} from './length.js'

beforeAll(loadTwitterText)

const family = '👩‍👩‍👧' // one grapheme, 8 UTF-16 code units
const longUrl = 'https://example.org/a/very/long/path/that/goes/on/and/on/forever?utm_source=x'

describe('PLATFORM_LIMITS', () => {
  it('has the documented limits', () => {
    expect(PLATFORM_LIMITS).toMatchObject({
      x: { limit: 280 },
      bluesky: { limit: 300 },
      mastodon: { limit: 500 },
      threads: { limit: 500 },
      linkedin: { limit: 3000 },
      instagram: { limit: 2200, hashtagLimit: 30 },
      facebook: { limit: 63206 },
    })
  })
})

describe('measurePost', () => {
  it('returns undefined for unknown platforms', () => {
    expect(measurePost('myspace', 'hi')).toBeUndefined()
    expect(measurePost('', 'hi')).toBeUndefined()
  })

  it('x: weighted length, URLs count 23', () => {
    expect(measurePost('x', 'hello')).toEqual({ platform: 'x', length: 5, limit: 280 })
    expect(measurePost('x', `Lees meer: ${longUrl}`)?.length).toBe(11 + 23)
    expect(measurePost('x', 'Kijk op example.org')?.length).toBe(8 + 23)
    expect(measurePost('x', '日本語')?.length).toBe(6)
    expect(measurePost('x', '🎉')?.length).toBe(2)
    expect(measurePost('X', 'a')?.platform).toBe('x')
    expect(measurePost('twitter', 'a')?.platform).toBe('x')
  })

  it('bluesky and threads: graphemes', () => {
    expect(measurePost('bluesky', `Hoi ${family}!`)).toEqual({ platform: 'bluesky', length: 6, limit: 300 })
    expect(measurePost('threads', 'e\u0301te\u0301')?.length).toBe(3)
    expect(measurePost('bluesky', longUrl)?.length).toBe(longUrl.length)
  })

  it('mastodon: every URL 23, remote mentions count as local', () => {
    expect(measurePost('mastodon', `Lees ${longUrl} nu`)?.length).toBe(5 + 23 + 3)
    expect(measurePost('mastodon', 'Zie https://x.nl')?.length).toBe(4 + 23)
    expect(measurePost('mastodon', 'Dank @jan@mastodon.social!')?.length).toBe(5 + 4 + 1)
    expect(measurePost('mastodon', 'Mail jan@example.org')?.length).toBe(20)
    expect(measurePost('mastodon', 'Zie example.org')?.length).toBe(15)
  })

  it('linkedin and facebook: UTF-16 code units', () => {
    expect(measurePost('linkedin', `Hoi ${family}`)).toEqual({
      platform: 'linkedin',
      length: 12,
      limit: 3000,
    })
    expect(measurePost('facebook', 'abc')).toEqual({ platform: 'facebook', length: 3, limit: 63206 })
  })

  it('instagram: length and hashtag count', () => {
    expect(measurePost('instagram', 'Dank! #vrijwilligers #buurthuis #2024 #MentalHealth')).toEqual({
      platform: 'instagram',
      length: 51,
      limit: 2200,
      hashtags: 3,
      hashtagLimit: 30,
    })
    const many = Array.from({ length: 31 }, (_, i) => `#tag${i}`).join(' ')
    expect(measurePost('instagram', many)?.hashtags).toBe(31)
  })
})

describe('helpers', () => {
  it('countGraphemes', () => {
    expect(countGraphemes('')).toBe(0)
    expect(countGraphemes('abc')).toBe(3)
    expect(countGraphemes('a\r\nb')).toBe(3)
    expect(countGraphemes(`${family}${family}`)).toBe(2)
    expect(countGraphemes('🇳🇱')).toBe(1)
  })

  it('countHashtags ignores anchors, URLs and numbers', () => {
    expect(countHashtags('#een #twee x#drie https://a.nl/#vier &#123; #5')).toBe(2)
  })

  it('mastodonCountableText', () => {
    expect(mastodonCountableText('@ann@social.example en https://a.nl')).toBe(`@ann en ${'x'.repeat(23)}`)
  })
})

describe('firstOverLimit', () => {
  /** The reference: the shortest prefix that is over the limit, by trying every prefix. */
  const slow = (platform: string, text: string, limit: number) => {
    for (let end = 1; end <= text.length; end++) {
      if ((measurePost(platform, text.slice(0, end))?.length ?? 0) > limit) return end - 1
    }
    return undefined
  }

  const texts = [
    'a'.repeat(320),
    `Zaterdag is de burendag 🎉🎉 in ons buurthuis! ${'Kom langs, neem je buren mee. '.repeat(12)}`,
    `Read more at https://example.org/a/very/long/link/that/counts/as/23 ${'and some more words here '.repeat(14)}`,
    `👨‍👩‍👧 family day 👍🏽 ${'é'.repeat(310)}`,
  ]

  for (const platform of ['x', 'bluesky', 'mastodon', 'threads', 'linkedin']) {
    it(`${platform}: the same cut as trying every prefix`, () => {
      for (const text of texts) {
        const limit = platform === 'linkedin' ? 300 : (PLATFORM_LIMITS[platform as 'x'].limit ?? 0)
        expect(firstOverLimit(platform, text, limit), text.slice(0, 30)).toBe(slow(platform, text, limit))
      }
    })
  }

  it('undefined when the text fits, and a custom limit on X', () => {
    expect(firstOverLimit('x', 'Short post.', 280)).toBeUndefined()
    expect(firstOverLimit('x', 'a'.repeat(40), 25)).toBe(25)
  })
})

describe('countGraphemes agrees with Intl.Segmenter', () => {
  const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' })
  const reference = (text: string) => [...segmenter.segment(text)].length
  it.each([
    'plain ASCII text',
    'café £10 – “quotes” and ’apostrophes’',
    'emoji 😂😂 and 🔥',
    'family 👨‍👩‍👧 and thumbs 👍🏽, flag 🇳🇱',
    'combining e\u0301 and CRLF\r\nnext line',
    'keycap 1️⃣ and heart ❤️',
  ])('%s', (text) => {
    expect(countGraphemes(text)).toBe(reference(text))
  })
})

describe('mayExceed', () => {
  const pieces = [
    'word ',
    'Café ',
    'e\u0301 ',
    '日本語 ',
    '😂',
    '👩‍👩‍👧',
    '🇳🇱',
    'x.co ',
    'a.nl/b ',
    'https://t.co ',
    'www.example.org ',
    '@jan@mastodon.social ',
    '#Zorg ',
    '\u0958',
    '.',
    '\n\n',
  ]
  // Seeded, so a failure can be reproduced.
  let seed = 7
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31
    return seed / 2 ** 31
  }

  it('never says a post fits when it does not (random posts of every kind of character, every platform)', () => {
    let measured = 0
    for (let round = 0; round < 600; round++) {
      let text = ''
      const count = 1 + Math.floor(random() * 120)
      for (let index = 0; index < count; index++) text += pieces[Math.floor(random() * pieces.length)]
      for (const platform of Object.keys(PLATFORM_LIMITS)) {
        for (const limit of [20, 100, PLATFORM_LIMITS[platform as 'x'].limit]) {
          const length = measurePost(platform, text)!.length
          if (!mayExceed(platform, text, limit))
            expect(length, `${platform} ${limit}: ${text}`).toBeLessThanOrEqual(limit)
          else measured++
        }
      }
    }
    // The bound is also useful: short posts are not measured.
    expect(measured).toBeGreaterThan(0)
    expect(mayExceed('x', 'Thanks to every volunteer who came on Saturday!', 280)).toBe(false)
    expect(mayExceed('mastodon', 'See https://example.org/winter.', 500)).toBe(false)
  })
})

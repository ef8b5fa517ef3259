/**
 * platform-length: limits per platform and per account (a rulebook's
 * account register fills `accounts`).
 */
import { describe, expect, it } from 'vitest'
import { runRuleTests } from '../../../../test/support/rule-tester.js'
import { normalizePlatform, platformLength, platformName } from './platform-length.js'

const long = 'Lang bericht. '.repeat(25).trim() // 349 characters
const tags = 'Hallo #buurt #zorg #welzijn #vrijwilligers'
const accounts = {
  'x-debrug': { platform: 'x', limits: { length: 25000 } },
  'li-debrug': { platform: 'LinkedIn', limits: { hashtags: 3 } },
  'bsky-debrug': { platform: 'bluesky' },
}

runRuleTests(platformLength, {
  valid: [
    { name: 'no frontmatter', text: long, lang: 'nl' },
    {
      name: 'an account with a higher limit',
      text: `---\naccount: x-debrug\nplatform: x\n---\n${long}`,
      lang: 'nl',
      options: { accounts },
    },
    {
      name: 'a higher limit per platform',
      text: `---\nplatform: twitter\n---\n${long}`,
      lang: 'nl',
      options: { limits: { X: { length: 4000 } } },
    },
    {
      name: 'an unknown account changes nothing',
      text: `---\naccount: onbekend\n---\n${long}`,
      lang: 'nl',
      options: { accounts },
    },
    {
      name: 'no hashtag limit on LinkedIn by default',
      text: `---\nplatform: linkedin\n---\n${tags}`,
      lang: 'nl',
    },
    {
      name: 'account limits only on the account’s own platform',
      text: `---\naccount: li-debrug\nplatform: mastodon\n---\n${tags}`,
      lang: 'nl',
      options: { accounts },
    },
  ],
  invalid: [
    {
      name: 'X without options',
      text: `---\nplatform: x\n---\n${long}`,
      lang: 'nl',
      errors: [{ message: /^Dit bericht is 349 tekens; X staat er 280 toe\. Kort het 69 tekens in/ }],
    },
    {
      name: 'the account’s platform when the draft has none',
      text: `---\naccount: bsky-debrug\n---\n${long}`,
      lang: 'en',
      options: { accounts },
      errors: [{ line: 4, message: /^This post is 349 characters; Bluesky allows 300\./ }],
    },
    {
      name: 'an account’s hashtag limit, reported at the account',
      text: `---\naccount: li-debrug\n---\n${tags}`,
      lang: 'nl',
      options: { accounts },
      errors: [
        {
          line: 2,
          column: 10,
          actual: 'li-debrug',
          message:
            'Dit bericht heeft 4 hashtags; LinkedIn (account “li-debrug”) staat er 3 toe. Houd de 3 belangrijkste.',
        },
      ],
    },
    {
      name: 'a lower limit per platform',
      text: `---\nplatform: instagram\n---\n${tags}`,
      lang: 'en',
      options: { limits: { ig: { hashtags: 2 } } },
      errors: [
        {
          line: 2,
          column: 11,
          message: 'This post has 4 hashtags; Instagram allows 2. Keep the 2 that matter most.',
        },
      ],
    },
  ],
})

describe('platform names', () => {
  it('normalizes aliases and shows names', () => {
    expect(['Twitter', ' X ', 'IG', 'bsky'].map(normalizePlatform)).toEqual([
      'x',
      'x',
      'instagram',
      'bluesky',
    ])
    expect(platformName('twitter')).toBe('X')
    expect(platformName('linkedin')).toBe('LinkedIn')
    expect(platformName('tiktok')).toBe('tiktok')
  })
})

describe('limit precedence', () => {
  it('account over platform over default', async () => {
    const { lintWith } = await import('../../../../test/support/rule-tester.js')
    const text = `---\naccount: x-debrug\n---\n${long}`
    const options = {
      accounts: { 'x-debrug': { platform: 'x', limits: { length: 300 } } },
      limits: { x: { length: 5000 } },
    }
    const messages = await lintWith(platformLength, { text, lang: 'en', options })
    expect(messages.map((message) => message.message)).toEqual([
      expect.stringMatching(/^This post is 349 characters; X \(account “x-debrug”\) allows 300\./),
    ])
  })
})

/**
 * Rule `account`: a draft's frontmatter `account:` must name an account of
 * the rulebook's register (`accounts:`), and its `platform:`, when given,
 * must be that account's platform. Reported at the frontmatter value, with a
 * did-you-mean over the registered ids. `account:` may also be a list (a post
 * for several accounts). Without a register the rule does nothing.
 *
 * An account's `limits` reach `platform-length` through that rule's
 * `accounts` option (see organisation.ts), not through this rule.
 */

import { normalizePlatform, platformName } from '@post-lint/checks'
import type { LocalText, Rule, RuleContext } from '@post-lint/core'
import { DOCS_ROOT, didYouMean } from '@post-lint/core'
import type { Account } from './types.js'

export const ACCOUNT_RULE_ID = 'account'

const TEXTS = {
  unknown: {
    en: 'Unknown account “{actual}”{hint}: the rulebook’s account register has {known}.',
    nl: 'Onbekend account “{actual}”{hint}: het accountregister van het rulebook kent {known}.',
  },
  hint: { en: ' (did you mean “{name}”?)', nl: ' (bedoel je “{name}”?)' },
  platform: {
    en: 'Account “{account}” is on {expected}, but this draft says platform: {actual}. Post from the right account or correct the platform.',
    nl: 'Account “{account}” zit op {expected}, maar dit concept zegt platform: {actual}. Plaats het via het juiste account of verbeter het platform.',
  },
  and: { en: 'and', nl: 'en' },
} satisfies Record<string, LocalText>

/** “a, b and c”, at most `max` names. */
function list(ctx: RuleContext, names: readonly string[], max = 8): string {
  const quoted = names.slice(0, max).map((name) => `“${name}”`)
  if (names.length > max) quoted.push('…')
  if (quoted.length < 2) return quoted.join('')
  return `${quoted.slice(0, -1).join(', ')} ${ctx.t(TEXTS.and)} ${quoted[quoted.length - 1]}`
}

/** Where `id` is written inside the frontmatter value (a list holds several). */
function locate(ctx: RuleContext, where: { start: number; end: number }, id: string) {
  const value = ctx.source.slice(where.start, where.end)
  const pattern = new RegExp(`(?<![\\w-])${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`)
  const found = pattern.exec(value)
  return found ? { start: where.start + found.index, end: where.start + found.index + id.length } : where
}

export function accountRule(accounts: readonly Account[]): Rule {
  const byId = new Map(accounts.map((account) => [account.id, account]))
  return {
    meta: {
      id: ACCOUNT_RULE_ID,
      defaultSeverity: 'error',
      title: { en: 'Account register', nl: 'Accountregister' },
      description: {
        en: 'A draft’s `account:` must be an account in the rulebook’s register, on the platform the draft is for.',
        nl: 'Het `account:` van een concept moet in het accountregister van het rulebook staan, op het platform waarvoor het concept is.',
      },
      url: `${DOCS_ROOT}docs/rulebook.md#accounts`,
    },
    check(ctx) {
      const frontmatter = ctx.frontmatter
      if (byId.size === 0 || !frontmatter) return
      const raw = frontmatter.data.account
      const where = frontmatter.keyOffsets.account
      if (raw == null || !where) return
      const ids = (Array.isArray(raw) ? raw : [raw])
        .filter((value) => typeof value === 'string' || typeof value === 'number')
        .map((value) => String(value).trim())
        .filter((value) => value !== '')
      const known = [...byId.keys()]
      const platformValue = frontmatter.data.platform
      const platformWhere = frontmatter.keyOffsets.platform
      for (const id of ids) {
        const account = byId.get(id)
        if (!account) {
          const guess = didYouMean(id, known)
          ctx.report({
            ...locate(ctx, where, id),
            actual: id,
            message: ctx.t(TEXTS.unknown, {
              actual: id,
              hint: guess ? ctx.t(TEXTS.hint, { name: guess }) : '',
              known: list(ctx, known),
            }),
            suggestions: guess ? [guess] : [],
          })
          continue
        }
        if (typeof platformValue !== 'string' || !platformWhere) continue
        if (normalizePlatform(platformValue) === normalizePlatform(account.platform)) continue
        ctx.report({
          start: platformWhere.start,
          end: platformWhere.end,
          actual: platformValue,
          message: ctx.t(TEXTS.platform, {
            account: id,
            expected: platformName(account.platform),
            actual: platformValue,
          }),
          suggestions: [account.platform],
        })
      }
    },
  }
}

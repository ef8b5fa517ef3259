/**
 * The rulebook's `organisation:` and account register → options of the
 * built-in rules that need them:
 *
 * - `personal-data`: `allow` (own phone numbers, IBANs, e-mail addresses and
 *   street addresses), `allowDomains` (`organisation.domains`: any address
 *   there is the organisation's) and `allowNames` (`organisation.name` and
 *   `names`: not persons).
 * - `platform-length`: `accounts` (id → platform and `limits`), so a draft
 *   with `account: x-debrug` gets that account's limits.
 *
 * These options are part of the compiled rule, not of the configuration:
 * a `--rule personal-data:error` or an override that sets only a severity
 * keeps them, and options a rulebook sets itself are added to them (lists
 * are joined, objects merged key by key; the rulebook's own value wins for
 * anything else).
 */
import type { Rule, RuleContext } from '@post-lint/core'
import type { Account, Organisation } from './types.js'

const nonEmpty = (values: ReadonlyArray<string | undefined> | undefined): string[] =>
  (values ?? []).filter((value): value is string => typeof value === 'string' && value.trim() !== '')

/** Options for `personal-data` from the organisation's details; undefined when there are none. */
export function personalDataOptions(organisation: Organisation): Record<string, unknown> | undefined {
  const allow = nonEmpty([
    ...(organisation.phones ?? []),
    ...(organisation.ibans ?? []),
    ...(organisation.emails ?? []),
    ...(organisation.addresses ?? []),
  ])
  const allowDomains = nonEmpty(organisation.domains)
  const allowNames = nonEmpty([organisation.name, ...(organisation.names ?? [])])
  const options: Record<string, unknown> = {}
  if (allow.length > 0) options.allow = allow
  if (allowDomains.length > 0) options.allowDomains = allowDomains
  if (allowNames.length > 0) options.allowNames = allowNames
  return Object.keys(options).length > 0 ? options : undefined
}

/** Options for `platform-length` from the account register; undefined when it is empty. */
export function platformLengthOptions(accounts: readonly Account[]): Record<string, unknown> | undefined {
  if (accounts.length === 0) return undefined
  const table: Record<string, { platform: string; limits?: { length?: number; hashtags?: number } }> = {}
  for (const account of accounts) {
    table[account.id] = { platform: account.platform, ...(account.limits ? { limits: account.limits } : {}) }
  }
  return { accounts: table }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The organisation's options with the rulebook's own on top: lists joined, objects merged. */
export function mergeOptions(
  derived: Readonly<Record<string, unknown>>,
  own: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...own }
  for (const [key, value] of Object.entries(derived)) {
    const mine = own[key]
    if (mine === undefined) merged[key] = value
    else if (Array.isArray(value) && Array.isArray(mine)) merged[key] = [...new Set([...value, ...mine])]
    else if (isPlainObject(value) && isPlainObject(mine)) merged[key] = { ...value, ...mine }
  }
  return merged
}

/**
 * The rule with `derived` options merged into whatever options it is run
 * with. The merged object is kept per options object, so rules that cache
 * work per options object (personal-data's allow list) still do.
 */
export function withOptions(rule: Rule, derived: Readonly<Record<string, unknown>> | undefined): Rule {
  const check = rule.check
  if (!derived || !check) return rule
  const cache = new WeakMap<object, Record<string, unknown>>()
  return {
    ...rule,
    check(ctx: RuleContext) {
      let options = cache.get(ctx.options)
      if (!options) {
        options = mergeOptions(derived, ctx.options)
        cache.set(ctx.options, options)
      }
      // Not a spread: that would read every getter of the context (a document rule's trees parse on first use).
      return check.call(rule, Object.create(ctx, { options: { value: options, enumerable: true } }))
    },
  }
}

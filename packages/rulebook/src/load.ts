/**
 * Load a rulebook: YAML → schema-validated → `extends:` merged.
 * STUB over the first rulebook parser: implemented by the load work
 * (JSON Schema, presets, extends, overrides, organisation, accounts).
 */
import type { Rule } from '@post-lint/core'
import { parseRulebook } from './legacy.js'
import type { ResolvedRulebook, RulebookLoader } from './types.js'

export function loadRulebook(
  text: string,
  filePath: string,
  _loader: RulebookLoader,
  builtins: readonly Rule[],
): ResolvedRulebook {
  const { config } = parseRulebook(text, filePath, builtins)
  return {
    filePath,
    files: [filePath],
    ...(config.language ? { language: config.language } : {}),
    organisation: {},
    watch: [],
    accounts: [],
    rules: config.rules ?? {},
    custom: {},
    overrides: [],
  }
}

/** A rulebook of built-in defaults only (no file). */
export function defaultRulebook(): ResolvedRulebook {
  return {
    filePath: undefined,
    files: [],
    organisation: {},
    watch: [],
    accounts: [],
    rules: {},
    custom: {},
    overrides: [],
  }
}

import type { Lang, LocalText, PhraseSpec, RuleMeta, SeveritySetting } from '@post-lint/core'

/** A built-in rule as written in rules/<id>/ (compiled by `pnpm generate`). */
export interface RuleData {
  id: string
  severity: SeveritySetting
  title: LocalText
  description: LocalText
  message: LocalText
  examples: Record<Lang, { flag: string[]; pass: string[] }>
  phrases: PhraseSpec[]
  options?: Record<string, unknown>
}

/** retext-equality's pattern format. */
export interface EqualityPattern {
  id: string
  type: 'basic' | 'or'
  categories: string[]
  inconsiderate: Record<string, string>
  considerate?: Record<string, string>
  condition?: string
  note?: string
  apostrophe?: boolean
}

export function metaFrom(data: RuleData, extra: Partial<RuleMeta> = {}): RuleMeta {
  return {
    id: data.id,
    defaultSeverity: data.severity,
    title: data.title,
    description: data.description,
    message: data.message,
    ...(data.options ? { defaultOptions: data.options } : {}),
    ...extra,
  }
}

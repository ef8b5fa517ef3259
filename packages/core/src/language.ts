import { franc } from 'franc-min'
import type { Lang } from './types.js'

const CODES: Record<string, Lang> = { nld: 'nl', eng: 'en' }

/** `nl`, `nl-NL`, `Dutch`, `Nederlands`, `en-GB`, … → a language post-lint checks. */
export function parseLang(value: unknown): Lang | undefined {
  if (typeof value !== 'string') return undefined
  const lower = value.trim().toLowerCase()
  if (/^(nl|nld|dut)([-_].*)?$/.test(lower) || lower === 'dutch' || lower === 'nederlands') return 'nl'
  if (/^(en|eng)([-_].*)?$/.test(lower) || lower === 'english' || lower === 'engels') return 'en'
  return undefined
}

/** Dutch or English, from the prose itself; undefined when too short to tell. */
export function detectLang(prose: string): Lang | undefined {
  const sample = prose.length > 4000 ? prose.slice(0, 4000) : prose
  const code = franc(sample, { only: ['nld', 'eng'], minLength: 12 })
  return CODES[code]
}

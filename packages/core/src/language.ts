import { lazy } from './lazy.js'
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

/**
 * Fewer letters than this is too short to tell Dutch from English: franc
 * calls “Hello damn world.” Dutch, and a wrong guess switches off the other
 * language's lists.
 */
const MIN_LETTERS = 20
/** The runner-up's score (the winner's is 1) above which the guess is a coin toss. */
const MAX_RUNNER_UP = 0.85

/** Addresses, e-mail and @handles say nothing about the language of the prose around them. */
const NOT_PROSE = /\b(?:https?:\/\/|www\.)\S*|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|@\w+/gi

/** franc builds the trigram tables of 80-odd languages when loaded (about 30 ms); most drafts say their language. */
const franc = lazy('franc', () => import('franc-min'))

/** Dutch or English, from the prose itself; undefined when too short or too close to tell. */
export async function detectLang(prose: string): Promise<Lang | undefined> {
  const sample = (prose.length > 4000 ? prose.slice(0, 4000) : prose).replace(NOT_PROSE, ' ')
  const letters = sample.match(/\p{L}/gu)?.length ?? 0
  if (letters < MIN_LETTERS) return undefined
  const { francAll } = await franc.load()
  const [best, runnerUp] = francAll(sample, { only: ['nld', 'eng'], minLength: 1 })
  if (!best || runnerUp === undefined || runnerUp[1] > MAX_RUNNER_UP) return undefined
  return CODES[best[0]]
}

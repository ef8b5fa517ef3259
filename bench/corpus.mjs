/**
 * Deterministic corpus of English social-media drafts for `pnpm bench`.
 *
 * Every draft is generated from its own seeded PRNG (seed = corpus seed + index),
 * so draft N is the same whatever `--drafts` is. The corpus lives in
 * `.bench/corpus/` (gitignored) and is regenerated when it is missing, when the
 * number of drafts differs, or when the generator changes (GENERATOR_VERSION,
 * bumped by hand, and a hash of this file, so a forgotten bump does no harm).
 */
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export const GENERATOR_VERSION = 4
export const SEED = 0x5eed_2024
export const DRAFT_WORDS = 300
export const LONG_WORDS = 20_000

/** mulberry32: small, fast, good enough for text generation. */
export function prng(seed) {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const PLATFORMS = ['linkedin', 'x', 'instagram', 'facebook', 'mastodon', 'bluesky']

const W = {
  org: [
    'our food bank',
    'the shelter',
    'our charity',
    'the foundation',
    'our youth club',
    'the hospice',
    'our helpline',
    'the trust',
    'our community kitchen',
    'the refugee centre',
  ],
  group: [
    'families',
    'children',
    'older people',
    'young carers',
    'refugees',
    'local residents',
    'students',
    'people sleeping rough',
    'new parents',
    'veterans',
    'carers',
    'neighbours',
  ],
  people: [
    'volunteers',
    'donors',
    'supporters',
    'partners',
    'trustees',
    'staff',
    'fundraisers',
    'local businesses',
    'schools',
    'churches and mosques',
    'befrienders',
  ],
  thing: [
    'school meals',
    'winter coats',
    'clean water',
    'hot meals',
    'food parcels',
    'warm beds',
    'emergency grants',
    'reading lessons',
    'hygiene kits',
    'baby boxes',
    'bus passes',
    'laptops',
    'counselling sessions',
    'respite breaks',
  ],
  event: [
    'fundraiser',
    'bake sale',
    'charity run',
    'quiz night',
    'open day',
    'gala dinner',
    'sponsored walk',
    'volunteer fair',
    'winter appeal',
    'book drive',
    'coffee morning',
    'sleep-out',
  ],
  place: [
    'Leeds',
    'Bristol',
    'Manchester',
    'Glasgow',
    'Cardiff',
    'Norwich',
    'the high street',
    'the town hall',
    'our warehouse',
    'the community centre',
    'the library',
    'Brixton',
  ],
  time: [
    'this week',
    'last month',
    'this winter',
    'over the summer',
    'since January',
    'this year',
    'on Saturday',
    'every Tuesday',
    'last night',
    'this spring',
  ],
  number: ['120', '350', '1,200', '48', '2,500', '75', '600', '15', '9,000', '230', '40', '3,100'],
  money: ['£5', '£10', '£25', '£50', '£120', '£1,000', '£12,400', '£300'],
  verb: [
    'support',
    'reach',
    'feed',
    'house',
    'help',
    'welcome',
    'train',
    'mentor',
    'visit',
    'equip',
    'protect',
    'connect with',
  ],
  adj: [
    'incredible',
    'generous',
    'tireless',
    'brilliant',
    'kind',
    'dedicated',
    'wonderful',
    'fantastic',
    'thoughtful',
    'remarkable',
  ],
  feeling: ['proud', 'grateful', 'moved', 'humbled', 'delighted', 'excited', 'thankful'],
  name: [
    'Amina',
    'Tom',
    'Priya',
    'David',
    'Grace',
    'Yusuf',
    'Sophie',
    'Kwame',
    'Ellen',
    'Marek',
    'Fatima',
    'Joe',
    'Niamh',
    'Ravi',
    'Olu',
    'Hannah',
  ],
  role: [
    'volunteer',
    'nurse',
    'teacher',
    'driver',
    'cook',
    'caseworker',
    'student',
    'grandparent',
    'shop owner',
    'youth worker',
  ],
  cause: [
    'child poverty',
    'homelessness',
    'loneliness',
    'food insecurity',
    'fuel poverty',
    'mental health',
    'literacy',
    'climate resilience',
    'digital exclusion',
  ],
  domain: [
    'example.org',
    'givehope.org.uk',
    'foodbank.example.org',
    'shelter.example.org',
    'donate.example.org',
    'ourcharity.org',
  ],
  path: [
    'donate',
    'volunteer',
    'winter-appeal',
    'annual-report',
    'events',
    'stories',
    'get-help',
    'shop',
    'careers',
    'news/2024',
  ],
  code: ['GIVE25', '#GivingTuesday', '@ourcharity', 'WINTER24', 'CODE-42', 'RUN10K'],
}

const CLEAN = [
  '{Org} helped {number} {group} {time}.',
  'Thanks to our {adj} {people}, we delivered {number} {thing} {time}.',
  'A gift of {money} can pay for {thing} for {group} in {place}.',
  'We are {feeling} to share that {org} has raised {money} for {cause} {time}.',
  'Our {people} work every day to {verb} {group} across {place}.',
  'Join us at the {event} in {place} {time} and bring a friend.',
  'Every {money} you give helps us {verb} more {group}.',
  'We could not do this without our {adj} {people}.',
  'Demand for {thing} has doubled {time}, and {group} are feeling the pressure.',
  'The {event} raised {money}, which will fund {thing} for {group}.',
  'If you can spare an hour a week, our {people} would love to hear from you.',
  'We believe nobody should face {cause} alone.',
  '{Org} now runs {number} sessions a month in {place}.',
  'Our new report shows how {cause} affects {group} in {place}.',
  'This {event} was organised entirely by {people}, and it shows.',
  'Thank you to everyone who shared our {event} {time}.',
  'We have opened a second site in {place} to {verb} {group}.',
  'Local {people} donated {number} {thing} {time}, a new record for us.',
  'Small gifts add up: {number} people gave {money} each {time}.',
  'We are looking for {people} who can help us {verb} {group} {time}.',
  'Our team in {place} handed out {thing} to {number} {group}.',
  'It has been a busy season, but every conversation reminds us why this matters.',
  'Tackling {cause} takes all of us, and we are {feeling} to be part of it.',
  'We want every one of the {group} we meet to feel welcome and safe.',
  'Doors open at ten, tea and biscuits are on us.',
]

const STORY = [
  '{Name}, a {role} from {place}, told us {pron} first came to {org} {time}.',
  '{Name} says {pron} now volunteers every week and brings {poss} neighbours along.',
  'When {Name} lost {poss} job, {pron} did not know where to turn.',
  'Our caseworker sat with {Name} and helped {obj} apply for support.',
  '{Name} has been with us for {number} days and {pron} is already training new {people}.',
  '"I never thought I would need help," {Name} said, "but {org} made {obj} feel at home."',
  'Today {Name} runs the Tuesday drop-in, and {pron} knows most visitors by name.',
  '{Name} laughs when {pron} remembers {poss} first shift in the kitchen.',
  'We asked {Name} what {pron} would say to a new volunteer.',
  '{Poss} advice is simple: turn up, listen and put the kettle on.',
  '{Name} and {poss} two children now have a warm flat in {place}.',
  'Last month {Name} passed {poss} driving test, paid for by a small grant.',
  'Thank you, {Name}, for everything you do.',
  '{Name} hopes to train as a {role} next year.',
]

/** Terms alex and post-lint both flag (retext-equality / retext-profanities, cuss). */
const FLAGGED = [
  'Our chairman opened the {event} with a short speech.',
  'It has been a crazy week at {org}.',
  'The queue outside was insane this morning.',
  'Honestly, the weather was hell, but {people} still showed up.',
  'Damn, what a turnout at the {event}!',
  'We support people who are crippled by debt.',
  'Every volunteer should bring his own lunch.',
  'Each donor can choose how he wants to give.',
  'Ask any {role} and he will tell you the same.',
  'The spokesman for {org} thanked our {people}.',
  'We need more manpower for the {event} {time}.',
  'Our work is for all mankind.',
  'The old heating system was lame, so we replaced it.',
  'Our helpline supports people who are mentally ill.',
  'The fireman who visited the kids was a big hit.',
  'A hell of a lot of {thing} went out {time}.',
  'We had a bloody good time at the {event}.',
  'This winter appeal is not a crap shoot: every pound is tracked.',
  'Some of the families we help are homeless.',
  'We were blind to how bad things had become.',
  'Every volunteer, he or she, gets a free T-shirt.',
  'Our housing officer is a real workhorse.',
  'Our {people} are the backbone of the whole operation, no dumb luck involved.',
  'The stats are depressing, but we can change them.',
]

const HEADINGS = [
  'Winter appeal update',
  'Thank you!',
  'Volunteer spotlight',
  'News from {place}',
  'Our impact {time}',
  'Can you help?',
  'Meet {Name}',
  'Dates for your diary',
]
const LIST_ITEMS = [
  '{number} {thing}',
  '{money} raised at the {event}',
  '{number} new {people}',
  'a new site in {place}',
  'free {thing} for {group}',
  'more {thing} for {group}',
  'a {event} in {place} {time}',
]
const LINK_TEXT = [
  'donate here',
  'read the full story',
  'sign up to volunteer',
  'see the report',
  'find out more',
  'book your place',
  'our winter appeal',
]

const PRONOUNS = [
  { pron: 'she', poss: 'her', obj: 'her' },
  { pron: 'he', poss: 'his', obj: 'him' },
  { pron: 'they', poss: 'their', obj: 'them' },
]

const capitalize = (text) => text.charAt(0).toUpperCase() + text.slice(1)
const words = (text) => text.split(/\s+/).filter((word) => /[A-Za-z0-9£]/.test(word)).length

class Writer {
  constructor(seed) {
    this.random = prng(seed)
    this.person = undefined
    this.used = new Set()
  }

  pick(list) {
    return list[Math.floor(this.random() * list.length)]
  }

  /** A template not used yet in this draft, while there are any. */
  fresh(list) {
    let choice = this.pick(list)
    for (let tries = 0; tries < 8 && this.used.has(choice); tries++) choice = this.pick(list)
    this.used.add(choice)
    return choice
  }

  chance(p) {
    return this.random() < p
  }

  fill(template) {
    return template.replace(/\{(\w+)\}/g, (_, key) => {
      const lower = key.toLowerCase()
      if (lower === 'name') return this.person.name
      if (lower === 'pron' || lower === 'poss' || lower === 'obj') {
        const value = this.person.pronouns[lower]
        return key === lower ? value : capitalize(value)
      }
      const value = this.pick(W[lower])
      return key === lower ? value : capitalize(value)
    })
  }

  newPerson() {
    this.used.clear()
    this.person = { name: this.pick(W.name), pronouns: this.pick(PRONOUNS) }
  }

  sentence(story) {
    // ~4% of sentences carry a term both checkers flag (on top of the
    // gendered pronouns in stories, which retext-equality flags as well).
    if (this.chance(0.04)) return this.fill(this.pick(FLAGGED))
    if (story && this.chance(0.18)) return this.fill(this.fresh(STORY))
    return this.fill(this.fresh(CLEAN))
  }

  paragraph(targetWords, story) {
    const sentences = []
    let count = 0
    while (count < targetWords) {
      const sentence = this.sentence(story)
      sentences.push(sentence)
      count += words(sentence)
    }
    return { text: sentences.join(' '), words: count }
  }

  link() {
    return `[${this.pick(LINK_TEXT)}](https://${this.pick(W.domain)}/${this.pick(W.path)})`
  }

  /** Body of a draft of about `target` words (frontmatter not counted). */
  body(target, long = false) {
    this.newPerson()
    const blocks = []
    let count = 0
    if (long || this.chance(0.4)) {
      const heading = this.fill(this.pick(HEADINGS))
      blocks.push(`${long ? '#' : this.pick(['#', '##'])} ${heading}`)
      count += words(heading)
    }
    const paragraphs = long ? Math.ceil(target / 75) : 3 + Math.floor(this.random() * 3)
    const story = this.chance(0.45)
    const linkAt = Math.floor(this.random() * paragraphs)
    const listAt = this.chance(0.3) ? Math.floor(this.random() * paragraphs) : -1
    for (let index = 0; index < paragraphs && count < target; index++) {
      if (long && index > 0 && index % 12 === 0) {
        this.newPerson()
        const heading = this.fill(this.pick(HEADINGS))
        blocks.push(`## ${heading}`)
        count += words(heading)
      }
      const remaining = long ? 75 : Math.max(20, Math.round((target - count) / (paragraphs - index)))
      let { text, words: n } = this.paragraph(remaining, story || (long && this.chance(0.4)))
      if (index === linkAt || (long && this.chance(0.15))) {
        text += ` ${capitalize(this.pick(['you can', 'please', 'why not']))} ${this.link()}.`
        n += 4
      }
      if (this.chance(0.05)) {
        text += ` Use \`${this.pick(W.code)}\` when you give.`
        n += 4
      }
      blocks.push(text)
      count += n
      if (index === listAt || (long && this.chance(0.08))) {
        const items = 2 + Math.floor(this.random() * 3)
        const lines = []
        for (let item = 0; item < items; item++) {
          const value = this.fill(this.pick(LIST_ITEMS))
          lines.push(`- ${capitalize(value)}`)
          count += words(value)
        }
        blocks.push(lines.join('\n'))
      }
    }
    return { text: blocks.join('\n\n'), words: count }
  }
}

export function draft(index, target = DRAFT_WORDS) {
  const writer = new Writer((SEED + index * 0x9e3779b1) >>> 0)
  const platform = writer.pick(PLATFORMS)
  const { text, words: count } = writer.body(Math.round(target * (0.9 + writer.random() * 0.2)))
  return { text: `---\nlang: en\nplatform: ${platform}\n---\n\n${text}\n`, words: count }
}

export function longDraft(target = LONG_WORDS) {
  const writer = new Writer(SEED ^ 0x10c6)
  const { text, words: count } = writer.body(target, true)
  return { text: `---\nlang: en\nplatform: linkedin\n---\n\n${text}\n`, words: count }
}

/**
 * Make sure `<root>/drafts` holds exactly `drafts` generated drafts and
 * `<root>/long/long.md` the long draft. Returns the manifest.
 */
export function generatorId() {
  const hash = createHash('sha256')
    .update(readFileSync(new URL(import.meta.url)))
    .digest('hex')
    .slice(0, 12)
  return `${GENERATOR_VERSION}-${hash}`
}

export function ensureCorpus(root, drafts) {
  const generator = generatorId()
  const manifestPath = join(root, 'manifest.json')
  let manifest
  try {
    manifest = JSON.parse(readFileSync(manifestPath, 'utf8'))
  } catch {}
  const draftsDir = join(root, 'drafts')
  const longPath = join(root, 'long', 'long.md')
  if (
    manifest?.generator === generator &&
    manifest.drafts === drafts &&
    existsSync(draftsDir) &&
    existsSync(longPath) &&
    existsSync(join(draftsDir, fileName(drafts - 1)))
  ) {
    return { ...manifest, regenerated: false }
  }
  rmSync(root, { recursive: true, force: true })
  mkdirSync(draftsDir, { recursive: true })
  mkdirSync(join(root, 'long'), { recursive: true })
  let totalWords = 0
  for (let index = 0; index < drafts; index++) {
    const { text, words: count } = draft(index)
    totalWords += count
    writeFileSync(join(draftsDir, fileName(index)), text)
  }
  const long = longDraft()
  writeFileSync(longPath, long.text)
  manifest = { generator, seed: SEED, drafts, draftWords: totalWords, longWords: long.words }
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`)
  return { ...manifest, regenerated: true }
}

export function fileName(index) {
  return `draft-${String(index).padStart(5, '0')}.md`
}

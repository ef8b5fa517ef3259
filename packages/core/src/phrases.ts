/**
 * One index for every phrase list of every active rule, matched in a single
 * pass over the words of a draft.
 *
 * Semantics follow nlcst-search (retext-equality, retext-profanities): words of
 * a phrase are consecutive words of one sentence with only white space between
 * them; words compare lower-cased with hyphens and apostrophes removed (curly
 * apostrophes count as straight ones); a match whose first word is wrapped in
 * quotes or brackets is literal and skipped. post-lint adds `word*` (prefix)
 * and paragraph context (`near`, `unless`: the paragraph up to a blank line,
 * also when its sentences stand on separate lines).
 *
 * Deliberate differences from nlcst-search: only quotes and brackets make a
 * word literal (see `isQuoted`); words compare in Unicode NFC (a
 * draft pasted with decomposed accents still matches), and the last word of a
 * phrase also matches a word into which the parser merged a following full
 * stop (“wat een kut. echt”, “what the hell. ok”: parse-latin keeps “kut.”
 * as one word when the next sentence starts in lower case, or after words
 * such as “op” and “no” that it takes for abbreviations); the match then
 * ends before the full stop.
 */
import type { Root as NlcstRoot, Paragraph, Sentence, SentenceContent } from 'nlcst'
import { toString as nlcstToString } from 'nlcst-to-string'
import type { Lang, PhraseMatch, PhraseSpec } from './types.js'

type WordTest = { kind: 'exact'; value: string } | { kind: 'prefix'; value: string } | { kind: 'any' }

interface Entry {
  words: WordTest[]
  apostrophe: boolean
  caseSensitive: string | undefined
  /** Main phrase of a rule (undefined for a context phrase of `near`/`unless`). */
  main: CompiledMain | undefined
  contextKey: string | undefined
  /** The word position this entry was last collected for (see `Bucket.collect`). */
  seen: number
}

interface CompiledMain {
  ruleId: string
  spec: PhraseSpec
  near: string[] | undefined
  unless: string[] | undefined
}

export interface RulePhrases {
  ruleId: string
  phrases: readonly PhraseSpec[]
}

/** Lower-case, curly → straight apostrophe; then drop hyphens and (unless kept) apostrophes. */
export function normalizeWord(value: string, keepApostrophes = false): string {
  const lower = value.normalize('NFC').toLowerCase().replace(/’/g, "'")
  return keepApostrophes ? lower.replace(/-/g, '') : lower.replace(/['-]/g, '')
}

function parseWords(phrase: string, keepApostrophes: boolean): WordTest[] {
  return phrase
    .trim()
    .split(/\s+/)
    .filter((word) => word !== '')
    .map((word): WordTest => {
      if (word === '*') return { kind: 'any' }
      if (word.length > 1 && word.endsWith('*')) {
        return { kind: 'prefix', value: normalizeWord(word.slice(0, -1), keepApostrophes) }
      }
      return { kind: 'exact', value: normalizeWord(word, keepApostrophes) }
    })
}

/** Buckets of `PhraseIndex.#firstWords`. */
const PLAIN = 1
const APOSTROPHE = 2

/**
 * Entries that start with one first word, split by their second word: most
 * phrases of a common first word (“the”, “no”) differ in their second word,
 * so only those whose second word is the next word in the text are tried.
 */
class Group {
  /** One-word entries, and entries whose second word is a prefix or `*`. */
  readonly always: Entry[] = []
  readonly bySecond = new Map<string, Entry[]>()

  add(entry: Entry): void {
    const second = entry.words[1]
    if (second?.kind === 'exact') push(this.bySecond, second.value, entry)
    else this.always.push(entry)
  }
}

class Bucket {
  readonly exact = new Map<string, Group>()
  readonly prefix = new Map<string, Group>()
  readonly prefixLengths = new Set<number>()
  readonly anyFirst = new Group()

  add(entry: Entry): void {
    const first = entry.words[0]!
    if (first.kind === 'any') this.anyFirst.add(entry)
    else if (first.kind === 'exact') groupOf(this.exact, first.value).add(entry)
    else {
      groupOf(this.prefix, first.value).add(entry)
      this.prefixLengths.add(first.value.length)
      this.#prefixStarts.add(first.value.slice(0, 2))
      this.#lengths = [...this.prefixLengths].sort((a, b) => a - b)
    }
  }

  /** First two characters of every prefix: most words are rejected with one lookup. */
  readonly #prefixStarts = new Set<string>()
  #lengths: number[] = []

  /**
   * Entries that may match at a word (`word`, or `alternative`: the word
   * without a merged full stop) followed by `next` / `nextAlternative`,
   * appended to `into`. `stamp` is unique to this word position: an entry
   * reached twice (by the word and its alternative) is taken once.
   */
  collect(
    word: string,
    alternative: string | undefined,
    next: string | undefined,
    nextAlternative: string | undefined,
    stamp: number,
    into: Entry[],
  ): void {
    this.#form(word, next, nextAlternative, stamp, into)
    if (alternative !== undefined) this.#form(alternative, next, nextAlternative, stamp, into)
    take(this.anyFirst, next, nextAlternative, stamp, into)
  }

  #form(
    form: string,
    next: string | undefined,
    nextAlternative: string | undefined,
    stamp: number,
    into: Entry[],
  ): void {
    const group = this.exact.get(form)
    if (group) take(group, next, nextAlternative, stamp, into)
    if (this.prefix.size > 0 && this.#prefixStarts.has(form.slice(0, 2))) {
      for (const length of this.#lengths) {
        if (length > form.length) break
        const prefixed = this.prefix.get(form.slice(0, length))
        if (prefixed) take(prefixed, next, nextAlternative, stamp, into)
      }
    }
  }

  get empty(): boolean {
    return this.exact.size === 0 && !this.hasOtherFirstWords
  }

  /** Whether some entry starts with a prefix or `*` (not found through `PhraseIndex.#firstWords`). */
  get hasOtherFirstWords(): boolean {
    return this.prefix.size > 0 || this.anyFirst.always.length > 0 || this.anyFirst.bySecond.size > 0
  }
}

/** A group's entries that may match before `next` (or its alternative), each once per `stamp`. */
function take(
  group: Group,
  next: string | undefined,
  nextAlternative: string | undefined,
  stamp: number,
  into: Entry[],
): void {
  append(group.always, stamp, into)
  if (group.bySecond.size === 0 || next === undefined) return
  append(group.bySecond.get(next), stamp, into)
  if (nextAlternative !== undefined) append(group.bySecond.get(nextAlternative), stamp, into)
}

function append(entries: Entry[] | undefined, stamp: number, into: Entry[]): void {
  if (!entries) return
  for (const entry of entries) {
    if (entry.seen === stamp) continue
    entry.seen = stamp
    into.push(entry)
  }
}

function groupOf(map: Map<string, Group>, key: string): Group {
  let group = map.get(key)
  if (!group) {
    group = new Group()
    map.set(key, group)
  }
  return group
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

export class PhraseIndex {
  /** Entries compared without apostrophes, and those that keep them. */
  readonly #plain = new Bucket()
  readonly #apostrophe = new Bucket()
  readonly size: number

  constructor(rules: readonly RulePhrases[], lang: Lang) {
    let size = 0
    // A context phrase (`near`/`unless`) gets one entry, however many phrases name it.
    const contexts = new Set<string>()
    const context = (phrase: string): string => {
      const key = contextKey(phrase)
      if (!contexts.has(key)) {
        contexts.add(key)
        this.#add({
          words: parseWords(phrase, false),
          apostrophe: false,
          caseSensitive: undefined,
          main: undefined,
          contextKey: key,
          seen: -1,
        })
      }
      return key
    }
    // Lists of context phrases are often one list shared by many phrases: keyed once.
    const keyLists = new Map<readonly string[], string[]>()
    const keys = (list: readonly string[] | undefined): string[] | undefined => {
      if (!list) return undefined
      let found = keyLists.get(list)
      if (!found) {
        found = list.map(context)
        keyLists.set(list, found)
      }
      return found
    }
    for (const { ruleId, phrases } of rules) {
      for (const spec of phrases) {
        if (spec.lang && spec.lang !== lang) continue
        const apostrophe = spec.apostrophe === true
        // The compiled phrase travels with its entry: one spec object may be
        // shared by several rules (or listed twice) and must count for each.
        this.#add({
          words: parseWords(spec.match, apostrophe),
          apostrophe,
          caseSensitive:
            spec.caseSensitive && spec.match !== spec.match.toLowerCase() ? spec.match : undefined,
          main: { ruleId, spec, near: keys(spec.near), unless: keys(spec.unless) },
          contextKey: undefined,
          seen: -1,
        })
        size++
      }
    }
    this.size = size
  }

  #add(entry: Entry): void {
    if (entry.words.length === 0) return
    ;(entry.apostrophe ? this.#apostrophe : this.#plain).add(entry)
    const first = entry.words[0]!
    if (first.kind === 'exact') {
      const bit = entry.apostrophe ? APOSTROPHE : PLAIN
      this.#firstWords.set(first.value, (this.#firstWords.get(first.value) ?? 0) | bit)
    }
  }

  /**
   * Exact first words of every phrase, with the buckets they are in (PLAIN,
   * APOSTROPHE): most words start no phrase, and one lookup here tells so for
   * both buckets (their forms of a word differ only when it has a hyphen or
   * an apostrophe).
   */
  readonly #firstWords = new Map<string, number>()

  /** The buckets in which a word (or its form without a merged full stop) starts a phrase. */
  #firstWordMask(word: string, trimmed: string | undefined): number {
    return (
      (this.#firstWords.get(word) ?? 0) | (trimmed === undefined ? 0 : (this.#firstWords.get(trimmed) ?? 0))
    )
  }

  /** Every rule's phrase matches in the tree, grouped by rule id, in source order. */
  match(tree: NlcstRoot): Map<string, PhraseMatch[]> {
    const byRule = new Map<string, PhraseMatch[]>()
    if (this.size === 0) return byRule
    // mdast-util-to-nlcst starts a new ParagraphNode at every line break
    // between sentences; `near`/`unless` look at the whole paragraph the
    // reader sees, up to a blank line (or the next block, which it separates
    // by a blank line too).
    let group: Array<{ paragraph: Paragraph; index: number }> = []
    let paragraphIndex = -1
    for (const node of tree.children) {
      if (node.type === 'ParagraphNode') {
        paragraphIndex++
        group.push({ paragraph: node, index: paragraphIndex })
      } else if (node.type === 'WhiteSpaceNode' && lineBreaks(node.value) > 1 && group.length > 0) {
        this.#matchParagraphs(group, byRule)
        group = []
      }
    }
    if (group.length > 0) this.#matchParagraphs(group, byRule)
    return byRule
  }

  #matchParagraphs(
    group: ReadonlyArray<{ paragraph: Paragraph; index: number }>,
    byRule: Map<string, PhraseMatch[]>,
  ): void {
    const found: Array<{ main: CompiledMain; match: PhraseMatch }> = []
    const context = new Set<string>()
    for (const { paragraph, index } of group) this.#matchParagraph(paragraph, index, found, context)
    for (const { main, match } of found) {
      if (main.near && !main.near.some((key) => context.has(key))) continue
      if (main.unless?.some((key) => context.has(key))) continue
      push(byRule, main.ruleId, match)
    }
  }

  #matchParagraph(
    paragraph: Paragraph,
    paragraphIndex: number,
    found: Array<{ main: CompiledMain; match: PhraseMatch }>,
    context: Set<string>,
  ): void {
    let sentenceIndex = -1
    for (const sentence of paragraph.children) {
      if (sentence.type !== 'SentenceNode') continue
      sentenceIndex++
      const children = sentence.children
      // Words of the sentence, normalized once; `trimmed` holds the form
      // without a full stop the parser merged into the word (“kut.”). The
      // arrays are reused from sentence to sentence: every slot up to
      // `children.length` is written below.
      const { plain, kept, plainTrimmed, keptTrimmed } = this.#words
      const apostrophes = !this.#apostrophe.empty
      for (let index = 0; index < children.length; index++) {
        const node = children[index]!
        if (node.type === 'WordNode' || node.type === 'SymbolNode') {
          const raw = lowerWord(node)
          const marks = raw.includes('-') || raw.includes("'")
          const word = marks ? raw.replace(/['-]/g, '') : raw
          plain[index] = word
          const full = mergedFullStop(node) !== undefined
          plainTrimmed[index] = full ? word.slice(0, -1) : undefined
          if (apostrophes) {
            const keep = marks ? raw.replace(/-/g, '') : raw
            kept[index] = keep
            keptTrimmed[index] = full ? keep.slice(0, -1) : undefined
          }
        } else {
          plain[index] = undefined
          plainTrimmed[index] = undefined
          kept[index] = undefined
          keptTrimmed[index] = undefined
        }
      }
      // Past the sentence's last node: no word (phrases do not run into the next sentence).
      plain[children.length] = undefined
      kept[children.length] = undefined
      plainTrimmed[children.length] = undefined
      keptTrimmed[children.length] = undefined
      const plainOthers = this.#plain.hasOtherFirstWords
      const apostropheOthers = this.#apostrophe.hasOtherFirstWords
      for (let index = 0; index < children.length; index++) {
        const word = plain[index]
        if (word === undefined) continue
        const trimmed = plainTrimmed[index]
        // One lookup for both buckets when the word has no hyphen or apostrophe.
        const mask = this.#firstWordMask(word, trimmed)
        const same = !apostrophes || (kept[index] === word && keptTrimmed[index] === trimmed)
        if (plainOthers || (mask & PLAIN) !== 0) {
          this.#candidates(
            this.#plain,
            plain,
            plainTrimmed,
            index,
            sentence,
            paragraphIndex,
            sentenceIndex,
            found,
            context,
          )
        }
        if (
          apostrophes &&
          (apostropheOthers ||
            ((same ? mask : this.#firstWordMask(kept[index]!, keptTrimmed[index])) & APOSTROPHE) !== 0)
        ) {
          this.#candidates(
            this.#apostrophe,
            kept,
            keptTrimmed,
            index,
            sentence,
            paragraphIndex,
            sentenceIndex,
            found,
            context,
          )
        }
      }
    }
  }

  /** Reused for every word: the candidate entries of the current word. */
  readonly #entries: Entry[] = []
  /** Reused for every sentence: its words as compared (see `#matchParagraph`). */
  readonly #words = {
    plain: [] as Array<string | undefined>,
    kept: [] as Array<string | undefined>,
    plainTrimmed: [] as Array<string | undefined>,
    keptTrimmed: [] as Array<string | undefined>,
  }
  /** Counts word positions, for `Bucket.collect`. */
  #stamp = 0

  #candidates(
    bucket: Bucket,
    words: Array<string | undefined>,
    trimmed: Array<string | undefined>,
    index: number,
    sentence: Sentence,
    paragraphIndex: number,
    sentenceIndex: number,
    found: Array<{ main: CompiledMain; match: PhraseMatch }>,
    context: Set<string>,
  ): void {
    const entries = this.#entries
    if (entries.length > 0) entries.length = 0
    const children = sentence.children
    let next = index + 1
    while (next < children.length && children[next]!.type === 'WhiteSpaceNode') next++
    bucket.collect(words[index]!, trimmed[index], words[next], trimmed[next], ++this.#stamp, entries)
    if (entries.length === 0) return
    const at = { paragraphIndex, sentenceIndex }
    let literal: boolean | undefined
    for (const entry of entries) {
      const result = matchRest(entry, words, trimmed, sentence.children, index)
      if (result === undefined) continue
      if (entry.contextKey !== undefined) {
        context.add(entry.contextKey)
        continue
      }
      literal ??= isQuoted(sentence, index)
      if (literal) continue
      const nodes = sentence.children.slice(index, result.end + 1)
      const last = nodes[nodes.length - 1]!
      let actual = nodes.map((node) => nlcstToString(node)).join('')
      if (result.cut) actual = actual.slice(0, -1)
      if (entry.caseSensitive !== undefined && actual !== entry.caseSensitive) continue
      const start = nodes[0]!.position?.start.offset
      const stop = result.cut ? mergedFullStop(last) : last.position?.end.offset
      if (start === undefined || stop === undefined) continue
      const main = entry.main!
      found.push({
        main,
        match: {
          spec: main.spec,
          start,
          end: stop,
          actual,
          paragraph: at.paragraphIndex,
          sentence: at.sentenceIndex,
          startNode: index,
          endNode: result.end,
        },
      })
    }
  }
}

/** A word's text, lower-cased, NFC, curly apostrophes straight; plain ASCII words skip the work they need not. */
function lowerWord(node: SentenceContent): string {
  const children = (node as { children?: Array<{ type: string; value?: string }> }).children
  const text =
    children && children.length === 1 && children[0]!.type === 'TextNode'
      ? children[0]!.value!
      : nlcstToString(node)
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range is the point.
  if (/^[\x00-\x7f]*$/.test(text)) return text.toLowerCase()
  return text.normalize('NFC').toLowerCase().replace(/’/g, "'")
}

function lineBreaks(value: string): number {
  return value.match(/\r\n|\r|\n/g)?.length ?? 0
}

/**
 * Quotes and brackets that make the word between them literal (mentioned,
 * not used): nlcst-is-literal's pairs without its comma and dash pairs.
 */
const WRAPPERS: Record<string, readonly string[]> = {
  '"': ['"'],
  "'": ["'"],
  '‘': ['’'],
  '‚': ['’'],
  '’': ['’', '‚'],
  '“': ['”'],
  '”': ['”'],
  '„': ['”', '“'],
  '«': ['»'],
  '»': ['«'],
  '‹': ['›'],
  '›': ['‹'],
  '(': [')'],
  '[': [']'],
  '{': ['}'],
  '⟨': ['⟩'],
  '「': ['」'],
}

/**
 * Whether the word at `index` is wrapped in quotes or brackets. Unlike
 * nlcst-is-literal (used by retext), words between commas or dashes, and a
 * lone word before or after a colon or dash (“Kut: de bus is te laat”,
 * “Mijn mening: klote”) are prose: in a post they are read, not quoted.
 */
function isQuoted(sentence: Sentence, index: number): boolean {
  const before = delimiter(sentence, index, -1)
  const closers = before === undefined ? undefined : WRAPPERS[before]
  if (!closers) return false
  const after = delimiter(sentence, index, 1)
  return after !== undefined && closers.includes(after)
}

/** The first punctuation or symbol before (`step` -1) or after (1) a word, with only white space between. */
function delimiter(sentence: Sentence, index: number, step: 1 | -1): string | undefined {
  for (let position = index + step; position >= 0 && position < sentence.children.length; position += step) {
    const node = sentence.children[position]!
    if (node.type === 'WordNode' || node.type === 'SourceNode') return undefined
    if (node.type !== 'WhiteSpaceNode') return nlcstToString(node)
  }
  return undefined
}

/** Source offset of a full stop the parser merged into the end of a word (“kut.”, “a.d.d.”). */
function mergedFullStop(node: SentenceContent): number | undefined {
  if (node.type !== 'WordNode' || node.children.length < 2) return undefined
  const last = node.children[node.children.length - 1]!
  if (last.type !== 'PunctuationNode' || last.value !== '.') return undefined
  return last.position?.start.offset
}

function contextKey(phrase: string): string {
  return phrase.trim().toLowerCase().replace(/\s+/g, ' ')
}

function test(wordTest: WordTest, word: string): boolean {
  if (wordTest.kind === 'any') return true
  if (wordTest.kind === 'exact') return word === wordTest.value
  return word.startsWith(wordTest.value)
}

/**
 * Index of the last node of the match, and whether the match ends before a
 * merged full stop of that node; undefined when the phrase does not match.
 */
function matchRest(
  entry: Entry,
  words: Array<string | undefined>,
  trimmed: Array<string | undefined>,
  children: readonly SentenceContent[],
  start: number,
): { end: number; cut: boolean } | undefined {
  const count = entry.words.length
  let position = start
  for (let index = 0; index < count; index++) {
    if (index > 0) {
      position++
      while (position < children.length && children[position]!.type === 'WhiteSpaceNode') position++
    }
    const word = words[position]
    if (word === undefined) return undefined
    const wordTest = entry.words[index]!
    // Only the last word may drop a merged full stop: inside a phrase it ends a sentence.
    const alternative = index === count - 1 ? trimmed[position] : undefined
    if (alternative !== undefined) {
      // An exact word keeps its full stop when it has one (“a.d.d.”); a prefix or `*` need not.
      if (wordTest.kind !== 'exact' && test(wordTest, alternative)) return { end: position, cut: true }
      if (test(wordTest, word)) return { end: position, cut: false }
      if (test(wordTest, alternative)) return { end: position, cut: true }
      return undefined
    }
    if (!test(wordTest, word)) return undefined
  }
  return { end: position, cut: false }
}

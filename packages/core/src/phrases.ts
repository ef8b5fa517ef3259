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

class Bucket {
  readonly exact = new Map<string, Entry[]>()
  readonly prefix = new Map<string, Entry[]>()
  readonly prefixLengths = new Set<number>()
  readonly anyFirst: Entry[] = []

  add(entry: Entry): void {
    const first = entry.words[0]!
    if (first.kind === 'any') this.anyFirst.push(entry)
    else if (first.kind === 'exact') push(this.exact, first.value, entry)
    else {
      push(this.prefix, first.value, entry)
      this.prefixLengths.add(first.value.length)
      this.#prefixStarts.add(first.value.slice(0, 2))
      this.#lengths = [...this.prefixLengths].sort((a, b) => a - b)
    }
  }

  /** First two characters of every prefix: most words are rejected with one lookup. */
  readonly #prefixStarts = new Set<string>()
  #lengths: number[] = []

  /** Entries whose first word may match `word`, appended to `into` (no duplicates). */
  collect(word: string, into: Entry[]): void {
    const exact = this.exact.get(word)
    if (exact) for (const entry of exact) if (!into.includes(entry)) into.push(entry)
    if (this.prefix.size > 0 && this.#prefixStarts.has(word.slice(0, 2))) {
      for (const length of this.#lengths) {
        if (length > word.length) break
        const list = this.prefix.get(word.slice(0, length))
        if (list) for (const entry of list) if (!into.includes(entry)) into.push(entry)
      }
    }
    for (const entry of this.anyFirst) if (!into.includes(entry)) into.push(entry)
  }

  get empty(): boolean {
    return this.exact.size === 0 && this.prefix.size === 0 && this.anyFirst.length === 0
  }
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
    const contexts = new Set<string>()
    for (const { ruleId, phrases } of rules) {
      for (const spec of phrases) {
        if (spec.lang && spec.lang !== lang) continue
        const apostrophe = spec.apostrophe === true
        const near = spec.near?.map((phrase) => contextKey(phrase))
        const unless = spec.unless?.map((phrase) => contextKey(phrase))
        // The compiled phrase travels with its entry: one spec object may be
        // shared by several rules (or listed twice) and must count for each.
        this.#add({
          words: parseWords(spec.match, apostrophe),
          apostrophe,
          caseSensitive:
            spec.caseSensitive && spec.match !== spec.match.toLowerCase() ? spec.match : undefined,
          main: { ruleId, spec, near, unless },
          contextKey: undefined,
        })
        size++
        for (const phrase of [...(spec.near ?? []), ...(spec.unless ?? [])]) {
          const key = contextKey(phrase)
          if (contexts.has(key)) continue
          contexts.add(key)
          this.#add({
            words: parseWords(phrase, false),
            apostrophe: false,
            caseSensitive: undefined,
            main: undefined,
            contextKey: key,
          })
        }
      }
    }
    this.size = size
  }

  #add(entry: Entry): void {
    if (entry.words.length === 0) return
    ;(entry.apostrophe ? this.#apostrophe : this.#plain).add(entry)
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
      // without a full stop the parser merged into the word (“kut.”).
      const plain: Array<string | undefined> = new Array(children.length)
      const kept: Array<string | undefined> = new Array(children.length)
      const plainTrimmed: Array<string | undefined> = new Array(children.length)
      const keptTrimmed: Array<string | undefined> = new Array(children.length)
      for (let index = 0; index < children.length; index++) {
        const node = children[index]!
        if (node.type === 'WordNode' || node.type === 'SymbolNode') {
          const raw = lowerWord(node)
          const marks = raw.includes('-') || raw.includes("'")
          plain[index] = marks ? raw.replace(/['-]/g, '') : raw
          kept[index] = marks ? raw.replace(/-/g, '') : raw
          if (mergedFullStop(node) !== undefined) {
            plainTrimmed[index] = plain[index]!.slice(0, -1)
            keptTrimmed[index] = kept[index]!.slice(0, -1)
          }
        }
      }
      for (let index = 0; index < children.length; index++) {
        if (plain[index] === undefined) continue
        if (!this.#plain.empty) {
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
        if (!this.#apostrophe.empty) {
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
    entries.length = 0
    bucket.collect(words[index]!, entries)
    const alternative = trimmed[index]
    if (alternative !== undefined) bucket.collect(alternative, entries)
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

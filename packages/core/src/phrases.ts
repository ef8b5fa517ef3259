/**
 * One index for every phrase list of every active rule, matched in a single
 * pass over the words of a draft.
 *
 * Semantics follow nlcst-search (retext-equality, retext-profanities): words of
 * a phrase are consecutive words of one sentence with only white space between
 * them; words compare lower-cased with hyphens and apostrophes removed (curly
 * apostrophes count as straight ones); a match that starts inside quotes or
 * brackets is literal and skipped. post-lint adds `word*` (prefix) and
 * paragraph context (`near`, `unless`).
 */
import type { Root as NlcstRoot, Paragraph, Sentence, SentenceContent } from 'nlcst'
import { isLiteral } from 'nlcst-is-literal'
import { toString as nlcstToString } from 'nlcst-to-string'
import type { Lang, PhraseMatch, PhraseSpec } from './types.js'

type WordTest = { kind: 'exact'; value: string } | { kind: 'prefix'; value: string } | { kind: 'any' }

interface Entry {
  words: WordTest[]
  apostrophe: boolean
  caseSensitive: string | undefined
  /** Main phrase of a rule, or a context phrase for `near`/`unless`. */
  owner: { ruleId: string; spec: PhraseSpec } | undefined
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
  const lower = value.toLowerCase().replace(/’/g, "'")
  return keepApostrophes ? lower.replace(/-/g, '') : lower.replace(/['-]/g, '')
}

function parseWords(phrase: string, keepApostrophes: boolean): WordTest[] {
  return phrase
    .trim()
    .split(/\s+/)
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
    }
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
  readonly #mains = new Map<PhraseSpec, CompiledMain>()
  readonly size: number

  constructor(rules: readonly RulePhrases[], lang: Lang) {
    let size = 0
    const contexts = new Set<string>()
    for (const { ruleId, phrases } of rules) {
      for (const spec of phrases) {
        if (spec.lang && spec.lang !== lang) continue
        const apostrophe = spec.apostrophe === true
        this.#add({
          words: parseWords(spec.match, apostrophe),
          apostrophe,
          caseSensitive:
            spec.caseSensitive && spec.match !== spec.match.toLowerCase() ? spec.match : undefined,
          owner: { ruleId, spec },
          contextKey: undefined,
        })
        size++
        const near = spec.near?.map((phrase) => contextKey(phrase))
        const unless = spec.unless?.map((phrase) => contextKey(phrase))
        for (const phrase of [...(spec.near ?? []), ...(spec.unless ?? [])]) {
          const key = contextKey(phrase)
          if (contexts.has(key)) continue
          contexts.add(key)
          this.#add({
            words: parseWords(phrase, false),
            apostrophe: false,
            caseSensitive: undefined,
            owner: undefined,
            contextKey: key,
          })
        }
        this.#mains.set(spec, { ruleId, spec, near, unless })
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
    let paragraphIndex = -1
    for (const paragraph of tree.children) {
      if (paragraph.type !== 'ParagraphNode') continue
      paragraphIndex++
      this.#matchParagraph(paragraph, paragraphIndex, byRule)
    }
    return byRule
  }

  #matchParagraph(paragraph: Paragraph, paragraphIndex: number, byRule: Map<string, PhraseMatch[]>): void {
    const found: Array<{ main: CompiledMain; match: PhraseMatch }> = []
    const context = new Set<string>()
    let sentenceIndex = -1
    for (const sentence of paragraph.children) {
      if (sentence.type !== 'SentenceNode') continue
      sentenceIndex++
      const children = sentence.children
      // Words of the sentence, normalized once.
      const plain: Array<string | undefined> = new Array(children.length)
      const kept: Array<string | undefined> = new Array(children.length)
      for (let index = 0; index < children.length; index++) {
        const node = children[index]!
        if (node.type === 'WordNode' || node.type === 'SymbolNode') {
          const raw = nlcstToString(node).toLowerCase().replace(/’/g, "'")
          plain[index] = raw.replace(/['-]/g, '')
          kept[index] = raw.replace(/-/g, '')
        }
      }
      for (let index = 0; index < children.length; index++) {
        if (plain[index] === undefined) continue
        if (!this.#plain.empty)
          this.#candidates(this.#plain, plain, index, sentence, found, context, paragraphIndex, sentenceIndex)
        if (!this.#apostrophe.empty)
          this.#candidates(
            this.#apostrophe,
            kept,
            index,
            sentence,
            found,
            context,
            paragraphIndex,
            sentenceIndex,
          )
      }
    }
    for (const { main, match } of found) {
      if (main.near && !main.near.some((key) => context.has(key))) continue
      if (main.unless?.some((key) => context.has(key))) continue
      push(byRule, main.ruleId, match)
    }
  }

  #candidates(
    bucket: Bucket,
    words: Array<string | undefined>,
    index: number,
    sentence: Sentence,
    found: Array<{ main: CompiledMain; match: PhraseMatch }>,
    context: Set<string>,
    paragraphIndex: number,
    sentenceIndex: number,
  ): void {
    const word = words[index]!
    const lists: Entry[][] = []
    const exact = bucket.exact.get(word)
    if (exact) lists.push(exact)
    for (const length of bucket.prefixLengths) {
      if (length > word.length) continue
      const list = bucket.prefix.get(word.slice(0, length))
      if (list) lists.push(list)
    }
    if (bucket.anyFirst.length > 0) lists.push(bucket.anyFirst)
    if (lists.length === 0) return
    let literal: boolean | undefined
    for (const list of lists) {
      for (const entry of list) {
        const end = matchRest(entry, words, sentence.children, index)
        if (end === -1) continue
        if (entry.contextKey !== undefined) {
          context.add(entry.contextKey)
          continue
        }
        literal ??= isLiteral(sentence, index)
        if (literal) continue
        const nodes = sentence.children.slice(index, end + 1)
        const actual = nodes.map((node) => nlcstToString(node)).join('')
        if (entry.caseSensitive !== undefined && actual !== entry.caseSensitive) continue
        const start = nodes[0]!.position?.start.offset
        const stop = nodes[nodes.length - 1]!.position?.end.offset
        if (start === undefined || stop === undefined) continue
        const owner = entry.owner!
        found.push({
          main: this.#mains.get(owner.spec)!,
          match: {
            spec: owner.spec,
            start,
            end: stop,
            actual,
            paragraph: paragraphIndex,
            sentence: sentenceIndex,
            startNode: index,
            endNode: end,
          },
        })
      }
    }
  }
}

function contextKey(phrase: string): string {
  return phrase.trim().toLowerCase().replace(/\s+/g, ' ')
}

function test(wordTest: WordTest, word: string): boolean {
  if (wordTest.kind === 'any') return true
  if (wordTest.kind === 'exact') return word === wordTest.value
  return word.startsWith(wordTest.value)
}

/** Index of the last node of the match, or -1. */
function matchRest(
  entry: Entry,
  words: Array<string | undefined>,
  children: readonly SentenceContent[],
  start: number,
): number {
  if (!test(entry.words[0]!, words[start]!)) return -1
  let position = start
  for (let index = 1; index < entry.words.length; index++) {
    position++
    while (position < children.length && children[position]!.type === 'WhiteSpaceNode') position++
    const word = words[position]
    if (word === undefined || !test(entry.words[index]!, word)) return -1
  }
  return position
}

import type { PhraseMatch, PhraseSpec, Rule, RuleContext } from '@post-lint/core'
import { longestMatches, matchCase, normalizeWord } from '@post-lint/core'
import type { Sentence } from 'nlcst'
import { toString as nlcstToString } from 'nlcst-to-string'
import { metaFrom } from '../data.js'
import { equalityPatterns } from '../generated/equality-en.js'
import { ruleData } from '../generated/rules.js'
import { ignored, ignoreSet } from './ignore.js'

/**
 * Stigmatising or non-inclusive words, with considerate alternatives.
 * English: retext-equality's patterns and semantics (including `or`
 * patterns: with option `binary: true`, “he or she” is fine). Dutch: our own
 * list in rules/insensitive/nl.yml, grounded in public Dutch guides.
 */
const data = ruleData.insensitive!

interface EqualityData {
  pattern: string
  type: 'basic' | 'or'
  category: string
  condition?: string
}

// A few retext-equality keys list two phrases in one (“front women, frontwomen”);
// nlcst-search then never matches them. We split them, so post-lint does flag
// “frontwomen” and “front man” (a deliberate difference from the library).
const englishPhrases: PhraseSpec[] = equalityPatterns.flatMap((pattern) =>
  Object.entries(pattern.inconsiderate)
    .flatMap(([key, category]) =>
      key
        .split(/\s*,\s*/)
        .filter((phrase) => phrase !== '')
        .map((phrase) => [phrase, category] as const),
    )
    .map(([phrase, category]): PhraseSpec => {
      const considerate = pattern.considerate ? Object.keys(pattern.considerate) : []
      return {
        match: phrase,
        lang: 'en',
        suggestions: considerate,
        apostrophe: pattern.apostrophe === true,
        caseSensitive: phrase !== phrase.toLowerCase(),
        ...(pattern.note ? { note: pattern.note } : {}),
        data: {
          pattern: pattern.id,
          type: pattern.type,
          category,
          ...(pattern.condition ? { condition: pattern.condition } : {}),
        } satisfies EqualityData,
      }
    }),
)

const EN_MESSAGE = {
  withSuggestion: '“{actual}” may hurt or exclude people{condition}; consider {suggestions}.',
  without: '“{actual}” may hurt or exclude people{condition}; try not to use it.',
}

export const insensitive: Rule = {
  meta: metaFrom(data, { fixable: false, allowOption: 'ignore' }),
  phrases: [...englishPhrases, ...data.phrases],
  check(ctx) {
    const ignore = ignoreSet(ctx.options.ignore)
    const binary = ctx.options.binary === true
    const patterns = new Set(
      Array.isArray(ctx.options.ignorePatterns) ? ctx.options.ignorePatterns.map(String) : [],
    )
    const matches = ctx.phraseMatches.filter(
      (match) =>
        !ignored(ignore, match) &&
        !patterns.has((match.spec.data as EqualityData | undefined)?.pattern ?? ''),
    )
    // Overlaps first (“sales men” holds “men”), then the “or” pairs among what is left:
    // “sales men or sales women” is one binary pair, not two stray “men” and “women”.
    const kept = longestMatches(matches)
    const allowed = binary ? binaryPairs(ctx, kept) : new Set<PhraseMatch>()
    for (const match of kept.filter((match) => !allowed.has(match))) {
      const equality = match.spec.data as EqualityData | undefined
      const suggestions = matchCase(match.actual, match.spec.suggestions ?? [])
      let message: string
      if (equality) {
        const vars = {
          actual: match.actual,
          condition: equality.condition ? ` (${equality.condition})` : '',
          // The message names at most three; all of them are in `suggestions`.
          suggestions: suggestions
            .slice(0, 3)
            .map((suggestion) => `“${suggestion}”`)
            .join(', '),
        }
        message = ctx.t(suggestions.length > 0 ? EN_MESSAGE.withSuggestion : EN_MESSAGE.without, vars)
      } else {
        message = ctx.t(match.spec.message ?? data.message, { actual: match.actual })
      }
      ctx.report({
        start: match.start,
        end: match.end,
        message,
        suggestions,
        ...(match.spec.note ? { note: match.spec.note } : {}),
      })
    }
  },
}

/**
 * retext-equality's `or` handling: two consecutive matches of the same
 * pattern (consecutive among that pattern's matches, as the library groups
 * them) with different categories, in one sentence, separated only by white
 * space, words containing “and”/“or”, “/” or “,” are fine (“he or she”,
 * “actors and actresses”, “he, she, or they”). The word test is the library's own unanchored
 * `/(and|or)/`, so “him nor her” is a pair too.
 */
function binaryPairs(ctx: RuleContext, matches: readonly PhraseMatch[]): Set<PhraseMatch> {
  const allowed = new Set<PhraseMatch>()
  const byPattern = new Map<string, PhraseMatch[]>()
  for (const match of [...matches].sort((a, b) => a.start - b.start)) {
    const equality = match.spec.data as EqualityData | undefined
    if (equality?.type !== 'or') continue
    const list = byPattern.get(equality.pattern)
    if (list) list.push(match)
    else byPattern.set(equality.pattern, [match])
  }
  for (const list of byPattern.values()) {
    for (let index = 0; index < list.length - 1; index++) {
      const match = list[index]!
      const next = list[index + 1]!
      const a = match.spec.data as EqualityData
      const b = next.spec.data as EqualityData
      if (a.category === b.category) continue
      if (match.paragraph !== next.paragraph || match.sentence !== next.sentence) continue
      const sentence = sentenceAt(ctx, match)
      if (!sentence) continue
      let position = match.endNode + 1
      for (; position < next.startNode; position++) {
        const node = sentence.children[position]!
        if (node.type === 'WhiteSpaceNode') continue
        if (node.type === 'WordNode' && /(and|or)/.test(normalizeWord(nlcstToString(node)))) continue
        // “/” as in the library; “,” too (“he, she, or they”): the library never needs it
        // because nlcst-is-literal takes a word between commas for a quotation.
        if (node.type === 'PunctuationNode' && /^[/,]$/.test(nlcstToString(node))) continue
        break
      }
      if (position === next.startNode) {
        allowed.add(match)
        allowed.add(next)
        index++
      }
    }
  }
  return allowed
}

function sentenceAt(ctx: RuleContext, match: PhraseMatch): Sentence | undefined {
  const paragraphs = ctx.nlcst.children.filter((node) => node.type === 'ParagraphNode')
  const paragraph = paragraphs[match.paragraph]
  if (paragraph?.type !== 'ParagraphNode') return undefined
  return paragraph.children.filter((node): node is Sentence => node.type === 'SentenceNode')[match.sentence]
}
